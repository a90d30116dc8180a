// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.server.ServerStarter;
import io.pinot.server.data.TableDataManager;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The completion protocol with two replicas per partition on two servers: both replicas consume, the controller
/// picks one to commit and the other keeps or catches up to the same offset, so every committed segment holds the
/// same rows on both servers. With one replica stopped, the other commits alone (the controller stops waiting for
/// the dead one); the restarted replica loads what was committed meanwhile and resumes, and the table still holds
/// every message exactly once.
class RealtimeReplicationIT extends StreamingIT {
  private static final int MESSAGES = 24_000;
  private static final int PARTITIONS = 2;
  private static final int FLUSH_ROWS = 2_000;
  private static final String TABLE = "rtReplicated";

  @TempDir
  static Path workDir;

  @BeforeAll
  void start() throws Exception {
    startStreaming(workDir, builder -> builder.numServers(2));
    kafka.createTopic(TABLE, PARTITIONS);
    streaming.addSchemaAndTable("""
        {"schemaName": "rtReplicated", "dimensionFieldSpecs": [{"name": "id", "dataType": "LONG"}],
         "dateTimeFieldSpecs": [{"name": "ts", "dataType": "LONG", "format": "1:MILLISECONDS:EPOCH",
                                 "granularity": "1:MILLISECONDS"}]}""",
        RealtimeTableJson.of(TABLE, "ts", TABLE, kafka.bootstrapServers(), FLUSH_ROWS).withReplicas(2).json());
  }

  @Test
  void replicasCommitTheSameRowsAndAStoppedReplicaCatchesUp() throws Exception {
    produce(0, MESSAGES / 2);
    assertThat(streaming.awaitCount(TABLE, MESSAGES / 2)).isEqualTo(MESSAGES / 2);
    assertThat(awaitBothReplicasOnline()).as("every segment ONLINE or CONSUMING on both servers").isTrue();
    assertSameCommittedRows();

    int nettyPort = Objects.requireNonNull(cluster.server(1)).nettyPort();
    cluster.stopServer(1);
    produce(MESSAGES / 2, MESSAGES);
    assertThat(streaming.awaitCount(TABLE, MESSAGES)).as("the live replica commits alone").isEqualTo(MESSAGES);
    cluster.restartServer(1, nettyPort);
    assertThat(awaitBothReplicasOnline()).as("the restarted replica serves every segment again").isTrue();
    assertSameCommittedRows();
    JsonNode row = http.query(cluster.brokerUrl(), "SELECT COUNT(*), DISTINCTCOUNT(id) FROM " + TABLE)
        .at("/resultTable/rows/0");
    assertThat(row.get(0).asLong()).isEqualTo(MESSAGES);
    assertThat(row.get(1).asLong()).as("no duplicates").isEqualTo(MESSAGES);
  }

  /// Every committed segment has the flush threshold of rows, identically on both servers.
  private void assertSameCommittedRows() throws Exception {
    List<Map<String, Integer>> counts = new ArrayList<>();
    for (ServerStarter server : cluster.servers()) {
      TableDataManager table = Objects.requireNonNull(server.dataManager()).table(TABLE + "_REALTIME");
      counts.add(table == null ? Map.of() : table.segmentDocCounts());
    }
    int committed = 0;
    for (JsonNode name : http.get(cluster.controllerUrl() + "/segments/" + TABLE + "?type=REALTIME").json().get(0)
        .get("REALTIME")) {
      JsonNode metadata = http.get(cluster.controllerUrl() + "/segments/" + TABLE + "/" + name.asText()
          + "/metadata").json();
      if (metadata.get("segment.realtime.status").asText().equals("DONE")) {
        committed++;
        assertThat(counts.get(0).get(name.asText())).as(name.asText() + " on server 0").isEqualTo(FLUSH_ROWS);
        assertThat(counts.get(1).get(name.asText())).as(name.asText() + " on server 1").isEqualTo(FLUSH_ROWS);
      }
    }
    assertThat(committed).isPositive();
  }

  private boolean awaitBothReplicasOnline() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode view = http.get(cluster.controllerUrl() + "/tables/" + TABLE + "/externalview").json()
          .path("REALTIME");
      boolean all = view.size() > 0;
      for (JsonNode replicas : view) {
        int serving = 0;
        for (JsonNode state : replicas) {
          serving += state.asText().equals("ONLINE") || state.asText().equals("CONSUMING") ? 1 : 0;
        }
        all &= serving == 2;
      }
      if (all) {
        return true;
      }
      Thread.sleep(200);
    }
    return false;
  }

  private void produce(int from, int to) throws Exception {
    for (int partition = 0; partition < PARTITIONS; partition++) {
      List<byte[]> messages = new ArrayList<>();
      for (int id = from + partition; id < to; id += PARTITIONS) {
        messages.add(("{\"id\": " + id + ", \"ts\": " + (1_700_000_000_000L + id) + "}")
            .getBytes(StandardCharsets.UTF_8));
      }
      kafka.produce(TABLE, partition, messages);
    }
  }
}
