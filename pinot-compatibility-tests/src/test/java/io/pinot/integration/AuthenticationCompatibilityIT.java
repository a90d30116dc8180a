// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.pinot.common.auth.BasicAuthPrincipals;
import io.pinot.proxy.ProxyConfigKey;
import io.pinot.proxy.ProxyStarter;
import io.pinot.spi.env.PinotConfiguration;
import io.pinot.tools.EmbeddedPinotCluster;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.pinot.client.Connection;
import org.apache.pinot.client.ConnectionFactory;
import org.apache.pinot.client.JsonAsyncHttpPinotClientTransportFactory;
import org.apache.pinot.client.PinotClientException;
import org.apache.pinot.client.ResultSetGroup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/// Basic authentication with Apache Pinot's keys on the controller, the broker and the server's gRPC API, and the
/// published pinot-java-client and JDBC driver (1.2.0) querying the broker directly and through the proxy's REST
/// listener with credentials; wrong or missing credentials are refused everywhere.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthenticationCompatibilityIT {
  private static final String ADMIN = BasicAuthPrincipals.basicHeader("admin", "verysecret");
  private static final String READER = BasicAuthPrincipals.basicHeader("reader", "secret");

  @TempDir
  static Path workDir;
  private EmbeddedPinotCluster cluster;
  private ProxyStarter proxy;
  private ProxyStarter checkingProxy;
  private String proxyHostPort;
  private int rows;
  private final Http admin = new Http(ADMIN);
  private final Http anonymous = new Http();
  private final PublishedGrpcClient grpc = new PublishedGrpcClient();

  @BeforeAll
  void start() throws Exception {
    cluster = EmbeddedPinotCluster.builder(workDir.resolve("cluster")).numServers(1)
        .controllerConfig("controller.admin.access.control.principals", "admin,reader")
        .controllerConfig("controller.admin.access.control.principals.admin.password", "verysecret")
        .controllerConfig("controller.admin.access.control.principals.reader.password", "secret")
        .controllerConfig("controller.admin.access.control.principals.reader.tables", "trips")
        .controllerConfig("controller.admin.access.control.principals.reader.permissions", "READ")
        .brokerConfig("pinot.broker.access.control.principals", "admin,reader")
        .brokerConfig("pinot.broker.access.control.principals.admin.password", "verysecret")
        .brokerConfig("pinot.broker.access.control.principals.reader.password", "secret")
        .brokerConfig("pinot.broker.access.control.principals.reader.tables", "trips")
        .serverConfig("pinot.server.access.control.principals", "admin")
        .serverConfig("pinot.server.access.control.principals.admin.password", "verysecret")
        .serverConfig("pinot.server.instance.auth.token", ADMIN)
        .build().start();
    rows = TripsTable.load(cluster, admin, workDir, 1_000);
    proxy = startProxy(Map.of());
    proxyHostPort = "127.0.0.1:" + proxy.restPort();
    checkingProxy = startProxy(Map.of("pinot.proxy.access.control.principals", "reader",
        "pinot.proxy.access.control.principals.reader.password", "secret"));
  }

  private ProxyStarter startProxy(Map<String, String> extra) throws Exception {
    ProxyStarter started = new ProxyStarter(PinotConfiguration.empty()
        .with(ProxyConfigKey.CONTROLLER_URL.key(), cluster.controllerUrl())
        .with(ProxyConfigKey.CONTROLLER_AUTHORIZATION.key(), ADMIN)
        .with(ProxyConfigKey.REST_PORT.key(), 0).with(ProxyConfigKey.GRPC_PORT.key(), 0)
        .with(ProxyConfigKey.BIND_ADDRESS.key(), "127.0.0.1").with(extra));
    started.start();
    return started;
  }

  @AfterAll
  void stop() throws Exception {
    grpc.close();
    admin.close();
    anonymous.close();
    for (AutoCloseable closeable : new AutoCloseable[]{checkingProxy, proxy, cluster}) {
      if (closeable != null) {
        closeable.close();
      }
    }
  }

  private static Connection javaClient(String brokerHostPort, String authorization) {
    JsonAsyncHttpPinotClientTransportFactory factory = new JsonAsyncHttpPinotClientTransportFactory();
    factory.setHeaders(Map.of("Authorization", authorization));
    return ConnectionFactory.fromHostList(List.of(brokerHostPort), factory.buildTransport());
  }

  private static long count(Connection connection) {
    ResultSetGroup result = connection.execute("SELECT COUNT(*) FROM trips");
    return result.getResultSet(0).getLong(0);
  }

  @Test
  void theJavaClientQueriesTheBrokerDirectlyAndThroughTheProxy() throws Exception {
    String broker = cluster.brokerUrl().substring("http://".length());
    Connection direct = javaClient(broker, READER);
    Connection proxied = javaClient(proxyHostPort, READER);
    Connection wrong = javaClient(proxyHostPort, BasicAuthPrincipals.basicHeader("reader", "nope"));
    try {
      assertThat(count(direct)).isEqualTo(rows);
      assertThat(count(proxied)).isEqualTo(rows);
      ResultSetGroup grouped = proxied.execute("SELECT city, COUNT(*) FROM trips GROUP BY city ORDER BY city LIMIT 3");
      assertThat(grouped.getResultSet(0).getRowCount()).isEqualTo(3);
      assertThat(grouped.getResultSet(0).getString(0, 0)).isEqualTo("city-0");
      assertThatThrownBy(() -> count(wrong)).isInstanceOf(PinotClientException.class);
    } finally {
      direct.close();
      proxied.close();
      wrong.close();
    }
  }

  @Test
  void theJdbcDriverQueriesThroughTheProxyWithCredentials() throws Exception {
    // The driver asks the controller (here: the proxy) for brokers unless `brokers` names them; through the proxy
    // the proxy itself is the broker address.
    String url = "jdbc:pinot://" + proxyHostPort + "?brokers=" + proxyHostPort;
    Properties credentials = new Properties();
    credentials.setProperty("user", "reader");
    credentials.setProperty("password", "secret");
    try (java.sql.Connection connection = DriverManager.getConnection(url, credentials);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM trips")) {
      assertThat(result.next()).isTrue();
      assertThat(result.getLong(1)).isEqualTo(rows);
    }
    String direct = "jdbc:pinot://" + cluster.controllerUrl().substring("http://".length());
    try (java.sql.Connection connection = DriverManager.getConnection(direct, credentials);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT MAX(id) FROM trips")) {
      assertThat(result.next()).isTrue();
      // MAX is a DOUBLE in Pinot
      assertThat(result.getDouble(1)).isEqualTo(rows - 1.0);
    }
  }

  @Test
  void missingOrWrongCredentialsAreRefusedAndTableRightsHold() throws Exception {
    assertThat(anonymous.get(cluster.controllerUrl() + "/tables").status()).isEqualTo(401);
    assertThat(anonymous.get(cluster.controllerUrl() + "/health").status()).isEqualTo(200);
    assertThat(new Http(READER).get(cluster.controllerUrl() + "/tables/trips/schema").status()).isEqualTo(200);
    // READ only: the reader may not create a schema
    Http.Reply create = new Http(READER).post(cluster.controllerUrl() + "/schemas", TripsTable.SCHEMA);
    assertThat(create.status()).isEqualTo(403);
    assertThat(create.json().path("code").asInt()).isEqualTo(403);
    Http.Reply query = anonymous.post(cluster.brokerUrl() + "/query/sql", "{\"sql\": \"SELECT COUNT(*) FROM trips\"}");
    assertThat(query.status()).isEqualTo(401);
    // the web UI's own files load without credentials; the data behind them does not
    assertThat(anonymous.get(cluster.controllerUrl() + "/").status()).isEqualTo(200);
    assertThat(anonymous.get(cluster.controllerUrl() + "/ui/js/app.js").status()).isEqualTo(200);
    assertThat(anonymous.get(cluster.controllerUrl() + "/help").status()).isEqualTo(200);
    assertThat(anonymous.post(cluster.controllerUrl() + "/sql", "{\"sql\": \"SELECT 1 FROM trips\"}").status())
        .isEqualTo(401);
    // the console's queries are reads: a READ-only principal runs them through the controller
    Http.Reply consoleQuery = new Http(READER).post(cluster.controllerUrl() + "/sql",
        "{\"sql\": \"SELECT COUNT(*) FROM trips\"}");
    assertThat(consoleQuery.status()).isEqualTo(200);
    assertThat(consoleQuery.json().at("/resultTable/rows/0/0").asLong()).isPositive();
    // through the pass-through proxy, the broker's and the controller's own answers
    assertThat(anonymous.get("http://" + proxyHostPort + "/tables").status()).isEqualTo(401);
    assertThat(admin.get("http://" + proxyHostPort + "/tables").status()).isEqualTo(200);
    // a proxy that checks credentials itself refuses before forwarding
    String checking = "http://127.0.0.1:" + checkingProxy.restPort();
    assertThat(anonymous.get(checking + "/tables").status()).isEqualTo(401);
    assertThat(new Http(READER).get(checking + "/tables/trips/schema").status()).isEqualTo(200);
    assertThat(checkingProxy.metrics().prometheusText()).contains("pinot_proxy_rest_refused_total 1");
  }

  @Test
  void theServerGrpcApiChecksTheAuthorizationMetadata() throws Exception {
    Map<String, List<String>> routing = TripsTable.routing(admin, cluster.brokerUrl());
    String server = routing.keySet().iterator().next();
    int port = admin.get(cluster.controllerUrl() + "/instances/" + server).json().path("grpcPort").asInt();
    String sql = "SELECT id FROM trips_OFFLINE LIMIT 3";
    assertThatThrownBy(() -> grpc.submit(TripsTable.host(server), port, PublishedGrpcClient.request(sql,
        routing.get(server), true, Map.of())))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    // Presto's pinot.extra-grpc-metadata "Authorization: Basic ..." arrives with a capital A and a leading space
    assertThat(grpc.submit(TripsTable.host(server), port, PublishedGrpcClient.request(sql, routing.get(server), true,
        Map.of("Authorization", " " + ADMIN))).numRows()).isEqualTo(3);
    // and through the proxy, which passes it on
    assertThat(grpc.submit("127.0.0.1", proxy.grpcPort(), PublishedGrpcClient.request(sql, routing.get(server),
        true, Map.of("Authorization", " " + ADMIN, "FORWARD_HOST", TripsTable.host(server), "FORWARD_PORT",
            Integer.toString(port)))).numRows()).isEqualTo(3);
  }
}
