// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.common.utils.JsonUtils;
import io.pinot.segment.creator.SegmentCreator;
import io.pinot.segment.creator.SegmentGeneratorConfig;
import io.pinot.segment.format.IndexType;
import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.loader.ImmutableSegment;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.readers.InMemoryRecordReader;
import io.pinot.segment.spi.JsonFilter;
import io.pinot.segment.spi.JsonIndexReader;
import io.pinot.spi.config.table.JsonIndexConfig;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// JSON indexes built into segments (a dictionary JSON column and a raw STRING column holding JSON) answer every
/// filter shape exactly as a brute-force evaluation over each document's flattened records, at 0, 1 and many
/// documents, with nulls, a single distinct value and all-distinct values.
class JsonIndexTest {
  private static final String SCHEMA = """
      {"schemaName": "j", "dimensionFieldSpecs": [
        {"name": "doc", "dataType": "JSON"},
        {"name": "raw", "dataType": "STRING", "maxLength": 100000},
        {"name": "mv", "dataType": "JSON", "singleValueField": false},
        {"name": "id", "dataType": "INT"}]}""";
  private static final String TABLE = """
      {"tableName": "j", "tableType": "OFFLINE",
       "tableIndexConfig": {"jsonIndexColumns": ["doc", "mv", "id"], "noDictionaryColumns": ["raw"]},
       "fieldConfigList": [{"name": "raw", "indexes": {"json": {"maxLevels": 0}}}]}""";

  @TempDir
  Path dir;

  private static List<JsonFilter> filters() {
    return List.of(
        new JsonFilter.Eq("$.name", "n3"),
        new JsonFilter.Eq("name", "n3"),
        new JsonFilter.Eq("$.age", "31"),
        new JsonFilter.NotEq("$.name", "n3"),
        new JsonFilter.In("$.name", List.of("n1", "n2", "zz")),
        new JsonFilter.NotIn("$.name", List.of("n1", "n2")),
        new JsonFilter.IsNotNull("$.addresses[*].country"),
        new JsonFilter.IsNull("$.addresses"),
        new JsonFilter.IsNull("$.addresses[*].country"),
        new JsonFilter.And(List.of(new JsonFilter.Eq("$.addresses[*].country", "us"),
            new JsonFilter.Eq("$.addresses[*].number", "2"))),
        new JsonFilter.Eq("$.addresses[0].country", "ca"),
        new JsonFilter.And(List.of(new JsonFilter.Eq("$.addresses[1].country", "us"),
            new JsonFilter.Eq("$.addresses[0].country", "ca"))),
        new JsonFilter.Eq("$.addresses[7].country", "us"),
        new JsonFilter.Eq("$.tags[*]", "t1"),
        new JsonFilter.Eq("$.tags[1]", "t2"),
        new JsonFilter.Or(List.of(new JsonFilter.Eq("$.tags[*]", "t0"), new JsonFilter.Range("$.age", "40", true,
            null, false, true))),
        new JsonFilter.Range("$.age", "20", false, "35", true, true),
        new JsonFilter.Range("$.score", null, false, "2.5", false, true),
        new JsonFilter.Range("$.name", "n2", true, "n5", false, false),
        new JsonFilter.Range("$.name", "0", true, null, false, true),
        new JsonFilter.RegexpLike("$.name", "n[12]"),
        new JsonFilter.Eq("$.active", "true"),
        new JsonFilter.Eq("$", "7"),
        new JsonFilter.Eq("$[0]", "a"),
        new JsonFilter.Eq("$.missing", "x"),
        new JsonFilter.And(List.of(new JsonFilter.IsNotNull("$.name"), new JsonFilter.Or(List.of(
            new JsonFilter.Eq("$.age", "30"), new JsonFilter.NotEq("$.addresses[*].country", "us"))))));
  }

  private static String randomDocument(Random random, int i) {
    return switch (random.nextInt(12)) {
      case 0 -> "null";
      case 1 -> "{}";
      case 2 -> "7";
      case 3 -> "[\"a\", \"b\"]";
      default -> {
        StringBuilder addresses = new StringBuilder("[");
        int count = random.nextInt(4);
        for (int a = 0; a < count; a++) {
          addresses.append(a == 0 ? "" : ",").append("{\"country\": \"").append(random.nextBoolean() ? "us" : "ca")
              .append("\", \"number\": ").append(random.nextInt(4)).append('}');
        }
        addresses.append(']');
        yield "{\"name\": \"n" + random.nextInt(8) + "\", \"age\": " + (18 + random.nextInt(40)) + ", \"score\": "
            + random.nextInt(50) / 10.0 + ", \"active\": " + (i % 3 == 0) + ", \"tags\": [\"t" + random.nextInt(3)
            + "\", \"t" + random.nextInt(3) + "\"], \"addresses\": " + addresses + "}";
      }
    };
  }

  private ImmutableSegment build(List<String> documents) throws IOException {
    return SegmentLoader.load(buildDir(documents));
  }

  private Path buildDir(List<String> documents) throws IOException {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      Map<String, Object> row = new HashMap<>();
      if (!documents.get(i).equals("null")) {
        row.put("doc", documents.get(i));
        row.put("raw", documents.get(i));
      }
      row.put("mv", List.of("{}"));
      row.put("id", i);
      rows.add(row);
    }
    Path out = Files.createTempDirectory(dir, "s");
    SegmentGeneratorConfig config = SegmentGeneratorConfig.builder().schema(JsonUtils.fromJson(SCHEMA, Schema.class))
        .tableConfig(JsonUtils.fromJson(TABLE, TableConfig.class)).outputDir(out).build();
    return SegmentCreator.create(config, new InMemoryRecordReader(rows)).segmentDir();
  }

  private static void assertMatchesBruteForce(ImmutableSegment segment, List<String> documents) {
    JsonFlattener flattener = new JsonFlattener(JsonIndexConfig.defaults());
    List<List<Map<String, String>>> records = new ArrayList<>();
    for (String document : documents) {
      records.add(flattener.flatten(document));
    }
    for (String column : List.of("doc", "raw")) {
      JsonIndexReader index = segment.dataSource(column).jsonIndex();
      assertThat(index).as(column).isNotNull();
      for (JsonFilter filter : filters()) {
        assertThat(index.matchingDocIds(filter).toArray()).as("%s on %s", filter, column)
            .containsExactly(BruteForceJsonMatch.matchingDocs(records, filter));
      }
    }
  }

  @Test
  void manyDocumentsMatchTheBruteForceEvaluation() throws IOException {
    Random random = new Random(11);
    List<String> documents = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      documents.add(randomDocument(random, i));
    }
    try (ImmutableSegment segment = build(documents)) {
      assertMatchesBruteForce(segment, documents);
      int selective = 0;
      StringBuilder counts = new StringBuilder();
      for (JsonFilter filter : filters()) {
        int count = segment.dataSource("doc").jsonIndex().matchingDocIds(filter).getCardinality();
        selective += count > 0 && count < documents.size() ? 1 : 0;
        counts.append(filter).append(" -> ").append(count).append('\n');
      }
      assertThat(selective).as("filters matching some but not all documents: %s", counts).isGreaterThanOrEqualTo(21);
      MappedJsonIndexReader index = (MappedJsonIndexReader) segment.dataSource("doc").jsonIndex();
      assertThat(index.numDocs()).isEqualTo(3000);
      assertThat(index.numFlattenedDocs()).isGreaterThan(3000);
      assertThat(segment.dataSource("mv").jsonIndex()).as("multi-value columns get none").isNull();
      assertThat(segment.dataSource("id").jsonIndex()).as("INT columns get none").isNull();
    }
  }

  @Test
  void zeroAndOneDocuments() throws IOException {
    try (ImmutableSegment segment = build(List.of())) {
      JsonIndexReader index = segment.dataSource("doc").jsonIndex();
      assertThat(index.numFlattenedDocs()).isZero();
      assertThat(index.matchingDocIds(new JsonFilter.IsNull("$.a")).isEmpty()).isTrue();
      assertThat(index.matchingDocIds(new JsonFilter.Eq("$.a", "1")).isEmpty()).isTrue();
    }
    List<String> one = List.of("{\"name\": \"n3\", \"age\": 31, \"addresses\": [{\"country\": \"ca\"}, "
        + "{\"country\": \"us\", \"number\": 2}], \"tags\": [\"t1\", \"t2\"]}");
    try (ImmutableSegment segment = build(one)) {
      assertMatchesBruteForce(segment, one);
      assertThat(segment.dataSource("doc").jsonIndex().matchingDocIds(new JsonFilter.Eq("$.addresses[1].number",
          "2")).toArray()).containsExactly(0);
    }
  }

  @Test
  void oneDistinctValueAndAllDistinctValues() throws IOException {
    List<String> same = new ArrayList<>();
    List<String> distinct = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      same.add("{\"name\": \"n1\", \"tags\": [\"t1\"]}");
      distinct.add("{\"name\": \"n" + i + "\", \"age\": " + i + "}");
    }
    try (ImmutableSegment segment = build(same)) {
      assertMatchesBruteForce(segment, same);
      assertThat(segment.dataSource("doc").jsonIndex().matchingDocIds(new JsonFilter.Eq("name", "n1"))
          .getCardinality()).isEqualTo(200);
    }
    try (ImmutableSegment segment = build(distinct)) {
      assertMatchesBruteForce(segment, distinct);
      // One record per document: flattened ids are doc ids and no mapping is stored.
      MappedJsonIndexReader index = (MappedJsonIndexReader) segment.dataSource("raw").jsonIndex();
      assertThat(index.numFlattenedDocs()).isEqualTo(200);
      assertThat(index.matchingDocIds(new JsonFilter.Range("$.age", "150", false, null, false, true))
          .getCardinality()).isEqualTo(49);
    }
  }

  @Test
  void invalidFiltersAndDocumentsFail() throws IOException {
    try (ImmutableSegment segment = build(List.of("{\"a\": 1}"))) {
      JsonIndexReader index = segment.dataSource("doc").jsonIndex();
      assertThatThrownBy(() -> index.matchingDocIds(new JsonFilter.And(List.of(new JsonFilter.IsNull("$.a"),
          new JsonFilter.Eq("$.b", "1"))))).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("IS NULL");
      assertThatThrownBy(() -> index.matchingDocIds(new JsonFilter.RegexpLike("$.a", "(")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("regular expression");
      assertThatThrownBy(() -> index.matchingDocIds(new JsonFilter.Eq("$.a[0", "1")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bracket");
    }
    assertThatThrownBy(() -> build(List.of("{\"a\": 1}", "{broken"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Column[doc] doc[1]").hasMessageContaining("JSON index");
  }

  @Test
  void theIndexSitsInColumnsPsfUnderItsOwnName() throws IOException {
    Path segmentDir = buildDir(List.of("{\"a\": 1}"));
    String indexMap = Files.readString(segmentDir.resolve(SegmentFormat.V3_DIR).resolve(SegmentFormat.INDEX_MAP_FILE),
        StandardCharsets.UTF_8);
    assertThat(indexMap).contains("doc." + IndexType.JSON_INDEX.indexName() + ".startOffset")
        .contains("raw." + IndexType.JSON_INDEX.indexName() + ".size")
        .doesNotContain("mv." + IndexType.JSON_INDEX.indexName());
  }
}
