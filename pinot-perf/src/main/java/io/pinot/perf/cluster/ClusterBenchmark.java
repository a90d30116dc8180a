// SPDX-License-Identifier: Apache-2.0
package io.pinot.perf.cluster;

import io.pinot.spi.annotations.SuppressForbidden;
import io.pinot.tools.process.LocalProcessCluster;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// The cluster benchmark: starts ZooKeeper, a controller, a broker and a server as separate processes from
/// the distribution (like the single-node Pinot 0.11 reference run in ../shared/bench), creates the bench
/// `events` table, ingests the CSVs of `gen_data.py` with `LaunchDataIngestionJob` (timed until every row is
/// queryable), then measures p50/p95 client latency of each query of `queries.sql` twice (right after
/// ingestion, then warm), the throughput of the supported mix with K client threads, and optionally the latency again
/// once the JVMs are fully compiled (`--steady-passes`). Queries the engine rejects as not supported yet are listed
/// as such.
@Command(name = "ClusterBenchmark", mixinStandardHelpOptions = true,
    description = "Ingestion rate and query latency of a one-node cluster on the bench events table.")
public final class ClusterBenchmark implements Callable<Integer> {
  @Option(names = "--distribution", required = true, description = "The distribution directory (bin/, lib/).")
  Path distribution;
  @Option(names = "--data", required = true, description = "Directory of gen_data.py CSV files.")
  Path data;
  @Option(names = "--bench-dir", required = true, description = "The shared bench directory (queries.sql, pinot/).")
  Path benchDir;
  @Option(names = "--work", required = true, description = "Scratch directory for the cluster and segments.")
  Path work;
  @Option(names = "--runs", defaultValue = "5")
  int runs;
  @Option(names = "--warmup", defaultValue = "1")
  int warmup;
  @Option(names = "--concurrency", split = ",", defaultValue = "1,8")
  List<Integer> concurrency;
  @Option(names = "--duration", defaultValue = "30", description = "Seconds per throughput run.")
  int durationSeconds;
  @Option(names = "--java-opts", defaultValue = "-Xmx4g", description = "JAVA_OPTS of every node.")
  String javaOpts;
  @Option(names = "--label", defaultValue = "pinot-java25")
  String label;
  @Option(names = "--out", description = "File to write the summary to (also printed).")
  Path out;
  @Option(names = "--steady-passes", defaultValue = "0",
      description = "Latency passes after the throughput runs, once every query path is JIT-compiled.")
  int steadyPasses;
  @Option(names = "--hold-seconds", defaultValue = "0",
      description = "Keep the cluster up this long after the report (for profiling or ad-hoc queries).")
  int holdSeconds;
  @Option(names = "--settle-seconds", defaultValue = "0",
      description = "Idle time between ingestion and pass 1 (nodes finish background work: JIT queue, GC, loads).")
  int settleSeconds;

  @SuppressForbidden(reason = "benchmark entry point")
  public static void main(String[] args) {
    System.exit(new CommandLine(new ClusterBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    long rows = countRows(data);
    List<String> report = new ArrayList<>();
    try (LocalProcessCluster cluster = new LocalProcessCluster(distribution, work, javaOpts).start(1);
        QueryRunner runner = new QueryRunner(cluster.brokerUrl())) {
      double ingestSeconds = BenchSetup.createAndIngest(cluster, benchDir, data, work, rows, runner);
      report.add(String.format(Locale.ROOT, "label=%s rows=%d runs=%d warmup=%d", label, rows, runs, warmup));
      report.add(String.format(Locale.ROOT, "Ingestion (segment creation + tar push + queryable): %.1f s, "
          + "%.0f rows/s", ingestSeconds, rows / ingestSeconds));
      List<BenchQuery> queries = BenchQuery.parse(benchDir.resolve("queries.sql"));
      if (settleSeconds > 0) {
        report.add("Idle for " + settleSeconds + " s after ingestion");
        Thread.sleep(Duration.ofSeconds(settleSeconds));
      }
      report.add("Pass 1: the first queries after ingestion (JIT still cold)");
      LatencyReport.run(runner, queries, runs, warmup, report);
      report.add("Pass 2: the same queries again (warm)");
      List<BenchQuery> supported = LatencyReport.run(runner, queries, runs, warmup, report);
      for (int threads : concurrency) {
        report.add(Throughput.measure(runner, supported, threads, Duration.ofSeconds(durationSeconds)));
      }
      for (int pass = 1; pass <= steadyPasses; pass++) {
        report.add("Steady state, pass " + pass + " after the throughput runs");
        LatencyReport.run(runner, queries, runs, warmup, report);
      }
      if (holdSeconds > 0) {
        print(report);
        report.clear();
        hold(cluster.brokerUrl());
      }
    }
    print(report);
    return 0;
  }

  @SuppressForbidden(reason = "benchmark report on stdout")
  private void print(List<String> report) throws IOException {
    String text = String.join(System.lineSeparator(), report) + System.lineSeparator();
    System.out.print(text);
    if (out != null) {
      Files.writeString(out, text);
    }
  }

  @SuppressForbidden(reason = "benchmark progress on stdout")
  private void hold(String brokerUrl) throws InterruptedException {
    System.out.printf(Locale.ROOT, "Cluster held for %d s; broker at %s%n", holdSeconds, brokerUrl);
    System.out.flush();
    Thread.sleep(Duration.ofSeconds(holdSeconds));
  }

  private static long countRows(Path dataDir) throws IOException {
    long rows = 0;
    try (Stream<Path> files = Files.list(dataDir)) {
      for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".csv")).sorted()::iterator) {
        try (BufferedReader reader = Files.newBufferedReader(file)) {
          rows += reader.lines().count() - 1;
        }
      }
    }
    return rows;
  }
}
