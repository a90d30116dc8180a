// SPDX-License-Identifier: Apache-2.0
package io.pinot.proxy.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.auth.BasicAuthPrincipals;
import io.pinot.common.utils.NetUtils;
import io.pinot.proxy.ProxyMetrics;
import io.pinot.proxy.cluster.ClusterView;
import io.pinot.spi.env.PinotConfiguration;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/// The REST listener's own answers: health, metrics, and its refusals with Pinot's `{"code", "error"}` body, before
/// anything is forwarded (here there is no cluster at all).
class RestProxyServerTest {
  private final ProxyMetrics metrics = new ProxyMetrics();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private ClusterView cluster;
  private RestProxyServer server;
  private String base;

  @BeforeEach
  void start() throws Exception {
    cluster = new ClusterView("http://127.0.0.1:" + NetUtils.freePort(), "", 60_000);
    server = RestProxyServer.start("127.0.0.1", 0, cluster, BasicAuthPrincipals.from(PinotConfiguration.empty()
        .with("p.principals", "u").with("p.principals.u.password", "pw"), "p"), metrics,
        new RestProxyServer.Limits(1_000, 5_000), null);
    base = "http://127.0.0.1:" + server.port();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
    cluster.close();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthAndMetricsAreAnsweredByTheProxy() throws Exception {
    assertThat(send(HttpRequest.newBuilder(URI.create(base + "/health"))).body()).isEqualTo("OK");
    assertThat(send(HttpRequest.newBuilder(URI.create(base + "/metrics"))).body())
        .contains("# TYPE pinot_proxy_grpc_calls_total counter");
  }

  @Test
  void refusalsHaveTheirStatusAndPinotsErrorBody() throws Exception {
    HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create(base + "/tables")));
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).startsWith("{\"code\":401,\"error\":\"Authentication required");
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"pinot-proxy\"");
    String credential = BasicAuthPrincipals.basicHeader("u", "pw");
    HttpResponse<String> oversized = send(HttpRequest.newBuilder(URI.create(base + "/query/sql"))
        .header("Authorization", credential).POST(HttpRequest.BodyPublishers.ofString("x".repeat(2_000))));
    assertThat(oversized.statusCode()).isEqualTo(413);
    assertThat(oversized.body()).contains("over the proxy's limit of 1000");
    // a GET body is held in memory for a retry: the same limit holds without a declared length
    HttpResponse<String> bigGet = send(HttpRequest.newBuilder(URI.create(base + "/tables"))
        .header("Authorization", credential).method("GET", HttpRequest.BodyPublishers.ofInputStream(
            () -> new ByteArrayInputStream(new byte[1_500]))));
    assertThat(bigGet.statusCode()).isEqualTo(413);
    assertThat(bigGet.body()).contains("A GET request's body is over the proxy's limit of 1000 bytes");
    HttpResponse<String> noBroker = send(HttpRequest.newBuilder(URI.create(base + "/query/sql"))
        .header("Authorization", credential).POST(HttpRequest.BodyPublishers.ofString("{\"sql\": \"SELECT 1\"}")));
    assertThat(noBroker.statusCode()).isEqualTo(503);
    assertThat(noBroker.body()).isEqualTo("{\"code\":503,\"error\":\"No live broker in the cluster\"}");
    HttpResponse<String> noController = send(HttpRequest.newBuilder(URI.create(base + "/tables"))
        .header("Authorization", credential));
    assertThat(noController.statusCode()).isEqualTo(502);
    assertThat(metrics.prometheusText()).contains("pinot_proxy_rest_refused_total 4")
        .contains("pinot_proxy_rest_upstream_errors_total 1");
  }
}
