// SPDX-License-Identifier: Apache-2.0
package io.pinot.inputformat.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.segment.readers.RecordReaders;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.GenericRow;
import io.pinot.spi.data.readers.RecordReadException;
import io.pinot.spi.data.readers.RecordReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.LogicalTypes;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The Avro reader on files written in the test with the Avro library: Pinot's type mapping, logical types on and
/// off, positions, rewind, and corrupt input.
public class AvroRecordReaderTest {
  private static final Schema PINOT_SCHEMA = Schema.of("t", List.of(), List.of(), List.of());

  @TempDir
  Path dir;

  public static org.apache.avro.Schema schema() {
    org.apache.avro.Schema decimal = LogicalTypes.decimal(10, 2)
        .addToSchema(org.apache.avro.Schema.create(org.apache.avro.Schema.Type.BYTES));
    org.apache.avro.Schema timestampMillis = LogicalTypes.timestampMillis()
        .addToSchema(org.apache.avro.Schema.create(org.apache.avro.Schema.Type.LONG));
    org.apache.avro.Schema timestampMicros = LogicalTypes.timestampMicros()
        .addToSchema(org.apache.avro.Schema.create(org.apache.avro.Schema.Type.LONG));
    org.apache.avro.Schema date = LogicalTypes.date()
        .addToSchema(org.apache.avro.Schema.create(org.apache.avro.Schema.Type.INT));
    org.apache.avro.Schema timeMillis = LogicalTypes.timeMillis()
        .addToSchema(org.apache.avro.Schema.create(org.apache.avro.Schema.Type.INT));
    org.apache.avro.Schema uuid = LogicalTypes.uuid()
        .addToSchema(org.apache.avro.Schema.create(org.apache.avro.Schema.Type.STRING));
    return SchemaBuilder.record("row").fields()
        .requiredInt("i").requiredLong("l").requiredFloat("f").requiredDouble("d").requiredBoolean("b")
        .requiredString("s").requiredBytes("raw")
        .name("fx").type().fixed("fx").size(2).noDefault()
        .name("e").type().enumeration("color").symbols("RED", "GREEN").noDefault()
        .name("ints").type().array().items().intType().noDefault()
        .name("tags").type().array().items().stringType().noDefault()
        .name("attributes").type().map().values().intType().noDefault()
        .name("nested").type().record("inner").fields().requiredString("name").optionalInt("n").endRecord()
        .noDefault()
        .optionalInt("maybe")
        .name("price").type(decimal).noDefault()
        .name("tsMillis").type(timestampMillis).noDefault()
        .name("tsMicros").type(timestampMicros).noDefault()
        .name("day").type(date).noDefault()
        .name("time").type(timeMillis).noDefault()
        .name("id").type(uuid).noDefault()
        .endRecord();
  }

  public static GenericRecord record(org.apache.avro.Schema schema, int i) {
    GenericRecord record = new GenericData.Record(schema);
    record.put("i", i);
    record.put("l", Long.MAX_VALUE - i);
    record.put("f", 1.5f);
    record.put("d", -2.25);
    record.put("b", i % 2 == 0);
    record.put("s", "text" + i);
    record.put("raw", ByteBuffer.wrap(new byte[] {1, 2, (byte) i}));
    record.put("fx", new GenericData.Fixed(schema.getField("fx").schema(), new byte[] {9, 8}));
    record.put("e", new GenericData.EnumSymbol(schema.getField("e").schema(), "GREEN"));
    record.put("ints", List.of(1, 2, 3));
    record.put("tags", List.of());
    record.put("attributes", Map.of("k", 7));
    GenericRecord inner = new GenericData.Record(schema.getField("nested").schema());
    inner.put("name", "in");
    inner.put("n", null);
    record.put("nested", inner);
    record.put("maybe", i == 0 ? null : i);
    record.put("price", ByteBuffer.wrap(new BigDecimal("123.45").unscaledValue().toByteArray()));
    record.put("tsMillis", 1_700_000_000_123L);
    record.put("tsMicros", 1_700_000_000_123_456L);
    record.put("day", 19_000);
    record.put("time", 3_600_000);
    record.put("id", "123e4567-e89b-12d3-a456-426614174000");
    return record;
  }

  private Path write(int rows, CodecFactory codec) throws IOException {
    org.apache.avro.Schema schema = schema();
    Path file = dir.resolve("data.avro");
    try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(schema))) {
      writer.setCodec(codec);
      writer.create(schema, file.toFile());
      for (int i = 0; i < rows; i++) {
        writer.append(record(schema, i));
      }
    }
    return file;
  }

  @Test
  void mapsAvroTypesAsPinotDoes() throws IOException {
    Path file = write(2, CodecFactory.snappyCodec());
    try (RecordReader reader = RecordReaders.create("org.apache.pinot.plugin.inputformat.avro.AvroRecordReader", file,
        Map.of(), PINOT_SCHEMA)) {
      GenericRow row = reader.next(new GenericRow());
      assertThat(reader.position()).isEqualTo("file data.avro record 1");
      assertThat(row.getValue("i")).isEqualTo(0);
      assertThat(row.getValue("l")).isEqualTo(Long.MAX_VALUE);
      assertThat(row.getValue("f")).isEqualTo(1.5f);
      assertThat(row.getValue("d")).isEqualTo(-2.25);
      assertThat(row.getValue("b")).isEqualTo(true);
      assertThat(row.getValue("s")).isEqualTo("text0");
      assertThat((byte[]) row.getValue("raw")).containsExactly(1, 2, 0);
      assertThat((byte[]) row.getValue("fx")).containsExactly(9, 8);
      assertThat(row.getValue("e")).isEqualTo("GREEN");
      assertThat((Object[]) row.getValue("ints")).containsExactly(1, 2, 3);
      assertThat((Object[]) row.getValue("tags")).isEmpty();
      assertThat(row.getValue("attributes")).isEqualTo(Map.of("k", 7));
      Map<String, Object> nested = new HashMap<>();
      nested.put("name", "in");
      nested.put("n", null);
      assertThat(row.getValue("nested")).isEqualTo(nested);
      assertThat(row.hasColumn("maybe")).isTrue();
      assertThat(row.getValue("maybe")).isNull();
      assertThat(row.getValue("price")).isEqualTo(new BigDecimal("123.45"));
      assertThat(row.getValue("tsMillis")).isEqualTo(new Timestamp(1_700_000_000_123L));
      assertThat(((Timestamp) row.getValue("tsMicros")).getNanos()).isEqualTo(123_456_000);
      assertThat(row.getValue("day")).isEqualTo(LocalDate.ofEpochDay(19_000));
      assertThat(row.getValue("time")).isEqualTo(LocalTime.of(1, 0));
      assertThat(row.getValue("id")).isEqualTo(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
      assertThat(reader.next(row).getValue("maybe")).isEqualTo(1);
      assertThat(reader.hasNext()).isFalse();
    }
  }

  @Test
  void logicalTypesCanBeDisabledOrKeepRawTimes() throws IOException {
    Path file = write(1, CodecFactory.nullCodec());
    try (AvroRecordReader reader = new AvroRecordReader(file, Map.of("enableLogicalTypes", "false"))) {
      GenericRow row = reader.next(new GenericRow());
      assertThat(row.getValue("tsMillis")).isEqualTo(1_700_000_000_123L);
      assertThat(row.getValue("day")).isEqualTo(19_000);
      assertThat((byte[]) row.getValue("price")).isEqualTo(new BigDecimal("123.45").unscaledValue().toByteArray());
      assertThat(row.getValue("id")).isEqualTo("123e4567-e89b-12d3-a456-426614174000");
    }
    try (AvroRecordReader reader = new AvroRecordReader(file, Map.of("extractRawTimeValues", "true"))) {
      GenericRow row = reader.next(new GenericRow());
      assertThat(row.getValue("tsMicros")).isEqualTo(1_700_000_000_123_456L);
      assertThat(row.getValue("price")).isEqualTo(new BigDecimal("123.45"));
    }
  }

  @Test
  void emptyFileHasNoRecordsAndRewindRestarts() throws IOException {
    try (AvroRecordReader reader = new AvroRecordReader(write(0, CodecFactory.deflateCodec(1)), Map.of())) {
      assertThat(reader.hasNext()).isFalse();
    }
    try (AvroRecordReader reader = new AvroRecordReader(write(3, CodecFactory.zstandardCodec(1)), Map.of())) {
      GenericRow row = new GenericRow();
      while (reader.hasNext()) {
        reader.next(row);
      }
      assertThat(reader.position()).isEqualTo("file data.avro record 3");
      reader.rewind();
      assertThat(reader.next(row).getValue("i")).isEqualTo(0);
      assertThat(reader.position()).isEqualTo("file data.avro record 1");
    }
  }

  @Test
  void notAvroOrCorruptDataIsReported() throws IOException {
    Path text = Files.writeString(dir.resolve("x.avro"), "not avro");
    assertThatThrownBy(() -> new AvroRecordReader(text, Map.of())).isInstanceOf(IOException.class)
        .hasMessageContaining("x.avro");
    Path file = write(50, CodecFactory.nullCodec());
    byte[] bytes = Files.readAllBytes(file);
    for (int i = bytes.length / 2; i < bytes.length - 40; i++) {
      bytes[i] = (byte) 0xff;
    }
    Path corrupt = Files.write(dir.resolve("corrupt.avro"), bytes);
    try (AvroRecordReader reader = new AvroRecordReader(corrupt, Map.of())) {
      assertThatThrownBy(() -> {
        GenericRow row = new GenericRow();
        while (reader.hasNext()) {
          reader.next(row);
        }
      }).isInstanceOf(RecordReadException.class).hasMessageContaining("file corrupt.avro record");
    }
  }
}
