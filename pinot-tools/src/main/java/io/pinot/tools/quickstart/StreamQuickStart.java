// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.utils.JsonUtils;
import io.pinot.tools.client.BrokerClient;
import io.pinot.tools.client.ControllerClient;
import io.pinot.tools.kafka.EmbeddedKafka;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/// The stream part of `QuickStart -type stream|hybrid|upsert`: [#startKafka] starts Kafka in this JVM (its logs
/// under the data directory) before the cluster starts, so that the consuming segments of a restarted cluster find
/// their broker at once; [#setUp], on the running cluster, creates the topic, loads the OFFLINE half of a hybrid table
/// ([SampleTableLoader]), creates the schema and REALTIME table through the controller, starts the background
/// [SampleEventProducer], waits until the broker counts consumed rows and prints the sample queries. A topic or
/// table that already exists (a restart with the same `-dataDir`) is reused. Close it in two steps around the
/// cluster: [#stopProducer] before the cluster stops, [#close] (which also stops the producer) after, so that
/// consumers never lose their broker while running. Not thread-safe.
public final class StreamQuickStart implements AutoCloseable {
  /// Apache Pinot's quickstart Kafka port.
  public static final int DEFAULT_KAFKA_PORT = 19092;
  private static final long CONSUMING_TIMEOUT_MILLIS = 120_000;

  private final StreamSampleTable table;
  private final EmbeddedKafka kafka;
  private final PrintWriter out;
  private @Nullable BrokerClient broker;
  private @Nullable SampleEventProducer producer;

  private StreamQuickStart(StreamSampleTable table, EmbeddedKafka kafka, PrintWriter out) {
    this.table = table;
    this.kafka = kafka;
    this.out = out;
  }

  /// Starts Kafka for `table` on `kafkaPort` (0: a free port) with its logs in `dataDir/kafka`.
  public static StreamQuickStart startKafka(StreamSampleTable table, Path dataDir, int kafkaPort, PrintWriter out)
      throws Exception {
    EmbeddedKafka kafka = EmbeddedKafka.start(dataDir.resolve("kafka"), kafkaPort, Map.of());
    out.println("Kafka started at " + kafka.bootstrapServers());
    return new StreamQuickStart(table, kafka, out);
  }

  /// [#startKafka] and [#setUp] in one step, for a cluster that is already running; on failure Kafka is stopped.
  public static StreamQuickStart start(StreamSampleTable table, String controllerUrl, String brokerUrl, Path dataDir,
      int kafkaPort, Clock clock, PrintWriter out) throws Exception {
    StreamQuickStart quickStart = startKafka(table, dataDir, kafkaPort, out);
    try {
      quickStart.setUp(controllerUrl, brokerUrl, dataDir, clock);
    } catch (Exception e) {
      quickStart.close();
      throw e;
    }
    return quickStart;
  }

  /// Sets the table up on the cluster at `controllerUrl`/`brokerUrl`, starts producing and waits until rows are
  /// queryable, then prints the sample queries.
  public void setUp(String controllerUrl, String brokerUrl, Path dataDir, Clock clock) throws Exception {
    ControllerClient controller = new ControllerClient(controllerUrl, null);
    BrokerClient brokerClient = new BrokerClient(brokerUrl, null);
    broker = brokerClient;
    boolean newTopic = !kafka.admin().listTopics().names().get(30, TimeUnit.SECONDS).contains(table.topic());
    if (newTopic) {
      kafka.createTopic(table.topic(), table.partitions());
      out.println("Created topic " + table.topic() + " with " + table.partitions() + " partitions");
    }
    SampleTable offline = table.offline();
    if (offline != null) {
      new SampleTableLoader(offline, controllerUrl, brokerUrl, out).load(dataDir.resolve(table.tableName()
          + "_OFFLINE"));
    }
    if (realtimeExists(controller)) {
      out.println("Table " + table.tableName() + "_REALTIME already exists: reusing it");
    } else {
      if (offline == null) {
        out.println("Adding schema " + table.tableName() + ": "
            + ControllerClient.statusText(controller.addSchema(table.schemaJson(), true, false)));
      }
      out.println("Adding table " + table.tableName() + "_REALTIME consuming topic " + table.topic() + ": "
          + ControllerClient.statusText(controller.addTable(table.realtimeConfig().json(kafka.bootstrapServers()))));
    }
    producer = SampleEventProducer.start(table.topic(), kafka.producer(), table.generators().create(newTopic),
        table.eventsPerSecond(), clock);
    out.println(String.format(Locale.ROOT, "Producing about %d sample events per second to topic %s",
        table.eventsPerSecond(), table.topic()));
    out.flush();
    long rows = waitUntilConsuming();
    out.println(String.format(Locale.ROOT, "Table %s is consuming: %,d rows so far", table.tableName(), rows));
    SampleTableLoader.runQueries(brokerClient, table.sampleQueries(), out);
  }

  private boolean realtimeExists(ControllerClient controller) throws IOException {
    String existing = controller.getOrNull("/tables/" + table.tableName() + "?type=realtime");
    if (existing == null) {
      return false;
    }
    JsonNode node = JsonUtils.parse(existing);
    return node.path("REALTIME").isObject() || "REALTIME".equals(node.path("tableType").asText());
  }

  /// Polls `count(*)` of the REALTIME half until it is positive; returns it.
  private long waitUntilConsuming() throws IOException, InterruptedException {
    long deadline = System.currentTimeMillis() + CONSUMING_TIMEOUT_MILLIS;
    String last = "";
    while (System.currentTimeMillis() < deadline) {
      long count = count(table.tableName() + "_REALTIME");
      if (count > 0) {
        return count;
      }
      last = requireBroker().query("select count(*) from " + table.tableName() + "_REALTIME");
      Thread.sleep(500);
    }
    throw new IllegalStateException("Table " + table.tableName() + "_REALTIME consumed nothing from topic "
        + table.topic() + " within " + CONSUMING_TIMEOUT_MILLIS / 1000 + " s; the broker's last answer: " + last);
  }

  /// `select count(*)` of `tableName`, or -1 while the broker answers with exceptions or no rows.
  public long count(String tableName) throws IOException {
    JsonNode response = JsonUtils.parse(requireBroker().query("select count(*) from " + tableName));
    JsonNode count = response.path("resultTable").path("rows").path(0).path(0);
    return response.path("exceptions").isEmpty() && count.isNumber() ? count.asLong() : -1;
  }

  private BrokerClient requireBroker() {
    if (broker == null) {
      throw new IllegalStateException("StreamQuickStart is not set up: call setUp first");
    }
    return broker;
  }

  /// The background producer (null before it started).
  public @Nullable SampleEventProducer producer() {
    return producer;
  }

  /// The Kafka broker list of the embedded broker.
  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  /// Stops the background producer (idempotent).
  public void stopProducer() {
    if (producer != null) {
      producer.close();
    }
  }

  /// Stops the producer and Kafka (idempotent).
  @Override
  public void close() {
    try {
      stopProducer();
    } finally {
      kafka.close();
    }
  }
}
