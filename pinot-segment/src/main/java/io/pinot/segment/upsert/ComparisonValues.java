// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.upsert;

import org.jspecify.annotations.Nullable;

/// Comparison values of upsert records: the stored value of the single comparison column (BYTES as [ByteKey]), or a
/// [Multi] over several comparison columns. The greater value is the newer version of a key. Stateless.
final class ComparisonValues {
  private ComparisonValues() {
  }

  /// The comparable form of a stored single value (null stays null).
  static @Nullable Comparable<?> of(@Nullable Object stored) {
    if (stored == null) {
      return null;
    }
    return stored instanceof byte[] bytes ? new ByteKey(bytes) : (Comparable<?>) stored;
  }

  /// `a` compared with `b` (both of one comparison column, or both [Multi]).
  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compare(Comparable a, Comparable b) {
    return a.compareTo(b);
  }

  /// The comparison value of a record over several comparison columns, as Pinot's `ComparisonColumns`. A row
  /// arriving from a stream carries exactly one non-null value, at [#index()]; it compares with the key's latest
  /// version on that column only (newer when that version has no value there), and when it is not older it takes
  /// over that version's values of the other columns, so a location always carries the newest value of each column.
  /// A record read back from a committed segment has index -1 and compares column by column, a null value being
  /// the oldest. Not thread-safe; owned by one key's location.
  static final class Multi implements Comparable<Multi> {
    /// The index of a record read from a committed segment.
    static final int SEALED = -1;

    private final @Nullable Comparable<?>[] values;
    private final int index;

    Multi(@Nullable Comparable<?>[] values, int index) {
      this.values = values;
      this.index = index;
    }

    int index() {
      return index;
    }

    @Override
    public int compareTo(Multi other) {
      if (index == SEALED) {
        return compareSealed(other);
      }
      Comparable<?> mine = values[index];
      Comparable<?> theirs = other.values[index];
      int result = theirs == null ? 1 : compare(mine, theirs);
      if (result >= 0) {
        for (int i = 0; i < values.length; i++) {
          if (i != index) {
            values[i] = other.values[i];
          }
        }
      }
      return result;
    }

    private int compareSealed(Multi other) {
      for (int i = 0; i < values.length; i++) {
        Comparable<?> mine = values[i];
        Comparable<?> theirs = other.values[i];
        if (mine == null && theirs == null) {
          continue;
        }
        if (mine == null || theirs == null) {
          return mine == null ? -1 : 1;
        }
        int result = compare(mine, theirs);
        if (result != 0) {
          return result;
        }
      }
      return 0;
    }

    @Override
    public boolean equals(Object other) {
      return this == other;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }

    @Override
    public String toString() {
      return java.util.Arrays.toString(values);
    }
  }
}
