// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.filter;

import io.pinot.spi.data.DataType;
import io.pinot.spi.exception.QueryErrorCode;
import io.pinot.spi.exception.QueryException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/// Converts filter literals into values of a column's stored type, as Pinot converts predicate values:
/// numbers compare numerically (a `5.5` never equals an INT, `x > 5.5` on an INT column is `x >= 6`),
/// strings are parsed for numeric, BOOLEAN (`true`/`1`), TIMESTAMP (epoch millis or date-time text) and
/// BYTES (hex) columns, and any literal compares with a STRING column by its text. Thread-safe (no state).
final class FilterValues {
  /// A range bound in stored-type terms: `value` is null when the bound does not restrict anything.
  record Bound(@Nullable Object value, boolean inclusive, boolean empty) {
    static final Bound UNBOUNDED = new Bound(null, false, false);
    static final Bound EMPTY = new Bound(null, false, true);
  }

  private FilterValues() {
  }

  /// The literal as a comparable of the column's kind: `BigDecimal` for numeric stored types, `String` for
  /// STRING and JSON, `byte[]` for BYTES.
  static Object comparable(Object literal, DataType logicalType, String column) {
    try {
      return switch (logicalType) {
        case INT, LONG, FLOAT, DOUBLE, BIG_DECIMAL -> toNumber(literal);
        case BOOLEAN -> literal instanceof String text ? BigDecimal.valueOf((Integer) DataType.BOOLEAN.convert(text))
            : toNumber(literal);
        case TIMESTAMP -> literal instanceof String text ? BigDecimal.valueOf((Long) DataType.TIMESTAMP.convert(text))
            : toNumber(literal);
        case STRING, JSON -> text(literal);
        case BYTES -> HexFormat.of().parseHex(text(literal));
        case STRUCT, MAP, LIST, UNKNOWN -> throw cannotConvert(logicalType, column, null);
      };
    } catch (IllegalArgumentException e) {
      throw cannotConvert(logicalType, column, e);
    }
  }

  /// The literal as an exact value of the stored type (`Integer`, `Long`, `Float`, `Double`, `BigDecimal`,
  /// `String`, `byte[]`), or null when no value of the type equals it.
  static @Nullable Object exactStored(Object literal, DataType logicalType, String column) {
    Object value = comparable(literal, logicalType, column);
    if (!(value instanceof BigDecimal number)) {
      return value;
    }
    return switch (logicalType.storedType()) {
      case INT -> isIntegral(number) && fits(number, Integer.MIN_VALUE, Integer.MAX_VALUE) ? number.intValue() : null;
      case LONG -> isIntegral(number) && fits(number, Long.MIN_VALUE, Long.MAX_VALUE) ? number.longValue() : null;
      case FLOAT -> number.floatValue();
      case DOUBLE -> number.doubleValue();
      default -> number;
    };
  }

  /// A lower (`lower` true) or upper bound in stored-type terms; integral types round non-integral bounds
  /// inwards and make them inclusive, and clamp to the type's range.
  static Bound bound(@Nullable Object literal, boolean inclusive, boolean lower, DataType logicalType, String column) {
    if (literal == null) {
      return Bound.UNBOUNDED;
    }
    Object value = comparable(literal, logicalType, column);
    if (!(value instanceof BigDecimal number)) {
      return new Bound(value, inclusive, false);
    }
    return switch (logicalType.storedType()) {
      case INT -> integralBound(number, inclusive, lower, Integer.MIN_VALUE, Integer.MAX_VALUE, true);
      case LONG -> integralBound(number, inclusive, lower, Long.MIN_VALUE, Long.MAX_VALUE, false);
      case FLOAT -> new Bound(number.floatValue(), inclusive, false);
      case DOUBLE -> new Bound(number.doubleValue(), inclusive, false);
      default -> new Bound(number, inclusive, false);
    };
  }

  private static Bound integralBound(BigDecimal number, boolean inclusive, boolean lower, long min, long max,
      boolean asInt) {
    BigDecimal rounded = number;
    boolean isInclusive = inclusive;
    if (!isIntegral(number)) {
      rounded = number.setScale(0, lower ? RoundingMode.CEILING : RoundingMode.FLOOR);
      isInclusive = true;
    }
    if (rounded.compareTo(BigDecimal.valueOf(max)) > 0) {
      return lower ? Bound.EMPTY : Bound.UNBOUNDED;
    }
    if (rounded.compareTo(BigDecimal.valueOf(min)) < 0) {
      return lower ? Bound.UNBOUNDED : Bound.EMPTY;
    }
    long value = rounded.longValueExact();
    return new Bound(asInt ? (Object) (int) value : (Object) value, isInclusive, false);
  }

  private static BigDecimal toNumber(Object literal) {
    return switch (literal) {
      case BigDecimal decimal -> decimal;
      case Double d -> {
        if (d.isNaN() || d.isInfinite()) {
          throw new IllegalArgumentException("not a finite number");
        }
        yield new BigDecimal(d);
      }
      case Boolean b -> b ? BigDecimal.ONE : BigDecimal.ZERO;
      default -> new BigDecimal(literal.toString().trim());
    };
  }

  private static String text(Object literal) {
    return literal instanceof BigDecimal decimal ? decimal.toPlainString() : literal.toString();
  }

  private static boolean isIntegral(BigDecimal number) {
    return number.signum() == 0 || number.scale() <= 0 || number.stripTrailingZeros().scale() <= 0;
  }

  private static boolean fits(BigDecimal number, long min, long max) {
    return number.compareTo(BigDecimal.valueOf(min)) >= 0 && number.compareTo(BigDecimal.valueOf(max)) <= 0;
  }

  private static QueryException cannotConvert(DataType type, String column, @Nullable Throwable cause) {
    String message = "Cannot convert a filter value to type[" + type + "] of column[" + column + "]";
    return cause == null ? QueryErrorCode.QUERY_VALIDATION.asException(message)
        : QueryErrorCode.QUERY_VALIDATION.asException(message, cause);
  }
}
