// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.function;

import java.math.BigDecimal;
import java.sql.Timestamp;

/// Runtime type dispatch of the polymorphic numeric functions (`plus`, `mod`, `abs`, `greatest`, comparisons):
/// the kind of a value, the widest kind of several, and conversions. Strings and other non-numbers count as DOUBLE,
/// as Pinot falls back to its double implementation for them. Stateless.
final class Numbers {
  /// Numeric kinds from narrowest to widest.
  enum Kind {
    INT,
    LONG,
    FLOAT,
    DOUBLE,
    BIG_DECIMAL
  }

  /// Result type of `plus`/`minus`/`times`: LONG when every argument is INT or LONG, else DOUBLE.
  static final ScalarFunction.ReturnTypeRule INTEGRAL_OR_DOUBLE = types -> {
    for (ScalarType type : types) {
      if (type != ScalarType.INT && type != ScalarType.LONG) {
        return ScalarType.DOUBLE;
      }
    }
    return ScalarType.LONG;
  };

  /// Result type of `mod`, `abs`, `greatest`...: the widest numeric argument type (DOUBLE for non-numeric ones).
  static final ScalarFunction.ReturnTypeRule WIDEST = types -> {
    Kind widest = Kind.INT;
    for (ScalarType type : types) {
      widest = widen(widest, switch (type) {
        case INT, BOOLEAN -> Kind.INT;
        case LONG, TIMESTAMP -> Kind.LONG;
        case FLOAT -> Kind.FLOAT;
        case BIG_DECIMAL -> Kind.BIG_DECIMAL;
        default -> Kind.DOUBLE;
      });
    }
    return switch (widest) {
      case INT -> ScalarType.INT;
      case LONG -> ScalarType.LONG;
      case FLOAT -> ScalarType.FLOAT;
      case DOUBLE -> ScalarType.DOUBLE;
      case BIG_DECIMAL -> ScalarType.BIG_DECIMAL;
    };
  };

  private Numbers() {
  }

  static Kind kind(Object value) {
    return switch (value) {
      case Integer i -> Kind.INT;
      case Short s -> Kind.INT;
      case Byte b -> Kind.INT;
      case Boolean b -> Kind.INT;
      case Long l -> Kind.LONG;
      case Timestamp t -> Kind.LONG;
      case Float f -> Kind.FLOAT;
      case BigDecimal d -> Kind.BIG_DECIMAL;
      default -> Kind.DOUBLE;
    };
  }

  static Kind widen(Kind first, Kind second) {
    if (first == Kind.LONG && second == Kind.FLOAT || first == Kind.FLOAT && second == Kind.LONG) {
      return Kind.DOUBLE;
    }
    return first.ordinal() >= second.ordinal() ? first : second;
  }

  static Kind widest(Object[] values) {
    Kind widest = Kind.INT;
    for (Object value : values) {
      widest = widen(widest, kind(value));
    }
    return widest;
  }

  static boolean integral(Object first, Object second) {
    Kind kind = widen(kind(first), kind(second));
    return kind == Kind.INT || kind == Kind.LONG;
  }

  static int toInt(Object value) {
    return (Integer) ScalarType.INT.convert(value);
  }

  static long toLong(Object value) {
    return (Long) ScalarType.LONG.convert(value);
  }

  static float toFloat(Object value) {
    return (Float) ScalarType.FLOAT.convert(value);
  }

  static double toDouble(Object value) {
    return (Double) ScalarType.DOUBLE.convert(value);
  }

  static BigDecimal toBigDecimal(Object value) {
    return (BigDecimal) ScalarType.BIG_DECIMAL.convert(value);
  }

  /// Converts a value to the Java type of a kind.
  static Object as(Kind kind, Object value) {
    return switch (kind) {
      case INT -> toInt(value);
      case LONG -> toLong(value);
      case FLOAT -> toFloat(value);
      case DOUBLE -> toDouble(value);
      case BIG_DECIMAL -> toBigDecimal(value);
    };
  }

  /// Compares two non-null values: numerically when both are numbers (or one is a number and the other a numeric
  /// text), by value for booleans, else as text.
  static int compare(Object first, Object second) {
    boolean firstNumber = first instanceof Number || first instanceof Timestamp;
    boolean secondNumber = second instanceof Number || second instanceof Timestamp;
    if (firstNumber || secondNumber) {
      if (firstNumber && secondNumber || isNumeric(firstNumber ? second : first)) {
        return compareNumbers(first, second);
      }
    }
    if (first instanceof Boolean a && second instanceof Boolean b) {
      return Boolean.compare(a, b);
    }
    return ScalarType.toText(first).compareTo(ScalarType.toText(second));
  }

  private static int compareNumbers(Object first, Object second) {
    Kind kind = widen(kind(first), kind(second));
    return switch (kind) {
      case INT, LONG -> Long.compare(toLong(first), toLong(second));
      case BIG_DECIMAL -> toBigDecimal(first).compareTo(toBigDecimal(second));
      case FLOAT, DOUBLE -> {
        if (first instanceof String || second instanceof String) {
          yield toBigDecimal(first).compareTo(toBigDecimal(second));
        }
        yield Double.compare(toDouble(first), toDouble(second));
      }
    };
  }

  private static boolean isNumeric(Object value) {
    if (!(value instanceof String text)) {
      return false;
    }
    try {
      new BigDecimal(text.trim());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /// Whether two non-null values are equal under [#compare], with `0.0 == -0.0`.
  static boolean equal(Object first, Object second) {
    return compare(first, second) == 0 || (first instanceof Double || first instanceof Float)
        && (second instanceof Double || second instanceof Float) && toDouble(first) == toDouble(second);
  }
}
