// SPDX-License-Identifier: Apache-2.0
package io.pinot.inputformat;

import io.pinot.common.utils.JsonUtils;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/// Writes the rows of [EquivalenceData] as CSV, JSON lines, Avro, Parquet through parquet-avro, and Parquet with a
/// native schema, each in the way a user's file of that format would hold them.
final class EquivalenceFiles {
  private static final String NATIVE_SCHEMA = """
      message everything {
        optional int32 intCol; optional int64 longCol; optional float floatCol; optional double doubleCol;
        optional int64 decimalCol (DECIMAL(18, 4)); optional boolean boolCol;
        optional int64 tsCol (TIMESTAMP(MILLIS, true)); optional binary stringCol (STRING);
        optional binary jsonCol (JSON); optional binary bytesCol;
        optional group intMv (LIST) { repeated group list { optional int32 element; } }
        optional group longMv (LIST) { repeated group list { optional int64 element; } }
        optional group floatMv (LIST) { repeated group list { optional float element; } }
        optional group doubleMv (LIST) { repeated group list { optional double element; } }
        optional group stringMv (LIST) { repeated group list { optional binary element (STRING); } }
        optional int64 metricLong; optional double metricDouble; required int32 daysSinceEpoch;
      }
      """;

  private EquivalenceFiles() {
  }

  static Path csv(List<Map<String, Object>> rows, Path file) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(String.join(",", EquivalenceData.SOURCE_COLUMNS) + "\n");
      for (Map<String, Object> row : rows) {
        StringBuilder line = new StringBuilder();
        for (String column : EquivalenceData.SOURCE_COLUMNS) {
          line.append(column.equals(EquivalenceData.SOURCE_COLUMNS.getFirst()) ? "" : ",");
          Object value = row.get(column);
          if (value != null) {
            line.append('"').append(csvText(value).replace("\"", "\"\"")).append('"');
          }
        }
        out.write(line.append('\n').toString());
      }
    }
    return file;
  }

  private static String csvText(Object value) {
    return switch (value) {
      case byte[] bytes -> EquivalenceData.hex(bytes);
      case Map<?, ?> map -> JsonUtils.toJson(map);
      case List<?> list -> {
        StringBuilder text = new StringBuilder();
        for (Object element : list) {
          text.append(text.isEmpty() ? "" : ";").append(element);
        }
        yield text.toString();
      }
      case BigDecimal decimal -> decimal.toPlainString();
      default -> value.toString();
    };
  }

  static Path json(List<Map<String, Object>> rows, Path file) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      int index = 0;
      for (Map<String, Object> row : rows) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : row.entrySet()) {
          Object value = entry.getValue() instanceof byte[] bytes ? EquivalenceData.hex(bytes) : entry.getValue();
          if (value != null || index % 2 == 1) {
            json.put(entry.getKey(), value);
          }
        }
        out.write(JsonUtils.toJson(json) + "\n");
        index++;
      }
    }
    return file;
  }

  static Schema avroSchema() {
    Schema decimal = LogicalTypes.decimal(20, 4).addToSchema(Schema.create(Schema.Type.BYTES));
    Schema timestamp = LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
    return SchemaBuilder.record("everything").fields()
        .optionalInt("intCol").optionalLong("longCol").optionalFloat("floatCol").optionalDouble("doubleCol")
        .name("decimalCol").type().unionOf().nullType().and().type(decimal).endUnion().nullDefault()
        .optionalBoolean("boolCol")
        .name("tsCol").type().unionOf().nullType().and().type(timestamp).endUnion().nullDefault()
        .optionalString("stringCol").optionalString("jsonCol").optionalBytes("bytesCol")
        .name("intMv").type().nullable().array().items().intType().noDefault()
        .name("longMv").type().nullable().array().items().longType().noDefault()
        .name("floatMv").type().nullable().array().items().floatType().noDefault()
        .name("doubleMv").type().nullable().array().items().doubleType().noDefault()
        .name("stringMv").type().nullable().array().items().stringType().noDefault()
        .optionalLong("metricLong").optionalDouble("metricDouble").requiredInt("daysSinceEpoch")
        .endRecord();
  }

  private static GenericRecord avroRecord(Schema schema, Map<String, Object> row) {
    GenericRecord record = new GenericData.Record(schema);
    for (Map.Entry<String, Object> entry : row.entrySet()) {
      Object value = switch (entry.getValue()) {
        case null -> null;
        case byte[] bytes -> ByteBuffer.wrap(bytes);
        case BigDecimal decimal -> ByteBuffer.wrap(decimal.unscaledValue().toByteArray());
        case Map<?, ?> map -> JsonUtils.toJson(map);
        default -> entry.getValue();
      };
      record.put(entry.getKey(), value);
    }
    return record;
  }

  static Path avro(List<Map<String, Object>> rows, Path file) throws IOException {
    Schema schema = avroSchema();
    try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(schema))) {
      writer.create(schema, file.toFile());
      for (Map<String, Object> row : rows) {
        writer.append(avroRecord(schema, row));
      }
    }
    return file;
  }

  private static Configuration configuration() {
    return new Configuration(false);
  }

  static Path parquetAvro(List<Map<String, Object>> rows, Path file) throws IOException {
    Schema schema = avroSchema();
    try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(HadoopOutputFile.fromPath(
        new org.apache.hadoop.fs.Path(file.toUri()), configuration())).withSchema(schema).withConf(configuration())
        .build()) {
      for (Map<String, Object> row : rows) {
        writer.write(avroRecord(schema, row));
      }
    }
    return file;
  }

  static Path parquetNative(List<Map<String, Object>> rows, Path file) throws IOException {
    MessageType schema = MessageTypeParser.parseMessageType(NATIVE_SCHEMA);
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(HadoopOutputFile.fromPath(
        new org.apache.hadoop.fs.Path(file.toUri()), configuration())).withType(schema).withConf(configuration())
        .build()) {
      for (Map<String, Object> row : rows) {
        Group group = groups.newGroup();
        for (Map.Entry<String, Object> entry : row.entrySet()) {
          appendNative(group, entry.getKey(), entry.getValue());
        }
        writer.write(group);
      }
    }
    return file;
  }

  private static void appendNative(Group group, String column, Object value) {
    switch (value) {
      case null -> {
      }
      case Integer i -> group.append(column, i);
      case Long l -> group.append(column, l);
      case Float f -> group.append(column, f);
      case Double d -> group.append(column, d);
      case Boolean b -> group.append(column, b);
      case String s -> group.append(column, s);
      case BigDecimal decimal -> group.append(column, decimal.unscaledValue().longValueExact());
      case byte[] bytes -> group.append(column, Binary.fromConstantByteArray(bytes));
      case Map<?, ?> map -> group.append(column, JsonUtils.toJson(map));
      case List<?> list -> {
        if (!list.isEmpty()) {
          Group wrapper = group.addGroup(column);
          for (Object element : list) {
            appendNative(wrapper.addGroup("list"), "element", element);
          }
        }
      }
      default -> throw new IllegalArgumentException("Unexpected value " + value);
    }
  }
}
