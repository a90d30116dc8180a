// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

/// Occurrences of each dictionary id of one segment's single-value column, for aggregations of a whole
/// selection (group 0) that only need each distinct value with its weight: values are then read from the
/// dictionary once per distinct id instead of once per row. Not thread-safe.
final class DictIdCounts {
  private final int[] counts;

  DictIdCounts(int dictionaryLength) {
    counts = new int[dictionaryLength];
  }

  /// Counts the dictionary ids of the block's first `length` documents.
  void add(int[] dictIds, int length) {
    int[] c = counts;
    for (int i = 0; i < length; i++) {
      c[dictIds[i]]++;
    }
  }

  /// The ids that occurred, increasing, with their counts in `countsOut` (sized by the caller to at least
  /// [#numDistinct]).
  int[] ids(long[] countsOut) {
    int[] ids = new int[numDistinct()];
    int n = 0;
    for (int id = 0; id < counts.length; id++) {
      if (counts[id] != 0) {
        countsOut[n] = counts[id];
        ids[n++] = id;
      }
    }
    return ids;
  }

  int numDistinct() {
    int n = 0;
    for (int count : counts) {
      if (count != 0) {
        n++;
      }
    }
    return n;
  }
}
