// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.startree;

import io.pinot.segment.spi.startree.AggregationFunctionColumnPair;
import java.util.Arrays;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;

/// The star-tree documents under construction, column by column: one int column of dictionary ids per split-order
/// dimension (stars stored as the dimension's cardinality), the row count of every record, one double column per
/// SUM/AVG/MIN/MAX pair and one bitmap column per DISTINCTCOUNTBITMAP pair. Records are only appended; metrics of
/// one record can be merged into another. Not thread-safe.
final class StarTreeRecords {
  /// How a pair's values are kept.
  enum Kind { COUNT, SUM, MIN, MAX, SET }

  private final int numDimensions;
  private final Kind[] kinds;
  /// Column index of each pair within its kind's storage (doubles or sets); -1 for COUNT.
  private final int[] slots;
  private final int[][] dimensions;
  private long[] counts;
  private final double[][] doubles;
  private final Kind[] doubleKinds;
  private final RoaringBitmap[][] sets;
  private int size;

  StarTreeRecords(int numDimensions, List<AggregationFunctionColumnPair> pairs, int initialCapacity) {
    this.numDimensions = numDimensions;
    int capacity = Math.max(16, initialCapacity);
    kinds = new Kind[pairs.size()];
    slots = new int[pairs.size()];
    int numDoubles = 0;
    int numSets = 0;
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = switch (pairs.get(i).function()) {
        case COUNT -> Kind.COUNT;
        case SUM, AVG -> Kind.SUM;
        case MIN -> Kind.MIN;
        case MAX -> Kind.MAX;
        case DISTINCTCOUNTBITMAP -> Kind.SET;
      };
      slots[i] = kinds[i] == Kind.COUNT ? -1 : kinds[i] == Kind.SET ? numSets++ : numDoubles++;
    }
    dimensions = new int[numDimensions][capacity];
    counts = new long[capacity];
    doubles = new double[numDoubles][capacity];
    doubleKinds = new Kind[numDoubles];
    sets = new RoaringBitmap[numSets][capacity];
    for (int i = 0; i < kinds.length; i++) {
      if (kinds[i] != Kind.COUNT && kinds[i] != Kind.SET) {
        doubleKinds[slots[i]] = kinds[i];
      }
    }
  }

  int size() {
    return size;
  }

  int numDimensions() {
    return numDimensions;
  }

  Kind kind(int pair) {
    return kinds[pair];
  }

  int slot(int pair) {
    return slots[pair];
  }

  /// Appends a record with all values zero (sets empty); returns its id.
  int append() {
    if (size == counts.length) {
      int capacity = size + (size >> 1) + 16;
      for (int d = 0; d < numDimensions; d++) {
        dimensions[d] = Arrays.copyOf(dimensions[d], capacity);
      }
      counts = Arrays.copyOf(counts, capacity);
      for (int s = 0; s < doubles.length; s++) {
        doubles[s] = Arrays.copyOf(doubles[s], capacity);
      }
      for (int s = 0; s < sets.length; s++) {
        sets[s] = Arrays.copyOf(sets[s], capacity);
      }
    }
    return size++;
  }

  /// Appends a copy of `source` (dimensions and metrics; bitmaps are copied, never shared); returns its id.
  int appendCopy(int source) {
    int record = append();
    for (int d = 0; d < numDimensions; d++) {
      dimensions[d][record] = dimensions[d][source];
    }
    counts[record] = counts[source];
    for (int s = 0; s < doubles.length; s++) {
      doubles[s][record] = doubles[s][source];
    }
    for (int s = 0; s < sets.length; s++) {
      sets[s][record] = sets[s][source].clone();
    }
    return record;
  }

  /// Adds the metrics of `source` to those of `target` (a record created by [#appendCopy] or [#append]).
  void merge(int target, int source) {
    counts[target] += counts[source];
    for (int s = 0; s < doubles.length; s++) {
      double[] column = doubles[s];
      column[target] = switch (doubleKinds[s]) {
        case MIN -> Math.min(column[target], column[source]);
        case MAX -> Math.max(column[target], column[source]);
        default -> column[target] + column[source];
      };
    }
    for (int s = 0; s < sets.length; s++) {
      sets[s][target].or(sets[s][source]);
    }
  }

  int dimension(int record, int dimension) {
    return dimensions[dimension][record];
  }

  void setDimension(int record, int dimension, int value) {
    dimensions[dimension][record] = value;
  }

  /// The live array of a dimension (valid until the next append; at least [#size()] entries).
  int[] dimensionColumn(int dimension) {
    return dimensions[dimension];
  }

  long[] counts() {
    return counts;
  }

  void setCount(int record, long count) {
    counts[record] = count;
  }

  /// The live array of a double pair (SUM, AVG, MIN or MAX) by its slot.
  double[] doubleColumn(int slot) {
    return doubles[slot];
  }

  void setDouble(int slot, int record, double value) {
    doubles[slot][record] = value;
  }

  RoaringBitmap set(int slot, int record) {
    return sets[slot][record];
  }

  void setSet(int slot, int record, RoaringBitmap bitmap) {
    sets[slot][record] = bitmap;
  }

  /// Whether two records have the same dimension values from `fromDimension` on.
  boolean sameDimensions(int first, int second, int fromDimension) {
    for (int d = fromDimension; d < numDimensions; d++) {
      if (dimensions[d][first] != dimensions[d][second]) {
        return false;
      }
    }
    return true;
  }
}
