// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.FieldType;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.GenericRow;
import io.pinot.spi.stream.MalformedMessageException;
import io.pinot.spi.stream.MessageBatch;
import io.pinot.spi.stream.PartitionConsumer;
import io.pinot.spi.stream.StreamConfig;
import io.pinot.spi.stream.StreamConsumerFactory;
import io.pinot.spi.stream.StreamException;
import io.pinot.spi.stream.StreamMessage;
import io.pinot.spi.stream.StreamMessageDecoder;
import io.pinot.spi.stream.StreamMetadataProvider;
import io.pinot.spi.stream.StreamPlugins;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The Kafka stream plugin against a real in-process broker, found through `StreamPlugins` as the server and
/// controller find it. One broker for the class.
class KafkaStreamConsumptionTest {
  private static final long TIMEOUT_MS = 10_000;
  private static final int[] MESSAGES_PER_PARTITION = {50, 120, 0, 75};

  @TempDir
  static Path dir;
  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = EmbeddedKafka.start(dir.resolve("kafka"));
    kafka.createTopic("events", 4);
    for (int partition = 0; partition < MESSAGES_PER_PARTITION.length; partition++) {
      List<byte[]> values = new ArrayList<>();
      for (int i = 0; i < MESSAGES_PER_PARTITION[partition]; i++) {
        values.add(("p" + partition + "-" + i).getBytes(UTF_8));
      }
      kafka.produce("events", partition, values);
    }
  }

  @AfterAll
  static void stopKafka() {
    kafka.close();
  }

  static StreamConfig config(String topic, Map<String, String> extra) {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("streamType", "kafka");
    map.put("stream.kafka.topic.name", topic);
    map.put("stream.kafka.broker.list", kafka.bootstrapServers());
    map.put("stream.kafka.consumer.factory.class.name", "org.apache.pinot.plugin.stream.kafka30.KafkaConsumerFactory");
    map.put("stream.kafka.decoder.class.name", "org.apache.pinot.plugin.stream.kafka.KafkaJSONMessageDecoder");
    map.put("stream.kafka.consumer.prop.auto.offset.reset", "smallest");
    map.putAll(extra);
    return StreamConfig.parse(map);
  }

  private static StreamConsumerFactory factory(StreamConfig config) {
    return StreamPlugins.consumerFactory(config);
  }

  /// Fetches from `from` until `until`, checking that every batch continues where the last one ended.
  static List<StreamMessage> readAll(PartitionConsumer consumer, long from, long until) throws StreamException {
    List<StreamMessage> messages = new ArrayList<>();
    long offset = from;
    long deadline = System.currentTimeMillis() + 30_000;
    while (offset < until) {
      MessageBatch batch = consumer.fetch(offset, 1_000);
      if (!batch.isEmpty()) {
        assertThat(batch.messages().getFirst().offset()).isGreaterThanOrEqualTo(offset);
        assertThat(batch.nextOffset()).isGreaterThan(batch.messages().getLast().offset());
      }
      assertThat(batch.nextOffset()).isGreaterThanOrEqualTo(offset);
      messages.addAll(batch.messages());
      offset = batch.nextOffset();
      assertThat(System.currentTimeMillis()).as("reading up to offset %d", until).isLessThan(deadline);
    }
    assertThat(offset).isEqualTo(until);
    return messages;
  }

  private static List<String> values(List<StreamMessage> messages) {
    return messages.stream().map(message -> new String(message.value(), UTF_8)).toList();
  }

  private static List<String> expected(int partition, int from) {
    List<String> values = new ArrayList<>();
    for (int i = from; i < MESSAGES_PER_PARTITION[partition]; i++) {
      values.add("p" + partition + "-" + i);
    }
    return values;
  }

  @Test
  void everyPartitionReadsBackExactlyInOrder() throws Exception {
    StreamConfig config = config("events", Map.of());
    for (int partition = 0; partition < MESSAGES_PER_PARTITION.length; partition++) {
      try (PartitionConsumer consumer = factory(config).partitionConsumer(config, partition)) {
        List<StreamMessage> messages = readAll(consumer, 0, MESSAGES_PER_PARTITION[partition]);
        assertThat(values(messages)).containsExactlyElementsOf(expected(partition, 0));
        for (int i = 0; i < messages.size(); i++) {
          assertThat(messages.get(i).offset()).isEqualTo(i);
          assertThat(messages.get(i).key()).isNull();
          assertThat(messages.get(i).timestampMs()).isPositive();
        }
        MessageBatch atEnd = consumer.fetch(MESSAGES_PER_PARTITION[partition], 200);
        assertThat(atEnd.isEmpty()).isTrue();
        assertThat(atEnd.nextOffset()).isEqualTo(MESSAGES_PER_PARTITION[partition]);
      }
    }
  }

  @Test
  void readsFromAChosenOffsetAndSeeksBack() throws Exception {
    StreamConfig config = config("events", Map.of());
    try (PartitionConsumer consumer = factory(config).partitionConsumer(config, 1)) {
      assertThat(values(readAll(consumer, 100, 120))).containsExactlyElementsOf(expected(1, 100));
      assertThat(values(readAll(consumer, 37, 120))).containsExactlyElementsOf(expected(1, 37));
      MessageBatch again = consumer.fetch(119, TIMEOUT_MS);
      assertThat(values(again.messages())).containsExactly("p1-119");
      assertThat(again.nextOffset()).isEqualTo(120);
    }
  }

  @Test
  void metadataProviderReportsPartitionsAndOffsets() throws Exception {
    StreamConfig config = config("events", Map.of());
    try (StreamMetadataProvider provider = factory(config).metadataProvider(config)) {
      assertThat(provider.partitionCount(TIMEOUT_MS)).isEqualTo(4);
      for (int partition = 0; partition < MESSAGES_PER_PARTITION.length; partition++) {
        assertThat(provider.earliestOffset(partition, TIMEOUT_MS)).isZero();
        assertThat(provider.latestOffset(partition, TIMEOUT_MS)).isEqualTo(MESSAGES_PER_PARTITION[partition]);
        assertThat(provider.startOffset(partition, config, TIMEOUT_MS)).isZero();
      }
      StreamConfig largest = config("events", Map.of("stream.kafka.consumer.prop.auto.offset.reset", "largest"));
      assertThat(provider.startOffset(3, largest, TIMEOUT_MS)).isEqualTo(75);
      assertThatThrownBy(() -> provider.latestOffset(9, TIMEOUT_MS)).isInstanceOf(StreamException.class)
          .hasMessageContaining("Topic[events] has no partition[9]: it has 4 partitions");
    }
  }

  @Test
  void aTimeOffsetCriterionStartsAtTheFirstMessageAtOrAfterIt() throws Exception {
    kafka.createTopic("timed", 1);
    long now = System.currentTimeMillis();
    try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
      for (int hoursAgo = 5; hoursAgo >= 1; hoursAgo--) {
        producer.send(new ProducerRecord<>("timed", 0, now - hoursAgo * 3_600_000L, null,
            ("{\"h\": " + hoursAgo + "}").getBytes(UTF_8))).get();
      }
    }
    StreamConfig period = config("timed", Map.of("stream.kafka.consumer.prop.auto.offset.reset", "2h30m"));
    String instant = Instant.ofEpochMilli(now - 4 * 3_600_000L - 60_000).toString();
    StreamConfig timestamp = config("timed", Map.of("stream.kafka.consumer.prop.auto.offset.reset", instant));
    StreamConfig future = config("timed", Map.of("stream.kafka.consumer.prop.auto.offset.reset",
        Instant.ofEpochMilli(now + 3_600_000L).toString()));
    try (StreamMetadataProvider provider = factory(period).metadataProvider(period)) {
      assertThat(provider.startOffset(0, period, TIMEOUT_MS)).as("messages 2h and 1h ago remain").isEqualTo(3);
      assertThat(provider.startOffset(0, timestamp, TIMEOUT_MS)).as("from the message 4h ago").isEqualTo(1);
      assertThat(provider.startOffset(0, future, TIMEOUT_MS)).as("nothing after: the end").isEqualTo(5);
    }
  }

  @Test
  void addedPartitionsAreSeenAndRead() throws Exception {
    kafka.createTopic("growing", 2);
    StreamConfig config = config("growing", Map.of());
    try (StreamMetadataProvider provider = factory(config).metadataProvider(config)) {
      assertThat(provider.partitionCount(TIMEOUT_MS)).isEqualTo(2);
      kafka.addPartitions("growing", 3);
      assertThat(provider.partitionCount(TIMEOUT_MS)).isEqualTo(3);
      kafka.produce("growing", 2, List.of("new".getBytes(UTF_8)));
      assertThat(provider.latestOffset(2, TIMEOUT_MS)).isEqualTo(1);
    }
    try (PartitionConsumer consumer = factory(config).partitionConsumer(config, 2)) {
      assertThat(values(readAll(consumer, 0, 1))).containsExactly("new");
    }
  }

  @Test
  void offsetsOutsideThePartitionFailNamingThem() throws Exception {
    kafka.createTopic("retained", 1);
    List<byte[]> values = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      values.add(("r" + i).getBytes(UTF_8));
    }
    kafka.produce("retained", 0, values);
    kafka.deleteRecords("retained", 0, 4);
    StreamConfig config = config("retained", Map.of());
    try (StreamMetadataProvider provider = factory(config).metadataProvider(config)) {
      assertThat(provider.earliestOffset(0, TIMEOUT_MS)).isEqualTo(4);
    }
    try (PartitionConsumer consumer = factory(config).partitionConsumer(config, 0)) {
      assertThatThrownBy(() -> consumer.fetch(2, TIMEOUT_MS)).isInstanceOfSatisfying(StreamException.class,
          e -> assertThat(e.isTransient()).isFalse())
          .hasMessageContaining("Offset[2] of topic[retained] partition[0] is out of range")
          .hasMessageContaining("holds offsets 4 to 10");
      assertThatThrownBy(() -> consumer.fetch(25, TIMEOUT_MS)).isInstanceOf(StreamException.class)
          .hasMessageContaining("Offset[25] of topic[retained] partition[0] is out of range");
      // The consumer stays usable after a failed fetch.
      assertThat(values(readAll(consumer, 4, 10))).containsExactly("r4", "r5", "r6", "r7", "r8", "r9");
    }
  }

  @Test
  void unknownTopicAndPartitionFailClearly() throws Exception {
    StreamConfig config = config("no_such_topic", Map.of());
    try (StreamMetadataProvider provider = factory(config).metadataProvider(config)) {
      assertThatThrownBy(() -> provider.partitionCount(TIMEOUT_MS)).isInstanceOfSatisfying(StreamException.class,
          e -> assertThat(e.isTransient()).isFalse())
          .hasMessageContaining("Topic[no_such_topic] does not exist on Kafka brokers[" + kafka.bootstrapServers());
      assertThatThrownBy(() -> provider.latestOffset(0, TIMEOUT_MS)).isInstanceOf(StreamException.class)
          .hasMessageContaining("Topic[no_such_topic] does not exist");
    }
    try (PartitionConsumer consumer = factory(config).partitionConsumer(config, 0)) {
      assertThatThrownBy(() -> consumer.fetch(0, TIMEOUT_MS)).isInstanceOf(StreamException.class)
          .hasMessageContaining("Topic[no_such_topic] does not exist");
    }
    StreamConfig events = config("events", Map.of());
    try (PartitionConsumer consumer = factory(events).partitionConsumer(events, 4)) {
      assertThatThrownBy(() -> consumer.fetch(0, TIMEOUT_MS)).isInstanceOf(StreamException.class)
          .hasMessageContaining("Topic[events] has no partition[4]: it has 4 partitions");
    }
  }

  @Test
  void keysTimestampsAndTombstonesAreKept() throws Exception {
    kafka.createTopic("keyed", 1);
    try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
      producer.send(new ProducerRecord<>("keyed", 0, 1_700_000_000_000L, "k1".getBytes(UTF_8),
          "v1".getBytes(UTF_8))).get();
      producer.send(new ProducerRecord<>("keyed", 0, 1_700_000_000_001L, "k1".getBytes(UTF_8), (byte[]) null)).get();
    }
    StreamConfig config = config("keyed", Map.of());
    try (PartitionConsumer consumer = factory(config).partitionConsumer(config, 0)) {
      List<StreamMessage> messages = readAll(consumer, 0, 2);
      assertThat(new String(messages.get(0).key(), UTF_8)).isEqualTo("k1");
      assertThat(new String(messages.get(0).value(), UTF_8)).isEqualTo("v1");
      assertThat(messages.get(0).timestampMs()).isEqualTo(1_700_000_000_000L);
      assertThat(messages.get(1).value()).isNull();
      assertThat(messages.get(1).offset()).isEqualTo(1);
    }
  }

  @Test
  void transactionMarkersAndAbortedRecordsNeverStall() throws Exception {
    kafka.createTopic("transactional", 1);
    Map<String, Object> props = new LinkedHashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "consumption-test");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
      producer.initTransactions();
      producer.beginTransaction();
      for (String value : List.of("a0", "a1")) {
        producer.send(new ProducerRecord<>("transactional", 0, null, value.getBytes(UTF_8)));
      }
      producer.flush(); // Aborting drops records still unsent; these must reach the log to be skipped there.
      producer.abortTransaction();
      producer.beginTransaction();
      for (String value : List.of("c0", "c1", "c2")) {
        producer.send(new ProducerRecord<>("transactional", 0, null, value.getBytes(UTF_8)));
      }
      producer.commitTransaction();
    }
    // Offsets: a0, a1, abort marker, c0, c1, c2, commit marker; the next message gets offset 7.
    // The brokers write the commit marker after commitTransaction() returns: wait for the last stable offset.
    StreamConfig committed = config("transactional", Map.of("stream.kafka.isolation.level", "read_committed"));
    try (StreamMetadataProvider provider = factory(committed).metadataProvider(committed)) {
      long deadline = System.currentTimeMillis() + TIMEOUT_MS;
      while (provider.latestOffset(0, TIMEOUT_MS) < 7 && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      assertThat(provider.latestOffset(0, TIMEOUT_MS)).isEqualTo(7);
    }
    try (PartitionConsumer consumer = factory(committed).partitionConsumer(committed, 0)) {
      assertThat(values(readAll(consumer, 0, 7))).containsExactly("c0", "c1", "c2");
    }
    StreamConfig uncommitted = config("transactional", Map.of());
    try (PartitionConsumer consumer = factory(uncommitted).partitionConsumer(uncommitted, 0)) {
      assertThat(values(readAll(consumer, 0, 7))).containsExactly("a0", "a1", "c0", "c1", "c2");
    }
  }

  @Test
  void messagesDecodeThroughTheTablesDecoder() throws Exception {
    kafka.createTopic("json", 1);
    kafka.produce("json", 0, List.of("{\"id\":1,\"name\":\"a\"}".getBytes(UTF_8), "not json".getBytes(UTF_8),
        "{\"id\":2}".getBytes(UTF_8)));
    StreamConfig config = config("json", Map.of());
    Schema schema = Schema.of("json", List.of(FieldSpec.of("id", DataType.INT, FieldType.DIMENSION)), List.of(),
        List.of());
    StreamMessageDecoder decoder = StreamPlugins.decoder(config, schema);
    try (PartitionConsumer consumer = factory(config).partitionConsumer(config, 0)) {
      List<StreamMessage> messages = readAll(consumer, 0, 3);
      GenericRow row = new GenericRow();
      assertThat(decoder.decode(messages.get(0).value(), row).fields())
          .containsExactly(Map.entry("id", 1), Map.entry("name", "a"));
      assertThatThrownBy(() -> decoder.decode(messages.get(1).value(), new GenericRow()))
          .isInstanceOf(MalformedMessageException.class).hasMessageStartingWith("malformed JSON");
      assertThat(decoder.decode(messages.get(2).value(), row).fields()).containsExactly(Map.entry("id", 2));
    }
  }
}
