// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/// Turns a dictionary lookup key into the column's stored type with the immutable dictionaries' semantics
/// ([io.pinot.segment.spi.Dictionary]): numeric columns accept any `Number` or a number's text and match by exact
/// numeric value (`3.0` finds INT 3, `3.5` finds nothing); STRING columns match the key's text form; BYTES
/// columns accept `byte[]` or hex text. Stateless utilities.
final class LookupKeys {
  private LookupKeys() {
  }

  /// The key as an integral value within `[min, max]`, or empty when no such value equals it.
  ///
  /// @throws IllegalArgumentException when the key is neither a number nor a number's text
  static OptionalLong integral(Object key, long min, long max) {
    long value;
    switch (key) {
      case Integer i -> value = i;
      case Long l -> value = l;
      case Short s -> value = s;
      case Byte b -> value = b;
      case Float f -> {
        return integralOfDouble(f, min, max);
      }
      case Double d -> {
        return integralOfDouble(d, min, max);
      }
      default -> {
        BigDecimal decimal = decimal(key);
        if (decimal == null || !isIntegral(decimal) || decimal.compareTo(BigDecimal.valueOf(min)) < 0
            || decimal.compareTo(BigDecimal.valueOf(max)) > 0) {
          return OptionalLong.empty();
        }
        value = decimal.longValueExact();
      }
    }
    return value < min || value > max ? OptionalLong.empty() : OptionalLong.of(value);
  }

  private static OptionalLong integralOfDouble(double value, long min, long max) {
    if (value != Math.rint(value) || value < min || value > max || Double.isInfinite(value)) {
      return OptionalLong.empty();
    }
    // (double) Long.MAX_VALUE rounds up to 2^63, which is not a long.
    if (value >= 0x1p63) {
      return OptionalLong.empty();
    }
    return OptionalLong.of((long) value);
  }

  /// The key as a double (NaN and infinities allowed; -0.0 becomes 0.0).
  static double floating(Object key) {
    double value = switch (key) {
      case Number number -> number.doubleValue();
      case String text -> parseDouble(text);
      default -> throw new IllegalArgumentException("Cannot compare " + key.getClass().getSimpleName()
          + " with a numeric dictionary");
    };
    return value + 0.0;
  }

  /// The key's text form for a STRING dictionary.
  static String text(Object key) {
    return switch (key) {
      case String text -> text;
      case byte[] bytes -> new String(bytes, StandardCharsets.UTF_8);
      case BigDecimal decimal -> decimal.toPlainString();
      default -> key.toString();
    };
  }

  static byte[] bytes(Object key) {
    return switch (key) {
      case byte[] bytes -> bytes;
      case String text -> {
        try {
          yield HexFormat.of().parseHex(text.trim());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("Not a hex BYTES value", e);
        }
      }
      default -> throw new IllegalArgumentException("Cannot compare " + key.getClass().getSimpleName()
          + " with a BYTES dictionary");
    };
  }

  /// The key as a decimal, or null when it is a non-finite floating value (which equals no decimal).
  ///
  /// @throws IllegalArgumentException when the key is neither a number nor a number's text
  static @Nullable BigDecimal decimal(Object key) {
    return switch (key) {
      case BigDecimal decimal -> decimal;
      case BigInteger integer -> new BigDecimal(integer);
      case Integer i -> BigDecimal.valueOf(i);
      case Long l -> BigDecimal.valueOf(l);
      case Double d -> Double.isFinite(d) ? new BigDecimal(d.toString()) : null;
      case Float f -> Float.isFinite(f) ? new BigDecimal(f.toString()) : null;
      case Number number -> new BigDecimal(number.toString());
      case String text -> parseDecimal(text);
      default -> throw new IllegalArgumentException("Cannot compare " + key.getClass().getSimpleName()
          + " with a numeric dictionary");
    };
  }

  private static @Nullable BigDecimal parseDecimal(String text) {
    String trimmed = text.trim();
    try {
      return new BigDecimal(trimmed);
    } catch (NumberFormatException e) {
      // NaN and infinities are numbers' texts that equal no decimal; anything else is an error.
      parseDouble(trimmed);
      return null;
    }
  }

  private static double parseDouble(String text) {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Not a number", e);
    }
  }

  private static boolean isIntegral(BigDecimal value) {
    return value.signum() == 0 || value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0;
  }
}
