// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.operator;

import java.util.Arrays;

/// Keeps the K best documents of a segment by ORDER BY keys, in a binary heap whose root is the worst
/// retained document: a candidate is compared with the root only, and replaces it when better. Keys are
/// compared in typed arrays ([OrderKey]); ties keep the earlier document. Not thread-safe.
final class TopKCollector {
  private final OrderKey[] keys;
  private final int capacity;
  private final int[] heap;
  private final int[] docIds;
  private int size;

  TopKCollector(OrderKey[] keys, int capacity) {
    this.keys = keys;
    this.capacity = capacity;
    this.heap = new int[capacity];
    this.docIds = new int[capacity];
  }

  /// Offers the documents of the block currently loaded in `block`.
  void offer(ProjectionBlock block, int[] blockDocIds, int length) {
    if (capacity == 0) {
      return;
    }
    for (OrderKey key : keys) {
      key.load(block);
    }
    for (int i = 0; i < length; i++) {
      if (size < capacity) {
        int entry = size;
        store(i, entry, blockDocIds[i]);
        heap[size++] = entry;
        siftUp(size - 1);
      } else if (compareDoc(i, heap[0]) < 0) {
        store(i, heap[0], blockDocIds[i]);
        siftDown(0);
      }
    }
  }

  /// Whether document `doc` of the block offered last sorts strictly after the worst retained document on
  /// the first key while the collector is full: with documents arriving in first-key order, no later
  /// document can enter any more.
  boolean firstKeyPastWorst(int doc) {
    return size == capacity && capacity > 0 && keys[0].compareDoc(doc, heap[0]) > 0;
  }

  /// The retained documents in increasing doc-id order.
  int[] sortedDocIds() {
    int[] result = Arrays.copyOf(docIds, size);
    Arrays.sort(result);
    return result;
  }

  private void store(int doc, int entry, int docId) {
    for (OrderKey key : keys) {
      key.store(doc, entry);
    }
    docIds[entry] = docId;
  }

  private int compareDoc(int doc, int entry) {
    for (OrderKey key : keys) {
      int cmp = key.compareDoc(doc, entry);
      if (cmp != 0) {
        return cmp;
      }
    }
    return 0;
  }

  /// Heap order: the worse entry first (later in ORDER BY; for ties, the later document).
  private boolean worse(int a, int b) {
    for (OrderKey key : keys) {
      int cmp = key.compareEntries(a, b);
      if (cmp != 0) {
        return cmp > 0;
      }
    }
    return docIds[a] > docIds[b];
  }

  private void siftUp(int index) {
    int i = index;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!worse(heap[i], heap[parent])) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void siftDown(int index) {
    int i = index;
    while (true) {
      int left = 2 * i + 1;
      if (left >= size) {
        return;
      }
      int worst = left;
      int right = left + 1;
      if (right < size && worse(heap[right], heap[left])) {
        worst = right;
      }
      if (!worse(heap[worst], heap[i])) {
        return;
      }
      swap(i, worst);
      i = worst;
    }
  }

  private void swap(int a, int b) {
    int tmp = heap[a];
    heap[a] = heap[b];
    heap[b] = tmp;
  }
}
