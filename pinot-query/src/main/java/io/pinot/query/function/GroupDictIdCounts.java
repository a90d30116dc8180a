// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.segment.spi.Dictionary;
import java.util.Arrays;

/// Occurrences of each dictionary id per group within one segment, for aggregations that only need each distinct
/// value of a group with its weight (percentile sketches, exact percentiles): the values are then read from the
/// dictionary and fed to the group's sketch once per distinct id instead of once per row. Counts live in one flat
/// array (`group * cardinality + dictId`) bounded by [#MAX_ENTRIES]; a block whose groups would exceed it is refused
/// and the caller aggregates that block row by row, which mixes freely with the weighted values flushed at the end
/// of the segment. Not thread-safe: one per holder and segment.
final class GroupDictIdCounts {
  /// At most this many counters (16 MiB of ints) per holder and segment.
  static final int MAX_ENTRIES = 1 << 22;

  private final Dictionary dictionary;
  private final int cardinality;
  private final int maxGroups;
  private int[] counts;
  private int numGroups;

  private GroupDictIdCounts(Dictionary dictionary) {
    this.dictionary = dictionary;
    this.cardinality = dictionary.length();
    this.maxGroups = MAX_ENTRIES / Math.max(1, cardinality);
    this.counts = new int[Math.min(MAX_ENTRIES, cardinality * Math.min(maxGroups, 4))];
  }

  /// Receives, after the segment, each group's distinct dictionary ids (increasing) with their counts.
  interface Sink {
    void accept(int group, Dictionary dictionary, int[] ids, long[] counts, int length);
  }

  /// Collects dictionary ids per group for one holder, deciding once per segment whether the slot qualifies.
  static final class Collector {
    private GroupDictIdCounts counts;
    private boolean disabled;

    /// Counts the block's dictionary ids into group 0; false when the slot is not a single-value
    /// dictionary-encoded column with a small enough dictionary (the caller then aggregates the values itself).
    boolean collect(ValueBlock block, int slot, int length) {
      return start(block, slot) && counts.add(block.dictIds(slot), length);
    }

    /// As [#collect(ValueBlock, int, int)] per group; also false when the groups would exceed the counters' bound.
    boolean collect(ValueBlock block, int slot, int length, int[] groupIds) {
      return start(block, slot) && counts.add(block.dictIds(slot), length, groupIds);
    }

    private boolean start(ValueBlock block, int slot) {
      Dictionary dictionary = block.dictionary(slot);
      if (counts != null) {
        // another block kind (raw values, another dictionary) is aggregated by the caller
        return dictionary == counts.dictionary && block.isSingleValue(slot);
      }
      if (disabled) {
        return false;
      }
      if (dictionary == null || !block.isSingleValue(slot) || dictionary.length() > MAX_ENTRIES) {
        disabled = true;
        return false;
      }
      counts = new GroupDictIdCounts(dictionary);
      return true;
    }

    /// Hands every group's counts to the sink and starts over for the next segment.
    void finishSegment(Sink sink) {
      if (counts != null) {
        counts.drain(sink);
      }
      counts = null;
      disabled = false;
    }
  }

  boolean add(int[] dictIds, int length) {
    ensureGroups(1);
    int[] c = counts;
    for (int i = 0; i < length; i++) {
      c[dictIds[i]]++;
    }
    return true;
  }

  boolean add(int[] dictIds, int length, int[] groupIds) {
    int max = 0;
    for (int i = 0; i < length; i++) {
      max = Math.max(max, groupIds[i]);
    }
    if (max >= maxGroups) {
      return false;
    }
    ensureGroups(max + 1);
    int[] c = counts;
    int card = cardinality;
    for (int i = 0; i < length; i++) {
      c[groupIds[i] * card + dictIds[i]]++;
    }
    return true;
  }

  private void ensureGroups(int groups) {
    if (groups > numGroups) {
      numGroups = groups;
      int needed = groups * cardinality;
      if (needed > counts.length) {
        counts = Arrays.copyOf(counts, Math.min(maxGroups * cardinality, Math.max(needed, counts.length * 2)));
      }
    }
  }

  private void drain(Sink sink) {
    int[] ids = new int[cardinality];
    long[] groupCounts = new long[cardinality];
    for (int group = 0; group < numGroups; group++) {
      int base = group * cardinality;
      int n = 0;
      for (int id = 0; id < cardinality; id++) {
        int count = counts[base + id];
        if (count != 0) {
          ids[n] = id;
          groupCounts[n++] = count;
        }
      }
      if (n > 0) {
        sink.accept(group, dictionary, ids, groupCounts, n);
      }
    }
  }
}
