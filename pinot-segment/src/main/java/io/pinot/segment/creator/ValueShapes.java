// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator;

import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.data.DataType;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// Shapes a value delivered by a record reader into what a single-value or multi-value column expects:
/// arrays and lists become one value or a value array, maps and lists headed for a STRING or JSON column become
/// JSON text. Stateless utilities.
final class ValueShapes {
  private ValueShapes() {
  }

  /// The single value of a reader value: null stays null, a one-element array or list is unwrapped, an empty
  /// one is null, and maps (or arrays for JSON columns) become JSON text.
  ///
  /// @throws IllegalArgumentException when an array of several values reaches a single-value column
  static @Nullable Object single(@Nullable Object raw, DataType logicalType) {
    if (raw == null) {
      return null;
    }
    boolean text = logicalType.storedType() == DataType.STRING;
    if (raw instanceof Map<?, ?> && text || logicalType == DataType.JSON && (raw instanceof List<?>
        || raw instanceof Object[])) {
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

  /// The values of a multi-value column: null stays null, arrays and lists give their elements, a scalar gives
  /// a one-element array.
  static Object @Nullable [] multi(@Nullable Object raw) {
    return switch (raw) {
      case null -> null;
      case Object[] array -> array;
      case List<?> list -> list.toArray();
      default -> new Object[] {raw};
    };
  }
}
