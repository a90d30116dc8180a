// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.BitSetUtil;
import org.roaringbitmap.RoaringBitmap;

/// Batches of `int` values, unsorted and possibly repeated, waiting to become a RoaringBitmap: DISTINCTCOUNT collects
/// each segment's values of a group here and builds the group's bitmap once, by setting bits in one array over the
/// values' range, instead of a bitmap per segment and a bitmap union per segment. Values are unsigned 32-bit, as in
/// RoaringBitmap. The caller drains the batches when [#add] reports more than [#MAX_VALUES] values, which bounds
/// the memory. Not thread-safe.
final class PendingInts {
  /// Values held before the caller should drain them into a bitmap.
  static final int MAX_VALUES = 1 << 20;
  /// The widest range of values (max - min) drained through a bit array (2 MB); wider ones are sorted.
  private static final long MAX_BIT_RANGE = 1L << 24;

  private int[][] batches = new int[4][];
  private int[] sizes = new int[4];
  private int numBatches;
  private long numValues;

  boolean isEmpty() {
    return numValues == 0;
  }

  /// Takes `values[0, count)` (the array is kept, not copied); returns whether more than [#MAX_VALUES] are held.
  boolean add(int[] values, int count) {
    if (count == 0) {
      return false;
    }
    if (numBatches == batches.length) {
      batches = Arrays.copyOf(batches, numBatches * 2);
      sizes = Arrays.copyOf(sizes, numBatches * 2);
    }
    batches[numBatches] = values;
    sizes[numBatches++] = count;
    numValues += count;
    return numValues > MAX_VALUES;
  }

  /// Takes every batch of `other`, which is left empty; returns as [#add] does.
  boolean addAll(PendingInts other) {
    for (int i = 0; i < other.numBatches; i++) {
      add(other.batches[i], other.sizes[i]);
    }
    other.batches = new int[4][];
    other.sizes = new int[4];
    other.numBatches = 0;
    other.numValues = 0;
    return numValues > MAX_VALUES;
  }

  /// The distinct values held, as a bitmap (null when none), emptying this.
  @Nullable RoaringBitmap drain() {
    if (numValues == 0) {
      return null;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int b = 0; b < numBatches; b++) {
      int[] batch = batches[b];
      for (int i = 0; i < sizes[b]; i++) {
        long value = batch[i] & 0xFFFFFFFFL;
        min = Math.min(min, value);
        max = Math.max(max, value);
      }
    }
    RoaringBitmap bitmap;
    if (max - min < MAX_BIT_RANGE) {
      // a base aligned to a bitmap container, so that the offset only renumbers containers
      long base = min & ~0xFFFFL;
      long[] words = new long[(int) ((max - base) >>> 6) + 1];
      for (int b = 0; b < numBatches; b++) {
        int[] batch = batches[b];
        for (int i = 0; i < sizes[b]; i++) {
          long offset = (batch[i] & 0xFFFFFFFFL) - base;
          words[(int) (offset >>> 6)] |= 1L << offset;
        }
      }
      bitmap = base == 0 ? BitSetUtil.bitmapOf(words) : RoaringBitmap.addOffset(BitSetUtil.bitmapOf(words), base);
    } else {
      int[] all = new int[(int) numValues];
      int n = 0;
      for (int b = 0; b < numBatches; b++) {
        System.arraycopy(batches[b], 0, all, n, sizes[b]);
        n += sizes[b];
      }
      bitmap = RoaringBitmap.bitmapOfUnordered(all);
    }
    batches = new int[4][];
    sizes = new int[4];
    numBatches = 0;
    numValues = 0;
    return bitmap;
  }
}
