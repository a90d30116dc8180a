// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.readers;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.FieldType;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.GenericRow;
import io.pinot.spi.stream.MalformedMessageException;
import io.pinot.spi.stream.StreamConfig;
import io.pinot.spi.stream.StreamMessageDecoder;
import io.pinot.spi.stream.StreamPlugins;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonMessageDecoderFactoryTest {
  private static final Schema SCHEMA = Schema.of("t", List.of(FieldSpec.of("name", DataType.STRING,
      FieldType.DIMENSION)), List.of(), List.of());

  static StreamMessageDecoder decoder(String className) {
    StreamConfig config = StreamConfig.parse(Map.of("streamType", "kafka", "stream.kafka.topic.name", "events",
        "stream.kafka.decoder.class.name", className));
    return StreamPlugins.decoder(config, SCHEMA);
  }

  private static GenericRow decode(String json) {
    return decoder("org.apache.pinot.plugin.inputformat.json.JSONMessageDecoder").decode(json.getBytes(UTF_8),
        new GenericRow());
  }

  @ParameterizedTest
  @ValueSource(strings = {"org.apache.pinot.plugin.stream.kafka.KafkaJSONMessageDecoder",
      "org.apache.pinot.plugin.inputformat.json.JSONMessageDecoder",
      "org.apache.pinot.core.realtime.impl.kafka.KafkaJSONMessageDecoder",
      "io.pinot.segment.readers.JsonMessageDecoderFactory"})
  void foundByPinotClassNames(String className) {
    GenericRow row = decoder(className).decode("{\"name\":\"a\"}".getBytes(UTF_8), new GenericRow());
    assertThat(row.fields()).containsExactly(Map.entry("name", "a"));
  }

  @Test
  void convertsValuesAsTheJsonReader() {
    GenericRow row = decode("{\"s\":\"x\",\"i\":7,\"l\":12345678901,\"big\":123456789012345678901234567890,"
        + "\"d\":1.5,\"exact\":0.1000000000000000055511151231257827,\"b\":true,\"n\":null,"
        + "\"arr\":[1,\"two\",null],\"obj\":{\"k\":[1.25]},\"unicode\":\"h\\u00e9\"}");

    assertThat(row.getValue("s")).isEqualTo("x");
    assertThat(row.getValue("i")).isEqualTo(7);
    assertThat(row.getValue("l")).isEqualTo(12345678901L);
    assertThat(row.getValue("big")).isEqualTo("123456789012345678901234567890");
    assertThat(row.getValue("d")).isEqualTo(1.5);
    assertThat(row.getValue("exact")).isEqualTo(new BigDecimal("0.1000000000000000055511151231257827"));
    assertThat(row.getValue("b")).isEqualTo(true);
    assertThat(row.hasColumn("n")).isTrue();
    assertThat(row.getValue("n")).isNull();
    assertThat((Object[]) row.getValue("arr")).containsExactly(1, "two", null);
    assertThat(row.getValue("obj")).isInstanceOfSatisfying(Map.class,
        map -> assertThat((Object[]) map.get("k")).containsExactly(1.25));
    assertThat(row.getValue("unicode")).isEqualTo("hé");
  }

  @Test
  void clearsTheDestinationFirst() {
    GenericRow row = new GenericRow();
    row.putValue("stale", 1);
    decoder("org.apache.pinot.plugin.inputformat.json.JSONMessageDecoder").decode("{\"a\":1}".getBytes(UTF_8), row);
    assertThat(row.fields()).containsOnlyKeys("a");
  }

  @Test
  void malformedPayloadsSayWhy() {
    assertThatThrownBy(() -> decode("{\"a\":1")).isInstanceOf(MalformedMessageException.class)
        .hasMessageStartingWith("malformed JSON at line 1");
    assertThatThrownBy(() -> decode("{\"a\":tru}")).isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("malformed JSON").hasMessageNotContaining("tru}");
    assertThatThrownBy(() -> decode("[1,2]")).isInstanceOf(MalformedMessageException.class)
        .hasMessage("a JSON message must be an object, not ARRAY");
    assertThatThrownBy(() -> decode("\"text\"")).isInstanceOf(MalformedMessageException.class)
        .hasMessage("a JSON message must be an object, not STRING");
    assertThatThrownBy(() -> decode("")).isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("empty JSON message");
    assertThatThrownBy(() -> decode("   ")).isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> decode("{\"a\":1} {\"b\":2}")).isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("malformed JSON");
    byte[] notUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    assertThatThrownBy(() -> decoder("org.apache.pinot.plugin.inputformat.json.JSONMessageDecoder")
        .decode(notUtf8, new GenericRow())).isInstanceOf(MalformedMessageException.class);
  }
}
