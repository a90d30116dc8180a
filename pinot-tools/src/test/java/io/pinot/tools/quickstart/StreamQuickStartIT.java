// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.utils.JsonUtils;
import io.pinot.tools.EmbeddedPinotCluster;
import io.pinot.tools.client.ControllerClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/// The stream quickstart types on a real cluster (free ports) with their real embedded Kafka: rows produced in the
/// background become queryable and keep coming, the sample queries print results, and closing stops the producer
/// thread and Kafka. The hybrid type creates both halves of `airlineStats` on one schema and time column; the upsert
/// type an upsert table keyed by `event_id`.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamQuickStartIT {
  private static final long GROW_TIMEOUT_MILLIS = 20_000;

  @TempDir
  static Path dir;
  private EmbeddedPinotCluster cluster;

  @BeforeAll
  void startCluster() throws Exception {
    cluster = EmbeddedPinotCluster.builder(dir.resolve("cluster")).build().start();
  }

  @AfterAll
  void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void streamRowsGrowAndShutdownLeavesNoProducer() throws Exception {
    StringWriter text = new StringWriter();
    StreamQuickStart stream = StreamQuickStart.start(MeetupRsvpTable.sampleTable(), cluster.controllerUrl(),
        cluster.brokerUrl(), dir.resolve("stream"), 0, Clock.systemUTC(), new PrintWriter(text, true));
    try {
      long first = stream.count("meetupRsvp");
      assertThat(first).isPositive();
      assertThat(awaitCountAbove(stream, "meetupRsvp", first)).as("count(*) grows again").isGreaterThan(first);
      assertThat(stream.producer().isAlive()).isTrue();
      assertThat(stream.producer().failed()).isZero();
      assertThat(text.toString()).contains("Created topic meetupRSVPEvents with 2 partitions",
          "Query: select count(*) from meetupRsvp", "group_city").doesNotContain("Query failed");
    } finally {
      stream.close();
    }
    assertThat(stream.producer().isAlive()).isFalse();
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(
        thread -> thread.getName().startsWith(SampleEventProducer.THREAD_PREFIX));
    stream.close();
  }

  @Test
  void hybridCreatesBothHalvesOnOneSchema() throws Exception {
    StringWriter text = new StringWriter();
    StreamQuickStart hybrid = StreamQuickStart.start(AirlineStatsTable.sampleTable(Clock.systemUTC()),
        cluster.controllerUrl(), cluster.brokerUrl(), dir.resolve("hybrid"), 0, Clock.systemUTC(),
        new PrintWriter(text, true));
    try {
      assertThat(hybrid.count("airlineStats_OFFLINE"))
          .isEqualTo((long) AirlineStatsTable.HISTORY_DAYS * AirlineStatsGenerator.FLIGHTS_PER_DAY);
      assertThat(hybrid.count("airlineStats_REALTIME")).isPositive();
      ControllerClient controller = new ControllerClient(cluster.controllerUrl(), null);
      JsonNode tables = JsonUtils.parse(controller.getOrNull("/tables/airlineStats"));
      assertThat(tables.at("/OFFLINE/segmentsConfig/timeColumnName").asText()).isEqualTo("DaysSinceEpoch");
      assertThat(tables.at("/REALTIME/segmentsConfig/timeColumnName").asText()).isEqualTo("DaysSinceEpoch");
      assertThat(text.toString()).contains("Query: select count(*) from airlineStats_REALTIME")
          .doesNotContain("Query failed");
    } finally {
      hybrid.close();
    }
  }

  @Test
  void upsertTableIsCreatedWithItsPrimaryKeyAndConsumes() throws Exception {
    StringWriter text = new StringWriter();
    StreamQuickStart upsert = StreamQuickStart.start(UpsertMeetupRsvpTable.sampleTable(), cluster.controllerUrl(),
        cluster.brokerUrl(), dir.resolve("upsert"), 0, Clock.systemUTC(), new PrintWriter(text, true));
    try {
      assertThat(upsert.count("upsertMeetupRsvp")).isPositive();
      ControllerClient controller = new ControllerClient(cluster.controllerUrl(), null);
      JsonNode schema = JsonUtils.parse(controller.getOrNull("/schemas/upsertMeetupRsvp"));
      assertThat(schema.at("/primaryKeyColumns/0").asText()).isEqualTo("event_id");
      JsonNode table = JsonUtils.parse(controller.getOrNull("/tables/upsertMeetupRsvp"));
      assertThat(table.at("/REALTIME/upsertConfig/mode").asText()).isEqualTo("FULL");
      assertThat(table.at("/REALTIME/routing/instanceSelectorType").asText()).isEqualTo("strictReplicaGroup");
    } finally {
      upsert.close();
    }
  }

  private static long awaitCountAbove(StreamQuickStart stream, String table, long floor) throws Exception {
    long deadline = System.currentTimeMillis() + GROW_TIMEOUT_MILLIS;
    long count = stream.count(table);
    while (count <= floor && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
      count = stream.count(table);
    }
    return count;
  }
}
