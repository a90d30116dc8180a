// SPDX-License-Identifier: Apache-2.0
package io.pinot.plugin.stream.kafka;

import io.pinot.spi.stream.MessageBatch;
import io.pinot.spi.stream.PartitionConsumer;
import io.pinot.spi.stream.StreamConfig;
import io.pinot.spi.stream.StreamException;
import io.pinot.spi.stream.StreamMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/// Reads one partition of a Kafka topic with a `KafkaConsumer` that is assigned the partition (no consumer
/// group, no commits). A fetch seeks only when asked for another offset than where the last one ended, so
/// consecutive fetches stream without re-reading prefetched data. [MessageBatch#nextOffset()] is the consumer's
/// position after the poll, which moves past transaction markers, aborted records (`read_committed`) and
/// compaction gaps, so a caller that continues from it never stalls.
///
/// The consumer is created and the topic checked on the first fetch: an unknown topic or partition, unreachable
/// brokers or refused credentials fail with a [StreamException] naming the topic; an offset the partition no
/// longer (or not yet) holds fails naming the partition, the offset and the range it does hold. Used by one
/// thread at a time; not thread-safe.
final class KafkaPartitionConsumer implements PartitionConsumer {
  /// The least time given to the first metadata request (a fetch timeout is typically 100 ms, too short for it).
  private static final long CONNECT_TIMEOUT_MS = 5_000;

  private final StreamConfig config;
  private final int partition;
  private final TopicPartition topicPartition;
  private final Map<String, Object> clientProperties;
  private @Nullable KafkaConsumer<byte[], byte[]> consumer;
  /// Where the consumer will read next without a seek; -1 before the first fetch or after a failure.
  private long position = -1;

  KafkaPartitionConsumer(StreamConfig config, int partition) {
    if (partition < 0) {
      throw new IllegalArgumentException("Invalid partition[" + partition + "] of topic[" + config.topicName() + "]");
    }
    this.config = config;
    this.partition = partition;
    this.topicPartition = new TopicPartition(config.topicName(), partition);
    this.clientProperties = KafkaClientProperties.consumer(config, partition);
  }

  @Override
  public MessageBatch fetch(long startOffset, long timeoutMs) throws StreamException {
    if (startOffset < 0) {
      throw new IllegalArgumentException("Invalid start offset[" + startOffset + "] for topic[" + config.topicName()
          + "] partition[" + partition + "]");
    }
    KafkaConsumer<byte[], byte[]> kafka = connect(Math.max(timeoutMs, CONNECT_TIMEOUT_MS));
    try {
      if (startOffset != position) {
        kafka.seek(topicPartition, startOffset);
        position = startOffset;
      }
      List<ConsumerRecord<byte[], byte[]>> records = kafka.poll(Duration.ofMillis(timeoutMs)).records(topicPartition);
      List<StreamMessage> messages = new ArrayList<>(records.size());
      for (ConsumerRecord<byte[], byte[]> record : records) {
        messages.add(new StreamMessage(record.key(), record.value(), record.offset(), record.timestamp()));
      }
      position = kafka.position(topicPartition, Duration.ofMillis(Math.max(timeoutMs, 1)));
      return new MessageBatch(messages, position);
    } catch (OffsetOutOfRangeException e) {
      position = -1;
      throw outOfRange(startOffset, timeoutMs, e);
    } catch (RuntimeException e) {
      position = -1;
      throw KafkaErrors.translate("reading partition[" + partition + "] from offset[" + startOffset + "]", config,
          e, timeoutMs);
    }
  }

  /// The consumer, created and assigned on first use after checking that the partition exists.
  private KafkaConsumer<byte[], byte[]> connect(long timeoutMs) throws StreamException {
    if (consumer != null) {
      return consumer;
    }
    String action = "reading the partitions";
    KafkaConsumer<byte[], byte[]> created;
    try {
      created = new KafkaConsumer<>(clientProperties);
    } catch (RuntimeException e) {
      throw KafkaErrors.translate(action, config, e, timeoutMs);
    }
    try {
      List<PartitionInfo> partitions = created.partitionsFor(config.topicName(), Duration.ofMillis(timeoutMs));
      if (partitions == null || partitions.isEmpty()) {
        throw KafkaErrors.unknownTopic(config, null);
      }
      if (partition >= partitions.size()) {
        throw new StreamException("Topic[" + config.topicName() + "] has no partition[" + partition + "]: it has "
            + partitions.size() + " partitions", false);
      }
      created.assign(List.of(topicPartition));
    } catch (StreamException e) {
      created.close(CloseOptions.timeout(Duration.ZERO));
      throw e;
    } catch (RuntimeException e) {
      created.close(CloseOptions.timeout(Duration.ZERO));
      throw KafkaErrors.translate(action, config, e, timeoutMs);
    }
    consumer = created;
    return created;
  }

  private StreamException outOfRange(long startOffset, long timeoutMs, OffsetOutOfRangeException failure) {
    String range;
    try {
      Duration timeout = Duration.ofMillis(Math.max(timeoutMs, 1));
      long earliest = consumer.beginningOffsets(List.of(topicPartition), timeout).get(topicPartition);
      long latest = consumer.endOffsets(List.of(topicPartition), timeout).get(topicPartition);
      range = "it holds offsets " + earliest + " to " + latest + " (exclusive)";
    } catch (RuntimeException e) {
      range = "its offset range could not be read (" + e.getMessage() + ")";
    }
    String hint = " (older messages were deleted by retention, or the offset is beyond the end)";
    return new StreamException("Offset[" + startOffset + "] of topic[" + config.topicName() + "] partition["
        + partition + "] is out of range: " + range + hint, false, failure);
  }

  @Override
  public void close() {
    if (consumer != null) {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
      consumer = null;
    }
    position = -1;
  }
}
