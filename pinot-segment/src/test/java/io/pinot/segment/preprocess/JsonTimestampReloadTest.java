// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.preprocess;

import static io.pinot.segment.testing.SegmentValues.column;
import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.utils.JsonUtils;
import io.pinot.segment.creator.SegmentCreator;
import io.pinot.segment.creator.SegmentGeneratorConfig;
import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.index.timestamp.TimestampGranularity;
import io.pinot.segment.loader.ImmutableSegment;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.readers.InMemoryRecordReader;
import io.pinot.segment.spi.JsonFilter;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Reload adds and removes JSON indexes and timestamp index columns: what it builds equals what segment creation
/// builds from the same rows, and removing them restores a segment without them.
class JsonTimestampReloadTest {
  private static final Schema SCHEMA = JsonUtils.fromJson("""
      {"schemaName": "r", "enableColumnBasedNullHandling": true,
       "dimensionFieldSpecs": [{"name": "doc", "dataType": "JSON"},
         {"name": "rawdoc", "dataType": "STRING", "maxLength": 10000}],
       "dateTimeFieldSpecs": [
         {"name": "ts", "dataType": "TIMESTAMP", "format": "TIMESTAMP", "granularity": "1:MILLISECONDS"},
         {"name": "epoch", "dataType": "LONG", "format": "1:MILLISECONDS:EPOCH", "granularity": "1:MILLISECONDS"}]}
      """, Schema.class);
  private static final String PLAIN = """
      {"tableName": "r", "tableType": "OFFLINE", "tableIndexConfig": {"noDictionaryColumns": ["rawdoc", "epoch"]}}""";
  private static final String INDEXED = """
      {"tableName": "r", "tableType": "OFFLINE",
       "tableIndexConfig": {"noDictionaryColumns": ["rawdoc", "epoch"], "jsonIndexColumns": ["doc"],
         "jsonIndexConfigs": {"rawdoc": {"excludeArray": true}}},
       "fieldConfigList": [
         {"name": "ts", "indexes": {"timestamp": {"granularities": ["DAY", "MONTH"]}}},
         {"name": "epoch", "indexTypes": ["TIMESTAMP"], "timestampConfig": {"granularities": ["HOUR"]}}]}""";
  private static final List<String> DERIVED = List.of("$ts$DAY", "$ts$MONTH", "$epoch$HOUR");

  @TempDir
  Path dir;

  private List<Map<String, Object>> rows;
  private Path segmentDir;

  @BeforeEach
  void build() throws IOException {
    Random random = new Random(17);
    rows = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      Map<String, Object> row = new HashMap<>();
      String json = "{\"k\": \"v" + random.nextInt(30) + "\", \"a\": [" + random.nextInt(5) + ", "
          + random.nextInt(5) + "]}";
      if (i % 11 != 0) {
        row.put("doc", json);
        row.put("ts", 1_650_000_000_000L + random.nextLong(200L * 86_400_000L));
      }
      row.put("rawdoc", json);
      row.put("epoch", 1_600_000_000_000L + random.nextLong(3L * 86_400_000L));
      rows.add(row);
    }
    segmentDir = create(PLAIN, "plain");
  }

  private Path create(String table, String name) throws IOException {
    Path out = Files.createDirectories(dir.resolve(name));
    SegmentGeneratorConfig config = SegmentGeneratorConfig.builder().schema(SCHEMA)
        .tableConfig(JsonUtils.fromJson(table, TableConfig.class)).outputDir(out).sequenceId(0)
        .creationTime(1_700_000_000_000L).build();
    return SegmentCreator.create(config, new InMemoryRecordReader(rows)).segmentDir();
  }

  @Test
  void addsThenRemovesJsonIndexesAndDerivedColumns() throws IOException {
    TableConfig indexed = JsonUtils.fromJson(INDEXED, TableConfig.class);
    SegmentPreprocessor.Result added = SegmentPreprocessor.preprocess(segmentDir, indexed, SCHEMA);
    assertThat(added.actions()).containsExactlyInAnyOrder("add json_index on doc", "add json_index on rawdoc",
        "add derived column $ts$DAY", "add derived column $ts$MONTH", "add derived column $epoch$HOUR");
    Path built = create(INDEXED, "built");
    try (ImmutableSegment reloaded = SegmentLoader.load(segmentDir);
        ImmutableSegment fresh = SegmentLoader.load(built)) {
      for (String derived : DERIVED) {
        assertThat(column(reloaded, derived)).as(derived).isEqualTo(column(fresh, derived));
        assertThat(reloaded.dataSource(derived).metadata()).isEqualTo(fresh.dataSource(derived).metadata());
        assertThat(reloaded.dataSource(derived).rangeIndex()).isNotNull();
      }
      assertThat(reloaded.dataSource("$ts$DAY").nullValueVector().nullBitmap().toArray())
          .isEqualTo(fresh.dataSource("$ts$DAY").nullValueVector().nullBitmap().toArray()).hasSize(137);
      assertThat(column(reloaded, "$epoch$HOUR").get(5))
          .isEqualTo(TimestampGranularity.HOUR.truncate((Long) column(reloaded, "epoch").get(5)));
      for (JsonFilter filter : List.of(new JsonFilter.Eq("$.k", "v3"), new JsonFilter.Eq("$.a[1]", "2"),
          new JsonFilter.IsNull("$.k"), new JsonFilter.Range("$.a[*]", "3", true, null, false, true))) {
        for (String column : List.of("doc", "rawdoc")) {
          assertThat(reloaded.dataSource(column).jsonIndex().matchingDocIds(filter).toArray()).as("%s", filter)
              .isEqualTo(fresh.dataSource(column).jsonIndex().matchingDocIds(filter).toArray());
        }
      }
      // excludeArray on rawdoc: the array is not indexed.
      assertThat(reloaded.dataSource("rawdoc").jsonIndex().matchingDocIds(new JsonFilter.IsNotNull("$.a[*]"))
          .isEmpty()).isTrue();
      assertThat(reloaded.dataSource("doc").jsonIndex().matchingDocIds(new JsonFilter.IsNull("$.k"))
          .getCardinality()).isEqualTo(137);
    }
    assertThat(SegmentPreprocessor.preprocess(segmentDir, indexed, SCHEMA).changed()).isFalse();

    TableConfig plain = JsonUtils.fromJson(PLAIN, TableConfig.class);
    SegmentPreprocessor.Result removed = SegmentPreprocessor.preprocess(segmentDir, plain, SCHEMA);
    assertThat(removed.actions()).containsExactlyInAnyOrder("remove json_index on doc",
        "remove json_index on rawdoc", "drop column $ts$DAY", "drop column $ts$MONTH", "drop column $epoch$HOUR");
    Path v3 = segmentDir.resolve(SegmentFormat.V3_DIR);
    assertThat(Files.readString(v3.resolve(SegmentFormat.METADATA_FILE), StandardCharsets.UTF_8))
        .doesNotContain("$ts$DAY").doesNotContain("$epoch$HOUR");
    assertThat(Files.readString(v3.resolve(SegmentFormat.INDEX_MAP_FILE), StandardCharsets.UTF_8))
        .doesNotContain("json_index").doesNotContain("$ts$");
    Path plainAgain = create(PLAIN, "plainAgain");
    try (ImmutableSegment segment = SegmentLoader.load(segmentDir);
        ImmutableSegment expected = SegmentLoader.load(plainAgain)) {
      assertThat(segment.columnNames()).containsExactlyElementsOf(expected.columnNames());
      for (String column : SCHEMA.columnNames()) {
        assertThat(column(segment, column)).as(column).isEqualTo(column(expected, column));
        assertThat(segment.dataSource(column).jsonIndex()).isNull();
      }
    }
    assertThat(Arrays.equals(Files.readAllBytes(v3.resolve(SegmentFormat.DATA_FILE)), Files.readAllBytes(
        plainAgain.resolve(SegmentFormat.V3_DIR).resolve(SegmentFormat.DATA_FILE)))).isTrue();
    assertThat(SegmentPreprocessor.preprocess(segmentDir, plain, SCHEMA).changed()).isFalse();
  }
}
