// SPDX-License-Identifier: Apache-2.0
package io.pinot.plugin.stream.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.spi.stream.PartitionConsumer;
import io.pinot.spi.stream.StreamConfig;
import io.pinot.spi.stream.StreamException;
import io.pinot.spi.stream.StreamMetadataProvider;
import io.pinot.spi.stream.StreamPlugins;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KafkaConsumerFactoryTest {

  private static StreamConfig config(String factory, String brokers) {
    return StreamConfig.parse(Map.of("streamType", "kafka", "stream.kafka.topic.name", "events",
        "stream.kafka.decoder.class.name", "org.apache.pinot.plugin.stream.kafka.KafkaJSONMessageDecoder",
        "stream.kafka.consumer.factory.class.name", factory, "stream.kafka.broker.list", brokers));
  }

  @ParameterizedTest
  @ValueSource(strings = {"io.pinot.plugin.stream.kafka.KafkaConsumerFactory",
      "org.apache.pinot.plugin.stream.kafka20.KafkaConsumerFactory",
      "org.apache.pinot.plugin.stream.kafka30.KafkaConsumerFactory",
      "org.apache.pinot.plugin.stream.kafka40.KafkaConsumerFactory",
      "org.apache.pinot.core.realtime.impl.kafka2.KafkaConsumerFactory"})
  void serviceLoaderFindsItByPinotClassNames(String className) {
    assertThat(StreamPlugins.consumerFactory(config(className, "localhost:9092")))
        .isInstanceOf(KafkaConsumerFactory.class);
  }

  @Test
  void unknownFactoryListsThisOne() {
    assertThatThrownBy(() -> StreamPlugins.consumerFactory(config("org.example.Nope", "localhost:9092")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("org.apache.pinot.plugin.stream.kafka30.KafkaConsumerFactory");
  }

  @Test
  void unreachableBrokerIsATransientStreamException() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    StreamConfig config = config("org.apache.pinot.plugin.stream.kafka30.KafkaConsumerFactory",
        "127.0.0.1:" + closedPort);
    KafkaConsumerFactory factory = new KafkaConsumerFactory();
    try (StreamMetadataProvider provider = factory.metadataProvider(config)) {
      assertThatThrownBy(() -> provider.partitionCount(300)).isInstanceOfSatisfying(StreamException.class,
          e -> assertThat(e.isTransient()).isTrue())
          .hasMessageContaining("topic[events]").hasMessageContaining("127.0.0.1:" + closedPort)
          .hasMessageContaining("Timed out");
    }
    try (PartitionConsumer consumer = factory.partitionConsumer(config, 0)) {
      assertThatThrownBy(() -> consumer.fetch(0, 300)).isInstanceOfSatisfying(StreamException.class,
          e -> assertThat(e.isTransient()).isTrue())
          .hasMessageContaining("topic[events]").hasMessageContaining("127.0.0.1:" + closedPort);
    }
  }

  @Test
  void unresolvableBrokerHostFailsClearly() {
    StreamConfig config = config("io.pinot.plugin.stream.kafka.KafkaConsumerFactory", "no-such-host.invalid:9092");
    try (PartitionConsumer consumer = new KafkaConsumerFactory().partitionConsumer(config, 0)) {
      assertThatThrownBy(() -> consumer.fetch(0, 300)).isInstanceOf(StreamException.class)
          .hasMessageContaining("no-such-host.invalid:9092").hasMessageContaining("topic[events]");
    }
  }

  @Test
  void negativeArgumentsAreRejected() {
    StreamConfig config = config("io.pinot.plugin.stream.kafka.KafkaConsumerFactory", "localhost:9092");
    assertThatThrownBy(() -> new KafkaConsumerFactory().partitionConsumer(config, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partition[-1]");
    try (PartitionConsumer consumer = new KafkaConsumerFactory().partitionConsumer(config, 0)) {
      assertThatThrownBy(() -> consumer.fetch(-5, 10)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("offset[-5]");
    }
  }
}
