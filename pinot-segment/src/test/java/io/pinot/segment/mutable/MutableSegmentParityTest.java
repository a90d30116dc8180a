// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.segment.spi.ColumnMetadata;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.segment.spi.InvertedIndexReader;
import io.pinot.segment.testing.SegmentValues;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.readers.GenericRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/// The same raw rows (every data type; single-value dictionary, raw and multi-value columns; nulls, text, arrays)
/// indexed into a mutable segment and built into an immutable one with the regular creator must give the same
/// values, cardinalities, minimums, maximums and entry counts for every column, at boundary sizes around the
/// statistics interval (256) and the bitmap block (65,536).
class MutableSegmentParityTest {
  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0} rows, cardinality {1}")
  @CsvSource({"1, 1", "2, 2", "255, 7", "256, 16", "257, 300", "1000, 1000", "70000, 40", "66000, 100000"})
  void matchesImmutableSegment(int numRows, int cardinality) throws Exception {
    TableConfig table = MutableTestData.table(false);
    List<GenericRow> rows = MutableTestData.rows(numRows * 31L + cardinality, numRows, cardinality);
    MutableSegment mutable = MutableTestData.segment(table, numRows + 10);
    MutableTestData.indexAll(mutable, rows);
    MutableSegmentSnapshot snapshot = mutable.snapshot();
    try (IndexSegment immutable = MutableTestData.immutable(dir, table, "alltypes_0", rows)) {
      assertThat(snapshot.numDocs()).isEqualTo(numRows).isEqualTo(immutable.numDocs());
      for (String column : MutableTestData.COLUMNS) {
        assertThat(SegmentValues.column(snapshot, column)).as(column)
            .isEqualTo(SegmentValues.column(immutable, column));
        assertSameStatistics(snapshot.dataSource(column).metadata(), immutable.dataSource(column).metadata());
        if (snapshot.dataSource(column).invertedIndex() != null) {
          assertInvertedIndexMatchesValues(snapshot, column);
        }
      }
    }
  }

  private static void assertSameStatistics(ColumnMetadata actual, ColumnMetadata expected) {
    String column = expected.name();
    assertThat(actual.totalDocs()).as(column).isEqualTo(expected.totalDocs());
    assertThat(actual.cardinality()).as(column).isEqualTo(expected.cardinality());
    assertThat(actual.singleValue()).as(column).isEqualTo(expected.singleValue());
    assertThat(actual.hasDictionary()).as(column).isEqualTo(expected.hasDictionary());
    assertThat(actual.maxNumberOfMultiValues()).as(column).isEqualTo(expected.maxNumberOfMultiValues());
    assertThat(actual.totalNumberOfEntries()).as(column).isEqualTo(expected.totalNumberOfEntries());
    assertThat(actual.dataType()).as(column).isEqualTo(expected.dataType());
    assertThat(actual.fieldType()).as(column).isEqualTo(expected.fieldType());
    assertThat(Objects.deepEquals(actual.minValue(), expected.minValue())).as(column + " min " + actual.minValue()
        + " vs " + expected.minValue()).isTrue();
    assertThat(Objects.deepEquals(actual.maxValue(), expected.maxValue())).as(column + " max " + actual.maxValue()
        + " vs " + expected.maxValue()).isTrue();
    assertThat(actual.sorted()).as(column).isFalse();
  }

  /// Each dictionary id's bitmap holds exactly the documents whose values include the id's value.
  private static void assertInvertedIndexMatchesValues(IndexSegment segment, String column) {
    DataSource source = segment.dataSource(column);
    Dictionary dictionary = source.dictionary();
    InvertedIndexReader inverted = source.invertedIndex();
    List<Object> values = SegmentValues.column(segment, column);
    List<MutableRoaringBitmap> expected = new ArrayList<>();
    for (int dictId = 0; dictId < dictionary.length(); dictId++) {
      expected.add(new MutableRoaringBitmap());
    }
    for (int docId = 0; docId < values.size(); docId++) {
      Object value = values.get(docId);
      List<?> docValues = source.metadata().singleValue() ? List.of(value) : (List<?>) value;
      for (Object docValue : docValues) {
        Object key = docValue instanceof List<?> bytes ? toBytes(bytes) : docValue;
        expected.get(dictionary.indexOf(key)).add(docId);
      }
    }
    long total = 0;
    for (int dictId = 0; dictId < dictionary.length(); dictId++) {
      ImmutableRoaringBitmap actual = inverted.docIds(dictId);
      assertThat(actual).as(column + " dictId " + dictId).isEqualTo(expected.get(dictId));
      total += actual.getLongCardinality();
    }
    assertThat(total).isGreaterThanOrEqualTo(values.size());
  }

  private static byte[] toBytes(List<?> list) {
    byte[] bytes = new byte[list.size()];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (Byte) list.get(i);
    }
    return bytes;
  }
}
