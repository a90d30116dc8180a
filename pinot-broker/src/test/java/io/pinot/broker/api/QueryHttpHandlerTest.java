// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.broker.requesthandler.BrokerQueryHandler;
import io.pinot.broker.routing.RoutingManager;
import io.pinot.broker.scatter.ServerChannels;
import io.pinot.common.auth.BasicAuthFilter;
import io.pinot.common.auth.BasicAuthPrincipals;
import io.pinot.common.http.RestServer;
import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.env.PinotConfiguration;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jspecify.annotations.Nullable;

/// `/query/sql` served by [QueryHttpHandler] beside Jersey on a real Grizzly server: Pinot's statuses and bodies
/// for queries, requests that are not queries, other methods, oversized bodies and access control. No table is
/// routed, so a well-formed query answers Pinot's "table does not exist" (190) inside an HTTP 200.
class QueryHttpHandlerTest {
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private @Nullable ServerChannels channels;
  private @Nullable BrokerQueryHandler handler;
  private @Nullable RestServer server;

  private String start(BasicAuthPrincipals principals) {
    channels = new ServerChannels(1000);
    handler = new BrokerQueryHandler("Broker_test", 10_000, new RoutingManager(), channels);
    ResourceConfig resources = new ResourceConfig().registerInstances(new QueryResource(handler))
        .register(new BasicAuthFilter(principals, Set.of("health"), true));
    server = RestServer.start("127.0.0.1", 0, resources,
        Map.of(QueryHttpHandler.PATH, new QueryHttpHandler(handler, principals)));
    return "http://127.0.0.1:" + server.port();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (handler != null) {
      handler.close();
    }
    if (channels != null) {
      channels.close();
    }
  }

  @Test
  void queryErrorsAreHttp200WithPinotsCodeInBodyAndHeader() throws Exception {
    String base = start(BasicAuthPrincipals.from(new PinotConfiguration(Map.of()), "p"));
    HttpResponse<String> posted = send(post(base, "{\"sql\": \"SELECT COUNT(*) FROM nosuch\", \"trace\": false}"));
    assertThat(posted.statusCode()).isEqualTo(200);
    assertThat(posted.headers().firstValue("X-Pinot-Error-Code")).contains("190");
    assertThat(posted.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    JsonNode body = JsonUtils.parse(posted.body());
    assertThat(body.get("exceptions").get(0).get("errorCode").asInt()).isEqualTo(190);
    assertThat(body.get("exceptions").get(0).get("message").asText()).contains("nosuch");

    HttpResponse<String> syntax = send(post(base, "{\"sql\": \"SELEC 1 FROM t\"}"));
    assertThat(syntax.statusCode()).isEqualTo(200);
    assertThat(syntax.headers().firstValue("X-Pinot-Error-Code")).contains("150");

    // GET decodes its parameters as UTF-8: the table name comes back intact in the message.
    String sql = "SELECT COUNT(*) FROM straße";
    HttpResponse<String> got = send(HttpRequest.newBuilder(URI.create(base + "/query/sql?sql="
        + URLEncoder.encode(sql, StandardCharsets.UTF_8) + "&queryOptions=timeoutMs%3D5000")).GET().build());
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(JsonUtils.parse(got.body()).get("exceptions").get(0).get("message").asText()).contains("straße");
  }

  @Test
  void requestsThatAreNotQueriesAre400() throws Exception {
    String base = start(BasicAuthPrincipals.from(new PinotConfiguration(Map.of()), "p"));
    assertError(send(post(base, "{\"sql\": ")), 400, "Invalid JSON");
    assertError(send(post(base, "")), 400, "'sql'");
    assertError(send(post(base, "{\"query\": \"SELECT 1\"}")), 400, "'sql'");
    assertError(send(post(base, "{\"sql\": 42}")), 400, "'sql'");
    assertError(send(HttpRequest.newBuilder(URI.create(base + "/query/sql")).GET().build()), 400, "'sql'");
  }

  @Test
  void otherMethodsAre405AndOversizedBodiesAre413() throws Exception {
    String base = start(BasicAuthPrincipals.from(new PinotConfiguration(Map.of()), "p"));
    HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(base + "/query/sql"))
        .PUT(HttpRequest.BodyPublishers.ofString("{}")).build());
    assertError(put, 405, "PUT");
    assertThat(put.headers().firstValue("Allow")).contains("GET, POST");

    byte[] big = new byte[QueryHttpHandler.MAX_BODY_BYTES + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    HttpResponse<String> tooLarge = send(HttpRequest.newBuilder(URI.create(base + "/query/sql"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build());
    assertError(tooLarge, 413, "larger than");
  }

  @Test
  void jerseyStillServesTheOtherPaths() throws Exception {
    String base = start(BasicAuthPrincipals.from(new PinotConfiguration(Map.of()), "p"));
    HttpResponse<String> cancel = send(HttpRequest.newBuilder(URI.create(base + "/query/123")).DELETE().build());
    assertError(cancel, 404, "Query: 123 not found on the broker");
    // A path under /query/sql is not the handler's: Jersey answers it (no such resource).
    assertThat(send(HttpRequest.newBuilder(URI.create(base + "/query/sql/x")).GET().build()).statusCode())
        .isEqualTo(404);
  }

  @Test
  void accessControlAsTheRestOfTheApi() throws Exception {
    BasicAuthPrincipals principals = BasicAuthPrincipals.from(new PinotConfiguration(Map.of(
        "p.principals", "admin,reader,writer",
        "p.principals.writer.password", "w",
        "p.principals.writer.permissions", "CREATE",
        "p.principals.admin.password", "secret",
        "p.principals.reader.password", "pw",
        "p.principals.reader.tables", "allowed")), "p");
    String base = start(principals);
    String query = "{\"sql\": \"SELECT COUNT(*) FROM other\"}";

    HttpResponse<String> anonymous = send(post(base, query));
    assertError(anonymous, 401, BasicAuthFilter.authenticationRequired("POST", "query/sql"));
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains(BasicAuthFilter.CHALLENGE);
    assertError(send(withAuth(post(base, query), "admin", "wrong")), 401, "Authentication required");

    assertError(send(withAuth(post(base, query), "writer", "w")), 403,
        BasicAuthFilter.permissionDenied("POST", "query/sql", "writer"));
    HttpResponse<String> denied = send(withAuth(post(base, query), "reader", "pw"));
    assertError(denied, 403, "other");

    HttpResponse<String> admin = send(withAuth(post(base, query), "admin", "secret"));
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(admin.headers().firstValue("X-Pinot-Error-Code")).contains("190");
    HttpResponse<String> allowed = send(withAuth(post(base, "{\"sql\": \"SELECT COUNT(*) FROM allowed\"}"),
        "reader", "pw"));
    assertThat(allowed.headers().firstValue("X-Pinot-Error-Code")).contains("190");
  }

  private static HttpRequest post(String base, String body) {
    return HttpRequest.newBuilder(URI.create(base + "/query/sql")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private static HttpRequest withAuth(HttpRequest request, String user, String password) {
    return HttpRequest.newBuilder(request, (name, value) -> true)
        .header("Authorization", BasicAuthPrincipals.basicHeader(user, password)).build();
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static void assertError(HttpResponse<String> reply, int status, String fragment) {
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(status);
    JsonNode body = JsonUtils.parse(reply.body());
    assertThat(body.get("code").asInt()).isEqualTo(status);
    assertThat(body.get("error").asText()).contains(fragment);
  }
}
