// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.startree;

import java.util.Arrays;

/// Sorts item ids (segment documents or star-tree records) by a sequence of int key columns, lexicographically and
/// stably: a least-significant-key-first radix sort, each pass a counting sort when the key's value range is small
/// next to the number of items and a merge sort otherwise. Keys are dictionary ids in `[0, bound)`. Primitive arrays
/// only. Stateless utilities.
final class RecordSorter {
  private RecordSorter() {
  }

  /// Sorts `items[0, length)` by `keys[firstKey][item]`, then `keys[firstKey + 1][item]`, ... up to `keys.length - 1`;
  /// key column `k` holds values in `[0, bounds[k])`.
  static void sort(int[] items, int length, int[][] keys, int firstKey, int[] bounds) {
    if (length < 2) {
      return;
    }
    int[] scratch = new int[length];
    int[] counts = null;
    for (int k = keys.length - 1; k >= firstKey; k--) {
      int[] key = keys[k];
      if (alreadySorted(items, length, key)) {
        continue;
      }
      int bound = bounds[k];
      if (bound <= 2L * length + 1024) {
        if (counts == null || counts.length < bound + 1) {
          counts = new int[bound + 1];
        }
        countingSort(items, length, key, bound, counts, scratch);
      } else {
        mergeSort(items, scratch, 0, length, key);
      }
    }
  }

  private static boolean alreadySorted(int[] items, int length, int[] key) {
    int previous = key[items[0]];
    for (int i = 1; i < length; i++) {
      int value = key[items[i]];
      if (value < previous) {
        return false;
      }
      previous = value;
    }
    return true;
  }

  private static void countingSort(int[] items, int length, int[] key, int bound, int[] counts, int[] scratch) {
    Arrays.fill(counts, 0, bound + 1, 0);
    for (int i = 0; i < length; i++) {
      counts[key[items[i]] + 1]++;
    }
    for (int v = 0; v < bound; v++) {
      counts[v + 1] += counts[v];
    }
    for (int i = 0; i < length; i++) {
      int item = items[i];
      scratch[counts[key[item]]++] = item;
    }
    System.arraycopy(scratch, 0, items, 0, length);
  }

  /// Stable top-down merge sort of `items[from, to)` by `key[item]`, using `scratch[from, to)`.
  private static void mergeSort(int[] items, int[] scratch, int from, int to, int[] key) {
    if (to - from <= 16) {
      insertionSort(items, from, to, key);
      return;
    }
    int middle = (from + to) >>> 1;
    mergeSort(items, scratch, from, middle, key);
    mergeSort(items, scratch, middle, to, key);
    if (key[items[middle - 1]] <= key[items[middle]]) {
      return;
    }
    System.arraycopy(items, from, scratch, from, to - from);
    int left = from;
    int right = middle;
    for (int i = from; i < to; i++) {
      if (right >= to || (left < middle && key[scratch[left]] <= key[scratch[right]])) {
        items[i] = scratch[left++];
      } else {
        items[i] = scratch[right++];
      }
    }
  }

  private static void insertionSort(int[] items, int from, int to, int[] key) {
    for (int i = from + 1; i < to; i++) {
      int item = items[i];
      int value = key[item];
      int j = i - 1;
      while (j >= from && key[items[j]] > value) {
        items[j + 1] = items[j];
        j--;
      }
      items[j + 1] = item;
    }
  }
}
