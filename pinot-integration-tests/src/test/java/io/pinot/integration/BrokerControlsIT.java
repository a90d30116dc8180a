// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.GenericRow;
import io.pinot.tools.EmbeddedPinotCluster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/// The broker's and server's query controls end to end on a real cluster: broker time pruning from the segments'
/// ZooKeeper start/end times, the per-table QPS quota (429 inside an HTTP 200 answer, following table config
/// changes), `GET /queries` and `DELETE /query/{id}` stopping a slow query on the server (503), the query timeout
/// answering with `partialResult`, and a high-cardinality group-by trimmed by `numGroupsLimit`.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerControlsIT {
  private static final int SEGMENTS = 4;
  private static final int ROWS_PER_SEGMENT = 25_000;
  /// Backtracking without memoization (the back reference defeats it): about 0.1 ms per row of `payload`.
  private static final String SLOW_SQL = "SET timeoutMs=60000; SELECT COUNT(*) FROM controls "
      + "WHERE REGEXP_LIKE(payload, '^((a+)+)\\2!b')";
  private static final String SCHEMA = """
      {"schemaName": "controls", "dimensionFieldSpecs": [{"name": "id", "dataType": "LONG"},
       {"name": "payload", "dataType": "STRING"}],
       "dateTimeFieldSpecs": [{"name": "day", "dataType": "INT", "format": "1:DAYS:EPOCH",
         "granularity": "1:DAYS"}]}""";
  private static final String TABLE = """
      {"tableName": "controls", "tableType": "OFFLINE",
       "segmentsConfig": {"replication": "1", "timeColumnName": "day", "timeType": "DAYS"},
       "tableIndexConfig": {"noDictionaryColumns": ["payload"]}}""";

  @TempDir
  static Path workDir;
  private EmbeddedPinotCluster cluster;
  private final Http http = new Http();

  @BeforeAll
  void start() throws Exception {
    cluster = EmbeddedPinotCluster.builder(workDir.resolve("cluster")).numServers(1).build().start();
    assertThat(http.post(cluster.controllerUrl() + "/schemas", SCHEMA).status()).isEqualTo(200);
    assertThat(http.post(cluster.controllerUrl() + "/tables", TABLE).status()).isEqualTo(200);
    Schema schema = JsonUtils.fromJson(SCHEMA, Schema.class);
    TableConfig config = JsonUtils.fromJson(TABLE, TableConfig.class);
    for (int segment = 0; segment < SEGMENTS; segment++) {
      List<GenericRow> rows = new ArrayList<>(ROWS_PER_SEGMENT);
      for (int i = 0; i < ROWS_PER_SEGMENT; i++) {
        GenericRow row = new GenericRow();
        row.putValue("id", (long) segment * ROWS_PER_SEGMENT + i);
        row.putValue("payload", "aaaaaaaaaa!" + i);
        row.putValue("day", segment * 10 + i % 10);
        rows.add(row);
      }
      Path tar = SegmentUploads.buildTarGz(config, schema, "controls_" + segment, rows, workDir.resolve("b" + segment));
      assertThat(SegmentUploads.upload(cluster.controllerUrl(), "controls", tar).status()).isEqualTo(200);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (count("SELECT COUNT(*) FROM controls") != (long) SEGMENTS * ROWS_PER_SEGMENT) {
      assertThat(System.nanoTime()).as("all segments online within 60 s").isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  @AfterAll
  void stop() {
    http.close();
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void timePredicatesPruneSegmentsOnTheBroker() throws Exception {
    JsonNode late = http.query(cluster.brokerUrl(), "SELECT COUNT(*) FROM controls WHERE day >= 20");
    assertThat(late.get("numSegmentsPrunedByBroker").asLong()).isEqualTo(2);
    assertThat(late.get("numSegmentsQueried").asLong()).isEqualTo(2);
    assertThat(rowValue(late)).isEqualTo(2L * ROWS_PER_SEGMENT);

    JsonNode between = http.query(cluster.brokerUrl(), "SELECT COUNT(*) FROM controls WHERE day BETWEEN 15 AND 15");
    assertThat(between.get("numSegmentsPrunedByBroker").asLong()).isEqualTo(3);
    assertThat(rowValue(between)).isEqualTo(ROWS_PER_SEGMENT / 10);

    JsonNode or = http.query(cluster.brokerUrl(), "SELECT COUNT(*) FROM controls WHERE day < 5 OR id = 60000");
    assertThat(or.get("numSegmentsPrunedByBroker").asLong()).as("OR with a non-time predicate").isZero();
    assertThat(rowValue(or)).isEqualTo(ROWS_PER_SEGMENT / 2 + 1);

    JsonNode none = http.query(cluster.brokerUrl(), "SELECT COUNT(*) FROM controls WHERE day > 100");
    assertThat(none.get("numSegmentsPrunedByBroker").asLong()).isEqualTo(SEGMENTS);
    assertThat(rowValue(none)).as(none.toString()).isZero();
    assertThat(none.get("exceptions")).isEmpty();
  }

  @Test
  void overQuotaQueriesAreRefusedWith429AndTheQuotaFollowsTheTableConfig() throws Exception {
    try {
      putTable("{\"maxQueriesPerSecond\": \"2\"}");
      JsonNode refused = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (refused == null && System.nanoTime() < deadline) {
        for (int i = 0; i < 10 && refused == null; i++) {
          Http.Reply reply = http.post(cluster.brokerUrl() + "/query/sql", sqlBody("SELECT COUNT(*) FROM controls"));
          assertThat(reply.status()).as("Pinot answers quota errors inside HTTP 200").isEqualTo(200);
          JsonNode exceptions = reply.json().path("exceptions");
          if (!exceptions.isEmpty()) {
            refused = reply.json();
          }
        }
      }
      assertThat(refused).as("a query refused within 30 s of the quota being set").isNotNull();
      assertThat(refused.get("exceptions").get(0).get("errorCode").asInt()).isEqualTo(429);
      assertThat(refused.get("exceptions").get(0).get("message").asText())
          .contains("exceeds query quota for table: controls");
    } finally {
      putTable(null);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!allAdmitted(20)) {
      assertThat(System.nanoTime()).as("quota lifted within 30 s").isLessThan(deadline);
      Thread.sleep(500);
    }
  }

  @Test
  void aRunningQueryIsListedAndCancelledOnTheServer() throws Exception {
    CompletableFuture<JsonNode> slow = new CompletableFuture<>();
    Thread client = new Thread(() -> {
      try {
        slow.complete(http.query(cluster.brokerUrl(), SLOW_SQL));
      } catch (Exception e) {
        slow.completeExceptionally(e);
      }
    });
    client.start();
    String queryId = awaitRunningQuery();
    String serverQueries = "http://localhost:" + cluster.servers().get(0).adminPort() + "/queries/id";
    // The broker lists the query before its request reaches the server: poll the server until it shows.
    String onServer = http.get(serverQueries).json().toString();
    long listedBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!onServer.contains("_" + queryId + "_O") && System.nanoTime() < listedBy) {
      Thread.sleep(20);
      onServer = http.get(serverQueries).json().toString();
    }
    assertThat(onServer).contains("_" + queryId + "_O");

    Http.Reply cancelled = http.delete(cluster.brokerUrl() + "/query/" + queryId + "?verbose=true");
    long cancelledAt = System.nanoTime();
    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.body()).startsWith("Cancelled query: " + queryId).contains("with responses from servers")
        .contains("=200");
    JsonNode answer = slow.get(10, TimeUnit.SECONDS);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelledAt)).isLessThan(5_000);
    assertThat(answer.get("exceptions").get(0).get("errorCode").asInt()).isEqualTo(503);
    assertThat(http.get(cluster.brokerUrl() + "/queries").json().size()).isZero();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (http.get(serverQueries).json().size() > 0) {
      assertThat(System.nanoTime()).as("the server stops the cancelled query at its next block")
          .isLessThan(deadline);
      Thread.sleep(50);
    }
    assertThat(http.delete(cluster.brokerUrl() + "/query/" + queryId).status()).isEqualTo(404);
    assertThat(http.delete(cluster.brokerUrl() + "/query/notAnId").status()).isEqualTo(404);
    client.join(10_000);
  }

  @Test
  void serversMissingTheDeadlineGiveAPartialResultWithinTheTimeout() throws Exception {
    long start = System.nanoTime();
    JsonNode answer = http.query(cluster.brokerUrl(), SLOW_SQL.replace("timeoutMs=60000", "timeoutMs=300"));
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(3_000);
    assertThat(answer.get("partialResult").asBoolean()).isTrue();
    assertThat(answer.get("exceptions").get(0).get("errorCode").asInt()).isEqualTo(427);
    assertThat(answer.get("numServersQueried").asInt()).isEqualTo(1);
    assertThat(answer.get("numServersResponded").asInt()).isZero();
  }

  @Test
  void aHighCardinalityGroupByIsTrimmedAndTheServerKeepsServing() throws Exception {
    JsonNode answer = http.query(cluster.brokerUrl(), "SET numGroupsLimit=1000; "
        + "SELECT id, COUNT(*) FROM controls GROUP BY id ORDER BY COUNT(*) DESC, id LIMIT 5");
    assertThat(answer.get("exceptions")).isEmpty();
    assertThat(answer.get("numGroupsLimitReached").asBoolean()).isTrue();
    assertThat(answer.get("resultTable").get("rows")).hasSize(5);
    JsonNode all = http.query(cluster.brokerUrl(),
        "SELECT id, COUNT(*) FROM controls GROUP BY id ORDER BY id DESC LIMIT 3");
    assertThat(all.get("exceptions")).isEmpty();
    assertThat(all.get("resultTable").get("rows").get(0).get(0).asLong()).isEqualTo(SEGMENTS * ROWS_PER_SEGMENT - 1);
    assertThat(count("SELECT COUNT(*) FROM controls")).isEqualTo((long) SEGMENTS * ROWS_PER_SEGMENT);
  }

  private String awaitRunningQuery() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      JsonNode running = http.get(cluster.brokerUrl() + "/queries").json();
      Iterator<String> names = running.fieldNames();
      while (names.hasNext()) {
        String id = names.next();
        if (running.get(id).asText().contains("REGEXP_LIKE")) {
          return id;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the slow query never showed in GET /queries");
  }

  private boolean allAdmitted(int queries) throws Exception {
    for (int i = 0; i < queries; i++) {
      if (!http.query(cluster.brokerUrl(), "SELECT COUNT(*) FROM controls").path("exceptions").isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private void putTable(String quota) throws Exception {
    ObjectNode table = (ObjectNode) JsonUtils.parse(TABLE);
    if (quota != null) {
      table.set("quota", JsonUtils.parse(quota));
    }
    assertThat(http.put(cluster.controllerUrl() + "/tables/controls", table.toString()).status()).isEqualTo(200);
  }

  private static String sqlBody(String sql) {
    return JsonUtils.toJson(Map.of("sql", sql));
  }

  private static long rowValue(JsonNode response) {
    return response.path("resultTable").path("rows").path(0).path(0).asLong(-1);
  }

  private long count(String sql) throws Exception {
    return rowValue(http.query(cluster.brokerUrl(), sql));
  }
}
