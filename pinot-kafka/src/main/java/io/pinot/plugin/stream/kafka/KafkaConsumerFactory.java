// SPDX-License-Identifier: Apache-2.0
package io.pinot.plugin.stream.kafka;

import io.pinot.spi.stream.PartitionConsumer;
import io.pinot.spi.stream.StreamConfig;
import io.pinot.spi.stream.StreamConsumerFactory;
import io.pinot.spi.stream.StreamMetadataProvider;
import java.util.Set;

/// The Kafka stream plugin, built on kafka-clients. Answers to its own class name and to the factory class names
/// of Apache Pinot's Kafka plugins (kafka 2.0, 3.0 and 4.0, and their older `core.realtime.impl` names), so
/// Pinot table configs work unchanged. See [KafkaClientProperties] for the stream config keys it honours.
/// Stateless and thread-safe; the providers and consumers it makes are not shared between threads.
public final class KafkaConsumerFactory implements StreamConsumerFactory {
  private static final Set<String> CLASS_NAMES = Set.of(
      KafkaConsumerFactory.class.getName(),
      "org.apache.pinot.plugin.stream.kafka20.KafkaConsumerFactory",
      "org.apache.pinot.plugin.stream.kafka30.KafkaConsumerFactory",
      "org.apache.pinot.plugin.stream.kafka40.KafkaConsumerFactory",
      "org.apache.pinot.core.realtime.impl.kafka2.KafkaConsumerFactory",
      "org.apache.pinot.core.realtime.impl.kafka3.KafkaConsumerFactory");

  @Override
  public Set<String> classNames() {
    return CLASS_NAMES;
  }

  /// A provider for the config's topic; invalid Kafka settings (no broker list, a bad isolation level) throw
  /// IllegalArgumentException naming the key. It connects on first use.
  @Override
  public StreamMetadataProvider metadataProvider(StreamConfig config) {
    return new KafkaStreamMetadataProvider(config);
  }

  /// A consumer of one partition of the config's topic; invalid Kafka settings throw IllegalArgumentException
  /// naming the key. It connects on its first fetch.
  @Override
  public PartitionConsumer partitionConsumer(StreamConfig config, int partition) {
    return new KafkaPartitionConsumer(config, partition);
  }
}
