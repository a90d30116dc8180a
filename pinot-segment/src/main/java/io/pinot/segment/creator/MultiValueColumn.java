// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.RoaringBitmap;

/// Buffer of a multi-value column: the flat values of all records plus the start offset of each record. A null
/// or empty value array becomes one default value (and, with null handling, a null document) and null elements
/// become the default value, as Pinot's null handling does, so every stored record has at least one value.
/// Not thread-safe.
final class MultiValueColumn implements ColumnBuffer {
  private final ValueCollector values;
  private final Object defaultValue;
  private final @Nullable RoaringBitmap nullDocs;
  private int[] starts = new int[ValueCollector.INITIAL_CAPACITY];
  private int numDocs;

  MultiValueColumn(ValueCollector values, Object defaultValue, @Nullable RoaringBitmap nullDocs) {
    this.values = values;
    this.defaultValue = defaultValue;
    this.nullDocs = nullDocs;
  }

  @Override
  public void add(@Nullable Object raw) {
    Object[] array = ValueShapes.multi(raw);
    if (array == null || array.length == 0) {
      if (nullDocs != null) {
        nullDocs.add(numDocs);
      }
      values.add(defaultValue);
    } else {
      for (Object value : array) {
        values.add(value == null ? defaultValue : value);
      }
    }
    if (numDocs + 2 > starts.length) {
      starts = Arrays.copyOf(starts, ValueCollector.grow(starts.length));
    }
    numDocs++;
    starts[numDocs] = values.size();
  }

  @Override
  public void rollback(int committedDocs) {
    if (committedDocs < numDocs) {
      numDocs = committedDocs;
    }
    values.truncate(starts[numDocs]);
    if (nullDocs != null) {
      nullDocs.remove((long) numDocs, 1L << 32);
    }
  }

  @Override
  public ValueCollector values() {
    return values;
  }

  @Override
  public @Nullable RoaringBitmap nullDocs() {
    return nullDocs;
  }

  /// Entry offsets of each record (`numDocs + 1` meaningful entries).
  int[] starts() {
    return starts;
  }

  int numDocs() {
    return numDocs;
  }
}
