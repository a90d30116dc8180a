// SPDX-License-Identifier: Apache-2.0
package io.pinot.perf.jmh;

import io.pinot.common.datatable.DataTable;
import io.pinot.common.utils.JsonUtils;
import io.pinot.query.runtime.ServerQueryExecutor;
import io.pinot.query.runtime.ServerQueryExecutorConfig;
import io.pinot.query.runtime.ServerQueryRequest;
import io.pinot.segment.creator.SegmentCreator;
import io.pinot.segment.creator.SegmentGeneratorConfig;
import io.pinot.segment.creator.name.FixedSegmentNameGenerator;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.readers.InMemoryRecordReader;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.GenericRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

/// `DATETRUNC` queries on one server over a memory-mapped 1M-row segment with two copies of the same timestamps (a
/// year, millisecond precision, unsorted): `ts` with a timestamp index (DAY and MONTH derived columns) and `plain`
/// without, which each query truncates (dictionary ids mapped once per query, then scanned). Average time per query,
/// compile (cached), plan, execute and serialize.
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class TimestampIndexBenchmark {
  private static final long START = 1_704_067_200_000L;
  private static final Schema SCHEMA = JsonUtils.fromJson("""
      {"schemaName": "ev", "metricFieldSpecs": [{"name": "amount", "dataType": "INT"}],
       "dateTimeFieldSpecs": [
         {"name": "ts", "dataType": "TIMESTAMP", "format": "TIMESTAMP", "granularity": "1:MILLISECONDS"},
         {"name": "plain", "dataType": "TIMESTAMP", "format": "TIMESTAMP", "granularity": "1:MILLISECONDS"}]}""",
      Schema.class);
  private static final TableConfig TABLE = JsonUtils.fromJson("""
      {"tableName": "ev", "tableType": "OFFLINE", "fieldConfigList": [
         {"name": "ts", "indexes": {"timestamp": {"granularities": ["DAY", "MONTH"]}}}]}""", TableConfig.class);

  @Param({"ts", "plain"})
  String column;

  @Param({"day = ", "day between", "group by day", "group by month"})
  String shape;

  private Path dir;
  private IndexSegment segment;
  private ExecutorService workers;
  private ServerQueryExecutor executor;
  private String sql;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("pinot-jmh-timestamp");
    SplittableRandom random = new SplittableRandom(3);
    int rows = 1_000_000;
    List<GenericRow> data = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      long ts = START + random.nextLong(365L * 86_400_000L);
      GenericRow row = new GenericRow();
      row.putValue("ts", ts);
      row.putValue("plain", ts);
      row.putValue("amount", random.nextInt(1000));
      data.add(row);
    }
    segment = SegmentLoader.load(SegmentCreator.create(SegmentGeneratorConfig.builder().tableConfig(TABLE)
        .schema(SCHEMA).outputDir(dir).segmentNameGenerator(new FixedSegmentNameGenerator("ev_0")).build(),
        new InMemoryRecordReader(data)).segmentDir());
    workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    executor = new ServerQueryExecutor(workers, ServerQueryExecutorConfig.defaults());
    String day = "DATETRUNC('DAY', " + column + ")";
    sql = switch (shape) {
      case "day = " -> "SELECT COUNT(*), SUM(amount) FROM ev WHERE " + day + " = 1709164800000";
      case "day between" -> "SELECT COUNT(*), SUM(amount) FROM ev WHERE " + day
          + " BETWEEN 1709164800000 AND 1711843200000";
      case "group by day" -> "SELECT " + day + ", COUNT(*) FROM ev GROUP BY " + day + " ORDER BY " + day
          + " LIMIT 400";
      default -> "SELECT DATETRUNC('MONTH', " + column + "), SUM(amount) FROM ev GROUP BY DATETRUNC('MONTH', "
          + column + ") LIMIT 20";
    };
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    workers.shutdownNow();
    segment.close();
    StorageBenchSegments.delete(dir);
  }

  @Benchmark
  public byte[] execute() {
    DataTable result = executor.execute(ServerQueryRequest.builder(sql, "ev_OFFLINE")
        .segmentNames(List.of("ev_0")).timeoutMs(60_000).schema(SCHEMA).build(), List.of(segment));
    if (!result.exceptions().isEmpty()) {
      throw new IllegalStateException(result.exceptions().toString());
    }
    return result.toBytes();
  }
}
