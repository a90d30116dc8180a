// SPDX-License-Identifier: Apache-2.0
package io.pinot.perf.jmh;

import io.pinot.common.utils.JsonUtils;
import io.pinot.segment.creator.SegmentCreator;
import io.pinot.segment.creator.SegmentGeneratorConfig;
import io.pinot.segment.creator.name.FixedSegmentNameGenerator;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.readers.InMemoryRecordReader;
import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.segment.spi.JsonFilter;
import io.pinot.segment.spi.JsonIndexReader;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.GenericRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/// The JSON index over a memory-mapped segment of JSON documents (`{"name", "age", "country", "addresses": [1 to 3
/// {"country", "number"}]}`, raw forward index) against the scan it replaces: `JSON_MATCH` of an equality
/// (0.1% of documents), of two conditions on the same array element, and of a numeric range, next to parsing every
/// document with Jackson to test the equality. Scores are operations per second; each result's cardinality is
/// consumed.
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class JsonIndexBenchmark {
  private static final Schema SCHEMA = JsonUtils.fromJson("""
      {"schemaName": "docs", "dimensionFieldSpecs": [{"name": "doc", "dataType": "JSON"}]}""", Schema.class);
  private static final TableConfig TABLE = JsonUtils.fromJson("""
      {"tableName": "docs", "tableType": "OFFLINE", "tableIndexConfig": {"noDictionaryColumns": ["doc"]},
       "fieldConfigList": [{"name": "doc", "encodingType": "RAW", "indexes": {"json": {}}}]}""", TableConfig.class);
  private static final JsonFilter EQUALITY = new JsonFilter.Eq("$.name", "n17");
  private static final JsonFilter SAME_ELEMENT = new JsonFilter.And(List.of(
      new JsonFilter.Eq("$.addresses[*].country", "c3"), new JsonFilter.Eq("$.addresses[*].number", "2")));
  private static final JsonFilter RANGE = new JsonFilter.Range("$.age", "30", true, "40", false, true);

  @Param("500000")
  int rows;

  private Path dir;
  private IndexSegment segment;
  private JsonIndexReader index;
  private ForwardIndexReader documents;
  private int[] docIds;
  private String[] values;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("pinot-jmh-json");
    SplittableRandom random = new SplittableRandom(5);
    List<GenericRow> data = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      StringBuilder doc = new StringBuilder("{\"name\": \"n").append(random.nextInt(1000)).append("\", \"age\": ")
          .append(18 + random.nextInt(60)).append(", \"country\": \"c").append(random.nextInt(50))
          .append("\", \"addresses\": [");
      for (int a = 1 + random.nextInt(3); a > 0; a--) {
        doc.append("{\"country\": \"c").append(random.nextInt(20)).append("\", \"number\": ")
            .append(random.nextInt(10)).append(a == 1 ? "}" : "}, ");
      }
      GenericRow row = new GenericRow();
      row.putValue("doc", doc.append("]}").toString());
      data.add(row);
    }
    Path segmentDir = SegmentCreator.create(SegmentGeneratorConfig.builder().tableConfig(TABLE).schema(SCHEMA)
        .outputDir(dir).segmentNameGenerator(new FixedSegmentNameGenerator("docs_0")).build(),
        new InMemoryRecordReader(data)).segmentDir();
    segment = SegmentLoader.load(segmentDir);
    index = segment.dataSource("doc").jsonIndex();
    documents = segment.dataSource("doc").forwardIndex();
    docIds = new int[4096];
    values = new String[4096];
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    segment.close();
    StorageBenchSegments.delete(dir);
  }

  /// `JSON_MATCH(doc, '"$.name" = ''n17''')`.
  @Benchmark
  public int jsonMatchEquality() {
    return index.matchingDocIds(EQUALITY).getCardinality();
  }

  /// `JSON_MATCH(doc, '"$.addresses[*].country" = ''c3'' AND "$.addresses[*].number" = 2')`.
  @Benchmark
  public int jsonMatchSameArrayElement() {
    return index.matchingDocIds(SAME_ELEMENT).getCardinality();
  }

  /// `JSON_MATCH(doc, '"$.age" >= 30 AND "$.age" < 40')` written as one range.
  @Benchmark
  public int jsonMatchRange() {
    return index.matchingDocIds(RANGE).getCardinality();
  }

  /// The equality without an index: every document parsed and its `name` compared.
  @Benchmark
  public int scanEquality() {
    int count = 0;
    for (int first = 0; first < rows; first += docIds.length) {
      int length = Math.min(docIds.length, rows - first);
      for (int i = 0; i < length; i++) {
        docIds[i] = first + i;
      }
      documents.readStringValues(docIds, length, values);
      for (int i = 0; i < length; i++) {
        if ("n17".equals(JsonUtils.parse(values[i]).path("name").asText())) {
          count++;
        }
      }
    }
    return count;
  }
}
