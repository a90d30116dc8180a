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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvMessageDecoderFactoryTest {
  private static final Schema SCHEMA = Schema.of("t", List.of(FieldSpec.of("id", DataType.INT, FieldType.DIMENSION),
      FieldSpec.of("name", DataType.STRING, FieldType.DIMENSION), FieldSpec.multiValue("tags", DataType.STRING)),
      List.of(), List.of());

  static StreamMessageDecoder decoder(Map<String, String> decoderProps) {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("streamType", "kafka");
    map.put("stream.kafka.topic.name", "events");
    map.put("stream.kafka.decoder.class.name", "org.apache.pinot.plugin.inputformat.csv.CSVMessageDecoder");
    decoderProps.forEach((key, value) -> map.put("stream.kafka.decoder.prop." + key, value));
    return StreamPlugins.decoder(StreamConfig.parse(map), SCHEMA);
  }

  private static GenericRow decode(StreamMessageDecoder decoder, String text) {
    return decoder.decode(text.getBytes(UTF_8), new GenericRow());
  }

  @Test
  void decodesWithAConfiguredHeaderAndReusesTheDecoder() {
    StreamMessageDecoder decoder = decoder(Map.of("header", "id,name,tags,extra"));

    GenericRow first = decode(decoder, "1,Ann,a;b;;c,x");
    assertThat(first.getValue("id")).isEqualTo("1");
    assertThat(first.getValue("name")).isEqualTo("Ann");
    assertThat((Object[]) first.getValue("tags")).containsExactly("a", "b", "c");
    assertThat(first.getValue("extra")).isEqualTo("x");

    GenericRow second = decode(decoder, "2,\"Smith, Bob\",solo\n");
    assertThat(second.getValue("name")).isEqualTo("Smith, Bob");
    assertThat((Object[]) second.getValue("tags")).containsExactly("solo");
    assertThat(second.hasColumn("extra")).isTrue();
    assertThat(second.getValue("extra")).isNull();

    GenericRow third = decode(decoder, "3,,,");
    assertThat(third.getValue("name")).isNull();
    assertThat(third.getValue("tags")).isNull();
    assertThat(decode(decoder, "4,\"multi\nline\",t,e").getValue("name")).isEqualTo("multi\nline");
  }

  @Test
  void honoursPinotDecoderProperties() {
    StreamMessageDecoder decoder = decoder(Map.of("header", "id|name|tags", "delimiter", "|",
        "multiValueDelimiter", ",", "nullStringValue", "NULL", "escapeCharacter", "\\", "commentMarker", "#"));
    GenericRow row = decode(decoder, "1|NULL|x,y");
    assertThat(row.getValue("name")).isNull();
    assertThat((Object[]) row.getValue("tags")).containsExactly("x", "y");
    assertThat(decode(decoder, "2|a\\|b|t").getValue("name")).isEqualTo("a|b");

    StreamMessageDecoder tabs = decoder(Map.of("fileFormat", "TDF", "header", "id\tname"));
    assertThat(decode(tabs, "5\t x ").getValue("name")).isEqualTo("x");
    StreamMessageDecoder spaces = decoder(Map.of("header", "id,name", "ignoreSurroundingSpaces", "false"));
    assertThat(decode(spaces, "5, x ").getValue("name")).isEqualTo(" x ");
  }

  @Test
  void withoutAHeaderPropertyEachMessageCarriesItsHeader() {
    StreamMessageDecoder decoder = decoder(Map.of());
    GenericRow row = decode(decoder, "name,id\nAnn,1\n");
    assertThat(row.fields()).containsExactly(Map.entry("name", "Ann"), Map.entry("id", "1"));
    assertThat(decode(decoder, "id\n7").fields()).containsExactly(Map.entry("id", "7"));

    StreamMessageDecoder skipping = decoder(Map.of("header", "id,name", "skipHeader", "true"));
    assertThat(decode(skipping, "a,b\n9,Zed").fields()).containsExactly(Map.entry("id", "9"),
        Map.entry("name", "Zed"));
  }

  @Test
  void malformedMessagesSayWhy() {
    StreamMessageDecoder decoder = decoder(Map.of("header", "id,name"));
    assertThatThrownBy(() -> decode(decoder, "1,a,b")).isInstanceOf(MalformedMessageException.class)
        .hasMessage("CSV record has 3 fields but the header has 2 columns (check the delimiter ',')");
    assertThatThrownBy(() -> decode(decoder, "1,a\n2,b")).isInstanceOf(MalformedMessageException.class)
        .hasMessage("CSV message holds more than one record");
    assertThatThrownBy(() -> decode(decoder, "")).isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("empty CSV message");
    assertThatThrownBy(() -> decode(decoder, "1,\"open")).isInstanceOf(MalformedMessageException.class)
        .hasMessageStartingWith("malformed CSV");
    assertThatThrownBy(() -> decode(decoder(Map.of()), "id,name\n")).isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("header line but no record");
    // A failed message leaves nothing behind for the next one.
    assertThat(decode(decoder, "3,c").fields()).containsExactly(Map.entry("id", "3"), Map.entry("name", "c"));
  }

  @Test
  void invalidPropertiesNameTheKey() {
    assertThatThrownBy(() -> decoder(Map.of("delimiter", "||"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("delimiter");
    assertThatThrownBy(() -> decoder(Map.of("fileFormat", "xml"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fileFormat");
  }
}
