// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.timestamp;

import static io.pinot.segment.testing.SegmentValues.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.common.utils.JsonUtils;
import io.pinot.segment.creator.SegmentCreator;
import io.pinot.segment.creator.SegmentGeneratorConfig;
import io.pinot.segment.loader.ImmutableSegment;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.readers.InMemoryRecordReader;
import io.pinot.segment.spi.ColumnMetadata;
import io.pinot.segment.spi.DataSource;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldType;
import io.pinot.spi.data.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Timestamp index configuration (both config forms) and the derived `$ts$GRANULARITY` columns of built segments.
class TimestampIndexesTest {
  private static final Schema SCHEMA = JsonUtils.fromJson("""
      {"schemaName": "t", "enableColumnBasedNullHandling": true,
       "dimensionFieldSpecs": [{"name": "name", "dataType": "STRING"},
         {"name": "mvts", "dataType": "LONG", "singleValueField": false}],
       "metricFieldSpecs": [{"name": "raw", "dataType": "LONG"}],
       "dateTimeFieldSpecs": [
         {"name": "ts", "dataType": "TIMESTAMP", "format": "TIMESTAMP", "granularity": "1:MILLISECONDS"}]}""",
      Schema.class);
  private static final String TABLE = """
      {"tableName": "t", "tableType": "OFFLINE", "tableIndexConfig": {"noDictionaryColumns": ["raw"]},
       "fieldConfigList": [
         {"name": "ts", "indexes": {"timestamp": {"granularities": ["DAY", "week", "MONTH", "DAY", "DECADE"]}}},
         {"name": "raw", "encodingType": "RAW", "indexTypes": ["TIMESTAMP"],
          "timestampConfig": {"granularities": ["HOUR"]}},
         {"name": "name", "timestampConfig": {"granularities": ["DAY"]}},
         {"name": "mvts", "indexes": {"timestamp": {"granularities": ["DAY"]}}}]}""";

  @TempDir
  Path dir;

  @Test
  void bothConfigFormsDeriveColumnsOfSingleValueLongColumnsOnly() {
    TableConfig table = JsonUtils.fromJson(TABLE, TableConfig.class);
    assertThat(TimestampIndexes.derivedColumns(table, SCHEMA)).containsExactly(
        new TimestampIndexes.DerivedColumn("$ts$DAY", "ts", TimestampGranularity.DAY),
        new TimestampIndexes.DerivedColumn("$ts$WEEK", "ts", TimestampGranularity.WEEK),
        new TimestampIndexes.DerivedColumn("$ts$MONTH", "ts", TimestampGranularity.MONTH),
        new TimestampIndexes.DerivedColumn("$raw$HOUR", "raw", TimestampGranularity.HOUR));
    TableConfig disabled = JsonUtils.fromJson("""
        {"tableName": "t", "tableType": "OFFLINE", "fieldConfigList": [
          {"name": "ts", "indexes": {"timestamp": {"disabled": true, "granularities": ["DAY"]}},
           "timestampConfig": {"granularities": ["DAY"]}}]}""", TableConfig.class);
    assertThat(TimestampIndexes.derivedColumns(disabled, SCHEMA)).isEmpty();
    TableConfig malformed = JsonUtils.fromJson("""
        {"tableName": "t", "tableType": "OFFLINE", "fieldConfigList": [
          {"name": "ts", "indexes": {"timestamp": {"granularities": "DAY"}}}]}""", TableConfig.class);
    assertThatThrownBy(() -> TimestampIndexes.derivedColumns(malformed, SCHEMA))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be a list");
  }

  @Test
  void derivedColumnNamesParseBack() {
    assertThat(TimestampIndexes.parse("$ts$DAY")).isEqualTo(new TimestampIndexes.DerivedColumn("$ts$DAY", "ts",
        TimestampGranularity.DAY));
    assertThat(TimestampIndexes.parse("$a$b$QUARTER").source()).isEqualTo("a$b");
    assertThat(TimestampIndexes.parse("ts")).isNull();
    assertThat(TimestampIndexes.parse("$ts$day")).isNull();
    assertThat(TimestampIndexes.parse("$ts$")).isNull();
    assertThat(TimestampIndexes.parse("$$DAY")).isNull();
  }

  @Test
  void builtSegmentsHoldTruncatedValuesWithRangeIndexesAndNulls() throws IOException {
    Random random = new Random(9);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      Map<String, Object> row = new HashMap<>();
      row.put("name", "n" + i);
      if (i % 10 != 3) {
        row.put("ts", i % 7 == 0 ? "2024-03-0" + (1 + i % 9) + " 10:11:12" : 1_700_000_000_000L
            + random.nextLong(100L * 86_400_000L));
      }
      row.put("raw", 1_600_000_000_000L + random.nextLong(5L * 86_400_000L));
      row.put("mvts", List.of(1L, 2L));
      rows.add(row);
    }
    TableConfig table = JsonUtils.fromJson(TABLE, TableConfig.class);
    Path out = Files.createTempDirectory(dir, "s");
    SegmentGeneratorConfig config = SegmentGeneratorConfig.builder().schema(SCHEMA).tableConfig(table).outputDir(out)
        .build();
    try (ImmutableSegment segment = SegmentLoader.load(SegmentCreator.create(config, new InMemoryRecordReader(rows))
        .segmentDir())) {
      assertDerived(segment, "ts", "$ts$DAY", TimestampGranularity.DAY);
      assertDerived(segment, "ts", "$ts$WEEK", TimestampGranularity.WEEK);
      assertDerived(segment, "ts", "$ts$MONTH", TimestampGranularity.MONTH);
      assertDerived(segment, "raw", "$raw$HOUR", TimestampGranularity.HOUR);
      assertThat(segment.dataSource("$ts$DAY").nullValueVector().nullBitmap().getCardinality()).isEqualTo(200);
      assertThat(segment.dataSource("$ts$DAY").nullValueVector().nullBitmap().toArray())
          .isEqualTo(segment.dataSource("ts").nullValueVector().nullBitmap().toArray());
      assertThat(segment.metadata().columns().keySet()).containsExactly("name", "mvts", "raw", "ts", "$ts$DAY",
          "$ts$WEEK", "$ts$MONTH", "$raw$HOUR");
      assertThat(segment.dataSource("$mvts$DAY")).isNull();
    }
  }

  /// The derived column holds the source's stored values truncated (default values included), has a dictionary
  /// and a range index, and is a TIMESTAMP date-time column.
  static void assertDerived(ImmutableSegment segment, String source, String derived,
      TimestampGranularity granularity) {
    List<Object> expected = new ArrayList<>();
    for (Object value : column(segment, source)) {
      expected.add(granularity.truncate((Long) value));
    }
    assertThat(column(segment, derived)).as(derived).isEqualTo(expected);
    DataSource dataSource = segment.dataSource(derived);
    ColumnMetadata metadata = dataSource.metadata();
    assertThat(metadata.dataType()).isEqualTo(DataType.TIMESTAMP);
    assertThat(metadata.fieldType()).isEqualTo(FieldType.DATE_TIME);
    assertThat(metadata.hasDictionary()).isTrue();
    assertThat(dataSource.rangeIndex() != null || dataSource.sortedIndex() != null).isTrue();
    assertThat(metadata.autoGenerated()).isFalse();
  }
}
