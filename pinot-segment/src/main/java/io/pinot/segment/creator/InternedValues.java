// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator;

import io.pinot.segment.format.SegmentFileWriter;
import io.pinot.segment.index.dictionary.Dictionaries;
import io.pinot.segment.index.forward.ChunkCodec;
import io.pinot.spi.data.DataType;
import java.util.Arrays;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/// Collects the values of a dictionary-encoded STRING, BYTES or BIG_DECIMAL column: each distinct value is
/// interned once and every row stores only its interning id in a growable `int[]`. Encoding sorts the distinct
/// values, merges the ones equal in dictionary order (`1.0` and `1.00`), drops values of rolled-back rows, and
/// rewrites the ids into dictionary ids in place. Not thread-safe.
final class InternedValues implements ValueCollector {
  private final DataType logicalType;
  private final DataType storedType;
  private final int maxLength;
  private final ValueInterner interner = new ValueInterner();
  private int[] ids = new int[INITIAL_CAPACITY];
  private int size;
  private boolean truncated;

  InternedValues(DataType logicalType, int maxLength) {
    this.logicalType = logicalType;
    this.storedType = logicalType.storedType();
    this.maxLength = maxLength;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public void add(Object value) {
    int id = interner.intern(VariableWidthValues.toStored(value, logicalType, maxLength));
    if (size == ids.length) {
      ids = Arrays.copyOf(ids, ValueCollector.grow(size));
    }
    ids[size++] = id;
  }

  @Override
  public void truncate(int newSize) {
    if (newSize < size) {
      size = newSize;
      truncated = true;
    }
  }

  @Override
  public EncodedValues encode() {
    int distinctCount = interner.size();
    Object[] keys = new Object[distinctCount];
    for (int id = 0; id < distinctCount; id++) {
      keys[id] = VariableWidthValues.sanitize(interner.values()[id]);
    }
    Comparator<Object> comparator = VariableWidthValues.order(storedType);
    int[] order = liveIdsInOrder(keys, comparator);
    int[] toDictId = new int[distinctCount];
    byte[][] encoded = new byte[order.length][];
    int cardinality = 0;
    int maxValueLength = 0;
    for (int i = 0; i < order.length; i++) {
      int id = order[i];
      if (cardinality == 0 || comparator.compare(keys[order[i - 1]], keys[id]) != 0) {
        encoded[cardinality] = VariableWidthValues.encode(keys[id]);
        maxValueLength = Math.max(maxValueLength, encoded[cardinality].length);
        cardinality++;
      }
      toDictId[id] = cardinality - 1;
    }
    for (int i = 0; i < size; i++) {
      ids[i] = toDictId[ids[i]];
    }
    Object min = cardinality == 0 ? null : keys[order[0]];
    Object max = cardinality == 0 ? null : keys[order[order.length - 1]];
    return new EncodedValues(cardinality, ids, min, max, maxValueLength,
        Dictionaries.buildVariable(storedType, encoded, cardinality));
  }

  /// The interning ids still used by a collected value (all of them unless records were rolled back), sorted by
  /// their values.
  private int[] liveIdsInOrder(Object[] keys, Comparator<Object> comparator) {
    boolean[] used = null;
    if (truncated) {
      used = new boolean[keys.length];
      for (int i = 0; i < size; i++) {
        used[ids[i]] = true;
      }
    }
    Integer[] order = new Integer[keys.length];
    int live = 0;
    for (int id = 0; id < keys.length; id++) {
      if (used == null || used[id]) {
        order[live++] = id;
      }
    }
    Arrays.sort(order, 0, live, (a, b) -> comparator.compare(keys[a], keys[b]));
    int[] sorted = new int[live];
    for (int i = 0; i < live; i++) {
      sorted[i] = order[i];
    }
    return sorted;
  }

  @Override
  public RawStats writeRaw(SegmentFileWriter out, String column, ChunkCodec codec, int @Nullable [] starts,
      int numDocs) {
    throw new IllegalStateException("Column[" + column + "] collects dictionary-encoded values");
  }
}
