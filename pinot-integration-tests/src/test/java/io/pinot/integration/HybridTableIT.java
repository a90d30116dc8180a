// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.GenericRow;
import io.pinot.tools.EmbeddedPinotCluster;
import io.pinot.tools.kafka.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/// A hybrid table end to end: an OFFLINE and a REALTIME table config with one raw name and one schema. Rows of days
/// 1..10 are pushed as OFFLINE segments, rows of days 8..12 come from Kafka (the halves overlap on days 8..10). A
/// query on the raw name reads the OFFLINE half up to the broker's time boundary (the largest OFFLINE end time minus
/// one day) and the REALTIME half after it, and answers exactly what H2 answers over that union; the boundary shows in
/// `/debug/timeBoundary` and moves when a newer OFFLINE segment is pushed. Before the OFFLINE half has a segment, the
/// raw name reads the REALTIME half alone, as in Apache Pinot.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HybridTableIT {
  private static final String TABLE = "hybridEvents";
  private static final String TOPIC = "hybridEvents";
  /// Day numbers are epoch days; "day d" of the test is BASE_DAY + d.
  private static final int BASE_DAY = 19_000;
  private static final int ROWS_PER_DAY = 100;
  private static final String SCHEMA = """
      {"schemaName": "hybridEvents",
       "dimensionFieldSpecs": [{"name": "id", "dataType": "LONG"}, {"name": "city", "dataType": "STRING"}],
       "metricFieldSpecs": [{"name": "amount", "dataType": "LONG"}],
       "dateTimeFieldSpecs": [{"name": "daysSinceEpoch", "dataType": "INT", "format": "1:DAYS:EPOCH",
                               "granularity": "1:DAYS"}]}""";
  private static final String OFFLINE_TABLE = """
      {"tableName": "hybridEvents", "tableType": "OFFLINE",
       "segmentsConfig": {"timeColumnName": "daysSinceEpoch", "replication": "1", "schemaName": "hybridEvents",
                          "segmentPushType": "APPEND", "segmentPushFrequency": "DAILY"},
       "tableIndexConfig": {"invertedIndexColumns": ["city"]}, "tenants": {}, "metadata": {}}""";

  @TempDir
  static Path workDir;
  private EmbeddedKafka kafka;
  private EmbeddedPinotCluster cluster;
  private H2Oracle h2;
  private final Http http = new Http();

  @BeforeAll
  void start() throws Exception {
    kafka = EmbeddedKafka.start(workDir.resolve("kafka"));
    kafka.createTopic(TOPIC, 2);
    cluster = EmbeddedPinotCluster.builder(workDir.resolve("cluster")).numServers(1).build().start();
    h2 = new H2Oracle();
    assertThat(http.post(cluster.controllerUrl() + "/schemas", SCHEMA).status()).isEqualTo(200);
  }

  private String realtimeTable() {
    return RealtimeTableJson.of("hybridEvents", "daysSinceEpoch", TOPIC, kafka.bootstrapServers(), 150).json();
  }

  @AfterAll
  void stop() throws Exception {
    http.close();
    if (h2 != null) {
      h2.close();
    }
    if (cluster != null) {
      cluster.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void theRawNameReadsBothHalvesAcrossTheTimeBoundary() throws Exception {
    // Both halves are created with POST /tables under one raw name and one schema.
    Http.Reply offline = http.post(cluster.controllerUrl() + "/tables", OFFLINE_TABLE);
    assertThat(offline.status()).as(offline.body()).isEqualTo(200);
    assertThat(timeBoundary().status()).as("an OFFLINE table alone is not hybrid").isEqualTo(404);
    // The halves must agree on the broker tenant (and the time column), as Pinot checks.
    Http.Reply otherTenant = http.post(cluster.controllerUrl() + "/tables",
        realtimeTable().replace("\"tenants\": {}", "\"tenants\": {\"broker\": \"elsewhere\"}"));
    assertThat(otherTenant.status()).as(otherTenant.body()).isEqualTo(400);
    assertThat(otherTenant.json().get("error").asText()).contains("Broker tenants are different");
    Http.Reply realtime = http.post(cluster.controllerUrl() + "/tables", realtimeTable());
    assertThat(realtime.status()).as(realtime.body()).isEqualTo(200);
    int realtimeRows = produceRealtimeRows();
    awaitCount(TABLE + "_REALTIME", realtimeRows);
    // No OFFLINE segment yet: no boundary, and the raw name reads the REALTIME half alone.
    Http.Reply none = timeBoundary();
    assertThat(none.status()).isEqualTo(404);
    assertThat(none.json().get("code").asInt()).isEqualTo(404);
    assertThat(none.json().get("error").asText()).contains(TABLE);
    assertThat(count(TABLE)).isEqualTo(realtimeRows);

    pushOfflineDays("days_1_5", 1, 5);
    pushOfflineDays("days_6_10", 6, 10);
    awaitCount(TABLE + "_OFFLINE", 10 * ROWS_PER_DAY);
    loadOracle();
    // The largest OFFLINE end time is day 10; the boundary is one day earlier.
    awaitBoundary(BASE_DAY + 9);
    assertThat(count(TABLE + "_REALTIME")).as("a typed name reads one half").isEqualTo(realtimeRows);
    assertThat(count(TABLE + "_OFFLINE")).isEqualTo(10 * ROWS_PER_DAY);
    checkAgainstOracle(BASE_DAY + 9);
    JsonNode stats = http.query(cluster.brokerUrl(), "SELECT COUNT(*) FROM " + TABLE);
    assertThat(stats.get("numServersQueried").asInt()).as("one server, both halves").isEqualTo(2);
    assertThat(stats.get("numServersResponded").asInt()).isEqualTo(2);
    assertThat(stats.get("exceptions")).isEmpty();
    // The OFFLINE segment of days 1..5 and the committed REALTIME segments are all queried (each half's time filter
    // still meets them); the table queried is the raw name once.
    assertThat(stats.get("numSegmentsQueried").asLong()).isGreaterThanOrEqualTo(3);
    assertThat(stats.get("tablesQueried").toString()).isEqualTo("[\"" + TABLE + "\"]");

    // trace=true shows each half's server under Pinot's _O / _R keys; EXPLAIN runs over both halves.
    JsonNode traced = http.query(cluster.brokerUrl(), "SET trace = true; SELECT COUNT(*) FROM " + TABLE);
    List<String> traceKeys = new ArrayList<>();
    traced.get("traceInfo").fieldNames().forEachRemaining(traceKeys::add);
    assertThat(traceKeys).hasSize(2).anyMatch(key -> key.endsWith("_O")).anyMatch(key -> key.endsWith("_R"));
    JsonNode explain = http.query(cluster.brokerUrl(), "EXPLAIN PLAN FOR SELECT COUNT(*) FROM " + TABLE
        + " WHERE city = 'c1'");
    assertThat(explain.get("exceptions")).as(explain.toString()).isEmpty();
    assertThat(explain.at("/resultTable/rows").size()).as(explain.toString()).isPositive();

    // A newer OFFLINE segment moves the boundary: now day 12, so REALTIME rows after day 12 only (none).
    pushOfflineDays("days_11_13", 11, 13);
    awaitCount(TABLE + "_OFFLINE", 13 * ROWS_PER_DAY);
    awaitBoundary(BASE_DAY + 12);
    checkAgainstOracle(BASE_DAY + 12);
    assertThat(count(TABLE)).as("OFFLINE days 1..12, no REALTIME row after day 12").isEqualTo(12 * ROWS_PER_DAY);
  }

  private void checkAgainstOracle(int boundary) throws Exception {
    String hybrid = "(SELECT * FROM offline_rows WHERE \"daysSinceEpoch\" <= " + boundary
        + " UNION ALL SELECT * FROM realtime_rows WHERE \"daysSinceEpoch\" > " + boundary + ") h";
    List<QueryPair> queries = List.of(
        new QueryPair("SELECT COUNT(*), SUM(amount), MIN(daysSinceEpoch), MAX(daysSinceEpoch), MAX(id) FROM " + TABLE,
            "SELECT COUNT(*), SUM(\"amount\"), MIN(\"daysSinceEpoch\"), MAX(\"daysSinceEpoch\"), MAX(\"id\") FROM "
                + hybrid, false),
        new QueryPair("SELECT daysSinceEpoch, COUNT(*), SUM(amount) FROM " + TABLE
            + " GROUP BY daysSinceEpoch ORDER BY daysSinceEpoch LIMIT 100",
            "SELECT \"daysSinceEpoch\", COUNT(*), SUM(\"amount\") FROM " + hybrid
                + " GROUP BY \"daysSinceEpoch\" ORDER BY \"daysSinceEpoch\"", true),
        new QueryPair("SELECT city, COUNT(*) FROM " + TABLE + " WHERE daysSinceEpoch BETWEEN " + (BASE_DAY + 7)
            + " AND " + (BASE_DAY + 11) + " GROUP BY city ORDER BY COUNT(*) DESC, city LIMIT 5",
            "SELECT \"city\", COUNT(*) FROM " + hybrid + " WHERE \"daysSinceEpoch\" BETWEEN " + (BASE_DAY + 7)
                + " AND " + (BASE_DAY + 11) + " GROUP BY \"city\" ORDER BY COUNT(*) DESC, \"city\" LIMIT 5", true),
        new QueryPair("SELECT id, daysSinceEpoch, amount FROM " + TABLE
            + " WHERE city = 'c3' ORDER BY id DESC LIMIT 15",
            "SELECT \"id\", \"daysSinceEpoch\", \"amount\" FROM " + hybrid
                + " WHERE \"city\" = 'c3' ORDER BY \"id\" DESC LIMIT 15", true),
        new QueryPair("SELECT DISTINCT daysSinceEpoch FROM " + TABLE + " ORDER BY daysSinceEpoch LIMIT 100",
            "SELECT DISTINCT \"daysSinceEpoch\" FROM " + hybrid + " ORDER BY \"daysSinceEpoch\"", true));
    for (QueryPair query : queries) {
      JsonNode response = http.query(cluster.brokerUrl(), query.pinot());
      assertThat(response.get("exceptions")).as(query.pinot() + ": " + response).isEmpty();
      String difference = ResultComparator.difference(response.at("/resultTable/rows"), h2.query(query.h2()),
          query.ordered());
      assertThat(difference).as(query.pinot()).isNull();
    }
  }

  /// Days 8..12, rows with ids from 1,000,000 and amounts from 1,000 (so that H2 tells them from OFFLINE rows).
  private int produceRealtimeRows() throws Exception {
    StringBuilder csv = new StringBuilder("id,city,amount,daysSinceEpoch\n");
    List<byte[]> partition0 = new ArrayList<>();
    List<byte[]> partition1 = new ArrayList<>();
    int id = 1_000_000;
    for (int day = 8; day <= 12; day++) {
      for (int i = 0; i < ROWS_PER_DAY; i++, id++) {
        long amount = 1_000 + id % 37;
        String city = "c" + id % 7;
        String json = "{\"id\": " + id + ", \"city\": \"" + city + "\", \"amount\": " + amount
            + ", \"daysSinceEpoch\": " + (BASE_DAY + day) + "}";
        (id % 2 == 0 ? partition0 : partition1).add(json.getBytes(StandardCharsets.UTF_8));
        csv.append(id).append(',').append(city).append(',').append(amount).append(',').append(BASE_DAY + day)
            .append('\n');
      }
    }
    kafka.produce(TOPIC, 0, partition0);
    kafka.produce(TOPIC, 1, partition1);
    Files.writeString(workDir.resolve("realtime.csv"), csv);
    return partition0.size() + partition1.size();
  }

  private void pushOfflineDays(String segmentName, int firstDay, int lastDay) throws Exception {
    Schema schema = JsonUtils.fromJson(SCHEMA, Schema.class);
    TableConfig config = JsonUtils.fromJson(OFFLINE_TABLE, TableConfig.class);
    List<GenericRow> rows = new ArrayList<>();
    for (int day = firstDay; day <= lastDay; day++) {
      for (int i = 0; i < ROWS_PER_DAY; i++) {
        long id = (long) day * ROWS_PER_DAY + i;
        GenericRow row = new GenericRow();
        row.putValue("id", id);
        row.putValue("city", "c" + id % 7);
        row.putValue("amount", id % 41);
        row.putValue("daysSinceEpoch", BASE_DAY + day);
        rows.add(row);
      }
    }
    Path tar = SegmentUploads.buildTarGz(config, schema, segmentName, rows, workDir.resolve(segmentName));
    Http.Reply reply = SegmentUploads.upload(cluster.controllerUrl(), TABLE, tar);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  /// Loads H2 with the OFFLINE rows of days 1..13 (the rows the test ever pushes; the time boundary filters those not
  /// pushed yet out of every query) and the REALTIME rows.
  private void loadOracle() throws Exception {
    Schema schema = JsonUtils.fromJson(SCHEMA, Schema.class);
    List<String> lines = new ArrayList<>();
    lines.add("id,city,amount,daysSinceEpoch");
    for (int day = 1; day <= 13; day++) {
      for (int i = 0; i < ROWS_PER_DAY; i++) {
        long id = (long) day * ROWS_PER_DAY + i;
        lines.add(id + ",c" + id % 7 + "," + id % 41 + "," + (BASE_DAY + day));
      }
    }
    Path offlineFile = workDir.resolve("offline.csv");
    Files.write(offlineFile, lines);
    h2.load("offline_rows", schema, List.of(offlineFile));
    h2.load("realtime_rows", schema, List.of(workDir.resolve("realtime.csv")));
  }

  private Http.Reply timeBoundary() throws Exception {
    return http.get(cluster.brokerUrl() + "/debug/timeBoundary/" + TABLE);
  }

  private void awaitBoundary(int expectedDay) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    Http.Reply reply = timeBoundary();
    while (!(reply.status() == 200 && reply.json().get("timeValue").asText().equals(Integer.toString(expectedDay)))
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
      reply = timeBoundary();
    }
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().get("timeColumn").asText()).isEqualTo("daysSinceEpoch");
    assertThat(reply.json().get("timeValue").asText()).isEqualTo(Integer.toString(expectedDay));
    assertThat(reply.json().size()).isEqualTo(2);
  }

  private void awaitCount(String table, long expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    long count = count(table);
    while (count != expected && System.nanoTime() < deadline) {
      Thread.sleep(100);
      count = count(table);
    }
    assertThat(count).as(table).isEqualTo(expected);
  }

  private long count(String table) throws Exception {
    return http.query(cluster.brokerUrl(), "SELECT COUNT(*) FROM " + table).path("resultTable").path("rows").path(0)
        .path(0).asLong(-1);
  }
}
