// SPDX-License-Identifier: Apache-2.0
package io.pinot.plugin.stream.kafka;

import io.pinot.spi.stream.StreamConfig;
import io.pinot.spi.stream.StreamException;
import io.pinot.spi.stream.StreamMetadataProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/// Reads a Kafka topic's partition count and offsets through an admin client, which asks the brokers each time
/// (so added partitions are seen at once). The latest offset honours `stream.<type>.isolation.level`: with
/// `read_committed` it is the last stable offset. The client is created on first use; failures become
/// [StreamException]s naming the topic and brokers. Not thread-safe.
final class KafkaStreamMetadataProvider implements StreamMetadataProvider {
  private final StreamConfig config;
  private final Map<String, Object> clientProperties;
  private final IsolationLevel isolationLevel;
  private @Nullable Admin admin;
  /// The partition count last read; partitions are never removed, so lower partitions need no check.
  private int knownPartitions;

  KafkaStreamMetadataProvider(StreamConfig config) {
    this.config = config;
    this.clientProperties = KafkaClientProperties.admin(config);
    this.isolationLevel = KafkaClientProperties.readCommitted(config) ? IsolationLevel.READ_COMMITTED
        : IsolationLevel.READ_UNCOMMITTED;
  }

  @Override
  public int partitionCount(long timeoutMs) throws StreamException {
    String action = "reading the partition count";
    try {
      DescribeTopicsOptions options = new DescribeTopicsOptions().timeoutMs(clientTimeout(timeoutMs));
      TopicDescription description = admin(action, timeoutMs).describeTopics(List.of(config.topicName()), options)
          .allTopicNames().get(timeoutMs + 1_000, TimeUnit.MILLISECONDS).get(config.topicName());
      knownPartitions = description.partitions().size();
      return knownPartitions;
    } catch (Exception e) {
      throw KafkaErrors.translate(action, config, e, timeoutMs);
    }
  }

  @Override
  public long earliestOffset(int partition, long timeoutMs) throws StreamException {
    return offset(partition, OffsetSpec.earliest(), "reading the earliest offset of partition[" + partition + "]",
        timeoutMs);
  }

  @Override
  public long latestOffset(int partition, long timeoutMs) throws StreamException {
    return offset(partition, OffsetSpec.latest(), "reading the latest offset of partition[" + partition + "]",
        timeoutMs);
  }

  @Override
  public long offsetAtTimestamp(int partition, long timestampMs, long timeoutMs) throws StreamException {
    return offset(partition, OffsetSpec.forTimestamp(timestampMs), "reading the offset at time " + timestampMs
        + " of partition[" + partition + "]", timeoutMs);
  }

  private long offset(int partition, OffsetSpec spec, String action, long timeoutMs) throws StreamException {
    // Asked for a partition it does not know, the admin client retries until the timeout: check first.
    if (partition >= knownPartitions) {
      knownPartitions = partitionCount(timeoutMs);
      if (partition >= knownPartitions) {
        throw new StreamException("Topic[" + config.topicName() + "] has no partition[" + partition + "]: it has "
            + knownPartitions + " partitions", false);
      }
    }
    TopicPartition topicPartition = new TopicPartition(config.topicName(), partition);
    try {
      ListOffsetsOptions options = new ListOffsetsOptions(isolationLevel);
      options.timeoutMs(clientTimeout(timeoutMs));
      ListOffsetsResultInfo info = admin(action, timeoutMs).listOffsets(Map.of(topicPartition, spec), options)
          .partitionResult(topicPartition).get(timeoutMs + 1_000, TimeUnit.MILLISECONDS);
      return info.offset();
    } catch (Exception e) {
      throw KafkaErrors.translate(action, config, e, timeoutMs);
    }
  }

  private Admin admin(String action, long timeoutMs) throws StreamException {
    if (admin == null) {
      try {
        admin = Admin.create(clientProperties);
      } catch (RuntimeException e) {
        throw KafkaErrors.translate(action, config, e, timeoutMs);
      }
    }
    return admin;
  }

  private static int clientTimeout(long timeoutMs) {
    return Math.clamp(timeoutMs, 1, Integer.MAX_VALUE);
  }

  @Override
  public void close() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(5));
      admin = null;
    }
  }
}
