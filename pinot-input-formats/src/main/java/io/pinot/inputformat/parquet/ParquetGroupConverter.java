// SPDX-License-Identifier: Apache-2.0
package io.pinot.inputformat.parquet;

import io.pinot.inputformat.avro.AvroValueConverter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.jspecify.annotations.Nullable;

/// Converts Parquet records read with the example `Group` model to the values of a Pinot record, as Pinot's
/// `ParquetNativeRecordExtractor`:
///
/// | Parquet | value |
/// |---|---|
/// | BOOLEAN, INT32, INT64, FLOAT, DOUBLE | `Boolean`, `Integer`, `Long`, `Float`, `Double` |
/// | BINARY/FIXED with STRING, ENUM or JSON annotation | `String` |
/// | BINARY/FIXED otherwise | `byte[]` |
/// | DECIMAL (INT32, INT64, BINARY, FIXED) | `BigDecimal` |
/// | INT96 | `Long` epoch milliseconds |
/// | INT64 TIMESTAMP (MILLIS, MICROS, NANOS) | `java.sql.Timestamp` (raw number with `extractRawTimeValues`) |
/// | INT32 DATE | `LocalDate` |
/// | TIME | `LocalTime` |
/// | FIXED UUID | `UUID` |
/// | LIST (3-level or legacy 2-level), repeated fields | `Object[]` |
/// | MAP | `Map<String, Object>` |
/// | other groups (structs) | `Map<String, Object>` |
///
/// Immutable and thread-safe.
final class ParquetGroupConverter {
  private final boolean rawTimeValues;

  ParquetGroupConverter(boolean rawTimeValues) {
    this.rawTimeValues = rawTimeValues;
  }

  /// The fields of a top-level record.
  Map<String, @Nullable Object> record(Group group) {
    GroupType type = group.getType();
    Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < type.getFieldCount(); i++) {
      fields.put(type.getFieldName(i), field(group, i));
    }
    return fields;
  }

  private @Nullable Object field(Group group, int index) {
    Type type = group.getType().getType(index);
    int count = group.getFieldRepetitionCount(index);
    if (type.isRepetition(Type.Repetition.REPEATED)) {
      Object[] values = new Object[count];
      for (int i = 0; i < count; i++) {
        values[i] = value(group, index, type, i);
      }
      return values;
    }
    return count == 0 ? null : value(group, index, type, 0);
  }

  private @Nullable Object value(Group group, int index, Type type, int repetition) {
    if (type.isPrimitive()) {
      return primitive(group, index, type.asPrimitiveType(), repetition);
    }
    Group child = group.getGroup(index, repetition);
    LogicalTypeAnnotation annotation = type.getLogicalTypeAnnotation();
    if (annotation instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
      return list(child);
    }
    if (annotation instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
        || annotation instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) {
      return map(child);
    }
    Map<String, @Nullable Object> struct = new LinkedHashMap<>();
    GroupType groupType = child.getType();
    for (int i = 0; i < groupType.getFieldCount(); i++) {
      struct.put(groupType.getFieldName(i), field(child, i));
    }
    return struct;
  }

  private Object[] list(Group list) {
    Type repeated = list.getType().getType(0);
    int count = list.getFieldRepetitionCount(0);
    Object[] values = new Object[count];
    boolean wrapper = !repeated.isPrimitive() && repeated.asGroupType().getFieldCount() == 1
        && !repeated.getName().equals("array") && !repeated.getName().equals(list.getType().getName() + "_tuple");
    for (int i = 0; i < count; i++) {
      values[i] = wrapper ? field(list.getGroup(0, i), 0) : value(list, 0, repeated, i);
    }
    return values;
  }

  private Map<String, @Nullable Object> map(Group map) {
    Map<String, @Nullable Object> values = new LinkedHashMap<>();
    int count = map.getFieldRepetitionCount(0);
    for (int i = 0; i < count; i++) {
      Group entry = map.getGroup(0, i);
      GroupType entryType = entry.getType();
      Object key = field(entry, entryType.getFieldIndex("key"));
      Object value = entryType.containsField("value") ? field(entry, entryType.getFieldIndex("value")) : null;
      values.put(String.valueOf(key), value);
    }
    return values;
  }

  private Object primitive(Group group, int index, PrimitiveType type, int repetition) {
    LogicalTypeAnnotation annotation = type.getLogicalTypeAnnotation();
    return switch (type.getPrimitiveTypeName()) {
      case BOOLEAN -> group.getBoolean(index, repetition);
      case INT32 -> int32(group.getInteger(index, repetition), annotation);
      case INT64 -> int64(group.getLong(index, repetition), annotation);
      case INT96 -> AvroValueConverter.int96Millis(group.getInt96(index, repetition).getBytes());
      case FLOAT -> group.getFloat(index, repetition);
      case DOUBLE -> group.getDouble(index, repetition);
      case BINARY, FIXED_LEN_BYTE_ARRAY -> binary(group.getBinary(index, repetition).getBytes(), annotation);
    };
  }

  private Object int32(int value, @Nullable LogicalTypeAnnotation annotation) {
    return switch (annotation) {
      case DecimalLogicalTypeAnnotation decimal -> BigDecimal.valueOf(value, decimal.getScale());
      case LogicalTypeAnnotation.DateLogicalTypeAnnotation date -> rawTimeValues ? value : LocalDate.ofEpochDay(value);
      case TimeLogicalTypeAnnotation time -> rawTimeValues ? value : LocalTime.ofNanoOfDay(value * 1_000_000L);
      case null, default -> value;
    };
  }

  private Object int64(long value, @Nullable LogicalTypeAnnotation annotation) {
    return switch (annotation) {
      case DecimalLogicalTypeAnnotation decimal -> BigDecimal.valueOf(value, decimal.getScale());
      case TimeLogicalTypeAnnotation time -> rawTimeValues ? value
          : LocalTime.ofNanoOfDay(time.getUnit() == LogicalTypeAnnotation.TimeUnit.MICROS ? value * 1_000L : value);
      case TimestampLogicalTypeAnnotation timestamp -> rawTimeValues ? value : timestamp(value, timestamp.getUnit());
      case null, default -> value;
    };
  }

  private static Timestamp timestamp(long value, LogicalTypeAnnotation.TimeUnit unit) {
    long perSecond = switch (unit) {
      case MILLIS -> 1_000L;
      case MICROS -> 1_000_000L;
      case NANOS -> 1_000_000_000L;
    };
    return Timestamp.from(Instant.ofEpochSecond(Math.floorDiv(value, perSecond),
        Math.floorMod(value, perSecond) * (1_000_000_000L / perSecond)));
  }

  private static Object binary(byte[] bytes, @Nullable LogicalTypeAnnotation annotation) {
    return switch (annotation) {
      case LogicalTypeAnnotation.StringLogicalTypeAnnotation s -> new String(bytes, StandardCharsets.UTF_8);
      case LogicalTypeAnnotation.EnumLogicalTypeAnnotation e -> new String(bytes, StandardCharsets.UTF_8);
      case LogicalTypeAnnotation.JsonLogicalTypeAnnotation j -> new String(bytes, StandardCharsets.UTF_8);
      case DecimalLogicalTypeAnnotation decimal -> new BigDecimal(new BigInteger(bytes), decimal.getScale());
      case LogicalTypeAnnotation.UUIDLogicalTypeAnnotation u -> {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        yield new UUID(buffer.getLong(), buffer.getLong());
      }
      case null, default -> bytes;
    };
  }
}
