// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.stream;

import java.util.Set;

/// Connects to one kind of stream (Kafka...). Implementations register through `java.util.ServiceLoader`
/// (`META-INF/services/io.pinot.spi.stream.StreamConsumerFactory`) and are chosen by the table's
/// `stream.<type>.consumer.factory.class.name`, which may name Apache Pinot's plugin classes. Stateless and
/// thread-safe.
public interface StreamConsumerFactory {

  /// Every `consumer.factory.class.name` value this factory answers to: its own class name and Apache Pinot's
  /// (for Kafka: `org.apache.pinot.plugin.stream.kafka20.KafkaConsumerFactory` and its kafka30/kafka40 forms).
  Set<String> classNames();

  StreamMetadataProvider metadataProvider(StreamConfig config);

  PartitionConsumer partitionConsumer(StreamConfig config, int partition);
}
