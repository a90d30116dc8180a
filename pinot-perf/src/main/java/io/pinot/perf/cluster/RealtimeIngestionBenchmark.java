// SPDX-License-Identifier: Apache-2.0
package io.pinot.perf.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.annotations.SuppressForbidden;
import io.pinot.tools.EmbeddedPinotCluster;
import io.pinot.tools.kafka.EmbeddedKafka;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// The real-time ingestion benchmark: an in-process Kafka broker (KRaft) and an in-process cluster with one
/// server, all in this JVM. It pre-produces `--messages` JSON rows of ten columns over `--partitions`, then
/// creates a REALTIME table over the topic and times (1) how fast the one server makes them all queryable
/// (`count(*)` polled every 50 ms) and until the segments at the flush threshold have committed, and (2) the
/// freshness of a live stream: a message every ~2 ms, each with a unique increasing id, and a query loop that
/// records when each id first becomes visible ([FreshnessProbe]).
@Command(name = "RealtimeIngestionBenchmark", mixinStandardHelpOptions = true,
    description = "Events/s one server ingests from a local Kafka, and produce-to-query freshness.")
public final class RealtimeIngestionBenchmark implements Callable<Integer> {
  static final String TABLE = "rtIngest";
  private static final long BASE_TS = 1_700_000_000_000L;
  /// Pause between the commit and the freshness run, so that the committed segments' loading is over.
  private static final long SETTLE_MS = 2_000;
  private static final String[] CITIES = {"Paris", "Lyon", "Nice", "Lille", "Nantes", "Rennes", "Brest", "Metz"};
  private static final String[] DEVICES = {"ios", "android", "web", "tv"};

  @Option(names = "--messages", defaultValue = "2000000",
      description = "Messages pre-produced (default ${DEFAULT-VALUE}).")
  int messages;
  @Option(names = "--partitions", defaultValue = "4", description = "Topic partitions (default ${DEFAULT-VALUE}).")
  int partitions;
  @Option(names = "--flushRows", defaultValue = "500000",
      description = "realtime.segment.flush.threshold.rows (default ${DEFAULT-VALUE}).")
  int flushRows;
  @Option(names = "--freshnessSamples", defaultValue = "5000",
      description = "Messages of the freshness run, one every ~2 ms (default ${DEFAULT-VALUE}; 0 skips it).")
  int freshnessSamples;
  @Option(names = "--work", description = "Scratch directory (default: a new temporary directory).")
  Path work;
  @Option(names = "--out", description = "File to write the report to (also printed).")
  Path out;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @SuppressForbidden(reason = "benchmark entry point")
  public static void main(String[] args) {
    System.exit(new CommandLine(new RealtimeIngestionBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Path dir = work != null ? work : Files.createTempDirectory("rt-ingest-bench");
    List<String> report = new ArrayList<>();
    report.add(String.format(Locale.ROOT, "messages=%d partitions=%d flushRows=%d freshnessSamples=%d cores=%d "
        + "maxHeap=%dMB", messages, partitions, flushRows, freshnessSamples,
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20));
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
      kafka.createTopic(TABLE, partitions);
      long produceStart = System.nanoTime();
      preProduce(kafka);
      double produceSeconds = (System.nanoTime() - produceStart) / 1e9;
      report.add(String.format(Locale.ROOT, "Pre-produce: %d messages (%.0f bytes each) in %.1f s, %.0f msg/s",
          messages, (double) messageBytes(0, 0, BASE_TS).length, produceSeconds, messages / produceSeconds));
      try (EmbeddedPinotCluster cluster = EmbeddedPinotCluster.builder(dir.resolve("cluster")).numServers(1)
          .build().start(); QueryRunner queries = new QueryRunner(cluster.brokerUrl())) {
        ingest(cluster, kafka, queries, report);
        if (freshnessSamples > 0) {
          Thread.sleep(SETTLE_MS);
          FreshnessProbe probe = new FreshnessProbe(kafka, queries, TABLE, partitions, messages, freshnessSamples);
          report.addAll(probe.run());
        }
      }
    }
    print(report);
    if (out != null) {
      Files.write(out, report, StandardCharsets.UTF_8);
    }
    return 0;
  }

  /// Creates the table and times the catch-up over the pre-produced messages.
  private void ingest(EmbeddedPinotCluster cluster, EmbeddedKafka kafka, QueryRunner queries, List<String> report)
      throws Exception {
    post(cluster.controllerUrl() + "/schemas", schema());
    long warmupStart = System.nanoTime();
    for (int i = 0; i < 5; i++) {
      count(queries);
    }
    report.add(String.format(Locale.ROOT, "Broker warm-up (5 queries before the table exists; the first one loads "
        + "the query engine): %.2f s", (System.nanoTime() - warmupStart) / 1e9));
    long created = System.nanoTime();
    post(cluster.controllerUrl() + "/tables", table(kafka.bootstrapServers()));
    long firstRow = -1;
    long count = 0;
    long deadline = created + Duration.ofMinutes(30).toNanos();
    while (count < messages && System.nanoTime() < deadline) {
      count = count(queries);
      if (count > 0 && firstRow < 0) {
        firstRow = System.nanoTime();
      }
      Thread.sleep(50);
    }
    long allQueryable = System.nanoTime();
    if (count != messages) {
      throw new IllegalStateException("Only " + count + " of " + messages + " rows became queryable");
    }
    double seconds = (allQueryable - created) / 1e9;
    report.add(String.format(Locale.ROOT, "Ingestion, table creation to all %d rows queryable: %.2f s, %.0f events/s "
        + "(first row after %.2f s)", messages, seconds, messages / seconds, (firstRow - created) / 1e9));
    long toCommit = (long) partitions * ((messages / partitions) / flushRows) * flushRows;
    if (toCommit == 0) {
      report.add("Commit: no partition reaches flushRows; nothing to commit");
      return;
    }
    long committed = 0;
    Set<String> done = new HashSet<>();
    while (committed < toCommit && System.nanoTime() < deadline) {
      committed = committedRows(cluster.controllerUrl(), done, committed);
      if (committed < toCommit) {
        Thread.sleep(200);
      }
    }
    double commitSeconds = (System.nanoTime() - created) / 1e9;
    report.add(String.format(Locale.ROOT, "Ingestion including segment commit, to %d rows in %d committed segments "
        + "(flushRows %d): %.2f s, %.0f events/s", committed, done.size(), flushRows, commitSeconds,
        committed / commitSeconds));
  }

  private static long count(QueryRunner queries) {
    try {
      QueryRunner.Timed result = queries.run("SELECT COUNT(*) FROM " + TABLE);
      JsonNode rows = result.response().path("resultTable").path("rows");
      return rows.isArray() && !rows.isEmpty() ? rows.get(0).get(0).asLong() : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  /// Adds the rows of segments newly found DONE in ZooKeeper to `committed`.
  private long committedRows(String controller, Set<String> done, long committed) throws Exception {
    long total = committed;
    JsonNode list = get(controller + "/segments/" + TABLE + "?type=REALTIME");
    for (JsonNode name : list.path(0).path("REALTIME")) {
      if (done.contains(name.asText())) {
        continue;
      }
      JsonNode metadata = get(controller + "/segments/" + TABLE + "/" + name.asText() + "/metadata");
      if (metadata.path("segment.realtime.status").asText().equals("DONE")) {
        done.add(name.asText());
        total += metadata.path("segment.total.docs").asLong();
      }
    }
    return total;
  }

  private void preProduce(EmbeddedKafka kafka) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "1");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
      for (int id = 0; id < messages; id++) {
        int part = id % partitions;
        producer.send(new ProducerRecord<>(TABLE, part, null, messageBytes(id, part, BASE_TS + id)));
      }
      producer.flush();
    }
  }

  /// A row of ten columns; `id` is unique and increasing.
  static byte[] messageBytes(long id, int part, long ts) {
    int k = (int) (id % 1_000_003);
    String json = "{\"id\":" + id + ",\"part\":" + part + ",\"city\":\"" + CITIES[k % CITIES.length]
        + "\",\"device\":\"" + DEVICES[k % DEVICES.length] + "\",\"userId\":\"u" + (k * 7919 % 100_000)
        + "\",\"status\":" + (k % 5 == 0 ? 500 : 200) + ",\"bytes\":" + (k * 31 % 65_536) + ",\"latencyMs\":"
        + (k % 997) / 10.0 + ",\"score\":" + (k % 101) + ",\"ts\":" + ts + "}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static String schema() {
    return String.format(Locale.ROOT, """
        {"schemaName": "%s",
         "dimensionFieldSpecs": [{"name": "id", "dataType": "LONG"}, {"name": "part", "dataType": "INT"},
           {"name": "city", "dataType": "STRING"}, {"name": "device", "dataType": "STRING"},
           {"name": "userId", "dataType": "STRING"}, {"name": "status", "dataType": "INT"}],
         "metricFieldSpecs": [{"name": "bytes", "dataType": "LONG"}, {"name": "latencyMs", "dataType": "DOUBLE"},
           {"name": "score", "dataType": "INT"}],
         "dateTimeFieldSpecs": [{"name": "ts", "dataType": "LONG", "format": "1:MILLISECONDS:EPOCH",
           "granularity": "1:MILLISECONDS"}]}""", TABLE);
  }

  private String table(String brokers) {
    return String.format(Locale.ROOT, """
        {"tableName": "%1$s", "tableType": "REALTIME",
         "segmentsConfig": {"timeColumnName": "ts", "replicasPerPartition": "1", "schemaName": "%1$s"},
         "tableIndexConfig": {"invertedIndexColumns": ["city"], "streamConfigs": {
           "streamType": "kafka", "stream.kafka.topic.name": "%1$s", "stream.kafka.broker.list": "%2$s",
           "stream.kafka.consumer.type": "lowlevel",
           "stream.kafka.consumer.factory.class.name": "org.apache.pinot.plugin.stream.kafka20.KafkaConsumerFactory",
           "stream.kafka.decoder.class.name": "org.apache.pinot.plugin.stream.kafka.KafkaJSONMessageDecoder",
           "stream.kafka.consumer.prop.auto.offset.reset": "smallest",
           "realtime.segment.flush.threshold.rows": "%3$d", "realtime.segment.flush.threshold.time": "6h"}},
         "tenants": {}, "metadata": {}}""", TABLE, brokers, flushRows);
  }

  private void post(String url, String json) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  private JsonNode get(String url) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    return JsonUtils.parse(response.body());
  }

  @SuppressForbidden(reason = "benchmark report")
  private static void print(List<String> report) {
    for (String line : report) {
      System.out.println(line);
    }
  }
}
