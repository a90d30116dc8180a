// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.kafka;

import io.pinot.common.utils.NetUtils;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.jspecify.annotations.Nullable;

/// A single-node Kafka broker running in this JVM in KRaft combined mode (broker and controller in one
/// node, started from the `kafka_2.13` artifact), listening on 127.0.0.1 on free ports, with its logs in a
/// given directory. QuickStart's stream modes and tests use it; several may run in one JVM (no static state).
///
/// Topics are never created automatically: [#createTopic] makes them, [#addPartitions] grows them. Every
/// method is thread-safe; [#close] is idempotent, stops the broker and frees its ports (the log directory
/// stays, it belongs to the caller).
public final class EmbeddedKafka implements AutoCloseable {
  private static final String CONTROLLER_LISTENER = "CONTROLLER";
  private static final int START_ATTEMPTS = 3;
  private static final long ADMIN_TIMEOUT_MS = 30_000;

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private @Nullable Admin admin;
  private @Nullable KafkaProducer<byte[], byte[]> sharedProducer;
  private boolean closed;

  private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
  }

  /// Formats `logDir` unless an earlier start did (a restart keeps its topics and offsets) and starts a broker
  /// there; returns once it serves requests.
  public static EmbeddedKafka start(Path logDir) throws Exception {
    return start(logDir, Map.of());
  }

  /// Like [#start(Path)], with broker properties that override the defaults (for instance
  /// `log.retention.ms`).
  public static EmbeddedKafka start(Path logDir, Map<String, String> overrides) throws Exception {
    return start(logDir, 0, overrides);
  }

  /// Like [#start(Path, Map)], with the client listener on `brokerPort` (0: a free port), as QuickStart uses
  /// Apache Pinot's 19092.
  public static EmbeddedKafka start(Path logDir, int brokerPort, Map<String, String> overrides) throws Exception {
    Files.createDirectories(logDir);
    String dir = logDir.toAbsolutePath().toString();
    // A directory formatted by an earlier start keeps its cluster id: formatting again would record a new one.
    if (!Files.exists(logDir.resolve("meta.properties"))) {
      format(dir);
    }
    // The ports are free when probed but may be taken before the broker binds them: retry with new ones.
    for (int attempt = 1; ; attempt++) {
      int clientPort = brokerPort > 0 ? brokerPort : NetUtils.freePort();
      int controllerPort = NetUtils.freePort();
      KafkaRaftServer server =
          new KafkaRaftServer(new KafkaConfig(brokerProperties(dir, clientPort, controllerPort, overrides)),
              Time.SYSTEM);
      try {
        server.startup();
      } catch (RuntimeException e) {
        stopQuietly(server);
        if (attempt == START_ATTEMPTS) {
          throw new IllegalStateException("Kafka broker did not start in " + dir, e);
        }
        continue;
      }
      EmbeddedKafka kafka = new EmbeddedKafka(server, "127.0.0.1:" + clientPort);
      try {
        kafka.admin().describeCluster().clusterId().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      } catch (ExecutionException | TimeoutException | RuntimeException e) {
        kafka.close();
        throw new IllegalStateException("Kafka broker in " + dir + " started but does not answer", e);
      }
      return kafka;
    }
  }

  private static void format(String dir) throws Exception {
    new Formatter().setNodeId(1).setClusterId(Uuid.randomUuid().toString()).setDirectories(List.of(dir))
        .setMetadataLogDirectory(dir).setControllerListenerName(CONTROLLER_LISTENER)
        .setReleaseVersion(MetadataVersion.latestProduction()).setIgnoreFormatted(true)
        .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8)).run();
  }

  private static Map<String, String> brokerProperties(String dir, int brokerPort, int controllerPort,
      Map<String, String> overrides) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("process.roles", "broker,controller");
    props.put("node.id", "1");
    props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + "," + CONTROLLER_LISTENER + "://127.0.0.1:"
        + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    props.put("controller.listener.names", CONTROLLER_LISTENER);
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("log.dirs", dir);
    props.put("auto.create.topics.enable", "false");
    props.put("num.partitions", "1");
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "1");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", "1");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    // Few threads and a small cleaner buffer: tests run several brokers on a 2-core machine.
    props.put("num.network.threads", "2");
    props.put("num.io.threads", "2");
    props.put("background.threads", "2");
    props.put("num.recovery.threads.per.data.dir", "1");
    props.put("log.cleaner.threads", "1");
    props.put("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));
    props.putAll(overrides);
    return props;
  }

  /// `127.0.0.1:<port>`, the value of `stream.kafka.broker.list` (Kafka's `bootstrap.servers`).
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /// Creates `name` with `partitions` partitions (replication factor 1) and waits until every partition has
  /// a leader, so that producers and consumers can use it at once.
  public void createTopic(String name, int partitions) throws Exception {
    admin().createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all()
        .get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    awaitPartitions(name, partitions);
  }

  /// Grows `topic` to `total` partitions and waits until the new ones have a leader.
  public void addPartitions(String topic, int total) throws Exception {
    admin().createPartitions(Map.of(topic, NewPartitions.increaseTo(total))).all()
        .get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    awaitPartitions(topic, total);
  }

  /// Deletes the records of one partition below `beforeOffset`, which becomes its earliest offset (as retention
  /// would).
  public void deleteRecords(String topic, int partition, long beforeOffset) throws Exception {
    admin().deleteRecords(Map.of(new TopicPartition(topic, partition), RecordsToDelete.beforeOffset(beforeOffset)))
        .all().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
  }

  private void awaitPartitions(String topic, int partitions) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ADMIN_TIMEOUT_MS);
    while (true) {
      try {
        TopicDescription description = admin().describeTopics(List.of(topic)).allTopicNames()
            .get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS).get(topic);
        if (description.partitions().size() >= partitions && allHaveLeaders(description.partitions())) {
          return;
        }
      } catch (ExecutionException e) {
        // The broker's metadata may not know the topic yet; ask again.
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("Topic[" + topic + "] did not get " + partitions + " partitions with leaders");
      }
      Thread.sleep(20);
    }
  }

  private static boolean allHaveLeaders(List<TopicPartitionInfo> partitions) {
    for (TopicPartitionInfo partition : partitions) {
      if (partition.leader() == null || partition.leader().isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /// A new producer of byte arrays for this broker (`acks=all`); the caller closes it.
  public KafkaProducer<byte[], byte[]> producer() {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(props);
  }

  /// Sends `values` (without keys) to one partition of `topic`, in order, and waits until the broker has
  /// acknowledged them all.
  public void produce(String topic, int partition, List<byte[]> values) throws Exception {
    KafkaProducer<byte[], byte[]> producer = sharedProducer();
    List<Future<RecordMetadata>> acks = new ArrayList<>(values.size());
    for (byte[] value : values) {
      acks.add(producer.send(new ProducerRecord<>(topic, partition, null, value)));
    }
    producer.flush();
    for (Future<RecordMetadata> ack : acks) {
      ack.get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }
  }

  private synchronized KafkaProducer<byte[], byte[]> sharedProducer() {
    if (closed) {
      throw new IllegalStateException("Kafka broker at " + bootstrapServers + " is closed");
    }
    if (sharedProducer == null) {
      sharedProducer = producer();
    }
    return sharedProducer;
  }

  /// An admin client of this broker, shared and closed with it.
  public synchronized Admin admin() {
    if (closed) {
      throw new IllegalStateException("Kafka broker at " + bootstrapServers + " is closed");
    }
    if (admin == null) {
      admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }
    return admin;
  }

  @Override
  public void close() {
    KafkaProducer<byte[], byte[]> producer;
    Admin adminToClose;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      producer = sharedProducer;
      adminToClose = admin;
    }
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
    }
    if (adminToClose != null) {
      adminToClose.close(Duration.ofSeconds(5));
    }
    stopQuietly(server);
  }

  private static void stopQuietly(KafkaRaftServer server) {
    try {
      server.shutdown();
      server.awaitShutdown();
    } catch (RuntimeException e) {
      // Stopping a broker that failed to start can fail again; nothing is left to release.
    }
  }
}
