// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/// Buffer of a multi-value column: the flat values of all records plus the start offset of each record. A null
/// or empty value array becomes one default value and null elements become the default value, as Pinot's null
/// handling does, so every stored record has at least one value. Not thread-safe.
final class MultiValueColumn implements ColumnBuffer {
  private final ValueCollector values;
  private final Object defaultValue;
  private int[] starts = new int[ValueCollector.INITIAL_CAPACITY];
  private int numDocs;

  MultiValueColumn(ValueCollector values, Object defaultValue) {
    this.values = values;
    this.defaultValue = defaultValue;
  }

  @Override
  public void add(@Nullable Object raw) {
    Object[] array = ValueShapes.multi(raw);
    if (array == null || array.length == 0) {
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
  }

  @Override
  public ValueCollector values() {
    return values;
  }

  /// Entry offsets of each record (`numDocs + 1` meaningful entries).
  int[] starts() {
    return starts;
  }

  int numDocs() {
    return numDocs;
  }
}
