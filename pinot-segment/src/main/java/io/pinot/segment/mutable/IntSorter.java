// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

/// A stable merge sort of `int` arrays (document or dictionary ids) by a primitive comparator, without boxing.
/// Stateless utilities.
final class IntSorter {
  private static final int INSERTION_THRESHOLD = 16;

  /// Compares two ints (ids) by whatever they stand for.
  @FunctionalInterface
  interface IntComparator {
    int compare(int a, int b);
  }

  private IntSorter() {
  }

  /// Sorts `values` stably by `comparator`.
  static void sort(int[] values, IntComparator comparator) {
    if (values.length < 2) {
      return;
    }
    int[] buffer = values.clone();
    mergeSort(buffer, values, 0, values.length, comparator);
  }

  /// Sorts `source[from, to)` into `target[from, to)` (both start with the same contents).
  private static void mergeSort(int[] source, int[] target, int from, int to, IntComparator comparator) {
    if (to - from <= INSERTION_THRESHOLD) {
      for (int i = from + 1; i < to; i++) {
        int value = target[i];
        int j = i - 1;
        while (j >= from && comparator.compare(target[j], value) > 0) {
          target[j + 1] = target[j];
          j--;
        }
        target[j + 1] = value;
      }
      return;
    }
    int middle = (from + to) >>> 1;
    mergeSort(target, source, from, middle, comparator);
    mergeSort(target, source, middle, to, comparator);
    int left = from;
    int right = middle;
    for (int i = from; i < to; i++) {
      if (right >= to || left < middle && comparator.compare(source[left], source[right]) <= 0) {
        target[i] = source[left++];
      } else {
        target[i] = source[right++];
      }
    }
  }
}
