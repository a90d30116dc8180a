// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.common.utils.JsonUtils;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.spi.ColumnMetadata;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.segment.spi.NullValueVectorReader;
import io.pinot.segment.spi.SegmentMetadata;
import io.pinot.segment.testing.SegmentValues;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.GenericRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MutableSegmentTest {
  private static final Schema SCHEMA = JsonUtils.fromJson("""
      {"schemaName": "t", "enableColumnBasedNullHandling": true,
       "dimensionFieldSpecs": [{"name": "name", "dataType": "STRING"},
                               {"name": "tags", "dataType": "STRING", "singleValueField": false},
                               {"name": "code", "dataType": "INT", "notNull": true}],
       "metricFieldSpecs": [{"name": "amount", "dataType": "DOUBLE"}],
       "dateTimeFieldSpecs": [{"name": "ts", "dataType": "LONG", "format": "1:SECONDS:EPOCH",
                               "granularity": "1:SECONDS"}]}""", Schema.class);
  private static final TableConfig TABLE = JsonUtils.fromJson("""
      {"tableName": "t", "tableType": "REALTIME", "segmentsConfig": {"timeColumnName": "ts"},
       "tableIndexConfig": {"invertedIndexColumns": ["name", "tags"], "noDictionaryColumns": ["amount"]}}""",
      TableConfig.class);

  private static MutableSegment segment(int capacity, long budget) {
    return new MutableSegment(MutableSegmentConfig.builder().tableConfig(TABLE).schema(SCHEMA)
        .segmentName("t__3__7__20240101T0000Z").capacity(capacity).maxMemoryBytes(budget).creationTime(1234L)
        .build());
  }

  private static GenericRow row(Object name, Object tags, Object code, Object amount, Object ts) {
    GenericRow row = new GenericRow();
    row.putValue("name", name);
    row.putValue("tags", tags);
    row.putValue("code", code);
    row.putValue("amount", amount);
    row.putValue("ts", ts);
    return row;
  }

  @Test
  void emptySegmentHasNoValuesAndNoTimeRange() {
    MutableSegment segment = segment(10, 0);
    MutableSegmentSnapshot snapshot = segment.snapshot();
    assertThat(snapshot.numDocs()).isZero();
    SegmentMetadata metadata = snapshot.metadata();
    assertThat(metadata.totalDocs()).isZero();
    assertThat(metadata.segmentName()).isEqualTo("t__3__7__20240101T0000Z");
    assertThat(metadata.tableName()).isEqualTo("t");
    assertThat(metadata.startTime()).isEqualTo(-1);
    assertThat(metadata.endTime()).isEqualTo(-1);
    assertThat(metadata.timeUnit()).isNull();
    assertThat(metadata.formatVersion()).isEqualTo(MutableSegmentSnapshot.FORMAT_VERSION);
    assertThat(metadata.creationTime()).isEqualTo(1234L);
    for (String column : SCHEMA.columnNames()) {
      ColumnMetadata columnMetadata = metadata.columns().get(column);
      assertThat(columnMetadata.totalDocs()).isZero();
      assertThat(columnMetadata.minValue()).isNull();
      assertThat(columnMetadata.maxValue()).isNull();
    }
    DataSource name = snapshot.dataSource("name");
    assertThat(name.dictionary().length()).isZero();
    assertThatThrownBy(() -> name.invertedIndex().docIds(0)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(snapshot.dataSource("missing")).isNull();
  }

  @Test
  void oneDocumentIsReadableWithItsMetadataAndTimeRange() {
    MutableSegment segment = segment(10, 0);
    assertThat(segment.index(row("x", new Object[] {"a", "b", "a"}, 5, 2.5, 1_700_000_000L))).isTrue();
    MutableSegmentSnapshot snapshot = segment.snapshot();
    assertThat(snapshot.numDocs()).isOne();
    assertThat(SegmentValues.column(snapshot, "tags")).containsExactly(List.of("a", "b", "a"));
    ColumnMetadata tags = snapshot.dataSource("tags").metadata();
    assertThat(tags.cardinality()).isEqualTo(2);
    assertThat(tags.maxNumberOfMultiValues()).isEqualTo(3);
    assertThat(tags.totalNumberOfEntries()).isEqualTo(3);
    assertThat(tags.minValue()).isEqualTo("a");
    assertThat(tags.maxValue()).isEqualTo("b");
    assertThat(snapshot.dataSource("tags").invertedIndex().docIds(0).toArray()).containsExactly(0);
    assertThat(snapshot.dataSource("amount").metadata().minValue()).isEqualTo(2.5);
    assertThat(snapshot.dataSource("amount").metadata().cardinality()).isEqualTo(-1);
    SegmentMetadata metadata = snapshot.metadata();
    assertThat(metadata.timeColumn()).isEqualTo("ts");
    assertThat(metadata.startTime()).isEqualTo(1_700_000_000L);
    assertThat(metadata.endTime()).isEqualTo(1_700_000_000L);
    assertThat(metadata.timeUnit()).isEqualTo(TimeUnit.SECONDS);
  }

  @Test
  void rowThatFailsConversionLeavesNoTrace() {
    MutableSegment segment = segment(10, 0);
    assertThatThrownBy(() -> segment.index(row("new", new Object[] {"t1"}, 1, 1.0, "not a time")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Column[ts]: ");
    assertThat(segment.numDocs()).isZero();
    assertThat(segment.index(row("kept", null, 2, 3.0, 100L))).isTrue();
    MutableSegmentSnapshot snapshot = segment.snapshot();
    Dictionary names = snapshot.dataSource("name").dictionary();
    assertThat(names.length()).isOne();
    assertThat(names.get(0)).isEqualTo("kept");
    assertThat(names.indexOf("new")).isEqualTo(-1);
    assertThat(snapshot.dataSource("tags").dictionary().length()).isOne();
  }

  @Test
  void nullsBecomeDefaultsAndAreRecordedInNullVectors() {
    MutableSegment segment = segment(10, 0);
    segment.index(row(null, new Object[0], 4, null, 10L));
    segment.index(row("y", null, 6, 1.5, 11L));
    segment.index(row("z", List.of("p"), 8, 2.5, 12L));
    MutableSegmentSnapshot snapshot = segment.snapshot();
    assertThat(SegmentValues.column(snapshot, "name")).containsExactly("null", "y", "z");
    assertThat(SegmentValues.column(snapshot, "tags")).containsExactly(List.of("null"), List.of("null"),
        List.of("p"));
    assertThat(SegmentValues.column(snapshot, "amount")).containsExactly(0.0, 1.5, 2.5);
    assertThat(snapshot.dataSource("name").nullValueVector().nullBitmap().toArray()).containsExactly(0);
    assertThat(snapshot.dataSource("tags").nullValueVector().nullBitmap().toArray()).containsExactly(0, 1);
    assertThat(snapshot.dataSource("amount").nullValueVector().nullBitmap().toArray()).containsExactly(0);
    assertThat(snapshot.dataSource("code").nullValueVector()).as("notNull column").isNull();
  }

  @Test
  void commitKeepsNullsAsNulls(@TempDir Path dir) throws Exception {
    MutableSegment segment = segment(10, 0);
    segment.index(row(null, new Object[0], 4, null, 10L));
    segment.index(row("y", List.of("q"), 6, 1.5, 11L));
    MutableSegmentSnapshot snapshot = segment.snapshot();
    MutableSegmentRecordReader reader = new MutableSegmentRecordReader(snapshot);
    GenericRow first = reader.next(new GenericRow());
    assertThat(first.hasColumn("name")).isTrue();
    assertThat(first.getValue("name")).isNull();
    assertThat(first.getValue("tags")).isNull();
    assertThat(first.getValue("amount")).isNull();
    assertThat(first.getValue("code")).isEqualTo(4);
    GenericRow second = reader.next(new GenericRow());
    assertThat(second.getValue("name")).isEqualTo("y");
    assertThat((Object[]) second.getValue("tags")).containsExactly("q");
    try (IndexSegment committed = SegmentLoader.load(MutableSegmentConverter.convert(snapshot, dir).segmentDir())) {
      for (String column : SCHEMA.columnNames()) {
        assertThat(SegmentValues.column(committed, column)).as(column)
            .isEqualTo(SegmentValues.column(snapshot, column));
        NullValueVectorReader nulls = committed.dataSource(column).nullValueVector();
        if (nulls != null) {
          assertThat(nulls.nullBitmap()).as(column)
              .isEqualTo(snapshot.dataSource(column).nullValueVector().nullBitmap());
        }
      }
    }
  }

  @Test
  void capacityLimitsTheDocuments() {
    MutableSegment segment = segment(3, 0);
    for (int i = 0; i < 3; i++) {
      assertThat(segment.canAddMore()).isTrue();
      assertThat(segment.index(row("n" + i, null, i, i, i))).isTrue();
    }
    assertThat(segment.canAddMore()).isFalse();
    assertThat(segment.index(row("n3", null, 3, 3, 3))).isFalse();
    assertThat(segment.numDocs()).isEqualTo(3);
  }

  @Test
  void memoryBudgetStopsIndexingAtACheckpoint() {
    MutableSegment segment = segment(1_000_000, 1);
    int indexed = 0;
    while (segment.index(row("n" + indexed, null, indexed, indexed, indexed))) {
      indexed++;
    }
    assertThat(indexed).isEqualTo(MutableColumn.STATS_INTERVAL);
    assertThat(segment.memoryBytes()).isPositive();
    assertThat(segment.canAddMore()).isFalse();
  }

  @Test
  void snapshotKeepsItsPrefixWhileTheWriterContinues() {
    MutableSegment segment = segment(10_000, 0);
    for (int i = 0; i < 300; i++) {
      segment.index(row("n" + i % 10, new Object[] {"t" + i % 3}, i, i, 1000L + i));
    }
    MutableSegmentSnapshot before = segment.snapshot();
    List<Object> names = SegmentValues.column(before, "name");
    for (int i = 300; i < 1000; i++) {
      segment.index(row("m" + i, new Object[] {"u" + i}, -i, -i, 5000L + i));
    }
    assertThat(before.numDocs()).isEqualTo(300);
    assertThat(segment.numDocs()).isEqualTo(1000);
    assertThat(SegmentValues.column(before, "name")).isEqualTo(names);
    DataSource name = before.dataSource("name");
    assertThat(name.dictionary().length()).isEqualTo(10);
    assertThat(name.dictionary().indexOf("m500")).isEqualTo(-1);
    assertThat(name.invertedIndex().docIds(0).getCardinality()).isEqualTo(30);
    assertThat(before.dataSource("code").metadata().minValue()).isEqualTo(0);
    assertThat(before.dataSource("amount").metadata().minValue()).isEqualTo(0.0);
    assertThat(before.metadata().endTime()).isEqualTo(1299L);
    MutableSegmentSnapshot after = segment.snapshot();
    assertThat(after.dataSource("name").dictionary().length()).isEqualTo(710);
    assertThat(after.dataSource("code").metadata().minValue()).isEqualTo(-999);
    assertThat(after.metadata().endTime()).isEqualTo(5999L);
  }

  @Test
  void liveIndexSegmentMethodsAnswerFromTheCurrentDocuments() {
    MutableSegment segment = segment(100, 0);
    segment.index(row("a", null, 1, 1, 1L));
    assertThat(segment.numDocs()).isOne();
    assertThat(segment.dataSource("name").metadata().totalDocs()).isOne();
    segment.index(row("b", null, 2, 2, 2L));
    assertThat(segment.metadata().totalDocs()).isEqualTo(2);
    assertThat(segment.columnNames()).containsExactly("name", "tags", "code", "amount", "ts");
    assertThat(segment.segmentName()).isEqualTo("t__3__7__20240101T0000Z");
  }

  @Test
  void closedSegmentRejectsWritesButOldSnapshotsStayReadable() {
    MutableSegment segment = segment(100, 0);
    segment.index(row("a", null, 1, 1, 1L));
    MutableSegmentSnapshot snapshot = segment.snapshot();
    segment.close();
    segment.close();
    assertThat(segment.isClosed()).isTrue();
    assertThatThrownBy(() -> segment.index(row("b", null, 2, 2, 2L))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(segment::snapshot).isInstanceOf(IllegalStateException.class);
    assertThat(segment.canAddMore()).isFalse();
    assertThat(segment.memoryBytes()).isZero();
    assertThat(SegmentValues.column(snapshot, "name")).containsExactly("a");
  }

  @Test
  void dictionaryIsUnsortedAndAnswersEqualityLookups() {
    MutableSegment segment = segment(100, 0);
    for (String name : new String[] {"c", "a", "b", "a"}) {
      segment.index(row(name, null, name.charAt(0) - 'a', 0, 0L));
    }
    Dictionary names = segment.snapshot().dataSource("name").dictionary();
    assertThat(names.sorted()).isFalse();
    assertThat(List.of(names.get(0), names.get(1), names.get(2))).containsExactly("c", "a", "b");
    assertThat(names.indexOf("b")).isEqualTo(2);
    assertThatThrownBy(() -> names.insertionIndexOf("b")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> names.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
    Dictionary codes = segment.snapshot().dataSource("code").dictionary();
    assertThat(codes.indexOf(0)).isEqualTo(1);
    assertThat(codes.indexOf(2L)).isEqualTo(0);
    assertThat(codes.indexOf(1.0)).isEqualTo(2);
    assertThat(codes.indexOf(1.5)).isEqualTo(-1);
    assertThat(codes.indexOf("1")).isEqualTo(2);
    assertThat(codes.indexOf(Long.MAX_VALUE)).isEqualTo(-1);
    ColumnMetadata metadata = segment.snapshot().dataSource("name").metadata();
    assertThat(metadata.minValue()).isEqualTo("a");
    assertThat(metadata.maxValue()).isEqualTo("c");
    assertThat(metadata.bitsPerElement()).isEqualTo(2);
  }

  @ParameterizedTest(name = "cardinality {0}")
  @ValueSource(ints = {1, 2, 63, 64, 65, 255, 256, 257, 4095, 4096, 4097, 20_000})
  void cardinalityBoundaries(int cardinality) {
    MutableSegment segment = segment(100_000, 0);
    int numDocs = Math.max(2 * cardinality, 600);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < numDocs; i++) {
      String name = "v" + (i % cardinality);
      expected.add(name);
      segment.index(row(name, new Object[] {name, "x"}, i % cardinality, i, (long) i));
    }
    MutableSegmentSnapshot snapshot = segment.snapshot();
    assertThat(SegmentValues.column(snapshot, "name")).isEqualTo(new ArrayList<Object>(expected));
    DataSource name = snapshot.dataSource("name");
    assertThat(name.metadata().cardinality()).isEqualTo(cardinality);
    assertThat(snapshot.dataSource("tags").metadata().cardinality()).isEqualTo(cardinality == 1 ? 2 : cardinality
        + (expected.contains("x") ? 0 : 1));
    assertThat(snapshot.dataSource("code").metadata().maxValue()).isEqualTo(cardinality - 1);
    for (int value = 0; value < cardinality; value += Math.max(1, cardinality / 17)) {
      int dictId = name.dictionary().indexOf("v" + value);
      assertThat(dictId).isEqualTo(value);
      assertThat(name.invertedIndex().docIds(dictId).getCardinality())
          .isEqualTo(numDocs / cardinality + (value < numDocs % cardinality ? 1 : 0));
    }
    assertThat(name.dictionary().indexOf("v" + cardinality)).isEqualTo(-1);
  }
}
