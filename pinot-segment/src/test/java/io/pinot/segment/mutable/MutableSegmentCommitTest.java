// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.segment.creator.SegmentCreationResult;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.spi.ColumnMetadata;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.segment.testing.SegmentValues;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.readers.GenericRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// Committing a mutable segment: the record reader returns its rows (in doc order, or sorted by the table's
/// `sortedColumn`) and the converter builds the immutable segment holding exactly those values.
class MutableSegmentCommitTest {
  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0} rows")
  @ValueSource(ints = {0, 1, 257, 5000})
  void committedSegmentHoldsTheSnapshotsRowsInDocOrder(int numRows) throws Exception {
    TableConfig table = MutableTestData.table(false);
    MutableSegment segment = MutableTestData.segment(table, numRows + 1);
    MutableTestData.indexAll(segment, MutableTestData.rows(numRows, numRows, 50));
    MutableSegmentSnapshot snapshot = segment.snapshot();
    SegmentCreationResult result = MutableSegmentConverter.convert(snapshot, dir);
    assertThat(result.segmentName()).isEqualTo(segment.segmentName());
    assertThat(result.numDocs()).isEqualTo(numRows);
    try (IndexSegment committed = SegmentLoader.load(result.segmentDir())) {
      assertThat(committed.numDocs()).isEqualTo(numRows);
      for (String column : MutableTestData.COLUMNS) {
        assertThat(SegmentValues.column(committed, column)).as(column)
            .isEqualTo(SegmentValues.column(snapshot, column));
        ColumnMetadata expected = snapshot.dataSource(column).metadata();
        ColumnMetadata actual = committed.dataSource(column).metadata();
        assertThat(actual.cardinality()).as(column).isEqualTo(expected.cardinality());
        assertThat(actual.totalNumberOfEntries()).as(column).isEqualTo(expected.totalNumberOfEntries());
      }
      assertThat(committed.metadata().startTime()).isEqualTo(snapshot.metadata().startTime());
      assertThat(committed.metadata().endTime()).isEqualTo(snapshot.metadata().endTime());
    }
  }

  @Test
  void rowsAreSortedByTheSortedColumnAtCommit() throws Exception {
    TableConfig table = MutableTestData.table(true);
    List<GenericRow> rows = MutableTestData.rows(5, 3000, 40);
    // Shuffle the time column so that doc order is not time order.
    for (int i = 0; i < rows.size(); i++) {
      rows.get(i).putValue("ts", 1_000_000L + (i * 7919L) % 1000);
    }
    MutableSegment segment = MutableTestData.segment(table, rows.size());
    MutableTestData.indexAll(segment, rows);
    MutableSegmentSnapshot snapshot = segment.snapshot();
    MutableSegmentRecordReader reader = new MutableSegmentRecordReader(snapshot);
    List<Long> times = new ArrayList<>();
    List<Integer> docIds = new ArrayList<>();
    GenericRow row = new GenericRow();
    while (reader.hasNext()) {
      docIds.add(reader.docIdAt(times.size()));
      times.add((Long) reader.next(row).getValue("ts"));
    }
    assertThat(times).hasSize(3000).isSorted();
    for (int i = 1; i < times.size(); i++) {
      if (times.get(i).equals(times.get(i - 1))) {
        assertThat(docIds.get(i)).as("ties keep doc order").isGreaterThan(docIds.get(i - 1));
      }
    }
    reader.rewind();
    assertThat(reader.next(row).getValue("ts")).isEqualTo(times.get(0));
    assertThat(reader.position()).contains(segment.segmentName());
    try (IndexSegment committed = SegmentLoader.load(MutableSegmentConverter.convert(snapshot, dir).segmentDir())) {
      assertThat(committed.dataSource("ts").sortedIndex()).as("sorted at commit").isNotNull();
      List<Object> expectedStrings = new ArrayList<>();
      List<Object> strings = SegmentValues.column(snapshot, "dString");
      for (int docId : docIds) {
        expectedStrings.add(strings.get(docId));
      }
      assertThat(SegmentValues.column(committed, "dString")).isEqualTo(expectedStrings);
    }
  }

  @Test
  void rawAndDictionarySortColumnsGiveTheSameOrder() {
    TableConfig table = MutableTestData.table(false);
    List<GenericRow> rows = MutableTestData.rows(9, 1000, 30);
    MutableSegment segment = MutableTestData.segment(table, rows.size());
    MutableTestData.indexAll(segment, rows);
    MutableSegmentSnapshot snapshot = segment.snapshot();
    for (String column : new String[] {"dInt", "rInt", "dString", "rString", "rBytes", "rDecimal", "rDouble"}) {
      MutableSegmentRecordReader reader = new MutableSegmentRecordReader(snapshot, column);
      List<Object> values = SegmentValues.column(snapshot, column);
      List<Object> sorted = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) {
        sorted.add(values.get(reader.docIdAt(i)));
      }
      assertThat(sorted).as(column).isSortedAccordingTo(MutableSegmentCommitTest::compare);
    }
    MutableSegmentRecordReader multi = new MutableSegmentRecordReader(snapshot, "mInt");
    assertThat(multi.docIdAt(5)).as("multi-value sort columns keep doc order").isEqualTo(5);
    MutableSegmentRecordReader unknown = new MutableSegmentRecordReader(snapshot, "nope");
    assertThat(unknown.docIdAt(7)).isEqualTo(7);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    if (a instanceof List<?> x && b instanceof List<?> y) {
      Comparator<Byte> unsigned = (p, q) -> Integer.compare(p & 0xFF, q & 0xFF);
      for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
        int cmp = unsigned.compare((Byte) x.get(i), (Byte) y.get(i));
        if (cmp != 0) {
          return cmp;
        }
      }
      return Integer.compare(x.size(), y.size());
    }
    return ((Comparable) a).compareTo(b);
  }
}
