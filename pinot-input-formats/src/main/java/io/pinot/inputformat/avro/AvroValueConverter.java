// SPDX-License-Identifier: Apache-2.0
package io.pinot.inputformat.avro;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.jspecify.annotations.Nullable;

/// Converts Avro values (as `GenericDatumReader` produces them, without logical-type conversions) to the values of a
/// Pinot record, as Pinot's `AvroRecordExtractor`:
///
/// | Avro | value |
/// |---|---|
/// | null, or a union branch null | null |
/// | boolean, int, long, float, double | `Boolean`, `Integer`, `Long`, `Float`, `Double` |
/// | string, enum | `String` |
/// | bytes, fixed | `byte[]` |
/// | array | `Object[]` of converted elements (a multi-value) |
/// | map | `Map<String, Object>` of converted values |
/// | record | `Map<String, Object>` of converted fields (JSON text for STRING/JSON, or `complexTypeConfig`) |
/// | `decimal` (bytes or fixed) | `BigDecimal` |
/// | `timestamp-*`, `local-timestamp-*` | `java.sql.Timestamp` (the raw number with `extractRawTimeValues`) |
/// | `date` | `LocalDate` (epoch days as a number) |
/// | `time-millis`/`time-micros` | `LocalTime` (millis of day as a number) |
/// | `uuid` | `UUID` |
/// | Parquet INT96 read as fixed(12) named `INT96` | `Long` epoch milliseconds |
///
/// With `enableLogicalTypes: false` logical types are ignored and the underlying physical values are returned.
/// Immutable and thread-safe.
public final class AvroValueConverter {
  private final boolean logicalTypes;
  private final boolean rawTimeValues;

  /// @param logicalTypes whether logical types are applied (Pinot's `enableLogicalTypes`, default true)
  /// @param rawTimeValues whether temporal logical types keep their raw numbers (Pinot's `extractRawTimeValues`)
  public AvroValueConverter(boolean logicalTypes, boolean rawTimeValues) {
    this.logicalTypes = logicalTypes;
    this.rawTimeValues = rawTimeValues;
  }

  /// Converts the value of a field of the given schema.
  public @Nullable Object convert(Schema schema, @Nullable Object value) {
    if (value == null) {
      return null;
    }
    Schema resolved = schema.isUnion() ? schema.getTypes().get(GenericData.get().resolveUnion(schema, value)) : schema;
    return switch (resolved.getType()) {
      case ARRAY -> {
        List<?> list = (List<?>) value;
        Object[] values = new Object[list.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = convert(resolved.getElementType(), list.get(i));
        }
        yield values;
      }
      case MAP -> {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
          map.put(entry.getKey().toString(), convert(resolved.getValueType(), entry.getValue()));
        }
        yield map;
      }
      case RECORD -> record(resolved, (GenericRecord) value);
      case BOOLEAN, FLOAT, DOUBLE, NULL -> value;
      case ENUM -> value.toString();
      case INT, LONG, STRING, BYTES, FIXED -> single(resolved, value);
      case UNION -> throw new IllegalStateException("nested union in " + schema);
    };
  }

  /// The fields of a record as a map (field order kept).
  public Map<String, @Nullable Object> record(Schema schema, GenericRecord record) {
    Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    for (Schema.Field field : schema.getFields()) {
      fields.put(field.name(), convert(field.schema(), record.get(field.pos())));
    }
    return fields;
  }

  private Object single(Schema schema, Object value) {
    if (schema.getType() == Schema.Type.FIXED && schema.getFixedSize() == 12 && "INT96".equals(schema.getName())) {
      return int96Millis(((GenericFixed) value).bytes());
    }
    LogicalType logicalType = logicalTypes ? LogicalTypes.fromSchemaIgnoreInvalid(schema) : null;
    if (logicalType != null) {
      Object converted = logical(logicalType, schema, value);
      if (converted != null) {
        return converted;
      }
    }
    return switch (schema.getType()) {
      case STRING -> value.toString();
      case BYTES -> bytes((ByteBuffer) value);
      case FIXED -> ((GenericFixed) value).bytes().clone();
      default -> value;
    };
  }

  /// The value of a logical type, or null to fall back to the physical value.
  private @Nullable Object logical(LogicalType logicalType, Schema schema, Object value) {
    return switch (logicalType) {
      case LogicalTypes.Decimal decimal -> new BigDecimal(new BigInteger(schema.getType() == Schema.Type.BYTES
          ? bytes((ByteBuffer) value) : ((GenericFixed) value).bytes()), decimal.getScale());
      case LogicalTypes.TimestampMillis t -> rawTimeValues ? null : new Timestamp((Long) value);
      case LogicalTypes.LocalTimestampMillis t -> rawTimeValues ? null : new Timestamp((Long) value);
      case LogicalTypes.TimestampMicros t -> rawTimeValues ? null : timestamp((Long) value, 1_000_000L);
      case LogicalTypes.LocalTimestampMicros t -> rawTimeValues ? null : timestamp((Long) value, 1_000_000L);
      case LogicalTypes.TimestampNanos t -> rawTimeValues ? null : timestamp((Long) value, 1_000_000_000L);
      case LogicalTypes.LocalTimestampNanos t -> rawTimeValues ? null : timestamp((Long) value, 1_000_000_000L);
      case LogicalTypes.Date d -> rawTimeValues ? null : LocalDate.ofEpochDay((Integer) value);
      case LogicalTypes.TimeMillis t -> rawTimeValues ? null : LocalTime.ofNanoOfDay((Integer) value * 1_000_000L);
      case LogicalTypes.TimeMicros t -> rawTimeValues ? null : LocalTime.ofNanoOfDay((Long) value * 1_000L);
      default -> logicalType.getName().equals("uuid") ? uuid(schema, value) : null;
    };
  }

  private static Timestamp timestamp(long value, long unitsPerSecond) {
    long seconds = Math.floorDiv(value, unitsPerSecond);
    long fraction = Math.floorMod(value, unitsPerSecond);
    return Timestamp.from(Instant.ofEpochSecond(seconds, fraction * (1_000_000_000L / unitsPerSecond)));
  }

  private static UUID uuid(Schema schema, Object value) {
    if (schema.getType() == Schema.Type.FIXED) {
      ByteBuffer buffer = ByteBuffer.wrap(((GenericFixed) value).bytes());
      return new UUID(buffer.getLong(), buffer.getLong());
    }
    return UUID.fromString(value.toString());
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer slice = buffer.slice();
    byte[] bytes = new byte[slice.remaining()];
    slice.get(bytes);
    return bytes;
  }

  /// Epoch milliseconds of a Parquet INT96 timestamp: 8 bytes of nanoseconds of the day then 4 bytes of Julian day,
  /// both little-endian.
  public static long int96Millis(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    long nanosOfDay = buffer.getLong();
    int julianDay = buffer.getInt();
    return (julianDay - 2_440_588L) * 86_400_000L + Math.floorDiv(nanosOfDay, 1_000_000L);
  }
}
