// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

import static io.pinot.integration.Awaits.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/// The controller's cluster and instance operations at Pinot's paths: `/cluster/info`, `/cluster/configs`, instance
/// enable and disable, and dropping an instance (refused while it is live or hosts segments).
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterOperationsIT extends ClusterTestBase {
  private static final String SCHEMA = """
      {"schemaName": "ops", "dimensionFieldSpecs": [{"name": "id", "dataType": "INT"}]}""";
  private static final String TABLE = """
      {"tableName": "ops", "tableType": "OFFLINE", "segmentsConfig": {"replication": "1"}}""";

  private String controller;

  @Override
  protected int numServers() {
    return 3;
  }

  @Override
  protected void setUp() throws Exception {
    controller = cluster.controllerUrl();
    addTable(SCHEMA, TABLE);
    assertThat(SegmentUploads.push(controller, TABLE, SCHEMA, "ops_0", SegmentUploads.idRows(0, 10),
        workDir.resolve("segment")).status()).isEqualTo(200);
  }

  @Test
  @Order(1)
  void clusterInfoAndConfigs() throws Exception {
    assertThat(http.get(controller + "/cluster/info").json().path("clusterName").asText())
        .isEqualTo(cluster.clusterName());
    Http.Reply set = http.post(controller + "/cluster/configs",
        "{\"pinot.broker.enable.query.limit.override\": false, \"default.hyperloglog.log2m\": 12}");
    assertThat(set.status()).isEqualTo(200);
    assertThat(set.json().path("status").asText()).isEqualTo("Updated cluster config.");
    JsonNode configs = http.get(controller + "/cluster/configs").json();
    assertThat(configs.path("default.hyperloglog.log2m").asText()).isEqualTo("12");
    assertThat(configs.path("pinot.broker.enable.query.limit.override").asText()).isEqualTo("false");
    assertThat(http.delete(controller + "/cluster/configs/default.hyperloglog.log2m").json().path("status")
        .asText()).isEqualTo("Deleted cluster config: default.hyperloglog.log2m");
    assertThat(http.get(controller + "/cluster/configs").json().has("default.hyperloglog.log2m")).isFalse();
    Http.Reply missing = http.delete(controller + "/cluster/configs/no.such.config");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().path("code").asInt()).isEqualTo(404);
    assertThat(http.post(controller + "/cluster/configs", "{not json").status()).isEqualTo(400);
    assertThat(http.post(controller + "/cluster/configs", "{\"a\": {\"nested\": 1}}").status()).isEqualTo(400);
    assertThat(http.post(controller + "/cluster/configs", "[]").status()).isEqualTo(400);
  }

  /// Every parameterless GET in the API document is routed (not 404 or 405), and any error it answers has
  /// Pinot's shape; the Swagger UI at `/help` and its files are served.
  @Test
  @Order(1)
  void apiDocumentDescribesServedEndpoints() throws Exception {
    JsonNode document = http.get(controller + "/openapi.json").json();
    assertThat(http.get(controller + "/swagger.json").json()).isEqualTo(document);
    List<String> called = new ArrayList<>();
    document.path("paths").fields().forEachRemaining(path -> {
      if (path.getValue().has("get") && !path.getKey().contains("{")) {
        called.add(path.getKey());
      }
    });
    assertThat(called).contains("/tables", "/schemas", "/cluster/info", "/periodictask/names", "/instances");
    for (String path : called) {
      Http.Reply reply = http.get(controller + path);
      assertThat(reply.status()).as(path).isNotIn(404, 405);
      if (reply.status() >= 400) {
        assertThat(reply.json().path("code").asInt()).as(path).isEqualTo(reply.status());
        assertThat(reply.json().path("error").asText()).as(path).isNotBlank();
      }
    }
    Http.Reply help = http.get(controller + "/help");
    assertThat(help.status()).isEqualTo(200);
    assertThat(help.body()).contains("swagger-ui-bundle.js", "<div id=\"swagger-ui\">");
    assertThat(http.get(controller + "/help/help.js").body()).contains("/openapi.json");
    Http.Reply bundle = http.get(controller + "/help/swagger-ui-bundle.js");
    assertThat(bundle.status()).isEqualTo(200);
    assertThat(bundle.body().length()).isGreaterThan(100_000);
    Http.Reply unknown = http.get(controller + "/help/pom.properties");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().path("code").asInt()).isEqualTo(404);
  }

  @Test
  @Order(2)
  void instancesAreDisabledAndEnabled() throws Exception {
    String server = cluster.servers().get(2).instanceId();
    Http.Reply disabled = http.put(controller + "/instances/" + server + "/state?state=disable", "");
    assertThat(disabled.status()).isEqualTo(200);
    assertThat(disabled.json().path("status").asText())
        .isEqualTo("Request to disable instance '" + server + "' is successful");
    assertThat(http.get(controller + "/instances/" + server).json().path("enabled").asBoolean()).isFalse();
    assertThat(http.put(controller + "/instances/" + server + "/state?state=ENABLE", "").status()).isEqualTo(200);
    assertThat(http.get(controller + "/instances/" + server).json().path("enabled").asBoolean()).isTrue();
    // Pinot's older form, state in the body
    Http.Reply legacy = http.post(controller + "/instances/" + server + "/state", "disable");
    assertThat(legacy.json().path("status").asText())
        .isEqualTo("Request to disable instance " + server + " is successful");
    assertThat(http.get(controller + "/instances/" + server).json().path("enabled").asBoolean()).isFalse();
    http.post(controller + "/instances/" + server + "/state", "enable");
    assertThat(http.put(controller + "/instances/" + server + "/state?state=sleep", "").status()).isEqualTo(400);
    assertThat(http.put(controller + "/instances/Server_nowhere_1/state?state=enable", "").status())
        .isEqualTo(404);
  }

  @Test
  @Order(3)
  void droppingRefusesLiveInstancesAndInstancesWithSegments() throws Exception {
    JsonNode idealState = http.get(controller + "/tables/ops/idealstate").json().path("OFFLINE").path("ops_0");
    List<String> hosting = new ArrayList<>();
    idealState.fieldNames().forEachRemaining(hosting::add);
    int hostIndex = -1;
    int idleIndex = -1;
    for (int i = 0; i < 3; i++) {
      if (hosting.contains(cluster.servers().get(i).instanceId())) {
        hostIndex = i;
      } else {
        idleIndex = i;
      }
    }
    String host = cluster.servers().get(hostIndex).instanceId();
    String idle = cluster.servers().get(idleIndex).instanceId();
    Http.Reply live = http.delete(controller + "/instances/" + idle);
    assertThat(live.status()).isEqualTo(409);
    assertThat(live.json().path("error").asText()).contains("is still live");

    cluster.stopServer(hostIndex);
    cluster.stopServer(idleIndex);
    await(() -> !liveInstances().contains(host) && !liveInstances().contains(idle));
    Http.Reply withSegments = http.delete(controller + "/instances/" + host);
    assertThat(withSegments.status()).isEqualTo(409);
    assertThat(withSegments.json().path("error").asText()).contains("exists in ideal state for ops_OFFLINE");

    Http.Reply dropped = http.delete(controller + "/instances/" + idle);
    assertThat(dropped.status()).isEqualTo(200);
    assertThat(dropped.json().path("status").asText()).isEqualTo("Successfully dropped instance");
    assertThat(http.get(controller + "/instances/" + idle).status()).isEqualTo(404);
    assertThat(http.get(controller + "/instances").json().path("instances").toString()).doesNotContain(idle);
    assertThat(http.delete(controller + "/instances/" + idle).status()).isEqualTo(404);
  }

  private List<String> liveInstances() {
    try {
      List<String> ids = new ArrayList<>();
      http.get(controller + "/liveinstances").json().path("instances").forEach(id -> ids.add(id.asText()));
      return ids;
    } catch (Exception e) {
      return List.of();
    }
  }
}
