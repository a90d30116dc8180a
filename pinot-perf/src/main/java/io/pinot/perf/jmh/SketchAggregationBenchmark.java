// SPDX-License-Identifier: Apache-2.0
package io.pinot.perf.jmh;

import io.pinot.common.datatable.DataTable;
import io.pinot.query.runtime.ServerQueryExecutor;
import io.pinot.query.runtime.ServerQueryExecutorConfig;
import io.pinot.query.runtime.ServerQueryRequest;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.spi.IndexSegment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
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

/// The sketch, percentile and statistical aggregations on one server over one memory-mapped 1M-row segment
/// ([BenchSegments]), including serializing the DataTable with the intermediate objects: dictionary-encoded
/// columns (`high`, `low`, `mid`) take the per-dictionary-id paths, the raw `price` column the per-row paths.
/// Average time per query.
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class SketchAggregationBenchmark {
  @Param({
      "SELECT DISTINCTCOUNTHLL(high) FROM bench",
      "SELECT low, DISTINCTCOUNTHLL(mid) FROM bench GROUP BY low LIMIT 20",
      "SELECT PERCENTILE(low, 50), PERCENTILE(high, 95) FROM bench",
      "SELECT PERCENTILE(price, 95) FROM bench",
      "SELECT low, PERCENTILEEST(price, 95), PERCENTILETDIGEST(price, 50) FROM bench GROUP BY low LIMIT 20",
      "SELECT PERCENTILEKLL(high, 99), DISTINCTCOUNTBITMAP(high) FROM bench",
      "SELECT low, VAR_POP(price), MINMAXRANGE(price) FROM bench GROUP BY low LIMIT 20"})
  String sql;

  private Path dir;
  private IndexSegment segment;
  private ExecutorService workers;
  private ServerQueryExecutor executor;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("pinot-jmh-sketch");
    segment = SegmentLoader.load(BenchSegments.build(dir, 1_000_000));
    workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    executor = new ServerQueryExecutor(workers, ServerQueryExecutorConfig.defaults());
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
  public byte[] execute() {
    DataTable result = executor.execute(ServerQueryRequest.builder(sql, "bench_OFFLINE")
        .segmentNames(List.of("bench_0")).timeoutMs(60_000).build(), List.of(segment));
    if (!result.exceptions().isEmpty()) {
      throw new IllegalStateException(result.exceptions().toString());
    }
    return result.toBytes();
  }
}
