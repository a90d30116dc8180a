// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

import static io.pinot.integration.Awaits.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.utils.NetUtils;
import io.pinot.controller.ControllerConfigKey;
import io.pinot.controller.ControllerStarter;
import io.pinot.server.ServerStarter;
import io.pinot.server.data.InstanceDataManager;
import io.pinot.spi.data.readers.GenericRow;
import io.pinot.spi.env.PinotConfiguration;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/// The controller's operations REST at Pinot's paths, on one cluster of two servers: `/tableConfigs`, the ZooKeeper
/// browser `/zk/...` (read-only unless `controller.zk.browser.writable`), reload job status
/// (`/segments/segmentReloadStatus/{jobId}` over the servers' `/controllerJob/reloadStatus`), and segment reset,
/// including a segment put in ERROR by a corrupted local copy that reset brings back ONLINE once the copy is gone.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ControllerOpsIT extends ClusterTestBase {
  private static final int SEGMENTS = 4;
  private static final int ROWS = 250;
  private static final String SCHEMA = """
      {"schemaName": "ops", "dimensionFieldSpecs": [{"name": "country", "dataType": "STRING"}],
       "metricFieldSpecs": [{"name": "clicks", "dataType": "LONG"}]}""";
  private static final String OFFLINE = """
      {"tableName": "ops", "tableType": "OFFLINE", "segmentsConfig": {"replication": "1"}}""";
  private static final String COUNT = "SELECT COUNT(*) FROM ops";

  private String controller;

  @Override
  protected int numServers() {
    return 2;
  }

  @Override
  protected void setUp() throws Exception {
    controller = cluster.controllerUrl();
    Http.Reply created = http.post(controller + "/tableConfigs", document("ops", SCHEMA, OFFLINE));
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(created.json().get("status").asText()).isEqualTo("TableConfigs ops successfully added");
    for (int s = 0; s < SEGMENTS; s++) {
      List<GenericRow> rows = new ArrayList<>();
      for (int i = 0; i < ROWS; i++) {
        GenericRow row = new GenericRow();
        row.putValue("country", "c" + (i % 7));
        row.putValue("clicks", (long) i);
        rows.add(row);
      }
      assertThat(SegmentUploads.push(controller, OFFLINE, SCHEMA, "ops_" + s, rows, workDir.resolve("b" + s)).status())
          .isEqualTo(200);
    }
    await(() -> count() == SEGMENTS * ROWS);
  }

  @Test
  @Order(1)
  void tableConfigsCreateReadUpdateValidateAndDelete() throws Exception {
    assertThat(http.get(controller + "/tableConfigs").json()).extracting(JsonNode::asText).contains("ops");
    JsonNode ops = http.get(controller + "/tableConfigs/ops").json();
    assertThat(ops.get("tableName").asText()).isEqualTo("ops");
    assertThat(ops.at("/schema/schemaName").asText()).isEqualTo("ops");
    assertThat(ops.at("/offline/tableName").asText()).isEqualTo("ops_OFFLINE");
    assertThat(ops.has("realtime")).isFalse();
    expectError(http.get(controller + "/tableConfigs/nope"), 404, "Schema does not exist for table nope");

    expectError(http.post(controller + "/tableConfigs", document("ops", SCHEMA, OFFLINE)), 400, "already exists");
    expectError(http.post(controller + "/tableConfigs", "{\"tableName\": \"x\", "), 400, "Invalid TableConfigs");
    expectError(http.post(controller + "/tableConfigs", "{\"tableName\": \"x\", \"offline\": "
        + OFFLINE.replace("ops", "x") + "}"), 400, "'schema' cannot be null");
    // A bad table half is refused before anything is written: no schema is left behind.
    String badHalf = OFFLINE.replace("ops", "bad").replace("}}", "}, \"tableIndexConfig\": "
        + "{\"invertedIndexColumns\": [\"nope\"]}}");
    expectError(http.post(controller + "/tableConfigs", document("bad", SCHEMA.replace("ops", "bad"), badHalf)),
        400, "Column[nope]");
    assertThat(http.get(controller + "/schemas/bad").status()).isEqualTo(404);
    expectError(http.post(controller + "/tableConfigs", document("bad", SCHEMA.replace("ops", "bad"),
        OFFLINE.replace("ops", "other"))), 400, "Name in 'offline' table config: other");
    assertThat(http.get(controller + "/schemas/bad").status()).isEqualTo(404);

    JsonNode validated = http.post(controller + "/tableConfigs/validate", document("v", SCHEMA.replace("ops", "v"),
        OFFLINE.replace("ops", "v"))).json();
    assertThat(validated.at("/offline/tableName").asText()).isEqualTo("v_OFFLINE");
    assertThat(validated.has("unrecognizedProperties")).isTrue();
    assertThat(http.get(controller + "/schemas/v").status()).as("validate stores nothing").isEqualTo(404);
    expectError(http.post(controller + "/tableConfigs/validate", document("v", SCHEMA.replace("ops", "v"),
        null)), 400, "Must provide at least one of 'realtime' or 'offline'");

    String evolved = SCHEMA.replace("\"dataType\": \"LONG\"}", "\"dataType\": \"LONG\"}, {\"name\": \"score\", "
        + "\"dataType\": \"INT\"}");
    String indexed = OFFLINE.replace("}}", "}, \"tableIndexConfig\": {\"invertedIndexColumns\": [\"country\"]}}");
    Http.Reply updated = http.put(controller + "/tableConfigs/ops", document("ops", evolved, indexed));
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    ops = http.get(controller + "/tableConfigs/ops").json();
    assertThat(ops.at("/schema/metricFieldSpecs/1/name").asText()).isEqualTo("score");
    assertThat(ops.at("/offline/tableIndexConfig/invertedIndexColumns/0").asText()).isEqualTo("country");
    expectError(http.put(controller + "/tableConfigs/other", document("ops", evolved, indexed)), 400,
        "must match provided tableName: other");
    expectError(http.put(controller + "/tableConfigs/gone", document("gone", SCHEMA.replace("ops", "gone"),
        OFFLINE.replace("ops", "gone"))), 400, "TableConfigs: gone does not exist");
    expectError(http.put(controller + "/tableConfigs/ops", document("ops", SCHEMA, indexed)), 400,
        "not backward compatible");
    assertThat(count()).isEqualTo(SEGMENTS * ROWS);

    String tmp = document("tmp", SCHEMA.replace("ops", "tmp"), OFFLINE.replace("ops", "tmp"));
    assertThat(http.post(controller + "/tableConfigs", tmp).status()).isEqualTo(200);
    assertThat(http.get(controller + "/tables/tmp").status()).isEqualTo(200);
    expectError(http.delete(controller + "/tableConfigs/tmp_OFFLINE"), 400, "Use raw table name");
    assertThat(http.delete(controller + "/tableConfigs/tmp").json().get("status").asText())
        .isEqualTo("Deleted TableConfigs: tmp");
    assertThat(http.get(controller + "/tables/tmp").status()).isEqualTo(404);
    assertThat(http.get(controller + "/schemas/tmp").status()).isEqualTo(404);
    assertThat(http.delete(controller + "/tableConfigs/tmp").json().get("status").asText()).contains("don't exist");
  }

  @Test
  @Order(2)
  void zookeeperBrowserReadsAndIsReadOnlyByDefault() throws Exception {
    String root = "/" + cluster.clusterName();
    assertThat(http.get(zk("ls", root)).json()).extracting(JsonNode::asText)
        .contains("IDEALSTATES", "EXTERNALVIEW", "PROPERTYSTORE", "CONFIGS");
    JsonNode idealState = http.get(zk("get", root + "/IDEALSTATES/ops_OFFLINE")).json();
    assertThat(idealState.get("id").asText()).isEqualTo("ops_OFFLINE");
    assertThat(idealState.get("mapFields").size()).isEqualTo(SEGMENTS);
    assertThat(idealState.has("simpleFields")).isTrue();
    assertThat(idealState.has("listFields")).isTrue();
    JsonNode stat = http.get(zk("stat", root + "/IDEALSTATES/ops_OFFLINE")).json();
    assertThat(stat.get("version").asInt()).isGreaterThan(0);
    assertThat(stat.get("ctime").asLong()).isPositive().isLessThanOrEqualTo(stat.get("mtime").asLong());
    assertThat(stat.get("numChildren").asInt()).isZero();
    JsonNode listed = http.get(zk("lsl", root + "/IDEALSTATES")).json();
    assertThat(listed.get("ops_OFFLINE").get("version").asInt()).isEqualTo(stat.get("version").asInt());
    JsonNode children = http.get(zk("getChildren", root + "/PROPERTYSTORE/SEGMENTS/ops_OFFLINE")).json();
    assertThat(children).extracting(c -> c.get("id").asText())
        .containsExactlyInAnyOrder("ops_0", "ops_1", "ops_2", "ops_3");
    assertThat(http.get(zk("get", root + "/PROPERTYSTORE")).status()).as("a node without a record").isEqualTo(204);

    expectError(http.get(zk("ls", "IDEALSTATES")), 400, "must start with /");
    expectError(http.get(zk("stat", root + "/")), 400, "cannot end with /");
    expectError(http.get(controller + "/zk/get"), 400, "ZKPath cannot be null");
    expectError(http.get(zk("get", root + "/NOPE")), 404, "does not exist");

    String path = root + "/IDEALSTATES/ops_OFFLINE";
    expectError(http.put(zk("put", path), "{\"id\": \"ops_OFFLINE\"}"), 403, "controller.zk.browser.writable");
    expectError(http.delete(zk("delete", path)), 403, "read-only");
    assertThat(http.get(zk("get", path)).json().get("mapFields").size()).isEqualTo(SEGMENTS);
  }

  @Test
  @Order(3)
  void aWritableBrowserPutsAndDeletes() throws Exception {
    ControllerStarter writable = new ControllerStarter(PinotConfiguration.empty()
        .with(ControllerConfigKey.ZK_ADDRESS.key(), cluster.zkAddress())
        .with(ControllerConfigKey.CLUSTER_NAME.key(), cluster.clusterName())
        .with(ControllerConfigKey.PORT.key(), NetUtils.freePort())
        .with(ControllerConfigKey.DATA_DIR.key(), workDir.resolve("cluster").resolve("controller").toString())
        .with(ControllerConfigKey.ZK_BROWSER_WRITABLE.key(), "true"));
    writable.start();
    try {
      String base = "http://localhost:" + writable.port();
      String path = "/" + cluster.clusterName() + "/PROPERTYSTORE/opsScratch";
      Http.Reply put = http.put(base + "/zk/put?path=" + encode(path), "{\"id\": \"scratch\", \"simpleFields\": "
          + "{\"k\": \"v1\"}}");
      assertThat(put.status()).as(put.body()).isEqualTo(200);
      assertThat(put.json().get("status").asText()).isEqualTo("Successfully updated path: " + path);
      int version = http.get(base + "/zk/stat?path=" + encode(path)).json().get("version").asInt();
      String data = encode("{\"id\": \"scratch\", \"simpleFields\": {\"k\": \"v2\"}}");
      expectError(http.put(base + "/zk/put?path=" + encode(path) + "&expectedVersion=" + (version + 5) + "&data="
          + data, ""), 409, "expectedVersion");
      assertThat(http.put(base + "/zk/put?path=" + encode(path) + "&expectedVersion=" + version + "&data=" + data, "")
          .status()).isEqualTo(200);
      assertThat(http.get(zk("get", path)).json().at("/simpleFields/k").asText()).isEqualTo("v2");
      expectError(http.put(base + "/zk/put?path=" + encode(path), "{\"simpleFields\": {}}"), 400,
          "Failed to deserialize the data");
      expectError(http.put(base + "/zk/put?path=" + encode(path), ""), 400, "Must provide data");
      assertThat(http.delete(base + "/zk/delete?path=" + encode(path)).status()).isEqualTo(200);
      expectError(http.get(zk("get", path)), 404, "does not exist");
      expectError(http.delete(base + "/zk/delete?path=" + encode(path)), 404, "does not exist");
    } finally {
      writable.close();
    }
  }

  @Test
  @Order(4)
  void reloadJobsAreStoredAndTheirProgressIsReported() throws Exception {
    Http.Reply reload = http.post(controller + "/segments/ops/reload", "");
    assertThat(reload.status()).as(reload.body()).isEqualTo(200);
    assertThat(reload.json().get("reloadJobMetaZKStorageStatus").asText()).isEqualTo("SUCCESS");
    String jobId = reload.json().get("reloadJobId").asText();
    JsonNode status = awaitReload(jobId, "COMPLETED");
    assertThat(status.get("totalSegmentCount").asInt()).isEqualTo(SEGMENTS);
    assertThat(status.get("successCount").asInt()).isEqualTo(SEGMENTS);
    assertThat(status.get("totalServersQueried").asInt()).isEqualTo(2);
    assertThat(status.get("totalServerCallsFailed").asInt()).isZero();
    assertThat(status.get("estimatedTimeRemainingInMinutes").asDouble()).isZero();
    assertThat(status.get("timeElapsedInMinutes").asDouble()).isGreaterThanOrEqualTo(0);
    JsonNode metadata = status.get("metadata");
    assertThat(metadata.get("jobId").asText()).isEqualTo(jobId);
    assertThat(metadata.get("tableName").asText()).isEqualTo("ops_OFFLINE");
    assertThat(metadata.get("jobType").asText()).isEqualTo("RELOAD_SEGMENT");
    assertThat(metadata.get("submissionTimeMs").asLong()).isPositive().isLessThanOrEqualTo(System.currentTimeMillis());
    assertThat(metadata.has("segmentName")).isFalse();
    // The inverted index added by the PUT of /tableConfigs is built by that reload.
    JsonNode filtered = http.query(cluster.brokerUrl(), "SELECT COUNT(*) FROM ops WHERE country = 'c3'");
    assertThat(filtered.get("numEntriesScannedInFilter").asLong()).isZero();
    // Where Pinot keeps it: /CONTROLLER_JOBS/RELOAD_SEGMENT in the property store.
    JsonNode jobs = http.get(zk("get", "/" + cluster.clusterName() + "/PROPERTYSTORE/CONTROLLER_JOBS/RELOAD_SEGMENT"))
        .json();
    assertThat(jobs.at("/mapFields/" + jobId + "/submissionTimeMs").asLong())
        .isEqualTo(metadata.get("submissionTimeMs").asLong());

    Http.Reply one = http.post(controller + "/segments/ops/ops_2/reload", "");
    JsonNode oneStatus = awaitReload(one.json().get("reloadJobId").asText(), "COMPLETED");
    assertThat(oneStatus.get("totalSegmentCount").asInt()).isEqualTo(1);
    assertThat(oneStatus.get("totalServersQueried").asInt()).isEqualTo(1);
    assertThat(oneStatus.at("/metadata/segmentName").asText()).isEqualTo("ops_2");
    expectError(http.get(controller + "/segments/segmentReloadStatus/no-such-job"), 404,
        "Failed to find controller job id: no-such-job");

    // Servers count a segment as done when it was loaded at or after the job's submission.
    ServerStarter server = cluster.servers().get(0);
    String serverStatus = "http://localhost:" + server.adminPort() + "/controllerJob/reloadStatus/ops_OFFLINE";
    JsonNode all = http.get(serverStatus + "?reloadJobTimestamp=0").json();
    assertThat(all.get("successCount").asInt()).isEqualTo(all.get("totalSegmentCount").asInt()).isPositive();
    assertThat(http.get(serverStatus + "?reloadJobTimestamp=" + (System.currentTimeMillis() + 60_000)).json()
        .get("successCount").asInt()).isZero();
    expectError(http.get(serverStatus.replace("ops_OFFLINE", "nope_OFFLINE") + "?reloadJobTimestamp=0"), 404,
        "nope_OFFLINE");
  }

  @Test
  @Order(5)
  void resetTakesASegmentOfflineAndBackOnline() throws Exception {
    expectError(http.post(controller + "/segments/nope_OFFLINE/reset", ""), 404, "nope_OFFLINE");
    expectError(http.post(controller + "/segments/ops/reset", ""), 400, "Must provide table name with type");
    expectError(http.post(controller + "/segments/ops_OFFLINE/ops_9/reset", ""), 404,
        "Could not find segment: ops_9");

    long before = System.currentTimeMillis();
    Http.Reply reset = http.post(controller + "/segments/ops_OFFLINE/ops_0/reset", "");
    assertThat(reset.status()).as(reset.body()).isEqualTo(200);
    assertThat(reset.json().get("status").asText())
        .isEqualTo("Successfully reset segment: ops_0 of table: ops_OFFLINE");
    // The server unloaded the segment and loaded it again: its load time moved past the reset, the others' did not.
    String status = serverOf("ops_0") + "/controllerJob/reloadStatus/ops_OFFLINE?reloadJobTimestamp=" + before;
    await(() -> http.get(status + "&segmentName=ops_0").json().get("successCount").asInt() == 1);
    assertThat(http.get(status).json().get("successCount").asInt()).isEqualTo(1);
    await(() -> "ONLINE".equals(externalView("ops_0")) && count() == SEGMENTS * ROWS);
  }

  @Test
  @Order(6)
  void aSegmentInErrorComesBackOnlineAfterResetOnceTheCauseIsFixed() throws Exception {
    Path local = corruptLocalCopy("ops_1");
    // A reload of the corrupted copy fails: the job completes with an error and the old copy keeps serving.
    String jobId = http.post(controller + "/segments/ops/ops_1/reload", "").json().get("reloadJobId").asText();
    JsonNode failed = awaitReload(jobId, "COMPLETED_WITH_ERRORS");
    assertThat(failed.get("failureCount").asInt()).isEqualTo(1);
    assertThat(failed.get("successCount").asInt()).isZero();
    assertThat(count()).isEqualTo(SEGMENTS * ROWS);

    // Reset unloads it; loading the corrupted copy fails and Helix marks the segment ERROR on its server.
    assertThat(http.post(controller + "/segments/ops_OFFLINE/ops_1/reset", "").status()).isEqualTo(200);
    await(() -> "ERROR".equals(externalView("ops_1")));
    assertThat(count()).isEqualTo((SEGMENTS - 1) * ROWS);

    // Fix the cause (drop the bad local copy so the server downloads it again), then reset the ERROR segments only.
    long before = System.currentTimeMillis();
    InstanceDataManager.deleteDirectory(local);
    Http.Reply reset = http.post(controller + "/segments/ops_OFFLINE/reset?errorSegmentsOnly=true", "");
    assertThat(reset.json().get("status").asText()).isEqualTo("Successfully reset segments of table: ops_OFFLINE");
    await(() -> "ONLINE".equals(externalView("ops_1")) && count() == SEGMENTS * ROWS);
    for (String other : List.of("ops_0", "ops_2", "ops_3")) {
      assertThat(http.get(serverOf(other) + "/controllerJob/reloadStatus/ops_OFFLINE?reloadJobTimestamp=" + before
          + "&segmentName=" + other).json().get("successCount").asInt()).as(other + " was left alone").isZero();
    }
  }

  @Test
  @Order(7)
  void aResetSentWhileAReloadOfTheSegmentIsRunningIsNotLost() throws Exception {
    // The server's Helix drops a transition of a segment while another message of it is handled; the controller
    // waits for the reload to end before sending the reset, so the reset happens (and finds the corrupted copy).
    Path local = corruptLocalCopy("ops_2");
    assertThat(http.post(controller + "/segments/ops/ops_2/reload", "").status()).isEqualTo(200);
    assertThat(http.post(controller + "/segments/ops_OFFLINE/ops_2/reset", "").status()).isEqualTo(200);
    await(() -> "ERROR".equals(externalView("ops_2")));

    InstanceDataManager.deleteDirectory(local);
    assertThat(http.post(controller + "/segments/ops_OFFLINE/reset?errorSegmentsOnly=true", "").status())
        .isEqualTo(200);
    await(() -> "ONLINE".equals(externalView("ops_2")) && count() == SEGMENTS * ROWS);
  }

  private JsonNode awaitReload(String jobId, String expected) throws Exception {
    JsonNode[] last = new JsonNode[1];
    await(() -> {
      last[0] = http.get(controller + "/segments/segmentReloadStatus/" + jobId).json();
      return expected.equals(last[0].get("status").asText());
    });
    return last[0];
  }

  private String externalView(String segment) throws Exception {
    return http.get(controller + "/tables/ops/externalview").json().at("/OFFLINE/" + segment).fields().next()
        .getValue().asText();
  }

  private int serverIndexOf(String segment) throws Exception {
    String instance = http.get(controller + "/tables/ops/idealstate").json().at("/OFFLINE/" + segment).fieldNames()
        .next();
    for (int i = 0; i < cluster.servers().size(); i++) {
      if (cluster.servers().get(i).instanceId().equals(instance)) {
        return i;
      }
    }
    throw new AssertionError("No server " + instance);
  }

  private String serverOf(String segment) throws Exception {
    return "http://localhost:" + cluster.servers().get(serverIndexOf(segment)).adminPort();
  }

  /// Deletes the `index_map` of the server's local copy of `segment`, so that loading that copy fails; returns the
  /// copy's directory.
  private Path corruptLocalCopy(String segment) throws Exception {
    Path local = workDir.resolve("cluster").resolve("server-" + serverIndexOf(segment)).resolve("index")
        .resolve("ops_OFFLINE").resolve(segment);
    assertThat(local).isDirectory();
    try (Stream<Path> files = Files.walk(local)) {
      Files.delete(files.filter(f -> f.getFileName().toString().equals("index_map")).findFirst().orElseThrow());
    }
    return local;
  }

  private long count() throws Exception {
    return http.query(cluster.brokerUrl(), COUNT).path("resultTable").path("rows").path(0).path(0).asLong(-1);
  }

  private String zk(String operation, String path) {
    return controller + "/zk/" + operation + "?path=" + encode(path);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String document(String tableName, String schema, String offline) {
    return "{\"tableName\": \"" + tableName + "\", \"schema\": " + schema
        + (offline == null ? "" : ", \"offline\": " + offline) + "}";
  }

  private static void expectError(Http.Reply reply, int status, String fragment) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    JsonNode error = reply.json();
    assertThat(error.get("code").asInt()).isEqualTo(status);
    assertThat(error.get("error").asText()).contains(fragment);
  }
}
