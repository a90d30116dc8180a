// SPDX-License-Identifier: Apache-2.0
package io.pinot.inputformat.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.inputformat.avro.AvroRecordReaderTest;
import io.pinot.segment.readers.RecordReaders;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.GenericRow;
import io.pinot.spi.data.readers.RecordReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The Parquet readers on files written in the test with parquet-hadoop (native schema, including INT96, DECIMAL in
/// every physical type, LIST, MAP and structs) and with parquet-avro; the automatic choice between them.
class ParquetRecordReaderTest {
  private static final Schema PINOT_SCHEMA = Schema.of("t", List.of(), List.of(), List.of());
  private static final String NATIVE_SCHEMA = """
      message row {
        required int32 i;
        required int64 l;
        optional float f;
        optional double d;
        required boolean b;
        optional binary s (STRING);
        optional binary raw;
        optional binary js (JSON);
        optional binary e (ENUM);
        optional int96 t96;
        optional int32 dec32 (DECIMAL(9, 2));
        optional int64 dec64 (DECIMAL(18, 3));
        optional binary decBin (DECIMAL(30, 4));
        optional fixed_len_byte_array(8) decFixed (DECIMAL(15, 1));
        optional int64 tsMillis (TIMESTAMP(MILLIS, true));
        optional int64 tsMicros (TIMESTAMP(MICROS, true));
        optional int32 day (DATE);
        optional group tags (LIST) {
          repeated group list {
            optional binary element (STRING);
          }
        }
        repeated int32 legacy;
        optional group attributes (MAP) {
          repeated group key_value {
            required binary key (STRING);
            optional int64 value;
          }
        }
        optional group nested {
          optional binary name (STRING);
          optional int32 n;
        }
      }
      """;

  @TempDir
  Path dir;

  private static Configuration configuration() {
    return ParquetFiles.configuration();
  }

  private Path writeNative(int rows) throws IOException {
    MessageType schema = MessageTypeParser.parseMessageType(NATIVE_SCHEMA);
    Path file = dir.resolve("native.parquet");
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(HadoopOutputFile.fromPath(
        new org.apache.hadoop.fs.Path(file.toUri()), configuration())).withType(schema).withConf(configuration())
        .withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
      for (int i = 0; i < rows; i++) {
        writer.write(nativeRow(groups, i));
      }
    }
    return file;
  }

  private static Group nativeRow(SimpleGroupFactory groups, int i) {
    Group row = groups.newGroup().append("i", i).append("l", -5_000_000_000L).append("b", i % 2 == 1)
        .append("s", "s" + i).append("raw", Binary.fromConstantByteArray(new byte[] {7, (byte) i}))
        .append("js", "{\"a\":1}").append("e", "BLUE")
        .append("t96", int96(1_700_000_000_123L)).append("dec32", 12_345).append("dec64", -9_876_543L)
        .append("decBin", Binary.fromConstantByteArray(new BigDecimal("12345678901234567890.1234").unscaledValue()
            .toByteArray()))
        .append("decFixed", Binary.fromConstantByteArray(ByteBuffer.allocate(8).putLong(1234L).array()))
        .append("tsMillis", 1_700_000_000_123L).append("tsMicros", 1_700_000_000_123_456L).append("day", 19_000);
    if (i > 0) {
      row.append("f", 0.5f).append("d", 1e300);
    }
    Group tags = row.addGroup("tags");
    tags.addGroup("list").append("element", "x");
    tags.addGroup("list").append("element", "y");
    row.append("legacy", 1).append("legacy", 2);
    row.addGroup("attributes").addGroup("key_value").append("key", "k").append("value", 3L);
    row.addGroup("nested").append("name", "in").append("n", 4);
    return row;
  }

  /// INT96: nanoseconds of the day then the Julian day, little-endian.
  private static Binary int96(long millis) {
    long days = Math.floorDiv(millis, 86_400_000L);
    long nanos = Math.floorMod(millis, 86_400_000L) * 1_000_000L;
    return Binary.fromConstantByteArray(ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putLong(nanos)
        .putInt((int) (days + 2_440_588L)).array());
  }

  @Test
  void nativeReaderMapsEveryParquetType() throws IOException {
    Path file = writeNative(2);
    try (RecordReader reader = RecordReaders.create("parquet", file, Map.of(), PINOT_SCHEMA)) {
      assertThat(reader).isInstanceOf(ParquetNativeRecordReader.class);
      GenericRow row = reader.next(new GenericRow());
      assertThat(reader.position()).isEqualTo("file native.parquet row 1");
      assertThat(row.getValue("i")).isEqualTo(0);
      assertThat(row.getValue("l")).isEqualTo(-5_000_000_000L);
      assertThat(row.getValue("f")).isNull();
      assertThat(row.getValue("b")).isEqualTo(false);
      assertThat(row.getValue("s")).isEqualTo("s0");
      assertThat((byte[]) row.getValue("raw")).containsExactly(7, 0);
      assertThat(row.getValue("js")).isEqualTo("{\"a\":1}");
      assertThat(row.getValue("e")).isEqualTo("BLUE");
      assertThat(row.getValue("t96")).isEqualTo(1_700_000_000_123L);
      assertThat(row.getValue("dec32")).isEqualTo(new BigDecimal("123.45"));
      assertThat(row.getValue("dec64")).isEqualTo(new BigDecimal("-9876.543"));
      assertThat(row.getValue("decBin")).isEqualTo(new BigDecimal("12345678901234567890.1234"));
      assertThat(row.getValue("decFixed")).isEqualTo(new BigDecimal("123.4"));
      assertThat(row.getValue("tsMillis")).isEqualTo(new Timestamp(1_700_000_000_123L));
      assertThat(((Timestamp) row.getValue("tsMicros")).getNanos()).isEqualTo(123_456_000);
      assertThat(row.getValue("day")).isEqualTo(LocalDate.ofEpochDay(19_000));
      assertThat((Object[]) row.getValue("tags")).containsExactly("x", "y");
      assertThat((Object[]) row.getValue("legacy")).containsExactly(1, 2);
      assertThat(row.getValue("attributes")).isEqualTo(Map.of("k", 3L));
      assertThat(row.getValue("nested")).isEqualTo(Map.of("name", "in", "n", 4));
      row = reader.next(row);
      assertThat(row.getValue("f")).isEqualTo(0.5f);
      assertThat(row.getValue("d")).isEqualTo(1e300);
      assertThat(reader.hasNext()).isFalse();
      reader.rewind();
      assertThat(reader.next(row).getValue("i")).isEqualTo(0);
    }
  }

  @Test
  void rawTimeValuesKeepTheNumbers() throws IOException {
    Path file = writeNative(1);
    try (RecordReader reader = RecordReaders.create(
        "org.apache.pinot.plugin.inputformat.parquet.ParquetNativeRecordReader", file,
        Map.of("extractRawTimeValues", "true"), PINOT_SCHEMA)) {
      GenericRow row = reader.next(new GenericRow());
      assertThat(row.getValue("tsMicros")).isEqualTo(1_700_000_000_123_456L);
      assertThat(row.getValue("day")).isEqualTo(19_000);
    }
  }

  private Path writeAvro(int rows) throws IOException {
    org.apache.avro.Schema schema = AvroRecordReaderTest.schema();
    Path file = dir.resolve("avro.parquet");
    try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(HadoopOutputFile.fromPath(
        new org.apache.hadoop.fs.Path(file.toUri()), configuration())).withSchema(schema).withConf(configuration())
        .withCompressionCodec(CompressionCodecName.ZSTD).build()) {
      for (int i = 0; i < rows; i++) {
        writer.write(AvroRecordReaderTest.record(schema, i));
      }
    }
    return file;
  }

  @Test
  void avroWrittenFilesAreReadThroughAvroAndAgreeWithTheNativeReader() throws IOException {
    Path file = writeAvro(3);
    GenericRow viaAvro = new GenericRow();
    try (RecordReader reader = RecordReaders.create("parquet", file, Map.of(), PINOT_SCHEMA)) {
      assertThat(reader).isInstanceOf(ParquetAvroRecordReader.class);
      reader.next(viaAvro);
      assertThat(reader.position()).isEqualTo("file avro.parquet row 1");
    }
    assertThat(viaAvro.getValue("i")).isEqualTo(0);
    assertThat(viaAvro.getValue("e")).isEqualTo("GREEN");
    assertThat((Object[]) viaAvro.getValue("ints")).containsExactly(1, 2, 3);
    assertThat((Object[]) viaAvro.getValue("tags")).isEmpty();
    assertThat(viaAvro.getValue("attributes")).isEqualTo(Map.of("k", 7));
    assertThat(viaAvro.getValue("price")).isEqualTo(new BigDecimal("123.45"));
    assertThat(viaAvro.getValue("tsMillis")).isEqualTo(new Timestamp(1_700_000_000_123L));
    GenericRow viaNative = new GenericRow();
    try (RecordReader reader = new ParquetNativeRecordReader(file, false)) {
      reader.next(viaNative);
    }
    for (String column : List.of("i", "l", "f", "d", "b", "s", "price", "tsMillis", "day", "maybe")) {
      assertThat(viaNative.getValue(column)).as(column).isEqualTo(viaAvro.getValue(column));
    }
    assertThat((Object[]) viaNative.getValue("ints")).containsExactly((Object[]) viaAvro.getValue("ints"));
  }

  @Test
  void emptyAndInvalidFiles() throws IOException {
    Path empty = writeNative(0);
    try (RecordReader reader = new ParquetNativeRecordReader(empty, false)) {
      assertThat(reader.hasNext()).isFalse();
    }
    Path text = Files.writeString(dir.resolve("bad.parquet"), "not parquet at all");
    assertThatThrownBy(() -> RecordReaders.create("parquet", text, Map.of(), PINOT_SCHEMA))
        .isInstanceOf(IOException.class).hasMessageContaining("bad.parquet");
  }
}
