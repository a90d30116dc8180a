// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

import static io.pinot.integration.Awaits.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.utils.JsonUtils;
import io.pinot.tools.admin.PinotAdministrator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/// Table rebalance at Pinot's paths: a table on two servers gets two more; the dry run's summary and the real
/// rebalance without downtime (queries stay complete while segments move, `/rebalanceStatus/{jobId}` reports progress
/// then DONE, the external view ends balanced), cancellation, downtime rebalance, and the errors.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RebalanceIT extends ClusterTestBase {
  private static final int SEGMENTS = 8;
  private static final int ROWS_PER_SEGMENT = 250;
  private static final String SCHEMA = """
      {"schemaName": "reb", "dimensionFieldSpecs": [{"name": "id", "dataType": "INT"}]}""";
  private static final String TABLE = """
      {"tableName": "reb", "tableType": "OFFLINE", "segmentsConfig": {"replication": "2"}}""";

  private String controller;

  @Override
  protected int numServers() {
    return 2;
  }

  @Override
  protected void setUp() throws Exception {
    controller = cluster.controllerUrl();
    addTable(SCHEMA, TABLE);
    for (int s = 0; s < SEGMENTS; s++) {
      assertThat(SegmentUploads.push(controller, TABLE, SCHEMA, "reb_" + s,
          SegmentUploads.idRows(s * ROWS_PER_SEGMENT, ROWS_PER_SEGMENT), workDir.resolve("segment" + s)).status())
          .isEqualTo(200);
    }
    await(() -> count() == SEGMENTS * ROWS_PER_SEGMENT);
  }

  @Test
  @Order(1)
  void balancedTableIsANoOp() throws Exception {
    JsonNode result = rebalance("dryRun=true");
    assertThat(result.path("status").asText()).isEqualTo("NO_OP");
    assertThat(result.path("description").asText()).isEqualTo("Table is already balanced");
    assertThat(result.path("jobId").asText()).isNotEmpty();
    assertThat(result.path("instanceAssignment").path("OFFLINE").path("instancePartitionsName").asText())
        .isEqualTo("reb_OFFLINE");
    assertThat(result.path("instanceAssignment").path("OFFLINE").path("partitionToInstancesMap").path("0_0").size())
        .isEqualTo(2);
    assertThat(rebalance("").path("status").asText()).isEqualTo("NO_OP");
  }

  @Test
  @Order(2)
  void errorsHavePinotsShape() throws Exception {
    assertError(http.post(controller + "/tables/nosuch/rebalance?type=OFFLINE", ""), 404, "nosuch_OFFLINE");
    assertError(http.post(controller + "/tables/reb/rebalance?type=HYBRID", ""), 400, "Illegal table type");
    assertError(http.post(controller + "/tables/reb/rebalance", ""), 400, "Illegal table type");
    assertError(http.post(controller + "/tables/reb/rebalance?type=OFFLINE&dryRun=maybe", ""), 400, "dryRun");
    assertError(http.post(controller + "/tables/reb/rebalance?type=OFFLINE&minAvailableReplicas=x", ""), 400,
        "minAvailableReplicas");
    assertError(http.post(controller + "/tables/reb/rebalance?type=OFFLINE&batchSizePerServer=0", ""), 400,
        "batchSizePerServer");
    assertError(http.get(controller + "/rebalanceStatus/no-such-job"), 404, "no-such-job");

    // A table whose tenant has no server cannot be rebalanced.
    assertThat(http.post(controller + "/schemas", SCHEMA.replace("\"reb\"", "\"ghost\"")).status()).isEqualTo(200);
    assertThat(http.post(controller + "/tables", TABLE.replace("\"reb\"", "\"ghost\"")).status()).isEqualTo(200);
    assertThat(http.put(controller + "/tables/ghost", TABLE.replace("\"reb\"", "\"ghost\"")
        .replace("}}", "}, \"tenants\": {\"server\": \"nobody\"}}")).status()).isEqualTo(200);
    assertError(http.post(controller + "/tables/ghost/rebalance?type=OFFLINE&dryRun=true", ""), 400,
        "nobody_OFFLINE");
    assertThat(http.delete(controller + "/tables/ghost").status()).isEqualTo(200);
  }

  @Test
  @Order(3)
  void dryRunOnNewServersSummarizesAndChangesNothing() throws Exception {
    cluster.addServer();
    cluster.addServer();
    List<String> added = List.of(cluster.servers().get(2).instanceId(), cluster.servers().get(3).instanceId());
    await(() -> rebalanceQuietly("dryRun=true").path("status").asText().equals("DONE"));
    String idealStateBefore = idealState().toString();

    JsonNode result = rebalance("dryRun=true");
    assertThat(result.path("status").asText()).isEqualTo("DONE");
    assertThat(result.path("description").asText()).isEqualTo("Dry-run mode");
    JsonNode servers = result.path("rebalanceSummaryResult").path("serverInfo");
    assertThat(servers.path("numServers").path("valueBeforeRebalance").asInt()).isEqualTo(2);
    assertThat(servers.path("numServers").path("expectedValueAfterRebalance").asInt()).isEqualTo(4);
    assertThat(strings(servers.path("serversAdded"))).containsExactlyInAnyOrderElementsOf(added);
    assertThat(servers.path("numServersGettingNewSegments").asInt()).isEqualTo(2);
    assertThat(servers.path("serverSegmentChangeInfo").path(added.get(0)).path("serverStatus").asText())
        .isEqualTo("ADDED");
    assertThat(servers.path("serverSegmentChangeInfo").path(added.get(0)).path("segmentsAdded").asInt())
        .isEqualTo(4);
    assertThat(strings(servers.path("serverSegmentChangeInfo").path(added.get(0)).path("tagList")))
        .contains("DefaultTenant_OFFLINE");
    JsonNode segments = result.path("rebalanceSummaryResult").path("segmentInfo");
    // 16 replicas over 4 servers: the 2 old servers keep 4 each, 8 replicas move.
    assertThat(segments.path("totalSegmentsToBeMoved").asInt()).isEqualTo(8);
    assertThat(segments.path("maxSegmentsAddedToASingleServer").asInt()).isEqualTo(4);
    assertThat(segments.path("replicationFactor").path("expectedValueAfterRebalance").asInt()).isEqualTo(2);
    assertThat(segments.path("numSegmentsInSingleReplica").path("valueBeforeRebalance").asInt()).isEqualTo(8);
    assertThat(segments.path("numSegmentsAcrossAllReplicas").path("expectedValueAfterRebalance").asInt())
        .isEqualTo(16);
    long averageSize = segments.path("estimatedAverageSegmentSizeInBytes").asLong();
    assertThat(averageSize).isPositive();
    assertThat(segments.path("totalEstimatedDataToBeMovedInBytes").asLong()).isEqualTo(8 * averageSize);
    assertThat(perServer(result.path("segmentAssignment")).values()).containsOnly(4);

    assertThat(idealState().toString()).isEqualTo(idealStateBefore);
  }

  @Test
  @Order(4)
  void minAvailableReplicasAtTheReplicationFailsWithoutDowntime() throws Exception {
    String idealStateBefore = idealState().toString();
    JsonNode result = rebalance("minAvailableReplicas=2");
    assertThat(result.path("status").asText()).isEqualTo("FAILED");
    assertThat(result.path("description").asText()).contains("Illegal min available replicas config");
    JsonNode status = http.get(controller + "/rebalanceStatus/" + result.path("jobId").asText()).json();
    assertThat(status.path("tableRebalanceProgressStats").path("status").asText()).isEqualTo("FAILED");
    assertThat(idealState().toString()).isEqualTo(idealStateBefore);
  }

  @Test
  @Order(5)
  void rebalanceWithoutDowntimeKeepsQueriesCompleteAndReportsProgress() throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService queries = Executors.newFixedThreadPool(2);
    List<Future<List<String>>> problems = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      problems.add(queries.submit(() -> {
        List<String> found = new ArrayList<>();
        int done = 0;
        while (running.get() || done < 5) {
          JsonNode response = http.query(cluster.brokerUrl(), "SELECT COUNT(*) FROM reb");
          if (!response.path("exceptions").isEmpty()
              || response.path("resultTable").path("rows").path(0).path(0).asLong() != SEGMENTS * ROWS_PER_SEGMENT) {
            found.add(response.toString());
          }
          done++;
        }
        return found;
      }));
    }
    JsonNode result;
    List<JsonNode> statuses = new ArrayList<>();
    try {
      // A slow external view check makes the job last a few seconds, long enough to see it run.
      result = rebalance("minAvailableReplicas=1&externalViewCheckIntervalInMs=1500");
      assertThat(result.path("status").asText()).isEqualTo("IN_PROGRESS");
      String jobId = result.path("jobId").asText();
      Http.Reply again = http.post(controller + "/tables/reb/rebalance?type=OFFLINE", "");
      assertError(again, 409, jobId);
      long until = System.nanoTime() + Duration.ofSeconds(40).toNanos();
      while (System.nanoTime() < until) {
        JsonNode status = http.get(controller + "/rebalanceStatus/" + jobId).json();
        statuses.add(status);
        if (!status.path("tableRebalanceProgressStats").path("status").asText().equals("IN_PROGRESS")) {
          break;
        }
        Thread.sleep(200);
      }
    } finally {
      running.set(false);
      queries.shutdown();
    }
    for (Future<List<String>> future : problems) {
      assertThat(future.get()).as("incomplete query answers during the rebalance").isEmpty();
    }
    JsonNode first = statuses.get(0);
    assertThat(first.path("tableRebalanceProgressStats").path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(first.path("tableRebalanceContext").path("jobId").asText()).isEqualTo(result.path("jobId").asText());
    assertThat(first.path("tableRebalanceContext").path("config").path("minAvailableReplicas").asInt()).isEqualTo(1);
    assertThat(first.path("tableRebalanceProgressStats").path("rebalanceProgressStatsOverall")
        .path("totalSegmentsToBeAdded").asInt()).isEqualTo(8);
    int lastRemaining = Integer.MAX_VALUE;
    for (JsonNode status : statuses) {
      int remaining = status.path("tableRebalanceProgressStats").path("rebalanceProgressStatsOverall")
          .path("totalRemainingSegmentsToBeAdded").asInt();
      assertThat(remaining).isLessThanOrEqualTo(lastRemaining);
      lastRemaining = remaining;
    }
    JsonNode last = statuses.get(statuses.size() - 1).path("tableRebalanceProgressStats");
    assertThat(last.path("status").asText()).isEqualTo("DONE");
    assertThat(last.path("completionStatusMsg").asText()).startsWith("Success with minAvailableReplicas: 1");
    assertThat(last.path("rebalanceProgressStatsOverall").path("totalRemainingSegmentsToBeAdded").asInt()).isZero();
    assertThat(last.path("rebalanceProgressStatsOverall").path("percentageRemainingSegmentsToBeDeleted").asDouble())
        .isZero();

    // The external view ends balanced: 4 servers with 4 ONLINE replicas each, every segment on 2.
    JsonNode externalView = http.get(controller + "/tables/reb/externalview").json().path("OFFLINE");
    assertThat(perServer(externalView).values()).containsExactly(4, 4, 4, 4);
    externalView.forEach(states -> assertThat(states.size()).isEqualTo(2));
    assertThat(idealState()).isEqualTo(result.path("segmentAssignment"));
    assertThat(rebalance("dryRun=true").path("status").asText()).isEqualTo("NO_OP");
  }

  @Test
  @Order(6)
  void downtimeRebalanceWritesTheTargetAtOnce() throws Exception {
    String fifth = cluster.addServer().instanceId();
    await(() -> rebalanceQuietly("dryRun=true").path("status").asText().equals("DONE"));

    JsonNode result = rebalance("downtime=true");
    assertThat(result.path("status").asText()).isEqualTo("DONE");
    assertThat(result.path("description").asText()).startsWith("Success with downtime");
    assertThat(idealState()).isEqualTo(result.path("segmentAssignment"));
    Map<String, Integer> load = perServer(result.path("segmentAssignment"));
    assertThat(load).containsKey(fifth).hasSize(5);
    assertThat(load.values()).allSatisfy(count -> assertThat(count).isBetween(3, 4));
    await(() -> perServer(externalViewQuietly()).equals(load) && count() == SEGMENTS * ROWS_PER_SEGMENT);
    assertThat(http.get(controller + "/rebalanceStatus/" + result.path("jobId").asText()).json()
        .path("tableRebalanceProgressStats").path("status").asText()).isEqualTo("DONE");
  }

  @Test
  @Order(7)
  void runningRebalanceIsCancelled() throws Exception {
    assertThat(http.delete(controller + "/tables/reb/rebalance?type=OFFLINE").json()).isEmpty();
    cluster.addServer();
    await(() -> rebalanceQuietly("dryRun=true").path("status").asText().equals("DONE"));

    JsonNode slow = rebalance("externalViewCheckIntervalInMs=2000");
    assertThat(slow.path("status").asText()).isEqualTo("IN_PROGRESS");
    String jobId = slow.path("jobId").asText();
    assertThat(strings(http.delete(controller + "/tables/reb/rebalance?type=OFFLINE").json()))
        .containsExactly(jobId);
    JsonNode status = http.get(controller + "/rebalanceStatus/" + jobId).json().path("tableRebalanceProgressStats");
    assertThat(status.path("status").asText()).isEqualTo("CANCELLED");
    assertThat(status.path("completionStatusMsg").asText()).isEqualTo("Cancelled by a user");
    // The job notices at its next check and stops without overwriting the cancellation; a new one may start.
    Thread.sleep(2500);
    assertThat(http.get(controller + "/rebalanceStatus/" + jobId).json().path("tableRebalanceProgressStats")
        .path("status").asText()).isEqualTo("CANCELLED");
    assertThat(rebalance("dryRun=true").path("status").asText()).isIn("DONE", "NO_OP");
  }

  @Test
  @Order(8)
  void rebalanceTableCommandFindsTheControllerInZooKeeperAndWaits() throws Exception {
    cluster.addServer();
    await(() -> rebalanceQuietly("dryRun=true").path("status").asText().equals("DONE"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = PinotAdministrator.execute(new PrintWriter(out), new PrintWriter(err), "RebalanceTable",
        "-zkAddress", cluster.zkAddress(), "-clusterName", cluster.clusterName(), "-tableName", "reb_OFFLINE",
        "-minAvailableReplicas", "1", "-externalViewCheckIntervalInMs", "200");
    assertThat(exitCode).as(err.toString()).isZero();
    assertThat(JsonUtils.parse(out.toString()).path("status").asText()).isEqualTo("DONE");
    assertThat(err.toString()).contains(": DONE, ");
    assertThat(rebalance("dryRun=true").path("status").asText()).isEqualTo("NO_OP");

    out.getBuffer().setLength(0);
    int port = Integer.parseInt(controller.substring(controller.lastIndexOf(':') + 1));
    assertThat(PinotAdministrator.execute(new PrintWriter(out), new PrintWriter(err), "RebalanceTable",
        "-controllerPort", Integer.toString(port), "-tableName", "reb", "-tableType", "OFFLINE", "-dryRun")).isZero();
    assertThat(JsonUtils.parse(out.toString()).path("status").asText()).isEqualTo("NO_OP");

    err.getBuffer().setLength(0);
    assertThat(PinotAdministrator.execute(new PrintWriter(out), new PrintWriter(err), "RebalanceTable",
        "-controllerPort", Integer.toString(port), "-tableName", "nosuch_OFFLINE")).isEqualTo(1);
    assertThat(err.toString()).startsWith("ERROR: ").contains("404").contains("nosuch_OFFLINE");
  }

  @Test
  @Order(9)
  void disabledServersAreLeftOut() throws Exception {
    String disabled = cluster.servers().get(0).instanceId();
    assertThat(http.put(controller + "/instances/" + disabled + "/state?state=disable", "").status()).isEqualTo(200);
    JsonNode result = rebalance("dryRun=true");
    assertThat(result.path("status").asText()).isEqualTo("DONE");
    assertThat(strings(result.path("rebalanceSummaryResult").path("serverInfo").path("serversRemoved")))
        .containsExactly(disabled);
    assertThat(strings(result.path("instanceAssignment").path("OFFLINE").path("partitionToInstancesMap").path("0_0")))
        .hasSize(cluster.servers().size() - 1).doesNotContain(disabled);
  }

  private JsonNode rebalance(String parameters) throws Exception {
    Http.Reply reply = http.post(controller + "/tables/reb/rebalance?type=OFFLINE&" + parameters, "");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private JsonNode rebalanceQuietly(String parameters) {
    try {
      return http.post(controller + "/tables/reb/rebalance?type=OFFLINE&" + parameters, "").json();
    } catch (Exception e) {
      return JsonUtils.newObjectNode();
    }
  }

  private JsonNode idealState() throws Exception {
    return http.get(controller + "/tables/reb/idealstate").json().path("OFFLINE");
  }

  private JsonNode externalViewQuietly() {
    try {
      return http.get(controller + "/tables/reb/externalview").json().path("OFFLINE");
    } catch (Exception e) {
      return JsonUtils.newObjectNode();
    }
  }

  private long count() {
    try {
      JsonNode response = http.query(cluster.brokerUrl(), "SELECT COUNT(*) FROM reb");
      return response.path("exceptions").isEmpty() ? response.path("resultTable").path("rows").path(0).path(0)
          .asLong() : -1;
    } catch (Exception e) {
      return -1;
    }
  }

  /// ONLINE replicas per server in a segment → (server → state) JSON map.
  private static Map<String, Integer> perServer(JsonNode assignment) {
    Map<String, Integer> load = new TreeMap<>();
    assignment.forEach(states -> states.properties().forEach(entry -> {
      if (entry.getValue().asText().equals("ONLINE")) {
        load.merge(entry.getKey(), 1, Integer::sum);
      }
    }));
    return load;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  private static void assertError(Http.Reply reply, int status, String messagePart) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.json().path("code").asInt()).isEqualTo(status);
    assertThat(reply.json().path("error").asText()).contains(messagePart);
  }

}
