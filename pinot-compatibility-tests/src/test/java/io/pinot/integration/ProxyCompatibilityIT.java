// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

import static io.pinot.integration.Awaits.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.pinot.proxy.ProxyConfigKey;
import io.pinot.proxy.ProxyStarter;
import io.pinot.spi.env.PinotConfiguration;
import io.pinot.tools.EmbeddedPinotCluster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pinot.common.datatable.DataTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/// `pinot-proxy` in front of a cluster, used as Trino and Presto use it in proxy mode: every REST call (controller
/// and broker paths) to the proxy's REST listener, every segment query to its gRPC listener with the target server in
/// `FORWARD_HOST` / `FORWARD_PORT`, read with Apache Pinot 1.3's published stub and DataTable reader. Answers equal
/// direct access; concurrent streaming scans return the same rows; refusals leave other calls unaffected.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProxyCompatibilityIT {
  /// Rows of the large segment each concurrent scan reads: 1,000,000 with -Pacceptance.
  private static final int LARGE_ROWS = TestData.rows(100_000, 1_000_000);
  private static final int CONCURRENT_SCANS = 8;

  @TempDir
  static Path workDir;
  private EmbeddedPinotCluster cluster;
  private ProxyStarter proxy;
  private String proxyUrl;
  private final Http http = new Http();
  private final PublishedGrpcClient grpc = new PublishedGrpcClient();

  @BeforeAll
  void start() throws Exception {
    cluster = EmbeddedPinotCluster.builder(workDir.resolve("cluster")).numServers(2).build().start();
    TripsTable.load(cluster, http, workDir, LARGE_ROWS);
    proxy = new ProxyStarter(PinotConfiguration.empty()
        .with(ProxyConfigKey.CONTROLLER_URL.key(), cluster.controllerUrl())
        .with(ProxyConfigKey.REST_PORT.key(), 0).with(ProxyConfigKey.GRPC_PORT.key(), 0)
        .with(ProxyConfigKey.BIND_ADDRESS.key(), "127.0.0.1")
        .with(ProxyConfigKey.REFRESH_INTERVAL_MS.key(), 1000));
    proxy.start();
    proxyUrl = "http://127.0.0.1:" + proxy.restPort();
  }

  @AfterAll
  void stop() throws Exception {
    grpc.close();
    http.close();
    if (proxy != null) {
      proxy.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  /// A Trino-style segment query through the proxy: the server's host from its instance id, and its gRPC port.
  private PublishedGrpcClient.Answer viaProxy(String server, String sql, List<String> segments) throws Exception {
    return grpc.submit("127.0.0.1", proxy.grpcPort(), PublishedGrpcClient.request(sql, segments, true,
        Map.of("FORWARD_HOST", TripsTable.host(server), "FORWARD_PORT", Integer.toString(grpcPort(server)))));
  }

  private PublishedGrpcClient.Answer direct(String server, String sql, List<String> segments) throws Exception {
    return grpc.submit(TripsTable.host(server), grpcPort(server),
        PublishedGrpcClient.request(sql, segments, true, Map.of()));
  }

  private int grpcPort(String server) throws Exception {
    return http.get(cluster.controllerUrl() + "/instances/" + server).json().path("grpcPort").asInt();
  }

  private static List<String> rows(PublishedGrpcClient.Answer answer) {
    List<String> rows = new ArrayList<>();
    for (DataTable block : answer.dataBlocks()) {
      assertThat(block.getExceptions()).isEmpty();
      rows.addAll(PublishedRows.of(block));
    }
    return rows;
  }

  @Test
  void restCallsReachTheControllerAndTheBrokersByPath() throws Exception {
    assertThat(http.get(proxyUrl + "/tables").body()).isEqualTo(http.get(cluster.controllerUrl() + "/tables").body());
    assertThat(http.get(proxyUrl + "/tables/trips/schema").json())
        .isEqualTo(http.get(cluster.controllerUrl() + "/tables/trips/schema").json());
    assertThat(http.get(proxyUrl + "/tables/trips/instances").json())
        .isEqualTo(http.get(cluster.controllerUrl() + "/tables/trips/instances").json());
    assertThat(TripsTable.routing(http, proxyUrl)).isEqualTo(TripsTable.routing(http, cluster.brokerUrl()));
    String sql = "SELECT city, COUNT(*) FROM trips GROUP BY city ORDER BY city LIMIT 50";
    assertThat(http.query(proxyUrl, sql).path("resultTable"))
        .isEqualTo(http.query(cluster.brokerUrl(), sql).path("resultTable"));
    // status codes and error bodies are the upstream's own
    Http.Reply missing = http.get(proxyUrl + "/tables/nosuch/schema");
    Http.Reply missingDirect = http.get(cluster.controllerUrl() + "/tables/nosuch/schema");
    assertThat(missing.status()).isEqualTo(404).isEqualTo(missingDirect.status());
    assertThat(missing.body()).isEqualTo(missingDirect.body());
    assertThat(http.get(proxyUrl + "/debug/timeBoundary/trips").status()).isEqualTo(404);
    JsonNode badQuery = http.query(proxyUrl, "SELECT nosuchcolumn FROM trips");
    assertThat(badQuery.path("exceptions").path(0).path("errorCode").asInt()).isEqualTo(710);
    // the proxy's own endpoints
    assertThat(http.get(proxyUrl + "/health").body()).isEqualTo("OK");
    assertThat(http.get(proxyUrl + "/metrics").body()).contains("pinot_proxy_rest_calls_total");
  }

  @Test
  void segmentQueriesThroughTheProxyEqualDirectAccess() throws Exception {
    Map<String, List<String>> routing = TripsTable.routing(http, proxyUrl);
    String sql = "SELECT " + TripsTable.COLUMNS + " FROM trips_OFFLINE WHERE id % 7 = 2 LIMIT 2147483647";
    int segments = 0;
    for (Map.Entry<String, List<String>> server : routing.entrySet()) {
      for (String segment : server.getValue()) {
        segments++;
        PublishedGrpcClient.Answer proxied = viaProxy(server.getKey(), sql, List.of(segment));
        PublishedGrpcClient.Answer direct = direct(server.getKey(), sql, List.of(segment));
        assertThat(proxied.responseTypes()).isEqualTo(direct.responseTypes());
        assertThat(rows(proxied)).isNotEmpty().containsExactlyElementsOf(rows(direct));
        assertThat(proxied.lastBlock().getMetadata()).containsEntry("numDocsScanned",
            direct.lastBlock().getMetadata().get("numDocsScanned"));
      }
    }
    assertThat(segments).isEqualTo(TripsTable.SMALL_SEGMENTS + 1);
  }

  @Test
  void concurrentStreamingScansReturnTheSameRowsAsDirectAccess() throws Exception {
    String server = TripsTable.routing(http, proxyUrl).entrySet().stream()
        .filter(e -> e.getValue().contains("trips_large")).findFirst().orElseThrow().getKey();
    String sql = "SELECT id, city, score FROM trips_OFFLINE LIMIT 2147483647";
    PublishedGrpcClient.Answer direct = direct(server, sql, List.of("trips_large"));
    List<String> expected = rows(direct);
    assertThat(expected).hasSize(LARGE_ROWS);
    ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_SCANS);
    try {
      List<Future<PublishedGrpcClient.Answer>> scans = new ArrayList<>();
      for (int i = 0; i < CONCURRENT_SCANS; i++) {
        scans.add(pool.submit(() -> viaProxy(server, sql, List.of("trips_large"))));
      }
      for (Future<PublishedGrpcClient.Answer> scan : scans) {
        PublishedGrpcClient.Answer answer = scan.get();
        assertThat(answer.dataBlocks().size()).isGreaterThan(1);
        assertThat(rows(answer)).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
    // gRPC reports a call complete to the proxy only after the client may already have read its end.
    await(() -> proxy.metrics().grpcActiveCalls() == 0);
    assertThat(proxy.metrics().grpcActiveCalls()).isZero();
  }

  @Test
  void refusalsGetTheirStatusAndLeaveOtherCallsAlone() throws Exception {
    String server = TripsTable.routing(http, proxyUrl).keySet().iterator().next();
    String sql = "SELECT id FROM trips_OFFLINE LIMIT 5";
    // not a member of the cluster: the proxy is no open relay
    assertThatThrownBy(() -> grpc.submit("127.0.0.1", proxy.grpcPort(), PublishedGrpcClient.request(sql,
        List.of("trips_0"), true, Map.of("FORWARD_HOST", "example.com", "FORWARD_PORT", "8090"))))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
    assertThatThrownBy(() -> grpc.submit("127.0.0.1", proxy.grpcPort(), PublishedGrpcClient.request(sql,
        List.of("trips_0"), true, Map.of())))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    // a server error comes back as the server's status
    assertThatThrownBy(() -> grpc.submit("127.0.0.1", proxy.grpcPort(), PublishedGrpcClient.request(
        "SELECT id FROM nosuch_OFFLINE LIMIT 5", List.of("x"), true, Map.of("FORWARD_HOST", TripsTable.host(server),
            "FORWARD_PORT", Integer.toString(grpcPort(server)))), false))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    // REST: a FORWARD_HOST that is not a live broker
    Http.Reply relay = http.getWithHeaders(proxyUrl + "/debug/routingTable/trips",
        Map.of("FORWARD_HOST", "example.com", "FORWARD_PORT", "80"));
    assertThat(relay.status()).isEqualTo(403);
    assertThat(relay.json().path("code").asInt()).isEqualTo(403);
    // everything else still works
    assertThat(viaProxy(server, sql, TripsTable.routing(http, proxyUrl).get(server)).numRows()).isEqualTo(5);
    assertThat(http.get(proxyUrl + "/tables").status()).isEqualTo(200);
  }
}
