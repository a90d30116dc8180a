// SPDX-License-Identifier: Apache-2.0
package io.pinot.perf.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.proto.PinotQueryServerGrpc;
import io.pinot.common.proto.Server.ServerRequest;
import io.pinot.common.proto.Server.ServerResponse;
import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.annotations.SuppressForbidden;
import io.pinot.tools.process.LocalProcessCluster;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// Streaming segment scans over the server gRPC API, directly and through `pinot-proxy` (its own JVM, small heap):
/// throughput (rows/s) and p50/p95 latency per scan at each client concurrency, as Trino's connector reads (one
/// segment per request, streaming, every block decoded). Directly and through the proxy alternate, twice, so that
/// JIT warm-up and machine noise do not favour one side. Reports the proxy's resident memory afterwards.
@Command(name = "ProxyBenchmark", mixinStandardHelpOptions = true,
    description = "Streaming-scan throughput and latency through pinot-proxy against direct access.")
public final class ProxyBenchmark implements Callable<Integer> {
  @Option(names = "--distribution", required = true, description = "The distribution directory (bin/, lib/).")
  Path distribution;
  @Option(names = "--data", required = true, description = "Directory of gen_data.py CSV files.")
  Path data;
  @Option(names = "--bench-dir", required = true, description = "The shared bench directory (pinot/).")
  Path benchDir;
  @Option(names = "--work", required = true, description = "Scratch directory for the cluster and segments.")
  Path work;
  @Option(names = "--concurrency", split = ",", defaultValue = "1,8")
  List<Integer> concurrency;
  @Option(names = "--scans", defaultValue = "40", description = "Scans per measurement (each one whole segment).")
  int scans;
  @Option(names = "--columns", defaultValue = "event_time, user_id, country, revenue",
      description = "Columns each scan selects.")
  String columns;
  @Option(names = "--java-opts", defaultValue = "-Xmx4g", description = "JAVA_OPTS of the cluster's nodes.")
  String javaOpts;
  @Option(names = "--proxy-java-opts", defaultValue = "-Xmx256m", description = "JAVA_OPTS of the proxy.")
  String proxyJavaOpts;
  @Option(names = "--rounds", defaultValue = "3",
      description = "Rounds of direct-then-proxy measurements; the first warms the JVMs and is not summarized.")
  int rounds;
  @Option(names = "--out", description = "File to write the summary to (also printed).")
  Path out;

  /// One scan target: the server's gRPC address and a segment.
  private record Target(String host, int grpcPort, String segment) {
  }

  /// One measurement.
  private record Result(int round, String mode, int concurrency, long rows, long bytes, double seconds,
      LatencyStats latency) {
  }

  @SuppressForbidden(reason = "benchmark entry point")
  public static void main(String[] args) {
    System.exit(new CommandLine(new ProxyBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    long rows = 0;
    for (Path file : Files.list(data).filter(p -> p.toString().endsWith(".csv")).toList()) {
      try (var lines = Files.lines(file)) {
        rows += lines.count() - 1;
      }
    }
    List<String> report = new ArrayList<>();
    try (LocalProcessCluster cluster = new LocalProcessCluster(distribution, work, javaOpts).start(1);
        QueryRunner runner = new QueryRunner(cluster.brokerUrl())) {
      double ingest = BenchSetup.createAndIngest(cluster, benchDir, data, work, rows, runner);
      report.add(String.format(Locale.ROOT, "Ingested %d rows in %.1f s", rows, ingest));
      int[] proxyPorts = cluster.startProxy(proxyJavaOpts);
      List<Target> targets = targets(cluster);
      String sql = "SELECT " + columns + " FROM events_OFFLINE LIMIT 2147483647";
      report.add("Scan: " + sql + " — one segment per request, streaming; proxy JAVA_OPTS " + proxyJavaOpts);
      ManagedChannel proxyChannel = channel("127.0.0.1", proxyPorts[1]);
      List<Result> results = new ArrayList<>();
      try {
        for (int round = 0; round < rounds; round++) {
          for (int clients : concurrency) {
            results.add(measure(round, "direct", clients, targets, sql, null));
            results.add(measure(round, "proxy", clients, targets, sql, proxyChannel));
          }
        }
      } finally {
        proxyChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
      report.add(String.format(Locale.ROOT, "%-5s %-7s %11s %9s %12s %10s %10s %10s", "round", "mode",
          "concurrency", "scans", "rows/s", "MB/s", "p50 ms", "p95 ms"));
      for (Result result : results) {
        report.add(String.format(Locale.ROOT, "%-5d %-7s %11d %9d %12.0f %10.1f %10.1f %10.1f", result.round(),
            result.mode(), result.concurrency(), result.latency().count(), result.rows() / result.seconds(),
            result.bytes() / result.seconds() / 1e6, result.latency().p50(), result.latency().p95()));
      }
      summarize(results, report);
      report.add("Proxy resident memory after the runs: " + residentMb(cluster.proxyPid()) + " MB");
    }
    report.forEach(ProxyBenchmark::print);
    if (out != null) {
      Files.write(out, report);
    }
    return 0;
  }

  /// Throughput and median p50 of the rounds after the first, proxy against direct, per concurrency.
  private void summarize(List<Result> results, List<String> report) {
    for (int clients : concurrency) {
      double[] rowsPerSecond = new double[2];
      List<List<Double>> p50s = List.of(new ArrayList<>(), new ArrayList<>());
      for (Result result : results) {
        if (result.round() > 0 || rounds == 1) {
          if (result.concurrency() == clients) {
            int side = result.mode().equals("direct") ? 0 : 1;
            rowsPerSecond[side] += result.rows() / result.seconds();
            p50s.get(side).add(result.latency().p50());
          }
        }
      }
      double directP50 = median(p50s.get(0));
      double proxyP50 = median(p50s.get(1));
      report.add(String.format(Locale.ROOT, "concurrency %d, rounds 2-%d: throughput through the proxy %+.1f%%, "
          + "p50 %+.1f%% (direct %.0f rows/s, %.1f ms; proxy %.0f rows/s, %.1f ms)", clients, rounds,
          100 * (rowsPerSecond[1] / rowsPerSecond[0] - 1), 100 * (proxyP50 / directP50 - 1),
          rowsPerSecond[0] / Math.max(1, p50s.get(0).size()), directP50,
          rowsPerSecond[1] / Math.max(1, p50s.get(1).size()), proxyP50));
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
  }

  private Result measure(int round, String mode, int clients, List<Target> targets, String sql,
      ManagedChannel proxyChannel) throws Exception {
    Map<String, ManagedChannel> direct = new ConcurrentHashMap<>();
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      for (int i = 0; i < Math.min(3, scans); i++) {
        scan(mode, targets.get(i % targets.size()), sql, proxyChannel, direct);
      }
      long start = System.nanoTime();
      List<Future<long[]>> futures = new ArrayList<>();
      for (int i = 0; i < scans; i++) {
        futures.add(pool.submit(() -> scan(mode, targets.get(next.getAndIncrement() % targets.size()), sql,
            proxyChannel, direct)));
      }
      long rows = 0;
      long bytes = 0;
      double[] millis = new double[scans];
      for (int i = 0; i < scans; i++) {
        long[] scan = futures.get(i).get();
        rows += scan[0];
        bytes += scan[1];
        millis[i] = scan[2] / 1e6;
      }
      return new Result(round, mode, clients, rows, bytes, (System.nanoTime() - start) / 1e9,
          LatencyStats.of(millis));
    } finally {
      pool.shutdownNow();
      for (ManagedChannel channel : direct.values()) {
        channel.shutdownNow();
      }
    }
  }

  /// Streams one segment and decodes every data block; returns {rows, payload bytes, nanoseconds}.
  private static long[] scan(String mode, Target target, String sql, ManagedChannel proxyChannel,
      Map<String, ManagedChannel> direct) {
    boolean viaProxy = mode.equals("proxy");
    ManagedChannel channel = viaProxy ? proxyChannel : direct.computeIfAbsent(target.host() + ":"
        + target.grpcPort(), key -> channel(target.host(), target.grpcPort()));
    ServerRequest.Builder request = ServerRequest.newBuilder().setSql(sql).addSegments(target.segment())
        .putMetadata("requestId", "0").putMetadata("brokerId", "unknown").putMetadata("enableStreaming", "true")
        .putMetadata("payloadType", "sql");
    if (viaProxy) {
      request.putMetadata("FORWARD_HOST", target.host()).putMetadata("FORWARD_PORT",
          Integer.toString(target.grpcPort()));
    }
    long start = System.nanoTime();
    long rows = 0;
    long bytes = 0;
    Iterator<ServerResponse> responses = PinotQueryServerGrpc.newBlockingStub(channel).submit(request.build());
    while (responses.hasNext()) {
      ServerResponse response = responses.next();
      bytes += response.getPayload().size();
      if ("data".equals(response.getMetadataMap().get("responseType"))) {
        rows += DataTable.fromBytes(response.getPayload().asReadOnlyByteBuffer()).numRows();
      }
    }
    return new long[]{rows, bytes, System.nanoTime() - start};
  }

  private static ManagedChannel channel(String host, int port) {
    return NettyChannelBuilder.forAddress(host, port).usePlaintext().maxInboundMessageSize(128 << 20).build();
  }

  /// Every segment of `events` with the gRPC address of the server holding it.
  private static List<Target> targets(LocalProcessCluster cluster) throws IOException, InterruptedException {
    List<Target> targets = new ArrayList<>();
    JsonNode routing = get(cluster.brokerUrl() + "/debug/routingTable/events").path("events_OFFLINE");
    for (var server : routing.properties()) {
      JsonNode instance = get(cluster.controllerUrl() + "/instances/" + server.getKey());
      for (JsonNode segment : server.getValue()) {
        targets.add(new Target(instance.path("hostName").asText(), instance.path("grpcPort").asInt(),
            segment.asText()));
      }
    }
    return targets;
  }

  private static JsonNode get(String url) throws IOException, InterruptedException {
    try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
          HttpResponse.BodyHandlers.ofString());
      return JsonUtils.parse(response.body());
    }
  }

  private static long residentMb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return -1;
  }

  @SuppressForbidden(reason = "benchmark report on stdout")
  private static void print(String line) {
    System.out.println(line);
  }
}
