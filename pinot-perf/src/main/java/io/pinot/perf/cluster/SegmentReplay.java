// SPDX-License-Identifier: Apache-2.0
package io.pinot.perf.cluster;

import io.pinot.common.datatable.DataTable;
import io.pinot.common.utils.JsonUtils;
import io.pinot.query.BrokerQueryCompiler;
import io.pinot.query.CompiledQuery;
import io.pinot.query.reduce.BrokerReducer;
import io.pinot.query.runtime.ServerQueryExecutor;
import io.pinot.query.runtime.ServerQueryExecutorConfig;
import io.pinot.query.runtime.ServerQueryRequest;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.spi.annotations.SuppressForbidden;
import io.pinot.spi.data.Schema;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// Replays a benchmark query file against segment directories loaded in this JVM: the server's execution
/// (compile, plan, filter, aggregate, DataTable serialization) and the broker's reduce, without ZooKeeper, Helix
/// or the network. For profiling the query path (`-XX:+FlightRecorder` on this JVM) and for quick before/after
/// figures of an engine change; the cluster figures of `docs/performance.md` come from [ClusterBenchmark].
@Command(name = "SegmentReplay", mixinStandardHelpOptions = true)
public final class SegmentReplay implements Callable<Integer> {
  @Option(names = "--segments", required = true, description = "Directory holding the segment directories.")
  private Path segmentsDir;
  @Option(names = "--schema", required = true, description = "The table's schema JSON.")
  private Path schemaFile;
  @Option(names = "--queries", required = true, description = "Query file in queries.sql format.")
  private Path queriesFile;
  @Option(names = "--table", defaultValue = "events_OFFLINE")
  private String table;
  @Option(names = "--runs", defaultValue = "5")
  private int runs;
  @Option(names = "--warmup", defaultValue = "2")
  private int warmup;
  @Option(names = "--threads", defaultValue = "2", description = "Segment worker threads, as the server's.")
  private int threads;
  @Option(names = "--only", description = "Regex of query ids to run (e.g. Q1[1-3]).")
  private String only;

  @SuppressForbidden(reason = "benchmark entry point")
  public static void main(String[] args) {
    System.exit(new CommandLine(new SegmentReplay()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    PrintStream out = stdout();
    Schema schema = JsonUtils.fromJson(Files.readString(schemaFile), Schema.class);
    List<IndexSegment> segments = load();
    ExecutorService workers = Executors.newFixedThreadPool(threads);
    ServerQueryExecutor executor = new ServerQueryExecutor(workers,
        ServerQueryExecutorConfig.defaults().withMaxExecutionThreads(threads));
    List<String> names = segments.stream().map(IndexSegment::segmentName).toList();
    double logSum = 0;
    int count = 0;
    try {
      for (BenchQuery query : BenchQuery.parse(queriesFile)) {
        if (only != null && !Pattern.compile(only).matcher(query.id()).matches()) {
          continue;
        }
        double[] millis = new double[runs];
        for (int i = -warmup; i < runs; i++) {
          long start = System.nanoTime();
          run(executor, schema, names, segments, query.sql());
          if (i >= 0) {
            millis[i] = (System.nanoTime() - start) / 1e6;
          }
        }
        Arrays.sort(millis);
        double p50 = millis[runs / 2];
        logSum += Math.log(p50);
        count++;
        out.printf(Locale.ROOT, "%-4s %9.2f ms  (min %.2f, max %.2f)%n", query.id(), p50, millis[0],
            millis[runs - 1]);
      }
      out.printf(Locale.ROOT, "geomean(p50) over %d queries = %.2f ms%n", count, Math.exp(logSum / count));
    } finally {
      workers.shutdownNow();
      for (IndexSegment segment : segments) {
        segment.close();
      }
    }
    return 0;
  }

  @SuppressForbidden(reason = "benchmark report on stdout")
  private static PrintStream stdout() {
    return System.out;
  }

  private List<IndexSegment> load() throws IOException {
    List<IndexSegment> segments = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(segmentsDir)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        segments.add(SegmentLoader.load(dir));
      }
    }
    return segments;
  }

  private void run(ServerQueryExecutor executor, Schema schema, List<String> names, List<IndexSegment> segments,
      String sql) {
    CompiledQuery compiled = new BrokerQueryCompiler().compile(sql, Map.of()).resolve(schema);
    ServerQueryRequest request = ServerQueryRequest.builder(sql, table).segmentNames(names)
        .timeoutMs(TimeUnit.MINUTES.toMillis(5)).schema(schema).queryOptions(compiled.queryOptions()).build();
    DataTable response = DataTable.fromBytes(executor.execute(request, segments).toBytes());
    if (!response.exceptions().isEmpty()) {
      throw new IllegalStateException(sql + ": " + response.exceptions());
    }
    new BrokerReducer().reduce(compiled, List.of(response)).toBrokerResponse().build();
  }
}
