// SPDX-License-Identifier: Apache-2.0
package io.pinot.inputformat;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.datatable.DataTable;
import io.pinot.common.response.BrokerResponse;
import io.pinot.query.BrokerQueryCompiler;
import io.pinot.query.CompiledQuery;
import io.pinot.query.reduce.BrokerReducer;
import io.pinot.query.runtime.ServerQueryExecutor;
import io.pinot.query.runtime.ServerQueryExecutorConfig;
import io.pinot.query.runtime.ServerQueryRequest;
import io.pinot.segment.creator.SegmentCreationResult;
import io.pinot.segment.creator.SegmentCreator;
import io.pinot.segment.creator.SegmentGeneratorConfig;
import io.pinot.segment.creator.name.FixedSegmentNameGenerator;
import io.pinot.segment.ingestion.IngestionPipeline;
import io.pinot.segment.ingestion.IngestionStats;
import io.pinot.segment.ingestion.TransformingRecordReader;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.readers.RecordReaders;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/// Acceptance test of issue 3 item 5: CSV, JSON, Avro, Parquet (written through parquet-avro) and Parquet (native
/// schema) versions of the same rows — every data type, multi-value columns, nulls, transforms and a filter — produce
/// segments with identical contents, column by column, that answer every query identically through the query
/// engine (server executor, DataTable wire format, broker reduce).
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormatEquivalenceTest {
  /// 600 rows in CI; one million with `-Pacceptance` (`pinot.test.scale=full`).
  private static final int NUM_ROWS = "full".equals(System.getProperty("pinot.test.scale")) ? 1_000_000 : 600;
  private static final String TABLE = "everything_OFFLINE";
  private static final List<String> QUERIES = List.of(
      "SELECT COUNT(*) FROM everything",
      "SELECT SUM(metricLong), SUM(metricDouble), MIN(intCol), MAX(longCol), MIN(floatCol), MAX(doubleCol) "
          + "FROM everything",
      "SELECT stringCol, COUNT(*) FROM everything GROUP BY stringCol ORDER BY COUNT(*) DESC, stringCol LIMIT 100",
      "SELECT boolCol, AVG(doubleCol), SUM(metricDouble) FROM everything GROUP BY boolCol ORDER BY boolCol",
      "SELECT intCol, longCol, floatCol FROM everything WHERE intCol > 100 ORDER BY intCol, longCol LIMIT 50",
      "SELECT COUNT(*) FROM everything WHERE stringMv = 'b'",
      "SELECT intMv, COUNT(*) FROM everything GROUP BY intMv ORDER BY intMv LIMIT 100",
      "SELECT tsCol, tsHour FROM everything WHERE tsCol >= 1600000000000 ORDER BY tsCol LIMIT 20",
      "SELECT decimalCol FROM everything ORDER BY decimalCol LIMIT 30",
      "SELECT bytesCol, intCol FROM everything ORDER BY intCol, bytesCol LIMIT 25",
      "SELECT jsonCol FROM everything ORDER BY intCol, jsonCol LIMIT 10",
      "SELECT DISTINCT boolCol FROM everything ORDER BY boolCol",
      "SELECT upperString, COUNT(*) FROM everything GROUP BY upperString ORDER BY upperString LIMIT 100",
      "SELECT MAX(tsHour), MIN(tsHour), MIN(tsCol) FROM everything",
      "SELECT COUNT(*) FROM everything WHERE floatCol BETWEEN -100 AND 100",
      "SELECT daysSinceEpoch, SUM(metricLong) FROM everything GROUP BY daysSinceEpoch "
          + "ORDER BY SUM(metricLong) DESC, daysSinceEpoch LIMIT 15",
      "SELECT stringCol, intCol FROM everything WHERE stringCol LIKE 'a%' ORDER BY stringCol, intCol LIMIT 40",
      "SELECT COUNT(*) FROM everything WHERE doubleMv > 0.5",
      "SELECT longMv, COUNT(*) FROM everything GROUP BY longMv ORDER BY longMv LIMIT 20",
      "SELECT COUNT(*), SUM(metricLong) FROM everything WHERE intCol IN (1, 2, 3, 4, 5) OR boolCol = true",
      "SELECT DISTINCTCOUNT(stringCol), DISTINCTCOUNT(floatMv), DISTINCTCOUNT(keyText) FROM everything",
      "SELECT keyText, COUNT(*) FROM everything GROUP BY keyText ORDER BY keyText LIMIT 50",
      "SELECT floatMv, SUM(metricDouble) FROM everything GROUP BY floatMv ORDER BY floatMv",
      "SELECT * FROM everything ORDER BY intCol, longCol, tsCol LIMIT 1000");

  private Path dir;
  private final Map<String, IndexSegment> segments = new LinkedHashMap<>();
  private final Map<String, IngestionStats> stats = new LinkedHashMap<>();
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private Schema schema;

  @BeforeAll
  void buildSegmentsFromEveryFormat(@TempDir Path tempDir) throws IOException {
    dir = tempDir;
    schema = EquivalenceData.schema();
    TableConfig tableConfig = EquivalenceData.tableConfig();
    IngestionPipeline pipeline = IngestionPipeline.create(tableConfig, schema);
    List<Map<String, Object>> rows = EquivalenceData.rows(NUM_ROWS);
    Map<String, Path> files = new LinkedHashMap<>();
    files.put("csv", EquivalenceFiles.csv(rows, dir.resolve("rows.csv")));
    files.put("json", EquivalenceFiles.json(rows, dir.resolve("rows.json")));
    files.put("avro", EquivalenceFiles.avro(rows, dir.resolve("rows.avro")));
    files.put("parquet", EquivalenceFiles.parquetAvro(rows, dir.resolve("rows.parquet")));
    files.put("org.apache.pinot.plugin.inputformat.parquet.ParquetNativeRecordReader",
        EquivalenceFiles.parquetNative(rows, dir.resolve("native.parquet")));
    for (Map.Entry<String, Path> file : files.entrySet()) {
      Path outputDir = Files.createDirectories(dir.resolve("segments-" + segments.size()));
      SegmentGeneratorConfig config = SegmentGeneratorConfig.builder().tableConfig(tableConfig).schema(schema)
          .outputDir(outputDir).segmentNameGenerator(new FixedSegmentNameGenerator("everything_0"))
          .creationTime(1_700_000_000_000L).build();
      try (TransformingRecordReader reader = pipeline.wrap(RecordReaders.create(file.getKey(), file.getValue(),
          Map.of("multiValueDelimiter", ";"), schema))) {
        SegmentCreationResult result = SegmentCreator.create(config, reader);
        segments.put(file.getKey(), SegmentLoader.load(result.segmentDir()));
        stats.put(file.getKey(), reader.stats());
      }
    }
  }

  @AfterAll
  void close() {
    segments.values().forEach(IndexSegment::close);
    executor.shutdownNow();
  }

  @Test
  void everyFormatIngestsAndFiltersTheSameRows() {
    IngestionStats csv = stats.get("csv");
    assertThat(csv.numInputRecords()).isEqualTo(NUM_ROWS);
    assertThat(csv.numFilteredRows()).isPositive();
    assertThat(csv.numErrorRows()).isZero();
    assertThat(csv.numOutputRows()).isEqualTo(NUM_ROWS - csv.numFilteredRows());
    for (Map.Entry<String, IngestionStats> entry : stats.entrySet()) {
      assertThat(entry.getValue()).as(entry.getKey()).isEqualTo(csv);
    }
    for (Map.Entry<String, IndexSegment> entry : segments.entrySet()) {
      assertThat(entry.getValue().numDocs()).as(entry.getKey()).isEqualTo((int) csv.numOutputRows());
    }
  }

  @Test
  void segmentsHoldTheSameColumnsAndValues() {
    IndexSegment baseline = segments.get("csv");
    Map<String, List<Object>> expected = SegmentColumns.read(baseline, schema);
    assertThat(expected.get("intMv")).anySatisfy(value -> assertThat((Object[]) value).hasSizeGreaterThan(1));
    for (Map.Entry<String, IndexSegment> entry : segments.entrySet()) {
      IndexSegment segment = entry.getValue();
      for (String column : schema.columnNames()) {
        assertThat(segment.dataSource(column).metadata()).as(entry.getKey() + " " + column)
            .usingRecursiveComparison().isEqualTo(baseline.dataSource(column).metadata());
      }
      Map<String, List<Object>> actual = SegmentColumns.read(segment, schema);
      for (String column : schema.columnNames()) {
        assertSameValues(entry.getKey() + " " + column, actual.get(column), expected.get(column));
      }
    }
  }

  /// Element by element in one pass (AssertJ's exact-containment diff is quadratic on a million values).
  private static void assertSameValues(String description, List<Object> actual, List<Object> expected) {
    assertThat(actual).as(description).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      if (!Objects.deepEquals(actual.get(i), expected.get(i))) {
        throw new AssertionError(description + ", document " + i + ": expected "
            + Arrays.deepToString(new Object[] {expected.get(i)}) + " but was "
            + Arrays.deepToString(new Object[] {actual.get(i)}));
      }
    }
  }

  @Test
  void everyQueryGivesTheSameAnswerForEveryFormat() {
    assertThat(QUERIES).hasSizeGreaterThanOrEqualTo(20);
    for (String sql : QUERIES) {
      List<Object[]> expected = null;
      for (Map.Entry<String, IndexSegment> entry : segments.entrySet()) {
        BrokerResponse response = query(sql, entry.getValue());
        assertThat(response.exceptions()).as(entry.getKey() + ": " + sql).isEmpty();
        List<Object[]> rows = new ArrayList<>(response.resultTable().rows());
        if (expected == null) {
          expected = rows;
          assertThat(rows).as(sql).isNotEmpty();
        } else {
          assertThat(rows).as(entry.getKey() + ": " + sql).usingRecursiveFieldByFieldElementComparator()
              .containsExactlyElementsOf(expected);
        }
      }
    }
  }

  private BrokerResponse query(String sql, IndexSegment segment) {
    CompiledQuery compiled = new BrokerQueryCompiler().compile(sql).resolve(schema);
    ServerQueryExecutor server = new ServerQueryExecutor(executor, ServerQueryExecutorConfig.defaults());
    ServerQueryRequest request = ServerQueryRequest.builder(sql, TABLE).requestId(1).brokerId("Broker_test_8099")
        .segmentNames(List.of(segment.segmentName())).timeoutMs(60_000).schema(schema).build();
    DataTable response = DataTable.fromBytes(server.execute(request, List.of(segment)).toBytes());
    return new BrokerReducer().reduce(compiled, List.of(response)).toBrokerResponse().numServersQueried(1)
        .numServersResponded(1).requestId("1").brokerId("Broker_test_8099").build();
  }
}
