// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

import static io.pinot.integration.Awaits.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.function.LongPredicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Malformed stream messages on a real cluster fed by a real Kafka broker (KRaft, in-process): truncated JSON and a
/// string where the schema has an INT metric.
///
/// - With `ingestionConfig.continueOnError`, as in Pinot, a message that cannot be decoded is dropped and counted
///   (`rowsMalformed`, Pinot's `INVALID_REALTIME_ROWS_DROPPED`), and a value that cannot be converted becomes null,
///   i.e. the column's default, while the row is kept and counted (`rowsIncomplete`, Pinot's
///   `INCOMPLETE_REALTIME_ROWS_CONSUMED`); the consuming-segments info names the partition and offset of the last
///   one of each; the table stays healthy.
/// - Without it, consumption of the partition stops at the first bad message: the table status turns UNHEALTHY
///   with a message naming the partition and offset, the rows committed before it stay queryable, the other
///   partition goes on consuming, and the failed partition stays reported (never silently stuck).
class MalformedMessagesIT extends StreamingIT {
  private static final int MESSAGES = 3_000;
  private static final String SCHEMA = """
      {"schemaName": "%s",
       "dimensionFieldSpecs": [{"name": "id", "dataType": "LONG"}, {"name": "city", "dataType": "STRING"}],
       "metricFieldSpecs": [{"name": "clicks", "dataType": "INT"}],
       "dateTimeFieldSpecs": [{"name": "ts", "dataType": "LONG", "format": "1:MILLISECONDS:EPOCH",
                               "granularity": "1:MILLISECONDS"}]}""";

  @TempDir
  static Path workDir;

  @BeforeAll
  void start() throws Exception {
    startStreaming(workDir);
    kafka.createTopic("mfLenient", 2);
    kafka.createTopic("mfStrict", 2);
  }

  @Test
  void continueOnErrorSkipsUndecodableMessagesAndDefaultsUnconvertibleValues() throws Exception {
    createTable("mfLenient", true, 1_000_000);
    int badJson = 0;
    int wrongType = 0;
    Map<Integer, Long> lastBadJson = new HashMap<>();
    Map<Integer, Long> lastWrongType = new HashMap<>();
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
      for (int k = 0; k < MESSAGES; k++) {
        sent.add(producer.send(new ProducerRecord<>("mfLenient", k % 2, null, message(k).getBytes(
            StandardCharsets.UTF_8))));
      }
      producer.flush();
      for (int k = 0; k < MESSAGES; k++) {
        RecordMetadata metadata = sent.get(k).get();
        if (isBadJson(k)) {
          badJson++;
          lastBadJson.merge(metadata.partition(), metadata.offset(), Math::max);
        } else if (isWrongType(k)) {
          wrongType++;
          lastWrongType.merge(metadata.partition(), metadata.offset(), Math::max);
        }
      }
    }
    long expectedRows = MESSAGES - badJson;
    assertThat(awaitCount("mfLenient", c -> c == expectedRows)).as("every decodable message is a row")
        .isEqualTo(expectedRows);
    assertThat(scalar("SELECT COUNT(*) FROM mfLenient WHERE clicks = 0")).as("an unconvertible INT is its default 0")
        .isEqualTo(wrongType);
    assertThat(scalar("SELECT COUNT(*) FROM mfLenient WHERE clicks > 0")).isEqualTo(expectedRows - wrongType);
    assertThat(scalar("SELECT DISTINCTCOUNT(id) FROM mfLenient")).isEqualTo(expectedRows);

    JsonNode info = awaitConsumingInfo("mfLenient", MESSAGES);
    long malformed = 0;
    long incomplete = 0;
    for (JsonNode replicas : info) {
      JsonNode replica = replicas.get(0);
      int partition = Integer.parseInt(replica.get("partitionToOffsetMap").fieldNames().next());
      assertThat(replica.get("consumerState").asText()).isEqualTo("CONSUMING");
      malformed += replica.get("rowsMalformed").asLong();
      incomplete += replica.get("rowsIncomplete").asLong();
      assertThat(replica.get("lastError").asText()).as("last undecodable message of partition %d", partition)
          .contains("topic mfLenient partition " + partition + " offset " + lastBadJson.get(partition) + ":");
      assertThat(replica.get("lastIncompleteRow").asText()).as("last unconvertible value of partition %d", partition)
          .contains("topic mfLenient partition " + partition + " offset " + lastWrongType.get(partition) + ":")
          .contains("Column[clicks]").contains("abc");
    }
    assertThat(malformed).as("skipped messages counted").isEqualTo(badJson);
    assertThat(incomplete).as("rows kept with a default value counted").isEqualTo(wrongType);
    assertThat(http.get(cluster.controllerUrl() + "/tables/mfLenient/status").json()
        .at("/ingestionStatus/ingestionState").asText()).isEqualTo("HEALTHY");
  }

  @Test
  void withoutContinueOnErrorThePartitionStopsAtTheFirstBadMessageAndSaysWhere() throws Exception {
    int flushRows = 100;
    createTable("mfStrict", false, flushRows);
    // Partition 0: 250 good rows (two segments of 100 commit), then a truncated message, then 50 good rows that
    // are never consumed. Partition 1: 300 good rows, all consumed.
    List<byte[]> partition0 = new ArrayList<>();
    List<byte[]> partition1 = new ArrayList<>();
    for (int k = 0; k < 300; k++) {
      partition0.add(good(k).getBytes(StandardCharsets.UTF_8));
      partition1.add(good(10_000 + k).getBytes(StandardCharsets.UTF_8));
    }
    partition0.set(250, "{\"id\": 250, \"city\": \"c".getBytes(StandardCharsets.UTF_8));
    kafka.produce("mfStrict", 0, partition0);
    kafka.produce("mfStrict", 1, partition1);
    String status = cluster.controllerUrl() + "/tables/mfStrict/status";
    JsonNode ingestion = awaitStatus(status, "UNHEALTHY");
    assertThat(ingestion.get("ingestionState").asText()).isEqualTo("UNHEALTHY");
    String error = ingestion.get("errorMessage").asText();
    assertThat(error).as(ingestion.toString()).contains("mfStrict__0__2__")
        .contains("topic mfStrict partition 0 offset 250: malformed JSON").contains("continueOnError")
        .doesNotContain("mfStrict__1__");
    assertThat(error).as("the position is named once per problem").doesNotContain("offset 250: topic");
    assertThat(awaitCount("mfStrict", c -> c == 500)).as("the committed rows of partition 0 and all of partition 1")
        .isEqualTo(500);
    assertThat(scalar("SELECT COUNT(*) FROM mfStrict WHERE id < 10000")).isEqualTo(2L * flushRows);
    assertThat(scalar("SELECT COUNT(*) FROM mfStrict WHERE id >= 10000")).isEqualTo(300);
    Thread.sleep(1_000);
    assertThat(http.get(status).json().at("/ingestionStatus/ingestionState").asText())
        .as("the stopped partition stays reported").isEqualTo("UNHEALTHY");
    // The server lists the stopped segment until Helix takes it OFFLINE, as the controller marked it.
    await(() -> consumingSegments("mfStrict").stream().noneMatch(segment -> segment.startsWith("mfStrict__0__")));
    JsonNode info = http.get(cluster.controllerUrl() + "/tables/mfStrict/consumingSegmentsInfo").json()
        .get("_segmentToConsumingInfoMap");
    assertThat(info.fieldNames()).toIterable().as("only partition 1 still consumes")
        .singleElement().asString().startsWith("mfStrict__1__");
    assertThat(http.query(cluster.brokerUrl(), "SELECT COUNT(*) FROM mfStrict").get("exceptions"))
        .as("the stopped segment is not routed, so queries answer without an error").isEmpty();

    // The operator allows bad rows and resumes: a new segment retries partition 0 from its last commit (offset
    // 200), skips the bad message and reads the rest; the table is healthy again.
    String config = http.get(cluster.controllerUrl() + "/tables/mfStrict?type=realtime").json().get("REALTIME")
        .toString().replace("\"continueOnError\":false", "\"continueOnError\":true");
    assertThat(config).contains("\"continueOnError\":true");
    Http.Reply updated = http.put(cluster.controllerUrl() + "/tables/mfStrict", config);
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(http.post(cluster.controllerUrl() + "/tables/mfStrict/resumeConsumption", "").status())
        .isEqualTo(200);
    assertThat(awaitCount("mfStrict", c -> c == 599)).as("partition 0's 299 good rows and partition 1's 300")
        .isEqualTo(599);
    assertThat(awaitStatus(status, "HEALTHY").get("ingestionState").asText()).isEqualTo("HEALTHY");
  }

  private void createTable(String name, boolean continueOnError, int flushRows) throws Exception {
    assertThat(http.post(cluster.controllerUrl() + "/schemas", SCHEMA.formatted(name)).status()).isEqualTo(200);
    String table = RealtimeTableJson.of(name, "ts", name, kafka.bootstrapServers(), flushRows)
        .withSections("\"ingestionConfig\": {\"continueOnError\": " + continueOnError + "},").json();
    Http.Reply created = http.post(cluster.controllerUrl() + "/tables", table);
    assertThat(created.status()).as(created.body()).isEqualTo(200);
  }

  private static boolean isBadJson(int k) {
    return k % 5 == 3;
  }

  private static boolean isWrongType(int k) {
    return k % 5 == 1;
  }

  private static String message(int k) {
    if (isBadJson(k)) {
      return "{\"id\": " + k + ", \"city\": \"c" + k % 7;
    }
    if (isWrongType(k)) {
      return "{\"id\": " + k + ", \"city\": \"c" + k % 7 + "\", \"clicks\": \"abc\", \"ts\": " + (1_700_000_000_000L
          + k) + "}";
    }
    return good(k);
  }

  private static String good(int k) {
    return "{\"id\": " + k + ", \"city\": \"c" + k % 7 + "\", \"clicks\": " + (1 + k % 5) + ", \"ts\": "
        + (1_700_000_000_000L + k) + "}";
  }

  /// Polls `count(*)` until `done` holds (or 20 s); returns the last count.
  private long awaitCount(String table, LongPredicate done) throws Exception {
    return streaming.awaitValue("SELECT COUNT(*) FROM " + table, done, Duration.ofSeconds(20));
  }

  /// The consuming-segments info once every message has been read (the counters are published per batch).
  private JsonNode awaitConsumingInfo(String table, long messages) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      JsonNode info = http.get(cluster.controllerUrl() + "/tables/" + table + "/consumingSegmentsInfo").json()
          .get("_segmentToConsumingInfoMap");
      long consumed = 0;
      for (JsonNode replicas : info) {
        consumed += replicas.get(0).get("messagesConsumed").asLong();
      }
      if (consumed >= messages || System.nanoTime() > deadline) {
        assertThat(consumed).isEqualTo(messages);
        return info;
      }
      Thread.sleep(100);
    }
  }

  /// The consuming segments the servers of `table` list.
  private List<String> consumingSegments(String table) throws Exception {
    List<String> segments = new ArrayList<>();
    http.get(cluster.controllerUrl() + "/tables/" + table + "/consumingSegmentsInfo").json()
        .get("_segmentToConsumingInfoMap").fieldNames().forEachRemaining(segments::add);
    return segments;
  }

  private JsonNode awaitStatus(String url, String state) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    JsonNode ingestion = http.get(url).json().get("ingestionStatus");
    while (!ingestion.get("ingestionState").asText().equals(state) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      ingestion = http.get(url).json().get("ingestionStatus");
    }
    return ingestion;
  }

  private long scalar(String sql) throws Exception {
    return streaming.value(sql);
  }
}
