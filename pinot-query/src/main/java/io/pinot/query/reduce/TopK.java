// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.reduce;

import java.util.Arrays;

/// Selects the `k` first of `n` items by a comparator of item indexes, in O(n log k) with a bounded heap
/// whose root is the worst kept item, then sorts them. Stateless and thread-safe.
final class TopK {
  /// Compares items by index (negative: `a` comes first).
  interface IndexComparator {
    int compare(int a, int b);
  }

  private TopK() {
  }

  /// The indexes of the `k` first items in order (all items, sorted, when `k >= n`). Ties keep the lower
  /// index first.
  static int[] select(int n, int k, IndexComparator comparator) {
    IndexComparator order = (a, b) -> {
      int cmp = comparator.compare(a, b);
      return cmp != 0 ? cmp : Integer.compare(a, b);
    };
    int size = Math.min(n, k);
    int[] heap = new int[size];
    if (size == 0) {
      return heap;
    }
    int filled = 0;
    for (int i = 0; i < n; i++) {
      if (filled < size) {
        heap[filled] = i;
        siftUp(heap, filled++, order);
      } else if (order.compare(i, heap[0]) < 0) {
        heap[0] = i;
        siftDown(heap, size, order);
      }
    }
    Integer[] boxed = new Integer[size];
    for (int i = 0; i < size; i++) {
      boxed[i] = heap[i];
    }
    Arrays.sort(boxed, (a, b) -> order.compare(a, b));
    int[] result = new int[size];
    for (int i = 0; i < size; i++) {
      result[i] = boxed[i];
    }
    return result;
  }

  /// Max-heap by `order`: the root is the item that comes last.
  private static void siftUp(int[] heap, int index, IndexComparator order) {
    int i = index;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (order.compare(heap[i], heap[parent]) <= 0) {
        return;
      }
      int tmp = heap[i];
      heap[i] = heap[parent];
      heap[parent] = tmp;
      i = parent;
    }
  }

  private static void siftDown(int[] heap, int size, IndexComparator order) {
    int i = 0;
    while (true) {
      int left = 2 * i + 1;
      if (left >= size) {
        return;
      }
      int child = left + 1 < size && order.compare(heap[left + 1], heap[left]) > 0 ? left + 1 : left;
      if (order.compare(heap[child], heap[i]) <= 0) {
        return;
      }
      int tmp = heap[i];
      heap[i] = heap[child];
      heap[child] = tmp;
      i = child;
    }
  }
}
