// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.tools.EmbeddedPinotCluster;
import io.pinot.tools.kafka.EmbeddedKafka;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongPredicate;
import java.util.function.UnaryOperator;

/// What the real-time integration tests share: a Kafka broker started in-process (KRaft), a cluster, an HTTP client,
/// and the polling of query results while rows stream in. Close it in `@AfterAll`.
final class StreamingTestCluster implements AutoCloseable {
  private static final Duration DEFAULT_WAIT = Duration.ofSeconds(90);

  final EmbeddedKafka kafka;
  final EmbeddedPinotCluster cluster;
  final Http http = new Http();

  private StreamingTestCluster(EmbeddedKafka kafka, EmbeddedPinotCluster cluster) {
    this.kafka = kafka;
    this.cluster = cluster;
  }

  /// Starts Kafka under `dir/kafka` and a cluster under `dir/cluster`, shaped by `builder` (e.g. more servers).
  static StreamingTestCluster start(Path dir, UnaryOperator<EmbeddedPinotCluster.Builder> builder)
      throws Exception {
    EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"));
    try {
      return new StreamingTestCluster(kafka,
          builder.apply(EmbeddedPinotCluster.builder(dir.resolve("cluster"))).build().start());
    } catch (Exception | AssertionError e) {
      kafka.close();
      throw e;
    }
  }

  static StreamingTestCluster start(Path dir) throws Exception {
    return start(dir, builder -> builder);
  }

  String controllerUrl() {
    return cluster.controllerUrl();
  }

  /// Posts a schema and a table config to the controller, asserting both are accepted.
  void addSchemaAndTable(String schemaJson, String tableJson) throws Exception {
    Http.Reply schema = http.post(controllerUrl() + "/schemas", schemaJson);
    assertThat(schema.status()).as(schema.body()).isEqualTo(200);
    Http.Reply table = http.post(controllerUrl() + "/tables", tableJson);
    assertThat(table.status()).as(table.body()).isEqualTo(200);
  }

  /// The first cell of a query's answer, or -1 when the broker reports an exception or no row.
  long value(String sql) throws IOException, InterruptedException {
    JsonNode response = http.query(cluster.brokerUrl(), sql);
    JsonNode rows = response.path("resultTable").path("rows");
    return response.path("exceptions").isEmpty() && rows.isArray() && !rows.isEmpty()
        ? rows.get(0).get(0).asLong() : -1;
  }

  /// Polls `sql` every 200 ms until its value satisfies `done` or `timeout` passes; returns the last value.
  long awaitValue(String sql, LongPredicate done, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    long value = value(sql);
    while (!done.test(value) && System.nanoTime() < deadline) {
      Thread.sleep(200);
      value = value(sql);
    }
    return value;
  }

  /// Polls `count(*)` of `table` until it equals `expected` (90 s at most); returns the last count.
  long awaitCount(String table, long expected) throws Exception {
    return awaitValue("SELECT COUNT(*) FROM " + table, count -> count == expected, DEFAULT_WAIT);
  }

  @Override
  public void close() {
    http.close();
    cluster.close();
    kafka.close();
  }
}
