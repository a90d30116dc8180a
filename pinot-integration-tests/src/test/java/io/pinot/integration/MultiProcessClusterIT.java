// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.data.Schema;
import io.pinot.tools.kafka.EmbeddedKafka;
import io.pinot.tools.process.LocalProcessCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/// The foundation's acceptance test: ZooKeeper, a controller, a broker and two servers as separate
/// processes started through `bin/pinot-admin.sh`; the bench `events` schema and table config (unchanged)
/// created over REST; `gen_data.py` CSVs ingested with `LaunchDataIngestionJob` and the bench job spec
/// template into four segments over both servers; queries compared with H2 on the same rows; then a server
/// is killed and restarted.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiProcessClusterIT {
  private static final int ROWS = TestData.rows(100_000, 2_000_000);
  private static final int SEGMENTS = 4;

  @TempDir
  static Path workDir;
  private LocalProcessCluster cluster;
  private final Http http = new Http();
  private H2Oracle h2;
  private List<Path> csvFiles;

  @BeforeAll
  void startClusterAndIngest() throws Exception {
    csvFiles = TestData.generateEvents(workDir.resolve("data"), ROWS, ROWS / SEGMENTS);
    cluster = new LocalProcessCluster(TestData.distribution(), workDir, "-Xmx768m -Dzk.session.timeout=6000")
        .start(2);
    Path bench = TestData.benchDir().resolve("pinot");
    String schemaJson = Files.readString(bench.resolve("events_schema.json"));
    assertThat(http.post(cluster.controllerUrl() + "/schemas", schemaJson).status()).isEqualTo(200);
    Http.Reply table = http.post(cluster.controllerUrl() + "/tables",
        Files.readString(bench.resolve("events_offline_table.json")));
    assertThat(table.status()).as(table.body()).isEqualTo(200);
    assertThat(table.body()).as("every index of the bench config is built").doesNotContain("not built yet");
    String jobSpec = Files.readString(bench.resolve("ingestion_job.yaml.tmpl"))
        .replace("@INPUT_DIR@", workDir.resolve("data").toString())
        .replace("@OUTPUT_DIR@", workDir.resolve("segments").toString())
        .replace("@PARALLELISM@", "2").replace("@TABLE@", "events")
        .replace("@CONTROLLER@", cluster.controllerUrl());
    Path jobFile = Files.writeString(workDir.resolve("job.yaml"), jobSpec);
    TestData.CommandResult job = runAdmin("LaunchDataIngestionJob", "-jobSpecFile", jobFile.toString());
    assertThat(job.exitCode()).as(job.output()).isZero();
    awaitCount(ROWS, Duration.ofMinutes(3));
    h2 = new H2Oracle(workDir);
    Schema schema = JsonUtils.fromJson(schemaJson, Schema.class);
    assertThat(h2.load("events", schema, csvFiles)).isEqualTo(ROWS);
  }

  @AfterAll
  void stop() throws Exception {
    if (h2 != null) {
      h2.close();
    }
    if (cluster != null) {
      cluster.close();
    }
    http.close();
  }

  @Test
  @Order(1)
  void segmentsAreSpreadOverBothServers() throws Exception {
    JsonNode view = http.get(cluster.controllerUrl() + "/tables/events/externalview").json();
    JsonNode offline = view.get("OFFLINE");
    assertThat(offline.size()).isEqualTo(SEGMENTS);
    Set<String> servers = new HashSet<>();
    offline.properties().forEach(segment -> segment.getValue().properties().forEach(replica -> {
      assertThat(replica.getValue().asText()).isEqualTo("ONLINE");
      servers.add(replica.getKey());
    }));
    assertThat(servers).containsExactlyInAnyOrder(cluster.serverInstanceId(0), cluster.serverInstanceId(1));
    JsonNode segments = http.get(cluster.controllerUrl() + "/segments/events").json();
    assertThat(segments.get(0).get("OFFLINE").size()).isEqualTo(SEGMENTS);
  }

  @Test
  @Order(2)
  void queriesMatchH2() throws Exception {
    long userId = h2.query("SELECT user_id FROM events WHERE row_id = 12345").get(0).get(0) instanceof Number n
        ? n.longValue() : 0;
    List<String> failures = new ArrayList<>();
    List<QueryPair> queries = EventsQueries.all(userId);
    assertThat(queries).hasSizeGreaterThanOrEqualTo(20);
    for (QueryPair query : queries) {
      JsonNode response = http.query(cluster.brokerUrl(), query.pinot());
      if (!response.get("exceptions").isEmpty()) {
        failures.add(query.pinot() + " -> exceptions " + response.get("exceptions"));
        continue;
      }
      String difference = ResultComparator.difference(response.get("resultTable").get("rows"),
          h2.query(query.h2()), query.ordered());
      if (difference != null) {
        failures.add(query.pinot() + " -> " + difference);
      }
    }
    assertThat(failures).as("queries differing from H2").isEmpty();
  }

  @Test
  @Order(3)
  void responseHasPinotShape() throws Exception {
    JsonNode response = http.query(cluster.brokerUrl(), "SELECT COUNT(*) FROM events");
    assertThat(response.get("resultTable").get("dataSchema").get("columnNames").get(0).asText()).isEqualTo("count(*)");
    assertThat(response.get("resultTable").get("dataSchema").get("columnDataTypes").get(0).asText()).isEqualTo("LONG");
    assertThat(response.get("resultTable").get("rows").get(0).get(0).isIntegralNumber()).isTrue();
    assertThat(response.get("numServersQueried").asInt()).isEqualTo(2);
    assertThat(response.get("numServersResponded").asInt()).isEqualTo(2);
    assertThat(response.get("numSegmentsQueried").asInt()).isEqualTo(SEGMENTS);
    assertThat(response.get("totalDocs").asLong()).isEqualTo(ROWS);
    for (String field : List.of("numSegmentsProcessed", "numSegmentsMatched", "numDocsScanned",
        "numEntriesScannedInFilter", "numEntriesScannedPostFilter", "timeUsedMs", "exceptions")) {
      assertThat(response.has(field)).as(field).isTrue();
    }
  }

  @Test
  @Order(10)
  void killedServerIsReportedNeverSilentlyAndComesBack() throws Exception {
    cluster.killServer(0);
    // Before the cluster notices: the broker still routes to the dead server and must say it did not answer.
    JsonNode early = timedQuery("SELECT COUNT(*) FROM events");
    assertPartial(early);
    // After the cluster notices (session expiry): the segments have no online replica.
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonNode late = early;
    while (System.nanoTime() < deadline) {
      late = timedQuery("SELECT COUNT(*) FROM events");
      if (hasError(late, 305)) {
        break;
      }
      assertPartial(late);
      Thread.sleep(500);
    }
    assertThat(hasError(late, 305)).as("305 after the cluster noticed: " + late).isTrue();
    assertPartial(late);
    int downloadsBefore = occurrences(cluster.log("server-0"), "Downloading segment");
    cluster.restartServer(0);
    awaitCount(ROWS, Duration.ofMinutes(2));
    String log = cluster.log("server-0");
    assertThat(occurrences(log, "Downloading segment")).as("no download after restart").isEqualTo(downloadsBefore);
    assertThat(occurrences(log, "from local copy")).isEqualTo(SEGMENTS / 2);
    JsonNode back = http.query(cluster.brokerUrl(), "SELECT COUNT(*) FROM events");
    assertThat(back.get("exceptions")).isEmpty();
    assertThat(back.get("numServersResponded").asInt()).isEqualTo(2);
  }

  /// Issue 5's crash test: a REALTIME table over 4 partitions spread over both server processes; while messages
  /// are produced, one server is killed (SIGKILL) and restarted: every message is counted exactly once in the end.
  @Test
  @Order(20)
  void realtimeConsumptionSurvivesAKilledServer() throws Exception {
    int messages = TestData.rows(40_000, 400_000);
    try (EmbeddedKafka kafka = EmbeddedKafka.start(workDir.resolve("kafka"))) {
      kafka.createTopic("rtKill", 4);
      String schema = """
          {"schemaName": "rtKill", "dimensionFieldSpecs": [{"name": "id", "dataType": "LONG"}],
           "dateTimeFieldSpecs": [{"name": "ts", "dataType": "LONG", "format": "1:MILLISECONDS:EPOCH",
                                   "granularity": "1:MILLISECONDS"}]}""";
      assertThat(http.post(cluster.controllerUrl() + "/schemas", schema).status()).isEqualTo(200);
      Http.Reply created = http.post(cluster.controllerUrl() + "/tables", """
          {"tableName": "rtKill", "tableType": "REALTIME",
           "segmentsConfig": {"timeColumnName": "ts", "replicasPerPartition": "1", "schemaName": "rtKill"},
           "tableIndexConfig": {"streamConfigs": {"streamType": "kafka", "stream.kafka.topic.name": "rtKill",
             "stream.kafka.broker.list": "%s", "stream.kafka.consumer.type": "lowlevel",
             "stream.kafka.decoder.class.name": "org.apache.pinot.plugin.stream.kafka.KafkaJSONMessageDecoder",
             "stream.kafka.consumer.prop.auto.offset.reset": "smallest",
             "realtime.segment.flush.threshold.rows": "%d"}}, "tenants": {}, "metadata": {}}"""
          .formatted(kafka.bootstrapServers(), messages / 12));
      assertThat(created.status()).as(created.body()).isEqualTo(200);
      try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
        for (int id = 0; id < messages; id++) {
          producer.send(new ProducerRecord<>("rtKill", id % 4, null,
              ("{\"id\": " + id + ", \"ts\": " + (1_700_000_000_000L + id) + "}").getBytes(StandardCharsets.UTF_8)));
          if (id == messages / 2) {
            producer.flush();
            awaitRealtimeCount(messages / 4, Duration.ofMinutes(2));
            cluster.killServer(0);
          }
        }
      }
      cluster.restartServer(0);
      JsonNode row = awaitRealtimeCount(messages, Duration.ofMinutes(3));
      assertThat(row.get(1).asLong()).as("no duplicates").isEqualTo(messages);
      assertThat(row.get(2).asLong()).isZero();
      assertThat(row.get(3).asLong()).isEqualTo(messages - 1);
    }
  }

  /// Polls until `rtKill` holds at least `expected` rows with no exception; returns the row of count, distinct
  /// count, min and max of `id`.
  private JsonNode awaitRealtimeCount(long expected, Duration timeout) throws Exception {
    return awaitFirstRow("SELECT COUNT(*), DISTINCTCOUNT(id), MIN(id), MAX(id) FROM rtKill",
        count -> count >= expected, timeout);
  }

  private static int occurrences(String text, String fragment) {
    int count = 0;
    for (int at = text.indexOf(fragment); at >= 0; at = text.indexOf(fragment, at + 1)) {
      count++;
    }
    return count;
  }

  private JsonNode timedQuery(String sql) throws Exception {
    long start = System.nanoTime();
    JsonNode response = http.query(cluster.brokerUrl(), sql);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    return response;
  }

  private static void assertPartial(JsonNode response) {
    assertThat(hasError(response, 427) || hasError(response, 305) || hasError(response, 425))
        .as("exception entry in " + response).isTrue();
    long count = response.get("resultTable").get("rows").get(0).get(0).asLong();
    assertThat(count).isLessThan(ROWS);
    assertThat(response.get("totalDocs").asLong()).isLessThan(ROWS);
    assertThat(response.get("partialResult").asBoolean()).isTrue();
  }

  private static boolean hasError(JsonNode response, int code) {
    for (JsonNode exception : response.get("exceptions")) {
      if (exception.get("errorCode").asInt() == code) {
        return true;
      }
    }
    return false;
  }

  private void awaitCount(long expected, Duration timeout) throws Exception {
    awaitFirstRow("SELECT COUNT(*) FROM events", count -> count == expected, timeout);
  }

  /// Polls `sql` every 500 ms until it answers one row, without exception, whose first cell satisfies `done`;
  /// returns that row.
  private JsonNode awaitFirstRow(String sql, LongPredicate done, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      last = http.query(cluster.brokerUrl(), sql);
      JsonNode rows = last.path("resultTable").path("rows");
      if (last.get("exceptions").isEmpty() && rows.size() == 1 && done.test(rows.get(0).get(0).asLong())) {
        return rows.get(0);
      }
      Thread.sleep(500);
    }
    throw new AssertionError("No answer as expected within " + timeout + " to " + sql + ": " + last
        + cluster.logs());
  }

  private TestData.CommandResult runAdmin(String... arguments) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(cluster.distribution().resolve("bin/pinot-admin.sh").toString());
    command.addAll(List.of(arguments));
    List<String> environment = new ArrayList<>();
    for (Map.Entry<String, String> entry : cluster.environment().entrySet()) {
      environment.add(entry.getKey() + "=" + entry.getValue());
    }
    return TestData.run(command, environment, 600);
  }
}
