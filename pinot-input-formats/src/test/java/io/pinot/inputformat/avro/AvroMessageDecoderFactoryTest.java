// SPDX-License-Identifier: Apache-2.0
package io.pinot.inputformat.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.FieldType;
import io.pinot.spi.data.readers.GenericRow;
import io.pinot.spi.stream.MalformedMessageException;
import io.pinot.spi.stream.StreamConfig;
import io.pinot.spi.stream.StreamMessageDecoder;
import io.pinot.spi.stream.StreamPlugins;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

class AvroMessageDecoderFactoryTest {
  private static final String SCHEMA_JSON = """
      {"type": "record", "name": "Event", "namespace": "test", "fields": [
        {"name": "id", "type": "long"},
        {"name": "name", "type": ["null", "string"], "default": null},
        {"name": "score", "type": "double"},
        {"name": "tags", "type": {"type": "array", "items": "string"}},
        {"name": "raw", "type": "bytes"},
        {"name": "amount", "type": {"type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 2}},
        {"name": "ts", "type": {"type": "long", "logicalType": "timestamp-millis"}},
        {"name": "kind", "type": {"type": "enum", "name": "Kind", "symbols": ["A", "B"]}}
      ]}""";
  private static final Schema SCHEMA = new Schema.Parser().parse(SCHEMA_JSON);
  private static final io.pinot.spi.data.Schema TABLE = io.pinot.spi.data.Schema.of("t",
      List.of(FieldSpec.of("id", DataType.LONG, FieldType.DIMENSION)), List.of(), List.of());

  static StreamMessageDecoder decoder(Map<String, String> props) {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("streamType", "kafka");
    map.put("stream.kafka.topic.name", "events");
    map.put("stream.kafka.decoder.class.name", "org.apache.pinot.plugin.inputformat.avro.SimpleAvroMessageDecoder");
    props.forEach((key, value) -> map.put("stream.kafka.decoder.prop." + key, value));
    return StreamPlugins.decoder(StreamConfig.parse(map), TABLE);
  }

  private static GenericRecord record(long id, String name) {
    GenericRecord record = new GenericData.Record(SCHEMA);
    record.put("id", id);
    record.put("name", name);
    record.put("score", 2.5);
    record.put("tags", List.of("x", "y"));
    record.put("raw", ByteBuffer.wrap(new byte[] {1, 2}));
    record.put("amount", ByteBuffer.wrap(new BigDecimal("12.34").unscaledValue().toByteArray()));
    record.put("ts", 1_700_000_000_000L);
    record.put("kind", new GenericData.EnumSymbol(SCHEMA.getField("kind").schema(), "B"));
    return record;
  }

  static byte[] encode(GenericRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  @Test
  void decodesEveryFieldAsTheAvroReaderConvertsIt() throws IOException {
    StreamMessageDecoder decoder = decoder(Map.of("schema", SCHEMA_JSON));
    GenericRow row = decoder.decode(encode(record(7, "Ann")), new GenericRow());

    assertThat(row.fields()).containsOnlyKeys("id", "name", "score", "tags", "raw", "amount", "ts", "kind");
    assertThat(row.getValue("id")).isEqualTo(7L);
    assertThat(row.getValue("name")).isEqualTo("Ann");
    assertThat(row.getValue("score")).isEqualTo(2.5);
    assertThat((Object[]) row.getValue("tags")).containsExactly("x", "y");
    assertThat((byte[]) row.getValue("raw")).containsExactly(1, 2);
    assertThat(row.getValue("amount")).isEqualTo(new BigDecimal("12.34"));
    assertThat(row.getValue("ts")).isEqualTo(new Timestamp(1_700_000_000_000L));
    assertThat(row.getValue("kind")).isEqualTo("B");

    GenericRow next = decoder.decode(encode(record(8, null)), row);
    assertThat(next.getValue("id")).isEqualTo(8L);
    assertThat(next.hasColumn("name")).isTrue();
    assertThat(next.getValue("name")).isNull();
  }

  @Test
  void readerPropertiesAndLeadingBytes() throws IOException {
    StreamMessageDecoder raw = decoder(Map.of("schema", SCHEMA_JSON, "extractRawTimeValues", "true",
        "leading.bytes.to.strip", "5"));
    byte[] body = encode(record(1, "x"));
    byte[] framed = new byte[body.length + 5];
    System.arraycopy(body, 0, framed, 5, body.length);
    GenericRow row = raw.decode(framed, new GenericRow());
    assertThat(row.getValue("ts")).isEqualTo(1_700_000_000_000L);
    assertThat(row.getValue("id")).isEqualTo(1L);
    assertThatThrownBy(() -> raw.decode(new byte[3], new GenericRow())).isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("fewer than the 5 of leading.bytes.to.strip");
  }

  @Test
  void malformedPayloadsSayWhy() throws IOException {
    StreamMessageDecoder decoder = decoder(Map.of("schema", SCHEMA_JSON));
    byte[] payload = encode(record(1, "x"));
    assertThatThrownBy(() -> decoder.decode(Arrays.copyOf(payload, payload.length - 3), new GenericRow()))
        .isInstanceOf(MalformedMessageException.class).hasMessageContaining("does not match schema test.Event");
    assertThatThrownBy(() -> decoder.decode(Arrays.copyOf(payload, payload.length + 4), new GenericRow()))
        .isInstanceOf(MalformedMessageException.class).hasMessageContaining("longer than a record of schema");
    assertThatThrownBy(() -> decoder.decode(new byte[0], new GenericRow()))
        .isInstanceOf(MalformedMessageException.class);
    assertThatThrownBy(() -> decoder.decode("{\"id\": 1}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        new GenericRow())).isInstanceOf(MalformedMessageException.class);
    // A good message still decodes after bad ones.
    assertThat(decoder.decode(payload, new GenericRow()).getValue("id")).isEqualTo(1L);
  }

  @Test
  void invalidPropertiesNameTheKey() {
    assertThatThrownBy(() -> decoder(Map.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'schema' is missing");
    assertThatThrownBy(() -> decoder(Map.of("schema", "{not json"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'schema' is not a valid Avro schema");
    assertThatThrownBy(() -> decoder(Map.of("schema", "\"string\""))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be a record schema");
    assertThatThrownBy(() -> decoder(Map.of("schema", SCHEMA_JSON, "leading.bytes.to.strip", "-1")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'leading.bytes.to.strip'[-1]");
  }
}
