// SPDX-License-Identifier: Apache-2.0
package io.pinot.inputformat.avro;

import io.pinot.spi.data.readers.GenericRow;
import io.pinot.spi.stream.MalformedMessageException;
import io.pinot.spi.stream.StreamMessageDecoder;
import io.pinot.spi.stream.StreamMessageDecoderFactory;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.jspecify.annotations.Nullable;

/// Decodes stream messages holding one Avro binary-encoded record each (no container header, no schema id), as
/// Apache Pinot's `SimpleAvroMessageDecoder` does, with its decoder properties: `schema` (the writer schema as
/// JSON, required), `leading.bytes.to.strip` (bytes to skip before the record, default 0), and the Avro reader's
/// `enableLogicalTypes` (default true) and `extractRawTimeValues` (default false). Each top-level field becomes a
/// column, converted by [AvroValueConverter] as Avro files are. A payload that is shorter than the record, longer
/// than it, or otherwise does not match the schema throws [MalformedMessageException]. Thread-safe; its decoders
/// are not.
public final class AvroMessageDecoderFactory implements StreamMessageDecoderFactory {
  static final String SCHEMA = "schema";
  static final String LEADING_BYTES_TO_STRIP = "leading.bytes.to.strip";
  private static final Set<String> CLASS_NAMES = Set.of(AvroMessageDecoderFactory.class.getName(),
      "org.apache.pinot.plugin.inputformat.avro.SimpleAvroMessageDecoder",
      "org.apache.pinot.core.realtime.stream.SimpleAvroMessageDecoder");

  @Override
  public Set<String> classNames() {
    return CLASS_NAMES;
  }

  /// A decoder; a missing or unparsable `schema`, a schema that is not a record, or a negative or non-numeric
  /// `leading.bytes.to.strip` throws IllegalArgumentException naming the property.
  @Override
  public StreamMessageDecoder create(Map<String, String> decoderProperties,
      io.pinot.spi.data.Schema tableSchema, String topic) {
    String schemaJson = decoderProperties.get(SCHEMA);
    if (schemaJson == null || schemaJson.isBlank()) {
      throw new IllegalArgumentException("Avro decoder property '" + SCHEMA + "' is missing: set "
          + "stream.<type>.decoder.prop.schema to the writer schema (JSON) of topic " + topic);
    }
    Schema schema;
    try {
      schema = new Schema.Parser().parse(schemaJson);
    } catch (SchemaParseException e) {
      throw new IllegalArgumentException("Avro decoder property '" + SCHEMA + "' is not a valid Avro schema: "
          + e.getMessage(), e);
    }
    if (schema.getType() != Schema.Type.RECORD) {
      throw new IllegalArgumentException("Avro decoder property '" + SCHEMA + "' must be a record schema, not "
          + schema.getType());
    }
    AvroValueConverter converter = new AvroValueConverter(
        AvroRecordReader.flag(decoderProperties, "enableLogicalTypes", true),
        AvroRecordReader.flag(decoderProperties, "extractRawTimeValues", false));
    return new AvroMessageDecoder(schema, converter, leadingBytes(decoderProperties));
  }

  private static int leadingBytes(Map<String, String> properties) {
    String text = properties.get(LEADING_BYTES_TO_STRIP);
    if (text == null || text.isBlank()) {
      return 0;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("Invalid Avro decoder property '" + LEADING_BYTES_TO_STRIP + "'[" + text
        + "]: use a number of bytes, 0 or more");
  }

  /// Reads each payload with one reused datum reader, binary decoder and record. Not thread-safe.
  private static final class AvroMessageDecoder implements StreamMessageDecoder {
    private final Schema schema;
    private final AvroValueConverter converter;
    private final int leadingBytes;
    private final GenericDatumReader<GenericRecord> datumReader;
    private @Nullable BinaryDecoder decoder;
    private @Nullable GenericRecord record;

    AvroMessageDecoder(Schema schema, AvroValueConverter converter, int leadingBytes) {
      this.schema = schema;
      this.converter = converter;
      this.leadingBytes = leadingBytes;
      this.datumReader = new GenericDatumReader<>(schema);
    }

    @Override
    public GenericRow decode(byte[] payload, GenericRow destination) {
      if (payload.length < leadingBytes) {
        throw new MalformedMessageException("Avro message has " + payload.length + " bytes, fewer than the "
            + leadingBytes + " of " + LEADING_BYTES_TO_STRIP);
      }
      BinaryDecoder current = DecoderFactory.get().binaryDecoder(payload, leadingBytes,
          payload.length - leadingBytes, decoder);
      decoder = current;
      GenericRecord read;
      try {
        read = datumReader.read(record, current);
        if (!current.isEnd()) {
          throw new MalformedMessageException("Avro message is longer than a record of schema " + schema.getFullName()
              + ": the payload does not match the schema");
        }
      } catch (IOException | AvroRuntimeException | ClassCastException | IndexOutOfBoundsException
          | NegativeArraySizeException e) {
        throw new MalformedMessageException("Avro message does not match schema " + schema.getFullName() + ": "
            + e, e);
      }
      record = read;
      destination.clear();
      for (Schema.Field field : schema.getFields()) {
        destination.putValue(field.name(), converter.convert(field.schema(), read.get(field.pos())));
      }
      return destination;
    }
  }
}
