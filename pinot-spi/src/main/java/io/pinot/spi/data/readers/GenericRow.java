// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.data.readers;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// One input record on its way into a segment: column name to value. Single values are `Integer`,
/// `Long`, `Float`, `Double`, `BigDecimal`, `String`, `byte[]` or `Boolean` as the reader produced them
/// (or `null` when absent); multi-values are `Object[]`. Mutable and reused by readers: not thread-safe.
public final class GenericRow {
  private final Map<String, @Nullable Object> fields = new LinkedHashMap<>();

  public @Nullable Object getValue(String column) {
    return fields.get(column);
  }

  public void putValue(String column, @Nullable Object value) {
    fields.put(column, value);
  }

  public boolean hasColumn(String column) {
    return fields.containsKey(column);
  }

  /// The live field map, in insertion order.
  public Map<String, @Nullable Object> fields() {
    return fields;
  }

  public void clear() {
    fields.clear();
  }

  @Override
  public String toString() {
    return fields.toString();
  }
}
