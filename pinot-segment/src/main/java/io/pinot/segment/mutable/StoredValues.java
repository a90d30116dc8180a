// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import io.pinot.common.utils.JsonUtils;
import io.pinot.segment.creator.ColumnPlan;
import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// Converts values delivered by a stream decoder or record reader into the stored Java values of a column, with
/// exactly the rules of immutable segment creation (`docs/segment-format.md`, "Ingestion rules"), so that a
/// committed segment holds the values the mutable segment served:
/// - [DataType#convertValue] to the stored type (BOOLEAN → INT 0/1, TIMESTAMP → LONG, JSON → STRING);
/// - null, missing and empty multi-values become [FieldSpec#defaultValue()] (a multi-value row keeps at least one
///   value); one-element arrays reaching a single-value column are unwrapped, maps (and lists for JSON) become JSON;
/// - STRING longer than `maxLength` characters and BYTES longer than `maxLength` bytes are truncated (never
///   splitting a surrogate pair; JSON only with an explicit `maxLength`, as [ColumnPlan#maxLength()] says); lone
///   surrogates become `?`; `-0.0` becomes `0.0`.
///
/// [MutableSegment#index] applies these rules itself; the public methods are for callers that want the stored
/// values up front (for example to key an upsert map). Stateless utilities; thread-safe.
public final class StoredValues {
  private StoredValues() {
  }

  /// The stored value of a single-value column for a raw value (null means absent).
  ///
  /// @throws IllegalArgumentException when the value cannot be converted to the column's type
  public static Object toStored(FieldSpec spec, @Nullable Object raw) {
    Object value = single(raw, spec.dataType());
    return convert(spec, value == null ? spec.defaultValue() : value);
  }

  /// The stored values of a multi-value column for a raw value (null, a scalar, an array or a list).
  ///
  /// @throws IllegalArgumentException when a value cannot be converted to the column's type
  public static Object[] toStoredMulti(FieldSpec spec, @Nullable Object raw) {
    Object[] values = multi(raw);
    if (values == null || values.length == 0) {
      return new Object[] {convert(spec, spec.defaultValue())};
    }
    Object[] stored = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      stored[i] = convert(spec, values[i] == null ? spec.defaultValue() : values[i]);
    }
    return stored;
  }

  private static Object convert(FieldSpec spec, Object value) {
    DataType type = spec.dataType();
    return switch (type.storedType()) {
      case INT -> toInt(value, type);
      case LONG -> toLong(value, type);
      case FLOAT -> toFloat(value);
      case DOUBLE -> toDouble(value);
      default -> toVariable(value, type, ColumnPlan.basic(spec, true).maxLength());
    };
  }

  static int toInt(Object value, DataType logicalType) {
    if (logicalType == DataType.INT) {
      if (value instanceof Integer number) {
        return number;
      }
      if (value instanceof String text) {
        try {
          return Integer.parseInt(text);
        } catch (NumberFormatException e) {
          return (Integer) logicalType.convert(text);
        }
      }
    }
    return (Integer) logicalType.convertValue(value);
  }

  static long toLong(Object value, DataType logicalType) {
    if (logicalType == DataType.LONG) {
      if (value instanceof Long number) {
        return number;
      }
      if (value instanceof String text) {
        try {
          return Long.parseLong(text);
        } catch (NumberFormatException e) {
          return (Long) logicalType.convert(text);
        }
      }
    }
    return (Long) logicalType.convertValue(value);
  }

  static float toFloat(Object value) {
    float converted;
    if (value instanceof Float number) {
      converted = number;
    } else if (value instanceof String text) {
      try {
        converted = Float.parseFloat(text);
      } catch (NumberFormatException e) {
        converted = (Float) DataType.FLOAT.convert(text);
      }
    } else {
      converted = (Float) DataType.FLOAT.convertValue(value);
    }
    // Adding 0.0 turns -0.0 into 0.0 and leaves every other value (NaN included) unchanged.
    return converted + 0.0f;
  }

  static double toDouble(Object value) {
    double converted;
    if (value instanceof Double number) {
      converted = number;
    } else if (value instanceof String text) {
      try {
        converted = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        converted = (Double) DataType.DOUBLE.convert(text);
      }
    } else {
      converted = (Double) DataType.DOUBLE.convertValue(value);
    }
    return converted + 0.0;
  }

  /// A STRING (`String`), BYTES (`byte[]`) or BIG_DECIMAL (`BigDecimal`) stored value, truncated and sanitized.
  static Object toVariable(Object value, DataType logicalType, int maxLength) {
    return switch (logicalType.storedType()) {
      case STRING -> sanitize(truncate(value instanceof String text ? text : (String) logicalType.convertValue(value),
          maxLength));
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

  /// The text with lone surrogates (which UTF-8 cannot encode) replaced by '?', as a UTF-8 round trip does.
  static String sanitize(String text) {
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

  /// The single value of a raw value: null stays null, a one-element array or list is unwrapped, an empty one is
  /// null, and maps (or arrays for JSON columns) become JSON text.
  ///
  /// @throws IllegalArgumentException when several values reach a single-value column
  static @Nullable Object single(@Nullable Object raw, DataType logicalType) {
    if (raw == null) {
      return null;
    }
    boolean text = logicalType.storedType() == DataType.STRING;
    if (raw instanceof Map<?, ?> && text
        || logicalType == DataType.JSON && (raw instanceof List<?> || raw instanceof Object[])) {
      return JsonUtils.toJson(raw);
    }
    Object[] values = raw instanceof List<?> list ? list.toArray() : raw instanceof Object[] array ? array : null;
    if (values == null) {
      return raw;
    }
    if (values.length == 0) {
      return null;
    }
    if (values.length > 1) {
      throw new IllegalArgumentException("single-value column got " + values.length + " values");
    }
    return single(values[0], logicalType);
  }

  /// The values of a multi-value column: null stays null, arrays and lists give their elements, a scalar gives a
  /// one-element array.
  static Object @Nullable [] multi(@Nullable Object raw) {
    return switch (raw) {
      case null -> null;
      case Object[] array -> array;
      case List<?> list -> list.toArray();
      default -> new Object[] {raw};
    };
  }
}
