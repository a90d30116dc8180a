// SPDX-License-Identifier: Apache-2.0
package io.pinot.plugin.stream.kafka;

import io.pinot.spi.stream.StreamConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;

/// Turns a table's stream config into kafka-clients properties, as Apache Pinot's Kafka plugin does:
///
/// - `stream.<type>.broker.list` becomes `bootstrap.servers` (required);
/// - `stream.<type>.isolation.level` (`read_committed` or `read_uncommitted`) becomes `isolation.level`;
/// - stream config keys that are Kafka client settings (`security.protocol`, `sasl.*`, `ssl.*`,
///   `max.poll.records`, `config.providers*`...) pass through unchanged;
/// - `stream.<type>.consumer.prop.<name>` passes `<name>` through and wins over the same key at top level,
///   except `auto.offset.reset`, which chooses a new segment's start offset (see `StreamConfig`) and is never
///   given to the client.
///
/// Keys the client does not know are dropped, so Pinot's own keys never reach it. The consumer always gets byte
/// array deserializers, no auto commit, no topic auto-creation, `auto.offset.reset=none` (an offset the
/// partition no longer holds fails instead of jumping) and a unique `client.id` (prefixed by a configured
/// `client.id`). Stateless.
final class KafkaClientProperties {
  static final String BROKER_LIST = "broker.list";
  static final String ISOLATION_LEVEL = "isolation.level";
  static final String CONSUMER_PROP_PREFIX = "consumer.prop.";

  private KafkaClientProperties() {
  }

  /// The properties of the consumer of one partition.
  static Map<String, Object> consumer(StreamConfig config, int partition) {
    Map<String, Object> props = common(config, ConsumerConfig.configNames());
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId(props, config.topicName() + "-" + partition));
    return props;
  }

  /// The properties of the admin client that reads topic metadata.
  static Map<String, Object> admin(StreamConfig config) {
    Map<String, Object> props = common(config, AdminClientConfig.configNames());
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId(props, config.topicName() + "-metadata"));
    return props;
  }

  /// `stream.<type>.broker.list`, or IllegalArgumentException naming the key when it is missing.
  static String brokerList(StreamConfig config) {
    String brokers = config.streamProperty(BROKER_LIST);
    if (brokers == null || brokers.isBlank()) {
      throw new IllegalArgumentException("Stream config is missing 'stream." + config.streamType() + "."
          + BROKER_LIST + "' (the Kafka bootstrap servers, host:port[,host:port...])");
    }
    return brokers.trim();
  }

  /// True when the consumer reads only committed transactions.
  static boolean readCommitted(StreamConfig config) {
    return "read_committed".equals(isolationLevel(config));
  }

  private static Map<String, Object> common(StreamConfig config, Set<String> clientKeys) {
    Map<String, Object> props = new LinkedHashMap<>();
    String consumerPrefix = "stream." + config.streamType() + "." + CONSUMER_PROP_PREFIX;
    config.properties().forEach((key, value) -> {
      if (value != null && isClientKey(key, clientKeys)) {
        props.put(key, value);
      }
    });
    config.properties().forEach((key, value) -> {
      if (value != null && key.startsWith(consumerPrefix)) {
        String name = key.substring(consumerPrefix.length());
        if (!name.equals(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG) && isClientKey(name, clientKeys)) {
          props.put(name, value);
        }
      }
    });
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, brokerList(config));
    String isolationLevel = isolationLevel(config);
    if (isolationLevel != null && clientKeys.contains(ConsumerConfig.ISOLATION_LEVEL_CONFIG)) {
      props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel);
    }
    return props;
  }

  private static boolean isClientKey(String key, Set<String> clientKeys) {
    return clientKeys.contains(key) || key.startsWith(AbstractConfig.CONFIG_PROVIDERS_CONFIG);
  }

  private static @Nullable String isolationLevel(StreamConfig config) {
    String value = config.streamProperty(ISOLATION_LEVEL);
    if (value == null || value.isBlank()) {
      return null;
    }
    String level = value.trim();
    if (!level.equals("read_committed") && !level.equals("read_uncommitted")) {
      throw new IllegalArgumentException("Invalid stream." + config.streamType() + "." + ISOLATION_LEVEL + "["
          + value + "]: use 'read_committed' or 'read_uncommitted'");
    }
    return level;
  }

  private static String clientId(Map<String, Object> props, String purpose) {
    Object configured = props.get(CommonClientConfigs.CLIENT_ID_CONFIG);
    String prefix = configured == null || configured.toString().isBlank() ? "pinot" : configured.toString();
    return prefix + "-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
