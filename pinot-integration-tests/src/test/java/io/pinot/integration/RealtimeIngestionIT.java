// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.segment.mutable.LlcSegmentName;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// A REALTIME table fed by a real Kafka broker (KRaft, in-process) on a real cluster: while messages are
/// produced over 4 partitions and queries run, `count(*)` never decreases and ends at exactly the number produced;
/// segments commit at the row threshold with contiguous offsets per partition in their ZooKeeper metadata; a server
/// stopped mid-stream and restarted resumes from the last committed offsets with no duplicate and no gap. The
/// acceptance size (1,000,000 messages, 100,000-row segments) runs with `./mvnw -Pacceptance verify` (or
/// `-Drealtime.messages=1000000 -Drealtime.flushRows=100000`).
class RealtimeIngestionIT extends StreamingIT {
  private static final int MESSAGES = Integer.getInteger("realtime.messages", TestData.rows(40_000, 1_000_000));
  private static final int FLUSH_ROWS = Integer.getInteger("realtime.flushRows", TestData.rows(3_000, 100_000));
  private static final int PARTITIONS = 4;
  private static final String TOPIC = "rtEvents";
  private static final String SCHEMA = """
      {"schemaName": "rtEvents",
       "dimensionFieldSpecs": [{"name": "id", "dataType": "LONG"}, {"name": "city", "dataType": "STRING"}],
       "metricFieldSpecs": [{"name": "amount", "dataType": "DOUBLE"}],
       "dateTimeFieldSpecs": [{"name": "ts", "dataType": "LONG", "format": "1:MILLISECONDS:EPOCH",
                               "granularity": "1:MILLISECONDS"}]}""";

  @TempDir
  static Path workDir;

  @BeforeAll
  void start() throws Exception {
    startStreaming(workDir, builder -> builder
        .controllerConfig("controller.realtime.segment.validation.frequencyPeriod", "2s"));
    kafka.createTopic(TOPIC, PARTITIONS);
    streaming.addSchemaAndTable(SCHEMA, table());
  }

  private String table() {
    return RealtimeTableJson.of("rtEvents", "ts", TOPIC, kafka.bootstrapServers(), FLUSH_ROWS)
        .withIndexes("\"invertedIndexColumns\": [\"city\"],").json();
  }

  @Test
  void countNeverDecreasesEndsExactAndSurvivesAServerRestart() throws Exception {
    AtomicReference<Exception> producerError = new AtomicReference<>();
    Thread producer = new Thread(() -> produce(producerError), "test-producer");
    producer.start();
    long last = 0;
    boolean restarted = false;
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (last < MESSAGES && System.nanoTime() < deadline) {
      long count = count();
      if (count >= 0) {
        assertThat(count).as("a complete count(*) never decreases while the server is up")
            .isGreaterThanOrEqualTo(last);
        last = count;
      }
      if (!restarted && count > MESSAGES / 3) {
        int nettyPort = cluster.server(0).nettyPort();
        cluster.stopServer(0);
        cluster.restartServer(0, nettyPort);
        restarted = true;
        last = 0;
      }
      Thread.sleep(200);
    }
    producer.join();
    assertThat(producerError.get()).isNull();
    assertThat(restarted).isTrue();
    assertThat(last).isEqualTo(MESSAGES);
    JsonNode result = http.query(cluster.brokerUrl(),
        "SELECT COUNT(*), DISTINCTCOUNT(id), MIN(id), MAX(id), SUM(amount) FROM rtEvents").get("resultTable");
    JsonNode row = result.get("rows").get(0);
    assertThat(row.get(0).asLong()).isEqualTo(MESSAGES);
    assertThat(row.get(1).asLong()).as("no duplicates").isEqualTo(MESSAGES);
    assertThat(row.get(2).asLong()).isZero();
    assertThat(row.get(3).asLong()).isEqualTo(MESSAGES - 1);
    double sum = (double) MESSAGES * (MESSAGES - 1) / 2 / 100;
    assertThat(row.get(4).asDouble()).isCloseTo(sum, within(sum * 1e-9));
    checkSegmentMetadata();
    checkOperations();
  }

  /// Ingestion transforms and the filter apply to streamed rows as to batch rows; a partition added to the topic
  /// is picked up by the validation task and consumed from its start.
  @Test
  void transformsFiltersAndNewPartitionsApplyToStreamedRows() throws Exception {
    kafka.createTopic("rtShaped", 2);
    assertThat(http.post(cluster.controllerUrl() + "/schemas", """
        {"schemaName": "rtShaped",
         "dimensionFieldSpecs": [{"name": "id", "dataType": "LONG"}, {"name": "cityUpper", "dataType": "STRING"}],
         "dateTimeFieldSpecs": [{"name": "ts", "dataType": "LONG", "format": "1:MILLISECONDS:EPOCH",
                                 "granularity": "1:MILLISECONDS"}]}""").status()).isEqualTo(200);
    // Size-based flushing (rows 0): the first segments commit at the initial rows, the next ones are size-tuned.
    String table = RealtimeTableJson.of("rtShaped", "ts", "rtShaped", kafka.bootstrapServers(), 0)
        .withStreamProperties("\"realtime.segment.flush.autotune.initialRows\": \"500\",")
        .withSections("\"ingestionConfig\": {\"transformConfigs\": [{\"columnName\": \"cityUpper\", "
            + "\"transformFunction\": \"upper(city)\"}], \"filterConfig\": {\"filterFunction\": \"id % 10 = 0\"}},")
        .json();
    Http.Reply created = http.post(cluster.controllerUrl() + "/tables", table);
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    for (int partition = 0; partition < 2; partition++) {
      kafka.produce("rtShaped", partition, shapedMessages(partition * 1000, 1000));
    }
    assertThat(streaming.awaitCount("rtShaped", 1800)).as("every tenth row filtered out").isEqualTo(1800);
    assertThat(http.query(cluster.brokerUrl(), "SELECT COUNT(*) FROM rtShaped WHERE id % 10 = 0")
        .at("/resultTable/rows/0/0").asLong()).as("no filtered row is stored").isZero();
    List<String> cities = new ArrayList<>();
    http.query(cluster.brokerUrl(), "SELECT DISTINCT cityUpper FROM rtShaped LIMIT 100").at("/resultTable/rows")
        .forEach(city -> cities.add(city.get(0).asText()));
    assertThat(cities).as("the transform ran on every row").hasSize(17).allMatch(city -> city.matches("C[0-9]+"));

    for (int partition = 0; partition < 2; partition++) {
      String url = cluster.controllerUrl() + "/segments/rtShaped/" + firstSegmentName(partition) + "/metadata";
      JsonNode first = http.get(url).json();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!first.get("segment.realtime.status").asText().equals("DONE") && System.nanoTime() < deadline) {
        Thread.sleep(100);
        first = http.get(url).json();
      }
      assertThat(first.get("segment.flush.threshold.size").asInt()).isEqualTo(500);
      assertThat(first.get("segment.realtime.status").asText()).isEqualTo("DONE");
      assertThat(first.get("segment.total.docs").asLong()).isEqualTo(500);
    }

    kafka.addPartitions("rtShaped", 3);
    kafka.produce("rtShaped", 2, shapedMessages(2000, 500));
    assertThat(streaming.awaitCount("rtShaped", 2250)).as("the new partition is consumed from its start")
        .isEqualTo(2250);
  }

  private String firstSegmentName(int partition) throws Exception {
    for (JsonNode name : http.get(cluster.controllerUrl() + "/segments/rtShaped?type=REALTIME").json().get(0)
        .get("REALTIME")) {
      LlcSegmentName llc = LlcSegmentName.parse(name.asText());
      if (llc.partitionGroupId() == partition && llc.sequenceNumber() == 0) {
        return name.asText();
      }
    }
    throw new AssertionError("no first segment of partition " + partition);
  }

  private static List<byte[]> shapedMessages(int firstId, int count) {
    List<byte[]> messages = new ArrayList<>(count);
    for (int id = firstId; id < firstId + count; id++) {
      messages.add(("{\"id\": " + id + ", \"city\": \"c" + id % 17 + "\", \"ts\": " + (1_700_000_000_000L + id)
          + "}").getBytes(StandardCharsets.UTF_8));
    }
    return messages;
  }

  /// The operations endpoints: status and consuming info while consuming, force commit, pause and resume.
  private void checkOperations() throws Exception {
    String table = cluster.controllerUrl() + "/tables/rtEvents";
    assertThat(http.get(table + "/status").json().at("/ingestionStatus/ingestionState").asText())
        .isEqualTo("HEALTHY");
    JsonNode info = http.get(table + "/consumingSegmentsInfo").json().get("_segmentToConsumingInfoMap");
    assertThat(info.size()).isEqualTo(PARTITIONS);
    for (JsonNode replicas : info) {
      JsonNode replica = replicas.get(0);
      assertThat(replica.get("consumerState").asText()).isEqualTo("CONSUMING");
      String partition = replica.get("partitionToOffsetMap").fieldNames().next();
      assertThat(replica.at("/partitionToOffsetMap/" + partition).asLong()).isEqualTo(MESSAGES / PARTITIONS);
    }
    Http.Reply paused = http.post(table + "/pauseConsumption", "");
    assertThat(paused.status()).as(paused.body()).isEqualTo(200);
    assertThat(paused.json().get("pauseFlag").asBoolean()).isTrue();
    assertThat(awaitConsuming(table, 0)).as("paused: every consuming segment commits").isTrue();
    assertThat(count()).isEqualTo(MESSAGES);
    Http.Reply resumed = http.post(table + "/resumeConsumption", "");
    assertThat(resumed.json().get("pauseFlag").asBoolean()).isFalse();
    assertThat(awaitConsuming(table, PARTITIONS)).as("resumed: a consuming segment per partition").isTrue();
    int done = doneSegments();
    assertThat(http.post(table + "/forceCommit", "").json().get("forceCommitStatus").asText())
        .isEqualTo("SUCCESS");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (doneSegments() < done + PARTITIONS && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(doneSegments()).as("force commit commits even empty consuming segments").isEqualTo(done + PARTITIONS);
    assertThat(count()).isEqualTo(MESSAGES);
  }

  private int doneSegments() throws Exception {
    int done = 0;
    for (JsonNode name : http.get(cluster.controllerUrl() + "/segments/rtEvents?type=REALTIME").json().get(0)
        .get("REALTIME")) {
      JsonNode metadata = http.get(cluster.controllerUrl() + "/segments/rtEvents/" + name.asText() + "/metadata")
          .json();
      done += metadata.get("segment.realtime.status").asText().equals("DONE") ? 1 : 0;
    }
    return done;
  }

  private boolean awaitConsuming(String table, int expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode status = http.get(table + "/pauseStatus").json();
      if (status.get("consumingSegments").size() == expected) {
        return true;
      }
      Thread.sleep(200);
    }
    return false;
  }

  /// Committed segments hold exactly the flush threshold of rows, and each partition's offsets are contiguous
  /// from 0: every segment starts where the previous one ended.
  private void checkSegmentMetadata() throws Exception {
    JsonNode list = http.get(cluster.controllerUrl() + "/segments/rtEvents?type=REALTIME").json();
    Map<Integer, TreeMap<Integer, JsonNode>> byPartition = new TreeMap<>();
    for (JsonNode name : list.get(0).get("REALTIME")) {
      LlcSegmentName llc = LlcSegmentName.parse(name.asText());
      JsonNode metadata = http.get(cluster.controllerUrl() + "/segments/rtEvents/" + name.asText() + "/metadata")
          .json();
      byPartition.computeIfAbsent(llc.partitionGroupId(), p -> new TreeMap<>()).put(llc.sequenceNumber(), metadata);
    }
    assertThat(byPartition.keySet()).containsExactly(0, 1, 2, 3);
    int committed = 0;
    for (TreeMap<Integer, JsonNode> segments : byPartition.values()) {
      long expectedStart = 0;
      List<Integer> sequences = new ArrayList<>(segments.keySet());
      for (int i = 0; i < sequences.size(); i++) {
        JsonNode metadata = segments.get(sequences.get(i));
        assertThat(sequences.get(i)).isEqualTo(i);
        assertThat(metadata.get("segment.realtime.startOffset").asLong()).isEqualTo(expectedStart);
        if (metadata.get("segment.realtime.status").asText().equals("DONE")) {
          committed++;
          assertThat(metadata.get("segment.total.docs").asLong()).isEqualTo(FLUSH_ROWS);
          expectedStart = metadata.get("segment.realtime.endOffset").asLong();
          assertThat(expectedStart).isEqualTo((long) FLUSH_ROWS * (i + 1));
        } else {
          assertThat(i).as("only the last segment of a partition consumes").isEqualTo(sequences.size() - 1);
        }
      }
    }
    assertThat(committed).isEqualTo(PARTITIONS * (MESSAGES / PARTITIONS / FLUSH_ROWS));
  }

  /// The table's row count, or -1 for an answer that is not complete (it carries exceptions: while the server
  /// restarts, segments are unavailable or still loading and the broker says so).
  private long count() {
    try {
      JsonNode response = http.query(cluster.brokerUrl(), "SELECT COUNT(*) FROM rtEvents");
      JsonNode rows = response.path("resultTable").path("rows");
      boolean complete = response.path("exceptions").isEmpty() && rows.isArray() && !rows.isEmpty();
      return complete ? rows.get(0).get(0).asLong() : -1;
    } catch (Exception e) {
      return -1;
    }
  }

  private void produce(AtomicReference<Exception> error) {
    try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
      for (int id = 0; id < MESSAGES; id++) {
        String json = "{\"id\": " + id + ", \"city\": \"c" + id % 17 + "\", \"amount\": " + id / 100.0
            + ", \"ts\": " + (1_700_000_000_000L + id) + "}";
        producer.send(new ProducerRecord<>(TOPIC, id % PARTITIONS, null, json.getBytes(StandardCharsets.UTF_8)));
        if (id % 5_000 == 4_999) {
          producer.flush();
          Thread.sleep(50);
        }
      }
      producer.flush();
    } catch (Exception e) {
      error.set(e);
    }
  }
}
