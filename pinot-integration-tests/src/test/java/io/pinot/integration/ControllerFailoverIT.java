// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.utils.NetUtils;
import io.pinot.controller.ControllerConfigKey;
import io.pinot.controller.ControllerStarter;
import io.pinot.spi.env.PinotConfiguration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Two controllers sharing one deep store: only the Helix leader runs the segment completion protocol (the other
/// answers `NOT_LEADER`, as Pinot's do); when the leader stops mid-stream, the other takes over and segments keep
/// committing, with every message counted once.
class ControllerFailoverIT extends StreamingIT {
  private static final int MESSAGES = 12_000;
  private static final int FLUSH_ROWS = 1_000;
  private static final String TABLE = "rtFailover";

  @TempDir
  static Path workDir;
  private ControllerStarter standby;

  @BeforeAll
  void start() throws Exception {
    startStreaming(workDir);
    kafka.createTopic(TABLE, 2);
    standby = new ControllerStarter(PinotConfiguration.empty()
        .with(ControllerConfigKey.ZK_ADDRESS.key(), cluster.zkAddress())
        .with(ControllerConfigKey.CLUSTER_NAME.key(), cluster.clusterName())
        .with(ControllerConfigKey.HOST.key(), "localhost")
        .with(ControllerConfigKey.PORT.key(), NetUtils.freePort())
        .with(ControllerConfigKey.DATA_DIR.key(), workDir.resolve("cluster").resolve("controller").toString()));
    standby.start();
    streaming.addSchemaAndTable("""
        {"schemaName": "rtFailover", "dimensionFieldSpecs": [{"name": "id", "dataType": "LONG"}],
         "dateTimeFieldSpecs": [{"name": "ts", "dataType": "LONG", "format": "1:MILLISECONDS:EPOCH",
                                 "granularity": "1:MILLISECONDS"}]}""",
        RealtimeTableJson.of(TABLE, "ts", TABLE, kafka.bootstrapServers(), FLUSH_ROWS).json());
  }

  @AfterAll
  void stop() {
    if (standby != null) {
      standby.close();
    }
  }

  @Test
  void theStandbyAnswersNotLeaderThenTakesOverTheCommits() throws Exception {
    String standbyUrl = "http://localhost:" + standby.port();
    JsonNode answer = http.get(standbyUrl + "/segmentConsumed?name=" + TABLE + "__0__0__20260101T0000Z"
        + "&instance=Server_x_1&streamPartitionMsgOffset=0&reason=rowLimit").json();
    assertThat(answer.get("status").asText()).isEqualTo("NOT_LEADER");

    produce(0, MESSAGES / 2);
    assertThat(streaming.awaitCount(TABLE, MESSAGES / 2)).isEqualTo(MESSAGES / 2);
    int committedBefore = doneSegments(standbyUrl);
    cluster.controller().close();
    produce(MESSAGES / 2, MESSAGES);
    assertThat(streaming.awaitCount(TABLE, MESSAGES)).isEqualTo(MESSAGES);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (doneSegments(standbyUrl) < MESSAGES / FLUSH_ROWS && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(doneSegments(standbyUrl)).as("the new leader committed the rest (%d before)", committedBefore)
        .isEqualTo(MESSAGES / FLUSH_ROWS);
    JsonNode row = http.query(cluster.brokerUrl(), "SELECT COUNT(*), DISTINCTCOUNT(id) FROM " + TABLE)
        .at("/resultTable/rows/0");
    assertThat(row.get(0).asLong()).isEqualTo(MESSAGES);
    assertThat(row.get(1).asLong()).as("no duplicates").isEqualTo(MESSAGES);
  }

  private int doneSegments(String controllerUrl) throws Exception {
    int done = 0;
    for (JsonNode name : http.get(controllerUrl + "/segments/" + TABLE + "?type=REALTIME").json().get(0)
        .get("REALTIME")) {
      JsonNode metadata = http.get(controllerUrl + "/segments/" + TABLE + "/" + name.asText() + "/metadata").json();
      done += metadata.get("segment.realtime.status").asText().equals("DONE") ? 1 : 0;
    }
    return done;
  }

  private void produce(int from, int to) throws Exception {
    for (int partition = 0; partition < 2; partition++) {
      List<byte[]> messages = new ArrayList<>();
      for (int id = from + partition; id < to; id += 2) {
        messages.add(("{\"id\": " + id + ", \"ts\": " + (1_700_000_000_000L + id) + "}")
            .getBytes(StandardCharsets.UTF_8));
      }
      kafka.produce(TABLE, partition, messages);
    }
  }
}
