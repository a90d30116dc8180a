// SPDX-License-Identifier: Apache-2.0
package io.pinot.perf.jmh;

import io.pinot.common.datatable.DataTable;
import io.pinot.common.utils.JsonUtils;
import io.pinot.query.runtime.ServerQueryExecutor;
import io.pinot.query.runtime.ServerQueryExecutorConfig;
import io.pinot.query.runtime.ServerQueryRequest;
import io.pinot.segment.creator.SegmentCreationResult;
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
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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

/// Group-by queries on one 1M-row segment with a star-tree over `country` (20 values), `device` (4), `year` (5)
/// and `channel` (6), executed by one server without the network, with the star-tree and with
/// `useStarTree=false` (the regular dictionary-id group-by over the rows). Average time per query.
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class StarTreeBenchmark {
  static final Schema SCHEMA = JsonUtils.fromJson("""
      {"schemaName": "sales",
       "dimensionFieldSpecs": [{"name": "country", "dataType": "STRING"}, {"name": "device", "dataType": "STRING"},
                               {"name": "year", "dataType": "INT"}, {"name": "channel", "dataType": "STRING"}],
       "metricFieldSpecs": [{"name": "clicks", "dataType": "INT"}, {"name": "revenue", "dataType": "DOUBLE"}]}""",
      Schema.class);
  static final TableConfig TABLE = JsonUtils.fromJson("""
      {"tableName": "sales", "tableType": "OFFLINE",
       "tableIndexConfig": {"starTreeIndexConfigs": [{
         "dimensionsSplitOrder": ["country", "device", "year", "channel"],
         "functionColumnPairs": ["COUNT__*", "SUM__clicks", "MAX__clicks", "SUM__revenue"],
         "maxLeafRecords": 10000}]}}""", TableConfig.class);

  @Param({
      "SELECT country, COUNT(*), SUM(clicks) FROM sales GROUP BY country ORDER BY country LIMIT 100",
      "SELECT device, year, SUM(revenue), MAX(clicks) FROM sales WHERE channel IN ('ch1', 'ch2') "
          + "GROUP BY device, year ORDER BY device, year LIMIT 100",
      "SELECT channel, SUM(clicks) FROM sales WHERE country = 'c3' AND year >= 2022 GROUP BY channel "
          + "ORDER BY channel"})
  String sql;

  @Param({"true", "false"})
  String useStarTree;

  private Path dir;
  private IndexSegment segment;
  private ExecutorService workers;
  private ServerQueryExecutor executor;
  private String query;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("pinot-jmh-startree");
    segment = SegmentLoader.load(build(dir, 1_000_000, TABLE));
    workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    executor = new ServerQueryExecutor(workers, ServerQueryExecutorConfig.defaults());
    query = "SET useStarTree = " + useStarTree + "; " + sql;
  }

  /// A segment of `rows` rows of a fixed seed, with the star-trees of `table`.
  static Path build(Path dir, int rows, TableConfig table) throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    String[] devices = {"mobile", "desktop", "tablet", "tv"};
    List<GenericRow> data = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      GenericRow row = new GenericRow();
      row.putValue("country", "c" + random.nextInt(20));
      row.putValue("device", devices[random.nextInt(4)]);
      row.putValue("year", 2020 + random.nextInt(5));
      row.putValue("channel", "ch" + random.nextInt(6));
      row.putValue("clicks", random.nextInt(1000));
      row.putValue("revenue", random.nextInt(100_000) / 100.0);
      data.add(row);
    }
    SegmentCreationResult result = SegmentCreator.create(SegmentGeneratorConfig.builder().tableConfig(table)
        .schema(SCHEMA).outputDir(dir).segmentNameGenerator(new FixedSegmentNameGenerator("sales_0")).build(),
        new InMemoryRecordReader(data));
    return result.segmentDir();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    workers.shutdownNow();
    segment.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path path : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    }
  }

  @Benchmark
  public byte[] groupBy() {
    DataTable result = executor.execute(ServerQueryRequest.builder(query, "sales_OFFLINE")
        .segmentNames(List.of("sales_0")).timeoutMs(60_000).build(), List.of(segment));
    if (!result.exceptions().isEmpty()) {
      throw new IllegalStateException(result.exceptions().toString());
    }
    return result.toBytes();
  }
}
