// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import io.pinot.spi.data.DataType;
import java.util.OptionalLong;

/// Mutable dictionary of an INT (or BOOLEAN, stored as INT 0/1) column. Thread-safety: see [MutableDictionary].
final class IntMutableDictionary extends MutableDictionary {
  private final DataType logicalType;
  private final IntChunks values;
  private final IntKeyTable table;
  private int[] staged = new int[1];

  IntMutableDictionary(DataType logicalType, int shift) {
    super(DataType.INT);
    this.logicalType = logicalType;
    this.values = new IntChunks(shift);
    this.table = new IntKeyTable(64);
  }

  @Override
  void stage(int slot, Object value) {
    staged = grow(staged, slot);
    staged[slot] = StoredValues.toInt(value, logicalType);
  }

  @Override
  int commit(int slot) {
    return index(staged[slot]);
  }

  /// Writer: the id of `value`, adding it when new.
  int index(int value) {
    int probe = table.probe(value);
    if (probe >= 0) {
      return probe;
    }
    int id = size;
    values.set(id, value);
    table.insert(-probe - 1, value, id);
    size = id + 1;
    return id;
  }

  @Override
  int compareIds(int a, int b) {
    return Integer.compare(values.get(a), values.get(b));
  }

  @Override
  int lookup(Object key, int bound) {
    OptionalLong value = LookupKeys.integral(key, Integer.MIN_VALUE, Integer.MAX_VALUE);
    return value.isPresent() ? table.find((int) value.getAsLong(), bound) : -1;
  }

  @Override
  Object get(int id) {
    return values.get(id);
  }

  @Override
  int getInt(int id) {
    return values.get(id);
  }

  @Override
  long getLong(int id) {
    return values.get(id);
  }

  @Override
  float getFloat(int id) {
    return values.get(id);
  }

  @Override
  double getDouble(int id) {
    return values.get(id);
  }

  @Override
  String getString(int id) {
    return Integer.toString(values.get(id));
  }

  @Override
  byte[] getBytes(int id) {
    throw noBytes(DataType.INT);
  }

  @Override
  void readInts(int[] ids, int length, int[] out) {
    int[][] directory = values.directory();
    int shift = values.shift();
    int mask = values.mask();
    for (int i = 0; i < length; i++) {
      int id = ids[i];
      out[i] = directory[id >>> shift][id & mask];
    }
  }

  @Override
  void readLongs(int[] ids, int length, long[] out) {
    int[][] directory = values.directory();
    int shift = values.shift();
    int mask = values.mask();
    for (int i = 0; i < length; i++) {
      int id = ids[i];
      out[i] = directory[id >>> shift][id & mask];
    }
  }

  @Override
  void readFloats(int[] ids, int length, float[] out) {
    int[][] directory = values.directory();
    int shift = values.shift();
    int mask = values.mask();
    for (int i = 0; i < length; i++) {
      int id = ids[i];
      out[i] = directory[id >>> shift][id & mask];
    }
  }

  @Override
  void readDoubles(int[] ids, int length, double[] out) {
    int[][] directory = values.directory();
    int shift = values.shift();
    int mask = values.mask();
    for (int i = 0; i < length; i++) {
      int id = ids[i];
      out[i] = directory[id >>> shift][id & mask];
    }
  }

  @Override
  long memoryBytes() {
    return values.allocatedBytes() + table.allocatedBytes();
  }
}
