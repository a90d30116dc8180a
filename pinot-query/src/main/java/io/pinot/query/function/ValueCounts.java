// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import java.nio.ByteBuffer;
import java.util.Arrays;

/// An exact multiset of doubles for PERCENTILE: strictly increasing distinct values (in `Double.compare`
/// order, so -0.0 before 0.0 and NaN last, as `Arrays.sort` orders them) with their counts, plus a buffer of
/// values not yet sorted in. The buffer is folded in once it holds at least twice as many values as there are
/// distinct ones (and at least [#MIN_BUFFER]), so memory follows the number of distinct values and the cost of
/// adding stays `O(log n)` amortized. Not thread-safe.
///
/// Serialized form ([ObjectTypes#VALUE_COUNTS]): int32 n, a byte that is 1 when every count is 1, the n values
/// as IEEE doubles, then (unless every count is 1) n int64 counts; big-endian.
final class ValueCounts implements GroupStates.State<ValueCounts> {
  private static final int MIN_BUFFER = 1 << 14;

  private double[] buffer = new double[16];
  private int buffered;
  private double[] values = new double[0];
  private long[] counts = new long[0];
  private int size;

  void add(double value) {
    if (buffered == buffer.length) {
      if (buffered >= Math.max(MIN_BUFFER, 2 * size)) {
        compact();
      } else {
        buffer = Arrays.copyOf(buffer, buffered * 2);
      }
    }
    buffer[buffered++] = value;
  }

  /// Adds `n` strictly increasing distinct values with their counts.
  void addSorted(double[] sortedValues, long[] valueCounts, int n) {
    mergeRuns(sortedValues, valueCounts, n);
  }

  /// Adds all values of `other`, which must not be used afterwards.
  @Override
  public void addAll(ValueCounts other) {
    other.compact();
    mergeRuns(other.values, other.counts, other.size);
  }

  /// The total number of values.
  long count() {
    long total = buffered;
    for (int i = 0; i < size; i++) {
      total += counts[i];
    }
    return total;
  }

  /// The value at position `index` (0-based) of all values in sorted order.
  double valueAt(long index) {
    compact();
    long seen = 0;
    for (int i = 0; i < size; i++) {
      seen += counts[i];
      if (index < seen) {
        return values[i];
      }
    }
    throw new IllegalStateException("Index " + index + " out of " + seen + " values");
  }

  private void compact() {
    if (buffered == 0) {
      return;
    }
    Arrays.sort(buffer, 0, buffered);
    double[] runValues = new double[buffered];
    long[] runCounts = new long[buffered];
    int n = 0;
    for (int i = 0; i < buffered; i++) {
      if (n > 0 && Double.compare(runValues[n - 1], buffer[i]) == 0) {
        runCounts[n - 1]++;
      } else {
        runValues[n] = buffer[i];
        runCounts[n++] = 1;
      }
    }
    buffered = 0;
    if (buffer.length > MIN_BUFFER) {
      buffer = new double[16];
    }
    mergeRuns(runValues, runCounts, n);
  }

  private void mergeRuns(double[] otherValues, long[] otherCounts, int otherSize) {
    if (otherSize == 0) {
      return;
    }
    if (size == 0) {
      values = Arrays.copyOf(otherValues, otherSize);
      counts = Arrays.copyOf(otherCounts, otherSize);
      size = otherSize;
      return;
    }
    double[] mergedValues = new double[size + otherSize];
    long[] mergedCounts = new long[size + otherSize];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < size && j < otherSize) {
      int order = Double.compare(values[i], otherValues[j]);
      if (order <= 0) {
        mergedValues[n] = values[i];
        mergedCounts[n] = counts[i++] + (order == 0 ? otherCounts[j++] : 0);
      } else {
        mergedValues[n] = otherValues[j];
        mergedCounts[n] = otherCounts[j++];
      }
      n++;
    }
    for (; i < size; i++, n++) {
      mergedValues[n] = values[i];
      mergedCounts[n] = counts[i];
    }
    for (; j < otherSize; j++, n++) {
      mergedValues[n] = otherValues[j];
      mergedCounts[n] = otherCounts[j];
    }
    values = mergedValues;
    counts = mergedCounts;
    size = n;
  }

  @Override
  public byte[] serialize() {
    compact();
    boolean allOnes = true;
    for (int i = 0; i < size && allOnes; i++) {
      allOnes = counts[i] == 1;
    }
    ByteBuffer out = ByteBuffer.allocate(5 + size * (allOnes ? 8 : 16));
    out.putInt(size).put((byte) (allOnes ? 1 : 0));
    for (int i = 0; i < size; i++) {
      out.putDouble(values[i]);
    }
    if (!allOnes) {
      for (int i = 0; i < size; i++) {
        out.putLong(counts[i]);
      }
    }
    return out.array();
  }

  @Override
  public void addSerialized(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    int n = in.getInt();
    boolean allOnes = in.get() == 1;
    double[] otherValues = new double[n];
    long[] otherCounts = new long[n];
    for (int i = 0; i < n; i++) {
      otherValues[i] = in.getDouble();
    }
    for (int i = 0; i < n; i++) {
      otherCounts[i] = allOnes ? 1 : in.getLong();
    }
    mergeRuns(otherValues, otherCounts, n);
  }
}
