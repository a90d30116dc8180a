// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.filter;

import java.util.Arrays;

/// The dictionary ids whose values satisfy a predicate's positive form, computed once per segment: either
/// a contiguous id range (range predicates over a sorted dictionary) or an explicit sorted id list with a
/// lookup table. Immutable.
final class DictIdMatch {
  private final int start;
  private final int end;
  private final int[] ids;
  private final boolean[] lookup;
  private final byte[] lookupBytes;

  private DictIdMatch(int start, int end, int[] ids, boolean[] lookup) {
    this.start = start;
    this.end = end;
    this.ids = ids;
    this.lookup = lookup;
    if (lookup == null) {
      this.lookupBytes = null;
    } else {
      this.lookupBytes = new byte[lookup.length];
      for (int i = 0; i < lookup.length; i++) {
        lookupBytes[i] = (byte) (lookup[i] ? 1 : 0);
      }
    }
  }

  /// Ids `[start, end)`.
  static DictIdMatch range(int start, int end) {
    return new DictIdMatch(start, Math.max(start, end), null, null);
  }

  /// The given ids (any order, duplicates allowed) of a dictionary of `cardinality` values.
  static DictIdMatch of(int[] ids, int count, int cardinality) {
    int[] sorted = Arrays.copyOf(ids, count);
    Arrays.sort(sorted);
    int unique = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[unique++] = sorted[i];
      }
    }
    sorted = Arrays.copyOf(sorted, unique);
    if (unique > 0 && sorted[unique - 1] - sorted[0] + 1 == unique) {
      return range(sorted[0], sorted[unique - 1] + 1);
    }
    boolean[] lookup = new boolean[cardinality];
    for (int id : sorted) {
      lookup[id] = true;
    }
    return new DictIdMatch(-1, -1, sorted, lookup);
  }

  boolean isRange() {
    return ids == null;
  }

  int start() {
    return start;
  }

  int end() {
    return end;
  }

  int count() {
    return ids == null ? end - start : ids.length;
  }

  /// The ids in increasing order.
  int[] ids() {
    if (ids != null) {
      return ids;
    }
    int[] all = new int[end - start];
    for (int i = 0; i < all.length; i++) {
      all[i] = start + i;
    }
    return all;
  }

  /// A lookup table indexed by dictionary id (only for non-range matches).
  boolean[] lookup() {
    return lookup;
  }

  /// The lookup table as 0/1 bytes (only for non-range matches), for branch-free loops.
  byte[] lookupBytes() {
    return lookupBytes;
  }

  boolean matches(int dictId) {
    return ids == null ? dictId >= start && dictId < end : lookup[dictId];
  }
}
