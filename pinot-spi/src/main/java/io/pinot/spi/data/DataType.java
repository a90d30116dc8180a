// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.data;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;

/// Column data types with Apache Pinot's names (the `dataType` of a schema field spec).
///
/// Each logical type is stored as a physical [#storedType()]: BOOLEAN as INT (0/1), TIMESTAMP as LONG
/// (epoch milliseconds), JSON as STRING. Values inside the engine use these Java types: INT `Integer`,
/// LONG `Long`, FLOAT `Float`, DOUBLE `Double`, BIG_DECIMAL `BigDecimal`, STRING `String`, BYTES `byte[]`.
public enum DataType {
  INT(4, true),
  LONG(8, true),
  FLOAT(4, true),
  DOUBLE(8, true),
  BIG_DECIMAL(-1, true),
  BOOLEAN(4, false),
  TIMESTAMP(8, false),
  STRING(-1, false),
  JSON(-1, false),
  BYTES(-1, false),
  STRUCT(-1, false),
  MAP(-1, false),
  LIST(-1, false),
  UNKNOWN(-1, false);

  private final int size;
  private final boolean numeric;

  DataType(int size, boolean numeric) {
    this.size = size;
    this.numeric = numeric;
  }

  /// The physical type values of this type are stored and computed as.
  public DataType storedType() {
    return switch (this) {
      case BOOLEAN -> INT;
      case TIMESTAMP -> LONG;
      case JSON -> STRING;
      default -> this;
    };
  }

  /// Number of bytes of one value for fixed-width types, -1 for variable width.
  public int size() {
    return size;
  }

  public boolean isNumeric() {
    return numeric;
  }

  /// True for the types a column may be declared with in a schema.
  public boolean isColumnType() {
    return this != STRUCT && this != MAP && this != LIST && this != UNKNOWN;
  }

  /// Converts a text value (from CSV, a default value or a SQL literal) to the stored Java value.
  ///
  /// @throws IllegalArgumentException when the text is not a value of this type
  public Object convert(String text) {
    String value = text.trim();
    try {
      return switch (this) {
        case INT -> parseInt(value);
        case LONG -> parseLong(value);
        case FLOAT -> Float.parseFloat(value);
        case DOUBLE -> Double.parseDouble(value);
        case BIG_DECIMAL -> new BigDecimal(value);
        case BOOLEAN -> parseBoolean(value);
        case TIMESTAMP -> parseTimestamp(value);
        case STRING, JSON -> text;
        case BYTES -> HexFormat.of().parseHex(value);
        case STRUCT, MAP, LIST, UNKNOWN -> throw new IllegalArgumentException("Type " + this + " has no text form");
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException("Cannot convert '" + abbreviate(text) + "' to " + this, e);
    }
  }

  /// Converts a value of any Java type read by a record reader (Number, Boolean, String, byte[]) to the
  /// stored Java value of this type.
  ///
  /// @throws IllegalArgumentException when the value is not a value of this type
  public Object convertValue(Object value) {
    if (value instanceof String text) {
      return convert(text);
    }
    return switch (this) {
      case INT -> switch (value) {
        case Integer i -> i;
        case Long l when l == l.intValue() -> l.intValue();
        case Number n when isIntegral(n.doubleValue()) && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE ->
            n.intValue();
        case Boolean b -> b ? 1 : 0;
        default -> throw cannotConvert(value);
      };
      case LONG, TIMESTAMP -> switch (value) {
        case Integer i -> i.longValue();
        case Long l -> l;
        case Number n when isIntegral(n.doubleValue()) -> n.longValue();
        case Timestamp t -> t.getTime();
        default -> throw cannotConvert(value);
      };
      case FLOAT -> value instanceof Number n ? (Object) n.floatValue() : throwCannotConvert(value);
      case DOUBLE -> value instanceof Number n ? (Object) n.doubleValue() : throwCannotConvert(value);
      case BIG_DECIMAL -> value instanceof Number n ? (Object) new BigDecimal(n.toString()) : throwCannotConvert(value);
      case BOOLEAN -> switch (value) {
        case Boolean b -> b ? 1 : 0;
        case Number n -> n.doubleValue() != 0 ? 1 : 0;
        default -> throw cannotConvert(value);
      };
      case STRING, JSON -> value.toString();
      case BYTES -> value instanceof byte[] bytes ? bytes : throwCannotConvert(value);
      case STRUCT, MAP, LIST, UNKNOWN -> throw cannotConvert(value);
    };
  }

  /// Parses a DataType name case-insensitively, accepting Pinot's SQL aliases (INTEGER, BIGINT, VARCHAR...).
  public static DataType fromName(String name) {
    String upper = name.trim().toUpperCase(Locale.ROOT);
    return switch (upper) {
      case "INTEGER" -> INT;
      case "BIGINT" -> LONG;
      case "VARCHAR" -> STRING;
      case "VARBINARY" -> BYTES;
      case "DECIMAL" -> BIG_DECIMAL;
      default -> valueOf(upper);
    };
  }

  private static Integer parseInt(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      // Pinot accepts "12.0" for an INT column: the value is integral.
      double d = Double.parseDouble(value);
      if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
        throw e;
      }
      return (int) d;
    }
  }

  private static Long parseLong(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      double d = Double.parseDouble(value);
      if (d != Math.rint(d) || Math.abs(d) > 0x1p63) {
        throw e;
      }
      return (long) d;
    }
  }

  private static Integer parseBoolean(String value) {
    if (value.equalsIgnoreCase("true") || value.equals("1")) {
      return 1;
    }
    if (value.equalsIgnoreCase("false") || value.equals("0")) {
      return 0;
    }
    throw new NumberFormatException("not a boolean");
  }

  /// Parses epoch milliseconds, `yyyy-MM-dd HH:mm:ss[.SSS]`, ISO-8601 instants and dates (UTC).
  private static Long parseTimestamp(String value) {
    if (!value.isEmpty() && (Character.isDigit(value.charAt(0)) || value.charAt(0) == '-') && value.indexOf('-', 1) < 0
        && value.indexOf(':') < 0) {
      return parseLong(value);
    }
    if (value.endsWith("Z") || value.contains("+")) {
      return Instant.parse(value).toEpochMilli();
    }
    if (value.length() == 10) {
      return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
    return LocalDateTime.parse(value.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  private IllegalArgumentException cannotConvert(Object value) {
    return new IllegalArgumentException(
        "Cannot convert '" + abbreviate(String.valueOf(value)) + "' (" + value.getClass().getSimpleName() + ") to "
            + this);
  }

  private Object throwCannotConvert(Object value) {
    throw cannotConvert(value);
  }

  private static boolean isIntegral(double value) {
    return value == Math.rint(value) && !Double.isInfinite(value);
  }

  private static String abbreviate(String text) {
    return text.length() <= 64 ? text : text.substring(0, 61) + "...";
  }
}
