// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

import static io.pinot.integration.Awaits.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.server.data.InstanceDataManager;
import io.pinot.spi.data.readers.GenericRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/// The retention manager (`/periodictask/run?taskname=RetentionManager`): segments whose end time is older than the
/// table's retention leave the ideal state, the server and the deep store; recent segments stay, and so do the
/// segments of a REFRESH table and of a table without retention.
class RetentionIT extends ClusterTestBase {
  private static final String SCHEMA = """
      {"schemaName": "%s",
       "dimensionFieldSpecs": [{"name": "id", "dataType": "INT"}],
       "dateTimeFieldSpecs": [{"name": "ts", "dataType": "LONG", "format": "1:MILLISECONDS:EPOCH",
         "granularity": "1:MILLISECONDS"}]}""";
  private static final String TABLE = """
      {"tableName": "%s", "tableType": "OFFLINE",
       "segmentsConfig": {"timeColumnName": "ts", "replication": "1" %s}}""";
  private static final long OLD = Instant.parse("2020-03-01T00:00:00Z").toEpochMilli();
  private static final long OLDER = Instant.parse("2019-06-01T00:00:00Z").toEpochMilli();

  @Override
  protected void setUp() throws Exception {
    long recent = System.currentTimeMillis() - TimeUnit.DAYS.toMillis(1);
    create("events", ", \"retentionTimeUnit\": \"DAYS\", \"retentionTimeValue\": \"30\"",
        Map.of("events_old", OLD, "events_older", OLDER, "events_recent", recent));
    create("snapshots", ", \"retentionTimeUnit\": \"DAYS\", \"retentionTimeValue\": \"30\", "
        + "\"segmentPushType\": \"REFRESH\"", Map.of("snapshots_old", OLD));
    create("forever", "", Map.of("forever_old", OLD));
  }

  private void create(String table, String retention, Map<String, Long> segments) throws Exception {
    String schemaJson = SCHEMA.formatted(table);
    String tableJson = TABLE.formatted(table, retention);
    addTable(schemaJson, tableJson);
    for (Map.Entry<String, Long> segment : segments.entrySet()) {
      List<GenericRow> rows = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        GenericRow row = new GenericRow();
        row.putValue("id", i);
        row.putValue("ts", segment.getValue() + i);
        rows.add(row);
      }
      assertThat(SegmentUploads.push(cluster.controllerUrl(), tableJson, schemaJson, segment.getKey(), rows,
          workDir.resolve(segment.getKey())).status()).isEqualTo(200);
    }
    await(() -> count(table) == 10L * segments.size());
  }

  private long count(String table) {
    try {
      JsonNode rows = http.query(cluster.brokerUrl(), "SELECT COUNT(*) FROM " + table).path("resultTable")
          .path("rows");
      return rows.isEmpty() ? -1 : rows.get(0).get(0).asLong();
    } catch (Exception e) {
      return -1;
    }
  }

  private Path deepStoreFile(String table, String segment) {
    return cluster.controller().config().dataDir().resolve(table).resolve(segment);
  }

  @Test
  void expiredSegmentsLeaveIdealStateServerAndDeepStore() throws Exception {
    InstanceDataManager server = cluster.servers().get(0).dataManager();
    assertThat(server.loadedSegments("events_OFFLINE")).containsExactlyInAnyOrder("events_old", "events_older",
        "events_recent");
    assertThat(deepStoreFile("events", "events_old")).exists();

    Http.Reply run = http.get(cluster.controllerUrl() + "/periodictask/run?taskname=RetentionManager");
    assertThat(run.status()).isEqualTo(200);
    assertThat(run.json().path("taskId").asText()).startsWith("api-");
    assertThat(run.json().path("isSuccessful").asBoolean()).isTrue();

    await(() -> count("events") == 10);
    await(() -> server.loadedSegments("events_OFFLINE").equals(List.of("events_recent")));
    // The task runs in the background, deleting each expired segment from the ideal state first (which the server
    // follows), then from ZooKeeper and the deep store: wait for it to get past the last one.
    await(() -> !Files.exists(deepStoreFile("events", "events_old"))
        && !Files.exists(deepStoreFile("events", "events_older")));
    JsonNode idealState = http.get(cluster.controllerUrl() + "/tables/events/idealstate").json().path("OFFLINE");
    List<String> inIdealState = new ArrayList<>();
    idealState.fieldNames().forEachRemaining(inIdealState::add);
    assertThat(inIdealState).containsExactly("events_recent");
    assertThat(deepStoreFile("events", "events_old")).doesNotExist();
    assertThat(deepStoreFile("events", "events_older")).doesNotExist();
    assertThat(deepStoreFile("events", "events_recent")).exists();
    assertThat(http.get(cluster.controllerUrl() + "/segments/events/events_old/metadata").status()).isEqualTo(404);
    // a REFRESH table and a table without retention keep their old segments
    assertThat(count("snapshots")).isEqualTo(10);
    assertThat(count("forever")).isEqualTo(10);
    assertThat(Files.exists(deepStoreFile("snapshots", "snapshots_old"))).isTrue();
  }

  @Test
  void periodicTaskEndpointsAnswerInPinotsShape() throws Exception {
    assertThat(http.get(cluster.controllerUrl() + "/periodictask/names").json().toString())
        .contains("RetentionManager", "RealtimeSegmentValidationManager");
    Http.Reply unknownTask = http.get(cluster.controllerUrl() + "/periodictask/run?taskname=NoSuchTask");
    assertThat(unknownTask.status()).isEqualTo(404);
    assertThat(unknownTask.json().path("error").asText()).isEqualTo("Periodic task 'NoSuchTask' not found.");
    Http.Reply unknownTable = http.get(cluster.controllerUrl()
        + "/periodictask/run?taskname=RetentionManager&tableName=nosuch");
    assertThat(unknownTable.status()).isEqualTo(404);
    assertThat(unknownTable.json().path("code").asInt()).isEqualTo(404);
    assertThat(http.get(cluster.controllerUrl() + "/periodictask/run").status()).isEqualTo(400);
    Http.Reply oneTable = http.get(cluster.controllerUrl()
        + "/periodictask/run?taskname=RetentionManager&tableName=forever&type=OFFLINE");
    assertThat(oneTable.status()).isEqualTo(200);
    assertThat(http.get(cluster.controllerUrl() + "/periodictask/run?taskname=RetentionManager&tableName=forever"
        + "&type=HYBRID").status()).isEqualTo(400);
  }
}
