// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.datatable;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// Writes and reads Apache Pinot's DataTable version 4 bytes. All integers are big-endian; a string is
/// an `int32` byte length followed by UTF-8 bytes.
///
/// ```
/// 0  int32 version (4)     4 int32 numRows      8 int32 numColumns
/// 12 int32 exceptionsStart 16 int32 exceptionsLength
/// 20 int32 dictionaryStart 24 int32 dictionaryLength   (0 = none)
/// 28 int32 schemaStart     32 int32 schemaLength       (0 = none)
/// 36 int32 fixedStart      40 int32 fixedLength
/// 44 int32 variableStart   48 int32 variableLength
/// 52 exceptions | dictionary | schema | fixed | variable | int32 metadataLength | metadata
/// ```
/// Offsets are absolute. Sections are contiguous and the metadata follows the variable section directly,
/// because Pinot's readers read the metadata length relative to where the last section ended.
/// Exceptions: `int32 n`, then n × (`int32 code`, string). Dictionary: `int32 n`, n strings. Schema:
/// `int32 n`, n names, n type names. Metadata: `int32 n`, n × (`int32 keyId`, value per [MetadataKey]).
/// Only portable metadata keys (ids 0–25) are written; the entry count equals the entries written.
final class DataTableCodec {
  static final int HEADER_SIZE = 13 * Integer.BYTES;

  private DataTableCodec() {
  }

  static byte[] encode(DataTable table) {
    byte[] exceptions = encodeExceptions(table.exceptions());
    DataSchema schema = table.dataSchema();
    byte[] dictionary = schema == null ? new byte[0] : encodeDictionary(table.dictionary());
    byte[] schemaBytes = schema == null ? new byte[0] : encodeSchema(schema);
    ByteBuffer fixed = table.fixedSection();
    ByteBuffer variable = table.variableSection();
    byte[] metadata = encodeMetadata(table.metadata());
    int total = HEADER_SIZE + exceptions.length + dictionary.length + schemaBytes.length + fixed.capacity()
        + variable.capacity() + 4 + metadata.length;
    ByteBuffer out = ByteBuffer.allocate(total);
    out.putInt(DataTable.VERSION).putInt(table.numRows()).putInt(schema == null ? 0 : schema.size());
    int offset = HEADER_SIZE;
    offset = putSection(out, offset, exceptions.length);
    offset = putSection(out, offset, dictionary.length);
    offset = putSection(out, offset, schemaBytes.length);
    offset = putSection(out, offset, fixed.capacity());
    putSection(out, offset, variable.capacity());
    out.put(exceptions).put(dictionary).put(schemaBytes);
    out.put(fixed.duplicate().clear()).put(variable.duplicate().clear());
    out.putInt(metadata.length).put(metadata);
    return out.array();
  }

  static DataTable decode(ByteBuffer buffer) {
    try {
      int version = buffer.getInt();
      if (version != DataTable.VERSION) {
        throw new IllegalArgumentException("Unsupported DataTable version " + version + " (only 4 is supported)");
      }
      int numRows = buffer.getInt();
      buffer.getInt(); // numColumns: implied by the data schema
      int[] sections = new int[10];
      for (int i = 0; i < sections.length; i++) {
        sections[i] = buffer.getInt();
      }
      Map<Integer, String> exceptions = new LinkedHashMap<>();
      if (sections[1] != 0) {
        buffer.position(sections[0]);
        exceptions = decodeExceptions(buffer);
      }
      String[] dictionary = new String[0];
      if (sections[3] != 0) {
        buffer.position(sections[2]);
        dictionary = decodeDictionary(buffer);
      }
      DataSchema schema = null;
      if (sections[5] != 0) {
        buffer.position(sections[4]);
        schema = decodeSchema(buffer);
      }
      byte[] fixed = readSection(buffer, sections[6], sections[7]);
      byte[] variable = readSection(buffer, sections[8], sections[9]);
      Map<String, String> metadata = new LinkedHashMap<>();
      if (buffer.getInt() != 0) {
        metadata = decodeMetadata(buffer);
      }
      return new DataTable(numRows, schema, dictionary, fixed, variable, metadata, exceptions);
    } catch (BufferUnderflowException | IndexOutOfBoundsException | NegativeArraySizeException e) {
      throw new IllegalArgumentException("Truncated or corrupt DataTable", e);
    }
  }

  private static int putSection(ByteBuffer out, int offset, int length) {
    out.putInt(offset).putInt(length);
    return offset + length;
  }

  private static byte[] readSection(ByteBuffer buffer, int start, int length) {
    byte[] bytes = new byte[length];
    if (length != 0) {
      buffer.position(start);
      buffer.get(bytes);
    }
    return bytes;
  }

  private static byte[] encodeExceptions(Map<Integer, String> exceptions) {
    ByteSink sink = new ByteSink(64);
    sink.writeInt(exceptions.size());
    for (Map.Entry<Integer, String> entry : exceptions.entrySet()) {
      sink.writeInt(entry.getKey());
      sink.writeString(entry.getValue());
    }
    return sink.toByteArray();
  }

  private static Map<Integer, String> decodeExceptions(ByteBuffer buffer) {
    int count = buffer.getInt();
    Map<Integer, String> exceptions = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      int code = buffer.getInt();
      exceptions.put(code, readString(buffer));
    }
    return exceptions;
  }

  private static byte[] encodeDictionary(String[] dictionary) {
    ByteSink sink = new ByteSink(16 * dictionary.length + 4);
    sink.writeInt(dictionary.length);
    for (String value : dictionary) {
      sink.writeString(value);
    }
    return sink.toByteArray();
  }

  private static String[] decodeDictionary(ByteBuffer buffer) {
    String[] dictionary = new String[buffer.getInt()];
    for (int i = 0; i < dictionary.length; i++) {
      dictionary[i] = readString(buffer);
    }
    return dictionary;
  }

  private static byte[] encodeSchema(DataSchema schema) {
    ByteSink sink = new ByteSink(64);
    sink.writeInt(schema.size());
    for (String name : schema.columnNames()) {
      sink.writeString(name);
    }
    for (ColumnDataType type : schema.columnDataTypes()) {
      sink.writeString(type.name());
    }
    return sink.toByteArray();
  }

  private static DataSchema decodeSchema(ByteBuffer buffer) {
    int count = buffer.getInt();
    List<String> names = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      names.add(readString(buffer));
    }
    List<ColumnDataType> types = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String name = readString(buffer);
      try {
        types.add(ColumnDataType.valueOf(name));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Unknown column data type[" + name + "] in DataTable", e);
      }
    }
    return new DataSchema(names, types);
  }

  private static byte[] encodeMetadata(Map<String, String> metadata) {
    ByteSink sink = new ByteSink(128);
    sink.writeInt(0);
    int count = 0;
    for (Map.Entry<String, String> entry : metadata.entrySet()) {
      MetadataKey key = MetadataKey.byName(entry.getKey());
      if (key == null || !key.isPortable()) {
        continue;
      }
      sink.writeInt(key.id());
      switch (key.valueType()) {
        case INT -> sink.writeInt(Integer.parseInt(entry.getValue()));
        case LONG -> sink.writeLong(Long.parseLong(entry.getValue()));
        case STRING -> sink.writeString(entry.getValue());
        case BOOLEAN -> sink.writeByte(Boolean.parseBoolean(entry.getValue()) ? 1 : 0);
      }
      count++;
    }
    sink.putInt(0, count);
    return sink.toByteArray();
  }

  private static Map<String, String> decodeMetadata(ByteBuffer buffer) {
    int count = buffer.getInt();
    Map<String, String> metadata = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      int id = buffer.getInt();
      MetadataKey key = MetadataKey.byId(id);
      if (key == null) {
        // The value's length is unknown, so nothing after it can be decoded.
        throw new IllegalArgumentException("Unknown DataTable metadata key id " + id);
      }
      String value = switch (key.valueType()) {
        case INT -> Integer.toString(buffer.getInt());
        case LONG -> Long.toString(buffer.getLong());
        case STRING -> readString(buffer);
        case BOOLEAN -> Boolean.toString(buffer.get() != 0);
      };
      metadata.put(key.keyName(), value);
    }
    return metadata;
  }

  private static String readString(ByteBuffer buffer) {
    int length = buffer.getInt();
    if (length == 0) {
      return "";
    }
    byte[] bytes = new byte[length];
    buffer.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
