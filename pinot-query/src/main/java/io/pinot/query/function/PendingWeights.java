// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/// The weighted values a quantile sketch holder has collected per group but not yet added to its sketches: a
/// segment's (value, count) pairs from dictionary ids are summed here across all the segments a worker processes, so
/// each distinct value enters a group's sketch once per query instead of once per segment, followed by a sketch
/// merge per segment. Values are `long`s (a holder of doubles stores their bits). A group's values are handed back
/// ([#take]) when its sketch is needed, or when they exceed [#MAX_VALUES] distinct values, which bounds the memory
/// to about that many entries per group. Not thread-safe.
final class PendingWeights {
  /// Distinct values a group collects before they go to its sketch.
  static final int MAX_VALUES = 1 << 12;

  private LongCountMap[] groups = new LongCountMap[16];

  /// The values of one group as parallel arrays.
  record Batch(long[] values, long[] counts, int size) {
  }

  /// Adds `counts[i]` occurrences of `values[i]` for `i < n` to a group; returns whether the group now holds more
  /// than [#MAX_VALUES] distinct values (the caller should [#take] them).
  boolean add(int group, long[] values, long[] counts, int n) {
    LongCountMap map = map(group);
    for (int i = 0; i < n; i++) {
      map.add(values[i], counts[i]);
    }
    return map.size() > MAX_VALUES;
  }

  /// Moves another holder's pending values of `otherGroup` to `group`; returns as [#add] does.
  boolean merge(int group, PendingWeights other, int otherGroup) {
    if (otherGroup >= other.groups.length || other.groups[otherGroup] == null) {
      return false;
    }
    LongCountMap from = other.groups[otherGroup];
    other.groups[otherGroup] = null;
    ensureCapacity(group + 1);
    if (groups[group] == null) {
      groups[group] = from;
    } else {
      groups[group].addAll(from);
    }
    return groups[group].size() > MAX_VALUES;
  }

  /// Removes and returns a group's pending values, or null when it has none.
  @Nullable Batch take(int group) {
    if (group >= groups.length || groups[group] == null) {
      return null;
    }
    LongCountMap map = groups[group];
    groups[group] = null;
    long[] values = new long[map.size()];
    long[] counts = new long[map.size()];
    int n = 0;
    for (int slot = 0; slot < map.capacity(); slot++) {
      if (map.countAt(slot) != 0) {
        values[n] = map.keyAt(slot);
        counts[n++] = map.countAt(slot);
      }
    }
    return new Batch(values, counts, n);
  }

  private LongCountMap map(int group) {
    ensureCapacity(group + 1);
    LongCountMap map = groups[group];
    if (map == null) {
      map = new LongCountMap();
      groups[group] = map;
    }
    return map;
  }

  private void ensureCapacity(int numGroups) {
    if (numGroups > groups.length) {
      groups = Arrays.copyOf(groups, Math.max(numGroups, groups.length * 2));
    }
  }
}
