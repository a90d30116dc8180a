// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.function;

import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.data.DataType;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/// The argument and result types of scalar functions, and the conversion of any boxed value to a type's canonical
/// Java form. Single values: INT `Integer`, LONG `Long`, FLOAT `Float`, DOUBLE `Double`, BIG_DECIMAL `BigDecimal`,
/// BOOLEAN `Boolean`, TIMESTAMP `java.sql.Timestamp`, STRING and JSON `String`, BYTES `byte[]`; OBJECT passes any
/// value through. Array types hold an `Object[]` of the element type's canonical values (null elements kept).
///
/// Conversions follow Pinot's `PinotDataType`: numbers narrow by truncation (`1.7` to INT is 1) but a value outside
/// the target range is an error instead of wrapping; strings parse (`"12.0"` is accepted for INT/LONG); booleans are
/// 1/0 as numbers and `"true"`/`"1"` as text; `LocalDate` counts epoch days and `LocalTime` millis of day as numbers;
/// maps, lists and arrays become JSON text for STRING/JSON. Immutable and thread-safe.
public enum ScalarType {
  INT(DataType.INT, false),
  LONG(DataType.LONG, false),
  FLOAT(DataType.FLOAT, false),
  DOUBLE(DataType.DOUBLE, false),
  BIG_DECIMAL(DataType.BIG_DECIMAL, false),
  BOOLEAN(DataType.BOOLEAN, false),
  TIMESTAMP(DataType.TIMESTAMP, false),
  STRING(DataType.STRING, false),
  JSON(DataType.JSON, false),
  BYTES(DataType.BYTES, false),
  OBJECT(DataType.UNKNOWN, false),
  INT_ARRAY(DataType.INT, true),
  LONG_ARRAY(DataType.LONG, true),
  FLOAT_ARRAY(DataType.FLOAT, true),
  DOUBLE_ARRAY(DataType.DOUBLE, true),
  STRING_ARRAY(DataType.STRING, true),
  OBJECT_ARRAY(DataType.UNKNOWN, true);

  private final DataType dataType;
  private final boolean array;

  ScalarType(DataType dataType, boolean array) {
    this.dataType = dataType;
    this.array = array;
  }

  /// The column data type of a value (of each element for array types); UNKNOWN for OBJECT.
  public DataType dataType() {
    return dataType;
  }

  /// Whether values are arrays (multi-value).
  public boolean isArray() {
    return array;
  }

  /// The single-value type of the elements of an array type (this type for single-value types).
  public ScalarType elementType() {
    return switch (this) {
      case INT_ARRAY -> INT;
      case LONG_ARRAY -> LONG;
      case FLOAT_ARRAY -> FLOAT;
      case DOUBLE_ARRAY -> DOUBLE;
      case STRING_ARRAY -> STRING;
      case OBJECT_ARRAY -> OBJECT;
      default -> this;
    };
  }

  /// The type of values of a column of `type` (single- or multi-valued).
  public static ScalarType of(DataType type, boolean singleValue) {
    ScalarType single = switch (type) {
      case INT -> INT;
      case LONG -> LONG;
      case FLOAT -> FLOAT;
      case DOUBLE -> DOUBLE;
      case BIG_DECIMAL -> BIG_DECIMAL;
      case BOOLEAN -> BOOLEAN;
      case TIMESTAMP -> TIMESTAMP;
      case STRING -> STRING;
      case JSON -> JSON;
      case BYTES -> BYTES;
      case STRUCT, MAP, LIST, UNKNOWN -> OBJECT;
    };
    return singleValue ? single : single.arrayType();
  }

  private ScalarType arrayType() {
    return switch (this) {
      case INT, BOOLEAN -> INT_ARRAY;
      case LONG, TIMESTAMP -> LONG_ARRAY;
      case FLOAT -> FLOAT_ARRAY;
      case DOUBLE -> DOUBLE_ARRAY;
      case STRING, JSON -> STRING_ARRAY;
      default -> OBJECT_ARRAY;
    };
  }

  /// Converts a non-null value to this type's canonical Java form.
  ///
  /// @throws IllegalArgumentException when the value has no form of this type
  public Object convert(Object value) {
    if (array) {
      return toArray(value, elementType());
    }
    try {
      return switch (this) {
        case INT -> toInt(value);
        case LONG -> toLong(value);
        case FLOAT -> toFloat(value);
        case DOUBLE -> toDouble(value);
        case BIG_DECIMAL -> toBigDecimal(value);
        case BOOLEAN -> toBoolean(value);
        case TIMESTAMP -> toTimestamp(value);
        case STRING -> toText(value);
        case JSON -> value instanceof String text ? text : JsonUtils.toJson(jsonValue(value));
        case BYTES -> toBytes(value);
        default -> value;
      };
    } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
      throw cannotConvert(value, e);
    }
  }

  private IllegalArgumentException cannotConvert(Object value, @Nullable Throwable cause) {
    String text = String.valueOf(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : value);
    return new IllegalArgumentException("Cannot convert '" + (text.length() > 64 ? text.substring(0, 61) + "..." : text)
        + "' (" + value.getClass().getSimpleName() + ") to " + this, cause);
  }

  private static Object[] toArray(Object value, ScalarType element) {
    Object[] values;
    if (value instanceof Object[] objects) {
      values = objects.clone();
    } else if (value instanceof Collection<?> collection) {
      values = collection.toArray();
    } else if (value.getClass().isArray() && !(value instanceof byte[])) {
      values = new Object[Array.getLength(value)];
      for (int i = 0; i < values.length; i++) {
        values[i] = Array.get(value, i);
      }
    } else {
      values = new Object[] {value};
    }
    if (element != OBJECT) {
      for (int i = 0; i < values.length; i++) {
        values[i] = values[i] == null ? null : element.convert(values[i]);
      }
    }
    return values;
  }

  private Object toInt(Object value) {
    return switch (value) {
      case Integer i -> i;
      case Short s -> s.intValue();
      case Byte b -> b.intValue();
      case Boolean b -> b ? 1 : 0;
      case String text -> parseIntegral(text, Integer.MIN_VALUE, Integer.MAX_VALUE).intValue();
      case LocalDate date -> Math.toIntExact(date.toEpochDay());
      default -> {
        long number = toLong(value);
        if (number != (int) number) {
          throw cannotConvert(value, null);
        }
        yield (int) number;
      }
    };
  }

  private Long toLong(Object value) {
    return switch (value) {
      case Long l -> l;
      case Integer i -> i.longValue();
      case Short s -> s.longValue();
      case Byte b -> b.longValue();
      case BigDecimal decimal -> {
        BigDecimal whole = decimal.setScale(0, java.math.RoundingMode.DOWN);
        yield whole.longValueExact();
      }
      case Number n -> {
        double d = n.doubleValue();
        if (Double.isNaN(d) || d >= 0x1p63 || d < -0x1p63) {
          throw cannotConvert(value, null);
        }
        yield (long) d;
      }
      case Boolean b -> b ? 1L : 0L;
      case Timestamp t -> t.getTime();
      case String text -> parseIntegral(text, Long.MIN_VALUE, Long.MAX_VALUE);
      case LocalDate date -> date.toEpochDay();
      case LocalTime time -> time.toNanoOfDay() / 1_000_000L;
      case Instant instant -> instant.toEpochMilli();
      default -> throw cannotConvert(value, null);
    };
  }

  private static Long parseIntegral(String text, long min, long max) {
    String trimmed = text.trim();
    try {
      long value = Long.parseLong(trimmed);
      if (value < min || value > max) {
        throw new NumberFormatException("out of range");
      }
      return value;
    } catch (NumberFormatException e) {
      double d = Double.parseDouble(trimmed);
      if (d != Math.rint(d) || d < min || d > max) {
        throw e;
      }
      return (long) d;
    }
  }

  private Float toFloat(Object value) {
    return switch (value) {
      case Float f -> f;
      case Number n -> n.floatValue();
      case Boolean b -> b ? 1f : 0f;
      case String text -> Float.parseFloat(text.trim());
      default -> (float) toLong(value);
    };
  }

  private Double toDouble(Object value) {
    return switch (value) {
      case Double d -> d;
      case Float f -> Double.parseDouble(f.toString());
      case Number n -> n.doubleValue();
      case Boolean b -> b ? 1d : 0d;
      case String text -> Double.parseDouble(text.trim());
      default -> (double) toLong(value);
    };
  }

  private BigDecimal toBigDecimal(Object value) {
    return switch (value) {
      case BigDecimal decimal -> decimal;
      case Integer i -> BigDecimal.valueOf(i);
      case Long l -> BigDecimal.valueOf(l);
      case Double d -> BigDecimal.valueOf(d);
      case Float f -> new BigDecimal(f.toString());
      case Number n -> new BigDecimal(n.toString());
      case Boolean b -> b ? BigDecimal.ONE : BigDecimal.ZERO;
      case String text -> new BigDecimal(text.trim());
      default -> BigDecimal.valueOf(toLong(value));
    };
  }

  private Boolean toBoolean(Object value) {
    return switch (value) {
      case Boolean b -> b;
      case Number n -> n.intValue() == 1;
      case String text -> text.trim().equalsIgnoreCase("true") || text.trim().equals("1");
      default -> throw cannotConvert(value, null);
    };
  }

  private Timestamp toTimestamp(Object value) {
    return switch (value) {
      case Timestamp t -> t;
      case String text -> new Timestamp(parseTimestamp(text.trim()));
      case LocalDate date -> new Timestamp(date.toEpochDay() * 86_400_000L);
      case LocalDateTime dateTime -> new Timestamp(dateTime.toInstant(ZoneOffset.UTC).toEpochMilli());
      default -> new Timestamp(toLong(value));
    };
  }

  /// Parses epoch milliseconds, `yyyy-MM-dd HH:mm:ss[.fraction]` (UTC), ISO-8601 date-times with or without offset,
  /// and ISO dates, as Pinot's `TimestampUtils` does.
  static long parseTimestamp(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      // Not epoch millis: try the date-time forms.
    }
    try {
      return Timestamp.valueOf(text).toLocalDateTime().toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (IllegalArgumentException e) {
      // Not JDBC form.
    }
    if (text.length() == 10) {
      return LocalDate.parse(text).toEpochDay() * 86_400_000L;
    }
    try {
      return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
  }

  /// The text form of a value as Pinot converts it to STRING.
  public static String toText(Object value) {
    return switch (value) {
      case String text -> text;
      case BigDecimal decimal -> decimal.toPlainString();
      case byte[] bytes -> HexFormat.of().formatHex(bytes);
      case ByteBuffer buffer -> HexFormat.of().formatHex(bytesOf(buffer));
      case Map<?, ?> map -> JsonUtils.toJson(jsonValue(map));
      case Collection<?> collection -> JsonUtils.toJson(jsonValue(collection));
      case Object[] array -> JsonUtils.toJson(jsonValue(array));
      default -> value.toString();
    };
  }

  /// A value Jackson writes as Pinot writes JSON: bytes as hex text, timestamps as epoch millis, dates, times and
  /// UUIDs as their ISO text.
  public static @Nullable Object jsonValue(@Nullable Object value) {
    return switch (value) {
      case null -> null;
      case byte[] bytes -> HexFormat.of().formatHex(bytes);
      case ByteBuffer buffer -> HexFormat.of().formatHex(bytesOf(buffer));
      case Timestamp t -> t.getTime();
      case LocalDate date -> date.toString();
      case LocalTime time -> time.toString();
      case UUID uuid -> uuid.toString();
      case Map<?, ?> map -> {
        Map<String, @Nullable Object> copy = new java.util.LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          copy.put(String.valueOf(entry.getKey()), jsonValue(entry.getValue()));
        }
        yield copy;
      }
      case Collection<?> collection -> jsonValue(collection.toArray());
      case Object[] array -> {
        java.util.List<@Nullable Object> copy = new java.util.ArrayList<>(array.length);
        for (Object element : array) {
          copy.add(jsonValue(element));
        }
        yield copy;
      }
      default -> value;
    };
  }

  private byte[] toBytes(Object value) {
    return switch (value) {
      case byte[] bytes -> bytes;
      case ByteBuffer buffer -> bytesOf(buffer);
      case String text -> {
        try {
          yield HexFormat.of().parseHex(text.trim());
        } catch (IllegalArgumentException e) {
          throw cannotConvert(value, e);
        }
      }
      case UUID uuid -> ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
          .putLong(uuid.getLeastSignificantBits()).array();
      default -> throw cannotConvert(value, null);
    };
  }

  private static byte[] bytesOf(ByteBuffer buffer) {
    ByteBuffer slice = buffer.slice();
    byte[] bytes = new byte[slice.remaining()];
    slice.get(bytes);
    return bytes;
  }
}
