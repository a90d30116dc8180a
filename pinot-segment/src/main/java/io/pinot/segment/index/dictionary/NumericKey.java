// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.dictionary;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/// A lookup key for an integral (INT or LONG) dictionary, reduced exactly to what a binary search needs: the
/// floor of the key and whether the key equals its floor, or the fact that it lies below or above every long.
///
/// @param floor the largest long not above the key (meaningful when `overflow == 0`)
/// @param exact whether the key is exactly `floor`
/// @param overflow -1 when the key is below `Long.MIN_VALUE`, +1 when above `Long.MAX_VALUE` or NaN, else 0
record NumericKey(long floor, boolean exact, int overflow) {
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  /// Reduces a key object (any Number, or a number's text) for an integral dictionary.
  ///
  /// @throws IllegalArgumentException when the key is neither a number nor a number's text
  static NumericKey of(Object key) {
    return switch (key) {
      case Integer i -> new NumericKey(i, true, 0);
      case Long l -> new NumericKey(l, true, 0);
      case Short s -> new NumericKey(s, true, 0);
      case Byte b -> new NumericKey(b, true, 0);
      case Float f -> ofDouble(f.doubleValue());
      case Double d -> ofDouble(d);
      case BigDecimal decimal -> ofDecimal(decimal);
      case BigInteger integer -> ofDecimal(new BigDecimal(integer));
      case String text -> ofDecimal(parse(text));
      default -> throw new IllegalArgumentException("Cannot compare " + key.getClass().getSimpleName()
          + " with a numeric dictionary");
    };
  }

  /// Parses a number's text; `NaN` and infinities are accepted.
  static BigDecimal parse(String text) {
    String trimmed = text.trim();
    try {
      return new BigDecimal(trimmed);
    } catch (NumberFormatException e) {
      double value;
      try {
        value = Double.parseDouble(trimmed);
      } catch (NumberFormatException notNumber) {
        throw new IllegalArgumentException("Not a number: '" + abbreviate(text) + "'", notNumber);
      }
      // NaN and infinities: beyond every finite value (NaN sorts last, as Double.compare orders it).
      return value < 0 ? LONG_MIN.subtract(BigDecimal.ONE) : LONG_MAX.add(BigDecimal.ONE);
    }
  }

  static NumericKey ofDouble(double value) {
    if (Double.isNaN(value) || value >= 0x1p63) {
      return new NumericKey(0, false, 1);
    }
    if (value < -0x1p63) {
      return new NumericKey(0, false, -1);
    }
    double floor = Math.floor(value);
    return new NumericKey((long) floor, floor == value, 0);
  }

  static NumericKey ofDecimal(BigDecimal value) {
    BigDecimal floor = value.setScale(0, RoundingMode.FLOOR);
    if (floor.compareTo(LONG_MIN) < 0) {
      return new NumericKey(0, false, -1);
    }
    if (floor.compareTo(LONG_MAX) > 0) {
      return new NumericKey(0, false, 1);
    }
    return new NumericKey(floor.longValueExact(), floor.compareTo(value) == 0, 0);
  }

  /// The key as a double, for floating-point dictionaries (canonical: -0.0 becomes 0.0).
  static double toDouble(Object key) {
    double value = switch (key) {
      case Number number -> number.doubleValue();
      case String text -> parseDouble(text);
      default -> throw new IllegalArgumentException("Cannot compare " + key.getClass().getSimpleName()
          + " with a numeric dictionary");
    };
    return value + 0.0;
  }

  /// Turns the result of searching for `floor` into the result for the key: exact keys keep it; a key
  /// strictly between `floor` and the next value inserts after `floor`.
  int adjust(int floorResult) {
    if (exact) {
      return floorResult;
    }
    return floorResult >= 0 ? -(floorResult + 1) - 1 : floorResult;
  }

  private static double parseDouble(String text) {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Not a number: '" + abbreviate(text) + "'", e);
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 64 ? text : text.substring(0, 61) + "...";
  }
}
