// SPDX-License-Identifier: Apache-2.0
package io.pinot.plugin.stream.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.spi.stream.StreamConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClientPropertiesTest {

  private static Map<String, String> base() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("streamType", "kafka");
    map.put("stream.kafka.topic.name", "events");
    map.put("stream.kafka.decoder.class.name", "org.apache.pinot.plugin.stream.kafka.KafkaJSONMessageDecoder");
    map.put("stream.kafka.broker.list", " localhost:19092,other:9092 ");
    return map;
  }

  @Test
  void consumerDefaults() {
    Map<String, Object> props = KafkaClientProperties.consumer(StreamConfig.parse(base()), 3);

    assertThat(props).containsEntry("bootstrap.servers", "localhost:19092,other:9092")
        .containsEntry("key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer")
        .containsEntry("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer")
        .containsEntry("enable.auto.commit", "false")
        .containsEntry("auto.offset.reset", "none")
        .containsEntry("allow.auto.create.topics", "false")
        .doesNotContainKeys("isolation.level", "group.id", "streamType", "stream.kafka.topic.name",
            "stream.kafka.broker.list", "stream.kafka.decoder.class.name");
    assertThat((String) props.get("client.id")).matches("pinot-events-3-[0-9a-f]{8}");
    assertThat(props).hasSize(7);
  }

  @Test
  void clientIdsAreUniqueAndKeepAConfiguredPrefix() {
    Map<String, String> map = base();
    StreamConfig config = StreamConfig.parse(map);
    assertThat(KafkaClientProperties.consumer(config, 0).get("client.id"))
        .isNotEqualTo(KafkaClientProperties.consumer(config, 0).get("client.id"));

    map.put("client.id", "ingest");
    assertThat((String) KafkaClientProperties.consumer(StreamConfig.parse(map), 0).get("client.id"))
        .matches("ingest-events-0-[0-9a-f]{8}");
    assertThat((String) KafkaClientProperties.admin(StreamConfig.parse(map)).get("client.id"))
        .matches("ingest-events-metadata-[0-9a-f]{8}");
  }

  @Test
  void securityAndClientKeysPassThroughAndPinotKeysDoNot() {
    Map<String, String> map = base();
    map.put("security.protocol", "SASL_SSL");
    map.put("sasl.mechanism", "PLAIN");
    map.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required;");
    map.put("ssl.truststore.location", "/etc/kafka/truststore.jks");
    map.put("ssl.endpoint.identification.algorithm", "");
    map.put("max.poll.records", "1000");
    map.put("config.providers", "env");
    map.put("config.providers.env.class", "org.apache.kafka.common.config.provider.EnvVarConfigProvider");
    map.put("realtime.segment.flush.threshold.rows", "1000");
    map.put("not.a.kafka.key", "x");
    Map<String, Object> props = KafkaClientProperties.consumer(StreamConfig.parse(map), 0);

    assertThat(props).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "PLAIN")
        .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required;")
        .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.jks")
        .containsEntry("ssl.endpoint.identification.algorithm", "").containsEntry("max.poll.records", "1000")
        .containsEntry("config.providers", "env")
        .containsEntry("config.providers.env.class", "org.apache.kafka.common.config.provider.EnvVarConfigProvider")
        .doesNotContainKeys("realtime.segment.flush.threshold.rows", "not.a.kafka.key");

    Map<String, Object> admin = KafkaClientProperties.admin(StreamConfig.parse(map));
    assertThat(admin).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "PLAIN")
        .containsEntry("bootstrap.servers", "localhost:19092,other:9092")
        .doesNotContainKeys("max.poll.records", "key.deserializer", "auto.offset.reset", "enable.auto.commit");
  }

  @Test
  void consumerPropPrefixWinsExceptAutoOffsetResetAndForcedSettings() {
    Map<String, String> map = base();
    map.put("fetch.max.bytes", "1000");
    map.put("stream.kafka.consumer.prop.fetch.max.bytes", "2000");
    map.put("stream.kafka.consumer.prop.auto.offset.reset", "smallest");
    map.put("stream.kafka.consumer.prop.group.id", "pinot-group");
    map.put("stream.kafka.consumer.prop.no.such.setting", "1");
    map.put("stream.kafka.consumer.prop.enable.auto.commit", "true");
    map.put("stream.kafka.consumer.prop.value.deserializer", "org.example.Custom");
    Map<String, Object> props = KafkaClientProperties.consumer(StreamConfig.parse(map), 0);

    assertThat(props).containsEntry("fetch.max.bytes", "2000").containsEntry("group.id", "pinot-group")
        .containsEntry("auto.offset.reset", "none").containsEntry("enable.auto.commit", "false")
        .containsEntry("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer")
        .doesNotContainKeys("no.such.setting", "stream.kafka.consumer.prop.fetch.max.bytes");
  }

  @Test
  void brokerListWinsOverBootstrapServers() {
    Map<String, String> map = base();
    map.put("bootstrap.servers", "ignored:1");
    assertThat(KafkaClientProperties.consumer(StreamConfig.parse(map), 0))
        .containsEntry("bootstrap.servers", "localhost:19092,other:9092");
  }

  @Test
  void isolationLevelIsValidatedAndPassedToTheConsumerOnly() {
    Map<String, String> map = base();
    map.put("stream.kafka.isolation.level", "read_committed");
    StreamConfig config = StreamConfig.parse(map);
    assertThat(KafkaClientProperties.consumer(config, 0)).containsEntry("isolation.level", "read_committed");
    assertThat(KafkaClientProperties.admin(config)).doesNotContainKey("isolation.level");
    assertThat(KafkaClientProperties.readCommitted(config)).isTrue();
    assertThat(KafkaClientProperties.readCommitted(StreamConfig.parse(base()))).isFalse();

    map.put("stream.kafka.isolation.level", "committed");
    assertThatThrownBy(() -> KafkaClientProperties.consumer(StreamConfig.parse(map), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid stream.kafka.isolation.level[committed]: use 'read_committed' or 'read_uncommitted'");
  }

  @Test
  void missingBrokerListNamesTheKey() {
    Map<String, String> map = base();
    map.remove("stream.kafka.broker.list");
    StreamConfig config = StreamConfig.parse(map);
    assertThatThrownBy(() -> KafkaClientProperties.consumer(config, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'stream.kafka.broker.list'");
    assertThatThrownBy(() -> new KafkaConsumerFactory().metadataProvider(config))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'stream.kafka.broker.list'");
  }
}
