// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.spi.config.table.IndexingConfig;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.config.table.TableType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamConfigTest {

  private static Map<String, Object> minimal() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("streamType", "kafka");
    map.put("stream.kafka.topic.name", "events");
    map.put("stream.kafka.decoder.class.name", "org.apache.pinot.plugin.stream.kafka.KafkaJSONMessageDecoder");
    return map;
  }

  private static StreamConfig with(String key, Object value) {
    Map<String, Object> map = minimal();
    map.put(key, value);
    return StreamConfig.parse(map);
  }

  @Test
  void defaults() {
    StreamConfig config = StreamConfig.parse(minimal());
    assertThat(config.streamType()).isEqualTo("kafka");
    assertThat(config.topicName()).isEqualTo("events");
    assertThat(config.consumerFactoryClassName())
        .isEqualTo("org.apache.pinot.plugin.stream.kafka20.KafkaConsumerFactory");
    assertThat(config.decoderClassName()).isEqualTo("org.apache.pinot.plugin.stream.kafka.KafkaJSONMessageDecoder");
    assertThat(config.decoderProperties()).isEmpty();
    assertThat(config.offsetResetLargest()).isTrue();
    assertThat(config.fetchTimeoutMillis()).isEqualTo(5_000);
    assertThat(config.flushThresholdRows()).isEqualTo(5_000_000);
    assertThat(config.flushThresholdTimeMillis()).isEqualTo(6 * 3_600_000L);
    assertThat(config.flushThresholdSegmentSizeBytes()).isEqualTo(200L * 1024 * 1024);
    assertThat(config.properties()).isEqualTo(Map.of("streamType", "kafka", "stream.kafka.topic.name", "events",
        "stream.kafka.decoder.class.name", "org.apache.pinot.plugin.stream.kafka.KafkaJSONMessageDecoder"));
  }

  @Test
  void fullPinotStreamConfig() {
    Map<String, Object> map = minimal();
    map.put("stream.kafka.topic.name", " clicks ");
    map.put("stream.kafka.consumer.type", "lowlevel");
    map.put("stream.kafka.broker.list", "localhost:19092");
    map.put("stream.kafka.consumer.factory.class.name",
        "org.apache.pinot.plugin.stream.kafka30.KafkaConsumerFactory");
    map.put("stream.kafka.decoder.class.name", "org.apache.pinot.plugin.inputformat.avro.SimpleAvroMessageDecoder");
    map.put("stream.kafka.decoder.prop.schema", "{\"type\":\"record\"}");
    map.put("stream.kafka.decoder.prop.leading.bytes.to.strip", 5);
    map.put("stream.kafka.consumer.prop.auto.offset.reset", "smallest");
    map.put("stream.kafka.fetch.timeout.millis", "2500");
    map.put("realtime.segment.flush.threshold.rows", 1000);
    map.put("realtime.segment.flush.threshold.time", "1h30m");
    map.put("realtime.segment.flush.threshold.segment.size", "150M");
    map.put("security.protocol", "SASL_SSL");
    StreamConfig config = StreamConfig.parse(map);

    assertThat(config.topicName()).isEqualTo("clicks");
    assertThat(config.consumerFactoryClassName())
        .isEqualTo("org.apache.pinot.plugin.stream.kafka30.KafkaConsumerFactory");
    assertThat(config.decoderClassName())
        .isEqualTo("org.apache.pinot.plugin.inputformat.avro.SimpleAvroMessageDecoder");
    assertThat(config.decoderProperties())
        .isEqualTo(Map.of("schema", "{\"type\":\"record\"}", "leading.bytes.to.strip", "5"));
    assertThat(config.offsetResetLargest()).isFalse();
    assertThat(config.fetchTimeoutMillis()).isEqualTo(2_500);
    assertThat(config.flushThresholdRows()).isEqualTo(1_000);
    assertThat(config.flushThresholdTimeMillis()).isEqualTo(90 * 60_000L);
    assertThat(config.flushThresholdSegmentSizeBytes()).isEqualTo(150L * 1024 * 1024);
    assertThat(config.streamProperty("broker.list")).isEqualTo("localhost:19092");
    assertThat(config.properties()).containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("realtime.segment.flush.threshold.rows", "1000").hasSize(map.size());
    assertThat(config.streamProperty("no.such.key")).isNull();
  }

  @Test
  void anotherStreamTypeUsesItsOwnPrefix() {
    StreamConfig config = StreamConfig.parse(Map.of("streamType", "pulsar", "stream.pulsar.topic.name", "t",
        "stream.pulsar.decoder.class.name", "d", "stream.pulsar.consumer.prop.auto.offset.reset", "earliest",
        "stream.pulsar.decoder.prop.x", "y", "stream.kafka.decoder.prop.ignored", "z"));
    assertThat(config.topicName()).isEqualTo("t");
    assertThat(config.offsetResetLargest()).isFalse();
    assertThat(config.decoderProperties()).isEqualTo(Map.of("x", "y"));
  }

  @ParameterizedTest
  @CsvSource({"6h, 21600000", "1h30m, 5400000", "30m, 1800000", "10s, 10000", "2d, 172800000",
      "1d2h3m4s, 93784000", "6H, 21600000", "3600000, 3600000", "' 45m ', 2700000"})
  void flushThresholdTimeReadsPinotPeriods(String text, long millis) {
    assertThat(with("realtime.segment.flush.threshold.time", text).flushThresholdTimeMillis()).isEqualTo(millis);
  }

  @ParameterizedTest
  @CsvSource({"200M, 209715200", "1G, 1073741824", "1.5G, 1610612736", "500K, 512000", "100MB, 104857600",
      "1048576, 1048576", "200m, 209715200", "2T, 2199023255552"})
  void segmentSizeReadsPinotDataSizes(String text, long bytes) {
    assertThat(with("realtime.segment.flush.threshold.segment.size", text).flushThresholdSegmentSizeBytes())
        .isEqualTo(bytes);
  }

  @Test
  void olderKeysAreRead() {
    assertThat(with("realtime.segment.flush.threshold.size", "20000").flushThresholdRows()).isEqualTo(20_000);
    assertThat(with("realtime.segment.flush.desired.size", "50M").flushThresholdSegmentSizeBytes())
        .isEqualTo(50L * 1024 * 1024);
    Map<String, Object> both = minimal();
    both.put("realtime.segment.flush.threshold.size", "20000");
    both.put("realtime.segment.flush.threshold.rows", "30000");
    assertThat(StreamConfig.parse(both).flushThresholdRows()).isEqualTo(30_000);
    assertThat(with("stream.kafka.consumer.type", "simple").topicName()).isEqualTo("events");
    assertThat(with("stream.kafka.consumer.prop.auto.offset.reset", "LATEST").offsetResetLargest()).isTrue();
  }

  @Test
  void offsetResetMayBeAPeriodBeforeNowOrAnInstant() {
    long now = 1_800_000_000_000L;
    assertThat(with("stream.kafka.consumer.prop.auto.offset.reset", "2d").offsetResetTimestampMillis(now))
        .isEqualTo(now - 2 * 86_400_000L);
    assertThat(with("stream.kafka.consumer.prop.auto.offset.reset", "1h30m").offsetResetTimestampMillis(now))
        .isEqualTo(now - 5_400_000L);
    assertThat(with("stream.kafka.consumer.prop.auto.offset.reset", "2026-01-01T00:00:00Z")
        .offsetResetTimestampMillis(now)).isEqualTo(1_767_225_600_000L);
    assertThat(with("stream.kafka.consumer.prop.auto.offset.reset", "smallest").offsetResetTimestampMillis(now))
        .isEqualTo(-1);
    assertThat(StreamConfig.parse(minimal()).offsetResetTimestampMillis(now)).isEqualTo(-1);
    assertThatThrownBy(() -> with("stream.kafka.consumer.prop.auto.offset.reset", "12345"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ISO-8601");
  }

  @Test
  void zeroRowsMeansSizedBySegmentSize() {
    assertThat(with("realtime.segment.flush.threshold.rows", "0").flushThresholdRows()).isZero();
  }

  @Test
  void missingKeysAreNamed() {
    for (String key : List.of("streamType", "stream.kafka.topic.name", "stream.kafka.decoder.class.name")) {
      Map<String, Object> map = minimal();
      map.remove(key);
      assertThatThrownBy(() -> StreamConfig.parse(map)).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Stream config is missing '" + key + "'");
    }
    Map<String, Object> blank = minimal();
    blank.put("stream.kafka.topic.name", "  ");
    assertThatThrownBy(() -> StreamConfig.parse(blank))
        .hasMessage("Stream config is missing 'stream.kafka.topic.name'");
  }

  @Test
  void badValuesAreNamed() {
    assertThatThrownBy(() -> with("stream.kafka.consumer.type", "highlevel"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stream.kafka.consumer.type[highlevel]");
    assertThatThrownBy(() -> with("stream.kafka.consumer.prop.auto.offset.reset", "middle"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stream.kafka.consumer.prop.auto.offset.reset[middle]");
    assertThatThrownBy(() -> with("realtime.segment.flush.threshold.rows", "many"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid realtime.segment.flush.threshold.rows[many]: not a number");
    assertThatThrownBy(() -> with("realtime.segment.flush.threshold.rows", "-5"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
    assertThatThrownBy(() -> with("realtime.segment.flush.threshold.rows", "5000000000"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("realtime.segment.flush.threshold.rows");
    assertThatThrownBy(() -> with("realtime.segment.flush.threshold.time", "6x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid realtime.segment.flush.threshold.time[6x]");
    assertThatThrownBy(() -> with("realtime.segment.flush.threshold.time", "h"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("realtime.segment.flush.threshold.time");
    assertThatThrownBy(() -> with("realtime.segment.flush.threshold.segment.size", "lots"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid realtime.segment.flush.threshold.segment.size[lots]");
    assertThatThrownBy(() -> with("realtime.segment.flush.desired.size", "-1M"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("realtime.segment.flush.desired.size");
    assertThatThrownBy(() -> with("stream.kafka.fetch.timeout.millis", "soon"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stream.kafka.fetch.timeout.millis[soon]");
  }

  @Test
  void ofReadsTheIndexingConfigLocation() {
    IndexingConfig indexing = new IndexingConfig(null, null, null, null, null, null, null, null,
        Map.of("streamConfigs", minimal()));
    TableConfig table = TableConfig.of("events", TableType.REALTIME, "ts", indexing);
    assertThat(StreamConfig.streamConfigMap(table)).isEqualTo(minimal());
    assertThat(StreamConfig.of(table).topicName()).isEqualTo("events");
  }

  @Test
  void ofReadsTheFirstIngestionConfigMap() {
    Map<String, Object> first = minimal();
    first.put("stream.kafka.topic.name", "first");
    Map<String, Object> second = minimal();
    second.put("stream.kafka.topic.name", "second");
    Map<String, Object> ingestion = Map.of("streamIngestionConfig", Map.of("streamConfigMaps", List.of(first, second)));
    TableConfig table = new TableConfig("events", TableType.REALTIME, null, null, null,
        Map.of("ingestionConfig", ingestion));
    assertThat(StreamConfig.of(table).topicName()).isEqualTo("first");

    // A non-empty tableIndexConfig.streamConfigs wins; an empty one does not hide the ingestion config.
    IndexingConfig emptyStreams = new IndexingConfig(null, null, null, null, null, null, null, null,
        Map.of("streamConfigs", Map.of()));
    assertThat(StreamConfig.of(table.withIndexingConfig(emptyStreams)).topicName()).isEqualTo("first");
    IndexingConfig indexStreams = new IndexingConfig(null, null, null, null, null, null, null, null,
        Map.of("streamConfigs", minimal()));
    assertThat(StreamConfig.of(table.withIndexingConfig(indexStreams)).topicName()).isEqualTo("events");
  }

  @Test
  void ofWithoutStreamConfigNamesTheTable() {
    TableConfig table = TableConfig.of("events", TableType.REALTIME, "ts", IndexingConfig.empty());
    assertThat(StreamConfig.streamConfigMap(table)).isNull();
    assertThatThrownBy(() -> StreamConfig.of(table)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("events_REALTIME has no stream config")
        .hasMessageContaining("tableIndexConfig.streamConfigs");
    TableConfig noMaps = new TableConfig("events", TableType.REALTIME, null, null, null,
        Map.of("ingestionConfig", Map.of("streamIngestionConfig", Map.of("streamConfigMaps", List.of()))));
    assertThatThrownBy(() -> StreamConfig.of(noMaps)).isInstanceOf(IllegalArgumentException.class);
  }
}
