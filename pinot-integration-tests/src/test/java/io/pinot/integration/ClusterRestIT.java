// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.utils.JsonUtils;
import io.pinot.server.ServerStarter;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.GenericRow;
import io.pinot.tools.EmbeddedPinotCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/// The controller, broker and server REST APIs of the foundation issue, on an in-JVM cluster (real
/// ZooKeeper, Helix, Netty and HTTP on loopback): every endpoint's shape, segment upload (tar and URI push),
/// replacement of a re-uploaded segment without a gap, download and deletion.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterRestIT {
  private static final String SCHEMA = """
      {"schemaName": "orders",
       "dimensionFieldSpecs": [{"name": "region", "dataType": "STRING"},
                               {"name": "labels", "dataType": "STRING", "singleValueField": false}],
       "metricFieldSpecs": [{"name": "amount", "dataType": "LONG"}]}""";
  private static final String TABLE = """
      {"tableName": "orders", "tableType": "OFFLINE", "segmentsConfig": {"replication": "1"},
       "tenants": {"broker": "DefaultTenant", "server": "DefaultTenant"},
       "tableIndexConfig": {"invertedIndexColumns": ["region", "labels"]},
       "metadata": {"customConfigs": {"owner": "tests"}}}""";

  @TempDir
  static Path workDir;
  private EmbeddedPinotCluster cluster;
  private final Http http = new Http();
  private String controller;
  private Schema schema;
  private TableConfig config;

  @BeforeAll
  void start() throws Exception {
    cluster = EmbeddedPinotCluster.builder(workDir.resolve("cluster")).numServers(2).build().start();
    controller = cluster.controllerUrl();
    schema = JsonUtils.fromJson(SCHEMA, Schema.class);
    config = JsonUtils.fromJson(TABLE, TableConfig.class);
  }

  @AfterAll
  void stop() {
    http.close();
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void everyNodeIsHealthy() throws Exception {
    assertThat(http.get(controller + "/health").body()).isEqualTo("OK");
    assertThat(http.get(cluster.brokerUrl() + "/health").body()).isEqualTo("OK");
    for (ServerStarter server : cluster.servers()) {
      assertThat(http.get("http://localhost:" + server.adminPort() + "/health").body()).isEqualTo("OK");
    }
  }

  @Test
  @Order(2)
  void schemaAndTableCrud() throws Exception {
    assertThat(http.post(controller + "/schemas", SCHEMA).json().get("status").asText())
        .isEqualTo("orders successfully added");
    assertThat(http.get(controller + "/schemas").json().toString()).contains("orders");
    assertThat(JsonUtils.fromJson(http.get(controller + "/schemas/orders").body(), Schema.class)).isEqualTo(schema);
    assertThat(http.post(controller + "/tables", TABLE).json().get("status").asText())
        .isEqualTo("Table orders_OFFLINE successfully added");
    assertThat(http.post(controller + "/tables", TABLE).status()).isEqualTo(409);
    JsonNode table = http.get(controller + "/tables/orders").json();
    assertThat(table.fieldNames()).toIterable().containsExactly("OFFLINE");
    assertThat(table.get("OFFLINE").get("tableName").asText()).isEqualTo("orders_OFFLINE");
    assertThat(table.get("OFFLINE").get("metadata").get("customConfigs").get("owner").asText()).isEqualTo("tests");
    assertThat(http.get(controller + "/tables").json().get("tables").toString()).isEqualTo("[\"orders\"]");
    assertThat(http.get(controller + "/tables/orders/schema").json().get("schemaName").asText()).isEqualTo("orders");
    String updated = TABLE.replace("\"tests\"", "\"ops\"");
    assertThat(putJson("/tables/orders", updated).status()).isEqualTo(200);
    assertThat(http.get(controller + "/tables/orders").json().get("OFFLINE").get("metadata").get("customConfigs")
        .get("owner").asText()).isEqualTo("ops");
    assertThat(http.delete(controller + "/schemas/orders").status()).as("schema in use").isEqualTo(409);
  }

  @Test
  @Order(3)
  void instancesTenantsAndBrokers() throws Exception {
    List<String> instances = new ArrayList<>();
    http.get(controller + "/instances").json().get("instances").forEach(node -> instances.add(node.asText()));
    assertThat(instances).anyMatch(id -> id.startsWith("Controller_")).anyMatch(id -> id.startsWith("Broker_"))
        .filteredOn(id -> id.startsWith("Server_")).hasSize(2);
    ServerStarter server = cluster.servers().get(0);
    JsonNode info = http.get(controller + "/instances/" + server.instanceId()).json();
    assertThat(info.get("port").isTextual()).isTrue();
    assertThat(info.get("port").asText()).isEqualTo(Integer.toString(server.nettyPort()));
    assertThat(info.get("grpcPort").isInt()).isTrue();
    assertThat(info.get("adminPort").asInt()).isEqualTo(server.adminPort());
    assertThat(info.get("pools").isNull()).isTrue();
    assertThat(info.get("tags").toString()).contains("DefaultTenant_OFFLINE");
    assertThat(http.get(controller + "/instances/Server_nowhere_1").status()).isEqualTo(404);
    JsonNode tenants = http.get(controller + "/tenants").json();
    assertThat(tenants.get("SERVER_TENANTS").toString()).isEqualTo("[\"DefaultTenant\"]");
    assertThat(tenants.get("BROKER_TENANTS").toString()).isEqualTo("[\"DefaultTenant\"]");
    String broker = cluster.brokers().get(0).instanceId();
    awaitTrue(() -> http.get(controller + "/tables/livebrokers").json().path("orders_OFFLINE").size() == 1);
    JsonNode live = http.get(controller + "/tables/livebrokers").json().get("orders_OFFLINE").get(0);
    assertThat(live.get("instanceName").asText()).isEqualTo(broker);
    assertThat(live.get("port").asInt()).isEqualTo(cluster.brokers().get(0).port());
    assertThat(http.get(controller + "/v2/brokers/tenants/DefaultTenant").json().get(0).get("instanceName").asText())
        .isEqualTo(broker);
    assertThat(http.get(controller + "/v2/brokers/tenants/NoTenant").status()).isEqualTo(404);
    JsonNode tableInstances = http.get(controller + "/tables/orders/instances").json();
    assertThat(tableInstances.get("brokers").get(0).get("instances").get(0).asText()).isEqualTo(broker);
    assertThat(tableInstances.get("server").get(0).get("instances").size()).isEqualTo(2);
  }

  @Test
  @Order(4)
  void uploadsRouteQueriesAndReuploadReplaces() throws Exception {
    for (int i = 0; i < 4; i++) {
      Path tar = SegmentUploads.buildTarGz(config, schema, "orders_" + i, rows(100, 1), workDir.resolve("b" + i));
      Http.Reply reply = SegmentUploads.upload(controller, "orders", tar);
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      assertThat(reply.json().get("status").asText()).contains("orders_" + i);
    }
    awaitTrue(() -> count("") == 400);
    JsonNode idealState = http.get(controller + "/tables/orders/idealstate").json().get("OFFLINE");
    assertThat(idealState.size()).isEqualTo(4);
    JsonNode externalView = http.get(controller + "/tables/orders/externalview").json();
    assertThat(externalView.get("OFFLINE").size()).isEqualTo(4);
    assertThat(externalView.get("REALTIME").isNull()).isTrue();
    JsonNode segments = http.get(controller + "/segments/orders").json();
    assertThat(segments.get(0).get("OFFLINE").size()).isEqualTo(4);
    JsonNode metadata = http.get(controller + "/segments/orders/orders_0/metadata").json();
    assertThat(metadata.get("segment.total.docs").asText()).isEqualTo("100");
    assertThat(metadata.get("segment.download.url").asText()).endsWith("/segments/orders/orders_0");
    Http.Reply download = http.get(controller + "/segments/orders/orders_0");
    assertThat(download.status()).isEqualTo(200);
    JsonNode size = http.get(controller + "/tables/orders/size").json();
    assertThat(size.get("reportedSizeInBytes").asLong()).isPositive();
    assertThat(size.get("offlineSegments").get("segments").size()).isEqualTo(4);
    assertThat(size.get("offlineSegments").get("missingSegments").asInt()).isZero();

    Path replacement = SegmentUploads.buildTarGz(config, schema, "orders_0", rows(250, 2), workDir.resolve("r"));
    assertThat(SegmentUploads.upload(controller, "orders", replacement).status()).isEqualTo(200);
    awaitTrue(() -> count("") == 550);
    assertThat(count("WHERE amount = 2")).isEqualTo(250);
    assertThat(http.get(controller + "/segments/orders/orders_0/metadata").json().has("segment.refresh.time"))
        .isTrue();
  }

  @Test
  @Order(5)
  void uriPushServesFromTheGivenUri() throws Exception {
    Path tar = SegmentUploads.buildTarGz(config, schema, "orders_uri", rows(10, 3), workDir.resolve("u"));
    Http.Reply reply = SegmentUploads.uploadUri(controller, "orders", tar.toUri());
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    awaitTrue(() -> count("WHERE amount = 3") == 10);
    assertThat(http.get(controller + "/segments/orders/orders_uri/metadata").json().get("segment.download.url")
        .asText()).isEqualTo(tar.toUri().toString());
  }

  @Test
  @Order(6)
  void deletingSegmentsAndTables() throws Exception {
    assertThat(http.delete(controller + "/segments/orders/orders_uri").json().get("status").asText())
        .isEqualTo("Segment orders_uri deleted");
    awaitTrue(() -> count("") == 550);
    assertThat(http.delete(controller + "/segments/orders/orders_uri").status()).isEqualTo(404);
    assertThat(http.get(controller + "/segments/orders/orders_uri").status()).isEqualTo(404);
    assertThat(http.delete(controller + "/tables/orders?type=offline").json().get("status").asText())
        .isEqualTo("Tables: [orders_OFFLINE] deleted");
    assertThat(http.get(controller + "/tables/orders").status()).isEqualTo(404);
    awaitTrue(() -> http.query(cluster.brokerUrl(), "SELECT COUNT(*) FROM orders").get("exceptions").path(0)
        .path("errorCode").asInt() == 190);
    assertThat(http.delete(controller + "/schemas/orders").status()).isEqualTo(200);
    assertThat(http.get(controller + "/schemas/orders").status()).isEqualTo(404);
  }

  private long count(String where) throws Exception {
    JsonNode response = http.query(cluster.brokerUrl(), "SELECT COUNT(*) FROM orders " + where);
    if (!response.get("exceptions").isEmpty()) {
      return -1;
    }
    return response.get("resultTable").get("rows").get(0).get(0).asLong();
  }

  private Http.Reply putJson(String path, String json) throws Exception {
    return http.put(controller + path, json);
  }

  private static List<GenericRow> rows(int count, long amount) {
    List<GenericRow> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      GenericRow row = new GenericRow();
      row.putValue("region", "r" + (i % 5));
      row.putValue("labels", new Object[] {"l" + (i % 2), "all"});
      row.putValue("amount", amount);
      rows.add(row);
    }
    return rows;
  }

  private interface Condition {
    boolean holds() throws Exception;
  }

  private static void awaitTrue(Condition condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.holds()) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("condition not met within 60 s");
  }
}
