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

/// One server's query execution over one memory-mapped 1M-row segment, without the network: compile
/// (cached), plan, filter, aggregate or group, and serialize the DataTable. Average time per query.
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class QueryKernelBenchmark {
  @Param({
      "SELECT COUNT(*) FROM bench WHERE low = 3",
      "SELECT COUNT(*), SUM(price) FROM bench WHERE price > 500",
      "SELECT low, COUNT(*), SUM(price) FROM bench GROUP BY low ORDER BY low LIMIT 20",
      "SELECT mid, SUM(price) FROM bench GROUP BY mid ORDER BY SUM(price) DESC LIMIT 10",
      "SELECT DISTINCTCOUNT(high) FROM bench",
      "SELECT ts, high, price FROM bench WHERE low = 5 ORDER BY price DESC LIMIT 20"})
  String sql;

  private Path dir;
  private IndexSegment segment;
  private ExecutorService workers;
  private ServerQueryExecutor executor;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("pinot-jmh");
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
