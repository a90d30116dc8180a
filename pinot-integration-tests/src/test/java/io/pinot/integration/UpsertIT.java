// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Upsert and dedup tables fed by a real Kafka broker on a real cluster. FULL upsert: 100,000 updates over 10,000
/// keys, produced out of order across several segment commits and a server restart, leave exactly one row per key
/// holding the version with the greatest comparison value; `skipUpsert` returns every version; a delete hides its
/// key, an older row does not revive it, a newer one does. PARTIAL upsert merges each strategy across commits as
/// Pinot documents. Dedup keeps the first row of each key. Sizes: `-Dupsert.keys` (10,000), `-Dupsert.versions` (10).
class UpsertIT extends StreamingIT {
  private static final int KEYS = Integer.getInteger("upsert.keys", 10_000);
  private static final int VERSIONS = Integer.getInteger("upsert.versions", 10);
  private static final int PARTITIONS = 4;
  private static final long BASE_TS = 1_700_000_000_000L;

  @TempDir
  static Path workDir;

  @BeforeAll
  void start() throws Exception {
    startStreaming(workDir);
    createTable("fullUpsert", """
        {"dimensionFieldSpecs": [{"name": "id", "dataType": "INT"}, {"name": "deleted", "dataType": "BOOLEAN"}],
         "metricFieldSpecs": [{"name": "amount", "dataType": "LONG"}]""",
        "{\"mode\": \"FULL\", \"comparisonColumns\": [\"ts\"], \"deleteRecordColumn\": \"deleted\"}", null,
        KEYS * VERSIONS / PARTITIONS / 3 + 1);
    createTable("partialUpsert", """
        {"dimensionFieldSpecs": [{"name": "id", "dataType": "INT"}, {"name": "ig", "dataType": "STRING"},
           {"name": "app", "dataType": "STRING", "singleValueField": false},
           {"name": "uni", "dataType": "STRING", "singleValueField": false}],
         "metricFieldSpecs": [{"name": "ow", "dataType": "INT"}, {"name": "inc", "dataType": "LONG"},
           {"name": "mx", "dataType": "DOUBLE"}, {"name": "mn", "dataType": "DOUBLE"}]""",
        """
        {"mode": "PARTIAL", "defaultPartialUpsertStrategy": "OVERWRITE", "partialUpsertStrategies": {
          "ig": "IGNORE", "inc": "INCREMENT", "app": "APPEND", "uni": "UNION", "mx": "MAX", "mn": "MIN"}}""", null,
        300);
    createTable("dedupEvents", """
        {"dimensionFieldSpecs": [{"name": "id", "dataType": "INT"}],
         "metricFieldSpecs": [{"name": "v", "dataType": "INT"}]""", null,
        "{\"dedupEnabled\": true, \"hashFunction\": \"MD5\"}", 2_000);
  }

  /// Creates topic, schema and REALTIME table `name` (primary key `id`, time and comparison column `ts`).
  private void createTable(String name, String fields, String upsertConfig, String dedupConfig, int flushRows)
      throws Exception {
    kafka.createTopic(name, PARTITIONS);
    String schema = fields + """
        , "primaryKeyColumns": ["id"], "enableColumnBasedNullHandling": true, "schemaName": "%s",
         "dateTimeFieldSpecs": [{"name": "ts", "dataType": "LONG", "format": "1:MILLISECONDS:EPOCH",
                                 "granularity": "1:MILLISECONDS"}]}""".formatted(name);
    assertThat(http.post(cluster.controllerUrl() + "/schemas", schema).status()).isEqualTo(200);
    String section = upsertConfig != null ? "\"upsertConfig\": " + upsertConfig
        : "\"dedupConfig\": " + dedupConfig;
    String table = RealtimeTableJson.of(name, "ts", name, kafka.bootstrapServers(), flushRows)
        .withSections(section + ", \"routing\": {\"instanceSelectorType\": \"strictReplicaGroup\"},").json();
    Http.Reply created = http.post(cluster.controllerUrl() + "/tables", table);
    assertThat(created.status()).as(created.body()).isEqualTo(200);
  }

  @Test
  void fullUpsertKeepsTheGreatestVersionPerKeyAcrossCommitsRestartAndDeletes() throws Exception {
    // Each key gets VERSIONS versions whose comparison values are a random permutation: the last produced is
    // rarely the latest, so out-of-order arrivals are the common case.
    Random random = new Random(42);
    int[][] order = new int[KEYS][];
    long[] expected = new long[KEYS];
    for (int key = 0; key < KEYS; key++) {
      order[key] = permutation(VERSIONS, random);
      for (int version = 0; version < VERSIONS; version++) {
        if (order[key][version] == VERSIONS - 1) {
          expected[key] = (long) key * 100 + version;
        }
      }
    }
    try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
      for (int version = 0; version < VERSIONS; version++) {
        for (int key = 0; key < KEYS; key++) {
          send(producer, "fullUpsert", key, "{\"id\": %d, \"amount\": %d, \"ts\": %d}".formatted(key,
              (long) key * 100 + version, BASE_TS + order[key][version]));
        }
        producer.flush();
        if (version == VERSIONS / 2) {
          assertThat(awaitCount("SET skipUpsert = true; SELECT COUNT(*) FROM fullUpsert", (long) KEYS * 6))
              .isEqualTo((long) KEYS * 6);
          int nettyPort = cluster.server(0).nettyPort();
          cluster.stopServer(0);
          cluster.restartServer(0, nettyPort);
        }
      }
    }
    long total = (long) KEYS * VERSIONS;
    assertThat(awaitCount("SET skipUpsert = true; SELECT COUNT(*) FROM fullUpsert", total)).isEqualTo(total);
    assertThat(count("SELECT COUNT(*) FROM fullUpsert")).isEqualTo(KEYS);
    assertThat(count("SELECT DISTINCTCOUNT(id) FROM fullUpsert")).isEqualTo(KEYS);
    assertThat(latestAmounts()).as("each key holds its greatest-ts version").containsExactly(expected);

    // Deletes (newer) hide keys 0..99; an older row does not revive key 0; a newer row revives key 1.
    try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
      for (int key = 0; key < 100; key++) {
        send(producer, "fullUpsert", key, "{\"id\": %d, \"deleted\": true, \"amount\": 0, \"ts\": %d}"
            .formatted(key, BASE_TS + 1_000));
      }
      send(producer, "fullUpsert", 0, "{\"id\": 0, \"amount\": 7, \"ts\": %d}".formatted(BASE_TS + 500));
      send(producer, "fullUpsert", 1, "{\"id\": 1, \"amount\": 8, \"ts\": %d}".formatted(BASE_TS + 2_000));
    }
    assertThat(awaitCount("SET skipUpsert = true; SELECT COUNT(*) FROM fullUpsert", total + 102))
        .isEqualTo(total + 102);
    assertThat(count("SELECT COUNT(*) FROM fullUpsert")).isEqualTo(KEYS - 99);
    assertThat(count("SELECT COUNT(*) FROM fullUpsert WHERE id < 100")).isEqualTo(1);
    assertThat(count("SELECT amount FROM fullUpsert WHERE id = 1")).isEqualTo(8);
  }

  @Test
  void partialUpsertMergesEachStrategyAcrossCommits() throws Exception {
    int keys = 500;
    Random random = new Random(7);
    double[][] doubles = new double[keys][4];
    try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
      for (int version = 0; version < 4; version++) {
        for (int key = 0; key < keys; key++) {
          doubles[key][version] = Math.round(random.nextDouble() * 1e6) / 100.0;
          // The last version of even keys leaves `ow` out: OVERWRITE keeps the previous value.
          String ow = version == 3 && key % 2 == 0 ? "" : "\"ow\": %d, ".formatted(key * 10 + version);
          send(producer, "partialUpsert", key, ("{\"id\": %d, %s\"ig\": \"ig%d\", \"inc\": %d, \"app\": [\"a%d\"], "
              + "\"uni\": [\"u%d\", \"u9\"], \"mx\": %s, \"mn\": %s, \"ts\": %d}").formatted(key, ow, version,
              version + 1, version, version % 2, doubles[key][version], doubles[key][version],
              BASE_TS + version));
        }
      }
    }
    long total = keys * 4L;
    assertThat(awaitCount("SET skipUpsert = true; SELECT COUNT(*) FROM partialUpsert", total)).isEqualTo(total);
    JsonNode rows = http.query(cluster.brokerUrl(), "SELECT id, ow, ig, inc, app, uni, mx, mn FROM partialUpsert "
        + "ORDER BY id LIMIT 1000").at("/resultTable/rows");
    assertThat(rows.size()).isEqualTo(keys);
    for (int key = 0; key < keys; key++) {
      JsonNode row = rows.get(key);
      assertThat(row.get(0).asInt()).isEqualTo(key);
      assertThat(row.get(1).asInt()).as("OVERWRITE").isEqualTo(key * 10 + (key % 2 == 0 ? 2 : 3));
      assertThat(row.get(2).asText()).as("IGNORE").isEqualTo("ig0");
      assertThat(row.get(3).asLong()).as("INCREMENT").isEqualTo(1 + 2 + 3 + 4);
      assertThat(strings(row.get(4))).as("APPEND").containsExactly("a0", "a1", "a2", "a3");
      assertThat(strings(row.get(5))).as("UNION").containsExactly("u0", "u1", "u9");
      assertThat(row.get(6).asDouble()).as("MAX").isEqualTo(max(doubles[key]));
      assertThat(row.get(7).asDouble()).as("MIN").isEqualTo(-max(negate(doubles[key])));
    }
  }

  @Test
  void dedupKeepsTheFirstRowOfEachKey() throws Exception {
    int keys = 5_000;
    try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
      for (int copy = 0; copy < 3; copy++) {
        for (int key = 0; key < keys; key++) {
          send(producer, "dedupEvents", key, "{\"id\": %d, \"v\": %d, \"ts\": %d}".formatted(key, copy,
              BASE_TS + copy));
        }
      }
    }
    // The last key's copies land after every first copy of its partition: once it is in, all firsts are in.
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (consumedMessages("dedupEvents") < keys * 3L && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(count("SELECT COUNT(*) FROM dedupEvents")).isEqualTo(keys);
    assertThat(count("SELECT COUNT(*) FROM dedupEvents WHERE v = 0")).isEqualTo(keys);
    assertThat(count("SELECT DISTINCTCOUNT(id) FROM dedupEvents")).isEqualTo(keys);
  }

  /// Messages consumed so far: committed rows (every first copy lands in a committed or consuming segment) plus the
  /// offsets of the consuming segments, read as the sum of the partitions' current offsets.
  private long consumedMessages(String table) throws Exception {
    JsonNode info = http.get(cluster.controllerUrl() + "/tables/" + table + "/consumingSegmentsInfo").json()
        .path("_segmentToConsumingInfoMap");
    long offsets = 0;
    for (JsonNode replicas : info) {
      JsonNode offsetsMap = replicas.get(0).path("partitionToOffsetMap");
      for (JsonNode offset : offsetsMap) {
        offsets += offset.asLong();
      }
    }
    return offsets;
  }

  private long[] latestAmounts() throws Exception {
    JsonNode rows = http.query(cluster.brokerUrl(), "SELECT id, amount FROM fullUpsert ORDER BY id LIMIT " + KEYS)
        .at("/resultTable/rows");
    long[] amounts = new long[rows.size()];
    for (int i = 0; i < amounts.length; i++) {
      assertThat(rows.get(i).get(0).asInt()).isEqualTo(i);
      amounts[i] = rows.get(i).get(1).asLong();
    }
    return amounts;
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, String topic, int key, String json) {
    producer.send(new ProducerRecord<>(topic, key % PARTITIONS, Integer.toString(key).getBytes(StandardCharsets.UTF_8),
        json.getBytes(StandardCharsets.UTF_8)));
  }

  private long count(String sql) throws Exception {
    JsonNode response = http.query(cluster.brokerUrl(), sql);
    assertThat(response.get("exceptions")).as(response.toString()).isEmpty();
    return response.at("/resultTable/rows/0/0").asLong();
  }

  /// Polls until the single value of `sql` reaches `expected` (or 90 s pass); returns the last value.
  private long awaitCount(String sql, long expected) throws Exception {
    return streaming.awaitValue(sql, value -> value >= expected, Duration.ofSeconds(90));
  }

  private static int[] permutation(int n, Random random) {
    int[] values = new int[n];
    for (int i = 0; i < n; i++) {
      values[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
    return values;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  private static double max(double[] values) {
    double max = Double.NEGATIVE_INFINITY;
    for (double value : values) {
      max = Math.max(max, value);
    }
    return max;
  }

  private static double[] negate(double[] values) {
    double[] negated = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      negated[i] = -values[i];
    }
    return negated;
  }
}
