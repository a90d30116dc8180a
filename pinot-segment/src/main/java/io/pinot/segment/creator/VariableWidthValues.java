// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator;

import io.pinot.segment.index.dictionary.VarLengthValues;
import io.pinot.spi.data.DataType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/// Conversion, truncation, ordering and encoding of STRING, BYTES and BIG_DECIMAL values shared by the
/// dictionary and raw collectors. Stateless utilities.
final class VariableWidthValues {
  private VariableWidthValues() {
  }

  /// Converts a reader value to the stored Java value (`String`, `byte[]` or `BigDecimal`). STRING (and JSON)
  /// values longer than `maxLength` characters and BYTES values longer than `maxLength` bytes are truncated, as
  /// Pinot's default `TRIM_LENGTH` does; a surrogate pair is never split.
  static Object toStored(Object value, DataType logicalType, int maxLength) {
    return switch (logicalType.storedType()) {
      case STRING -> truncate(value instanceof String text ? text : (String) logicalType.convertValue(value),
          maxLength);
      case BYTES -> {
        byte[] bytes = value instanceof byte[] raw ? raw : (byte[]) logicalType.convertValue(value);
        yield bytes.length > maxLength ? Arrays.copyOf(bytes, maxLength) : bytes;
      }
      case BIG_DECIMAL -> value instanceof BigDecimal decimal ? decimal : logicalType.convertValue(value);
      default -> throw new IllegalStateException("Not a variable-width type: " + logicalType);
    };
  }

  static String truncate(String text, int maxLength) {
    if (text.length() <= maxLength) {
      return text;
    }
    int end = maxLength;
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }

  /// The on-disk bytes of a stored value (UTF-8 for strings).
  static byte[] encode(Object stored) {
    return switch (stored) {
      case String text -> text.getBytes(StandardCharsets.UTF_8);
      case byte[] bytes -> bytes;
      case BigDecimal decimal -> VarLengthValues.serializeBigDecimal(decimal);
      default -> throw new IllegalStateException("Not a variable-width value: " + stored.getClass());
    };
  }

  /// The stored value of on-disk bytes.
  static Object decode(byte[] bytes, DataType storedType) {
    return switch (storedType) {
      case STRING -> new String(bytes, StandardCharsets.UTF_8);
      case BIG_DECIMAL -> VarLengthValues.deserializeBigDecimal(bytes);
      default -> bytes;
    };
  }

  /// Dictionary order of the stored type: [String#compareTo], unsigned bytes, or numeric order.
  static Comparator<Object> order(DataType storedType) {
    return switch (storedType) {
      case STRING -> (a, b) -> ((String) a).compareTo((String) b);
      case BYTES -> (a, b) -> Arrays.compareUnsigned((byte[]) a, (byte[]) b);
      case BIG_DECIMAL -> (a, b) -> ((BigDecimal) a).compareTo((BigDecimal) b);
      default -> throw new IllegalStateException("Not a variable-width type: " + storedType);
    };
  }

  /// Replaces lone surrogates (which UTF-8 cannot encode) with '?', so that the value read back equals the
  /// value the dictionary was sorted by.
  static Object sanitize(Object stored) {
    if (!(stored instanceof String text)) {
      return stored;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(i + 1));
        if (!paired) {
          return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        }
        i++;
      }
    }
    return text;
  }
}
