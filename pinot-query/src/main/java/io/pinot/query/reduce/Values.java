// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.reduce;

import io.pinot.query.function.ByteArray;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/// Comparison and key helpers for result values (stored Java values; BYTES as `byte[]` or
/// [ByteArray]). Thread-safe (no state).
public final class Values {
  private Values() {
  }

  /// Compares two values of the same column: numbers numerically, strings by `compareTo`, bytes unsigned.
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int compare(Object a, Object b) {
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.compareUnsigned(x, y);
    }
    if (a instanceof Number x && b instanceof Number y && a.getClass() != b.getClass()) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    return ((Comparable) a).compareTo(b);
  }

  /// Compares two values of an ORDER BY item: by [#compare] in the item's direction, nulls first or last.
  public static int compareOrdered(@Nullable Object a, @Nullable Object b, boolean ascending, boolean nullsLast) {
    if (a == null || b == null) {
      return a == b ? 0 : (a == null) == nullsLast ? 1 : -1;
    }
    int cmp = compare(a, b);
    return ascending ? cmp : -cmp;
  }

  /// A hashable form of a value: `byte[]` becomes [ByteArray], everything else stays.
  public static @Nullable Object hashable(@Nullable Object value) {
    return value instanceof byte[] bytes ? new ByteArray(bytes) : value;
  }

  /// The stored form of a hashable value: [ByteArray] becomes `byte[]`.
  public static @Nullable Object stored(@Nullable Object value) {
    return value instanceof ByteArray bytes ? bytes.bytes() : value;
  }

  /// The map key of a group: the value itself for one non-null column, a [GroupKey] for several or a null.
  public static Object groupKey(Object[] values) {
    return values.length == 1 && values[0] != null ? values[0] : new GroupKey(values);
  }

  /// Several group-by values with value equality.
  record GroupKey(Object[] values) {
    @Override
    public boolean equals(Object other) {
      return other instanceof GroupKey that && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
      return Arrays.toString(values);
    }
  }
}
