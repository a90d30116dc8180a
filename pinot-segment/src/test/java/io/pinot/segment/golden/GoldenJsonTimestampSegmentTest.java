// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.golden;

import static io.pinot.segment.testing.SegmentValues.column;
import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.utils.JsonUtils;
import io.pinot.segment.creator.SegmentCreationResult;
import io.pinot.segment.creator.SegmentCreator;
import io.pinot.segment.creator.SegmentGeneratorConfig;
import io.pinot.segment.format.IndexType;
import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.index.json.MappedJsonIndexReader;
import io.pinot.segment.loader.ImmutableSegment;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.readers.InMemoryRecordReader;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.JsonFilter;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The golden segment of the JSON index (`JSNI` buffers: `doc`, a dictionary JSON column whose arrays flatten into
/// several records per document, and `raw`, a raw STRING column with one record per document and so no mapping)
/// and of the timestamp index (derived `$ts$DAY` and `$ts$WEEK` columns with range indexes). Rebuilt byte for byte
/// and loaded.
class GoldenJsonTimestampSegmentTest {
  static final String SEGMENT_NAME = "goldenjsonts_0";

  private static final String SCHEMA = """
      {"schemaName": "goldenjsonts", "dimensionFieldSpecs": [
         {"name": "doc", "dataType": "JSON"},
         {"name": "raw", "dataType": "STRING"}],
       "dateTimeFieldSpecs": [
         {"name": "ts", "dataType": "TIMESTAMP", "format": "TIMESTAMP", "granularity": "1:MILLISECONDS"}]}""";

  private static final String TABLE = """
      {"tableName": "goldenjsonts", "tableType": "OFFLINE",
       "tableIndexConfig": {"jsonIndexColumns": ["doc"], "noDictionaryColumns": ["raw"]},
       "fieldConfigList": [
         {"name": "raw", "encodingType": "RAW", "indexTypes": ["JSON"]},
         {"name": "ts", "indexes": {"timestamp": {"granularities": ["DAY", "WEEK"]}}}]}""";

  @TempDir
  Path dir;

  static SegmentCreationResult build(Path outputDir) throws IOException {
    List<Map<String, Object>> rows = List.of(
        row("{\"name\": \"adam\", \"addresses\": [{\"country\": \"us\", \"n\": 1}, {\"country\": \"ca\", \"n\": 2}]}",
            "{\"k\": 1}", 1_709_208_000_000L),
        row(null, "{\"k\": 2, \"s\": \"x\"}", 1_709_251_199_999L),
        row("{\"name\": \"\\u4e2d\\u56fd\", \"tags\": [\"a\", \"b\", \"a\"]}", "[3]", 1_709_251_200_000L),
        row("[]", "\"top\"", 0L),
        row("{\"name\": \"eve\", \"addresses\": [], \"n\": null}", "{\"k\": 1}", null));
    SegmentGeneratorConfig config = SegmentGeneratorConfig.builder()
        .schema(JsonUtils.fromJson(SCHEMA, Schema.class)).tableConfig(JsonUtils.fromJson(TABLE, TableConfig.class))
        .outputDir(outputDir).sequenceId(0).creationTime(1_700_000_000_000L).build();
    return SegmentCreator.create(config, new InMemoryRecordReader(rows));
  }

  private static Map<String, Object> row(String doc, String raw, Long ts) {
    Map<String, Object> row = new HashMap<>();
    row.put("doc", doc);
    row.put("raw", raw);
    row.put("ts", ts);
    return row;
  }

  @Test
  void rebuildingGivesTheCheckedInBytes() throws IOException, URISyntaxException {
    SegmentCreationResult result = build(dir);
    assertThat(result.segmentName()).isEqualTo(SEGMENT_NAME);
    GoldenSegmentTest.compareWithGolden(result, GoldenSegmentTest.CURRENT + "/" + SEGMENT_NAME);
  }

  @Test
  void theCheckedInSegmentLoads() throws IOException, URISyntaxException {
    Path golden = GoldenSegmentTest.goldenDir(GoldenSegmentTest.CURRENT + "/" + SEGMENT_NAME);
    String indexMap = Files.readString(golden.resolve(SegmentFormat.V3_DIR).resolve(SegmentFormat.INDEX_MAP_FILE),
        StandardCharsets.UTF_8);
    assertThat(indexMap).contains("doc." + IndexType.JSON_INDEX.indexName() + ".startOffset",
        "raw." + IndexType.JSON_INDEX.indexName() + ".startOffset", "$ts$DAY.range_index.startOffset");
    try (ImmutableSegment segment = SegmentLoader.load(golden)) {
      assertValues(segment);
    }
  }

  @Test
  void builtSegmentAnswersTheSame() throws IOException {
    try (ImmutableSegment segment = SegmentLoader.load(build(dir).segmentDir())) {
      assertValues(segment);
    }
  }

  static void assertValues(ImmutableSegment segment) {
    assertThat(column(segment, "ts")).containsExactly(1_709_208_000_000L, 1_709_251_199_999L, 1_709_251_200_000L,
        0L, 0L);
    assertThat(column(segment, "$ts$DAY")).containsExactly(1_709_164_800_000L, 1_709_164_800_000L,
        1_709_251_200_000L, 0L, 0L);
    assertThat(column(segment, "$ts$WEEK")).containsExactly(1_708_905_600_000L, 1_708_905_600_000L,
        1_708_905_600_000L, -259_200_000L, -259_200_000L);
    DataSource day = segment.dataSource("$ts$DAY");
    assertThat(day.sortedIndex() != null || day.rangeIndex() != null).isTrue();
    MappedJsonIndexReader doc = (MappedJsonIndexReader) segment.dataSource("doc").jsonIndex();
    assertThat(doc.numFlattenedDocs()).isEqualTo(6);
    assertThat(doc.matchingDocIds(new JsonFilter.Eq("$.addresses[*].country", "ca")).toArray()).containsExactly(0);
    assertThat(doc.matchingDocIds(new JsonFilter.And(List.of(new JsonFilter.Eq("$.addresses[*].country", "us"),
        new JsonFilter.Eq("$.addresses[*].n", "2")))).isEmpty()).isTrue();
    assertThat(doc.matchingDocIds(new JsonFilter.Eq("$.name", "\u4e2d\u56fd")).toArray()).containsExactly(2);
    assertThat(doc.matchingDocIds(new JsonFilter.Eq("$.tags[2]", "a")).toArray()).containsExactly(2);
    assertThat(doc.matchingDocIds(new JsonFilter.IsNull("$.name")).toArray()).containsExactly(1, 3);
    MappedJsonIndexReader raw = (MappedJsonIndexReader) segment.dataSource("raw").jsonIndex();
    assertThat(raw.numFlattenedDocs()).isEqualTo(5);
    assertThat(raw.matchingDocIds(new JsonFilter.Eq("$.k", "1")).toArray()).containsExactly(0, 4);
    assertThat(raw.matchingDocIds(new JsonFilter.Eq("$[0]", "3")).toArray()).containsExactly(2);
    assertThat(raw.matchingDocIds(new JsonFilter.Eq("$", "top")).toArray()).containsExactly(3);
    assertThat(raw.matchingDocIds(new JsonFilter.Range("k", "1", false, null, false, true)).toArray())
        .containsExactly(1);
  }
}
