// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import io.pinot.spi.data.DataType;
import java.util.Arrays;

/// Mutable dictionary of a DOUBLE column, keyed by [Double#doubleToLongBits] (one NaN; `-0.0` is stored as `0.0`).
/// Thread-safety: see [MutableDictionary].
final class DoubleMutableDictionary extends MutableDictionary {
  private final DoubleChunks values;
  private final LongKeyTable table;
  private double[] staged = new double[1];

  DoubleMutableDictionary(int shift) {
    super(DataType.DOUBLE);
    this.values = new DoubleChunks(shift);
    this.table = new LongKeyTable(64);
  }

  @Override
  void stage(int slot, Object value) {
    if (slot >= staged.length) {
      staged = Arrays.copyOf(staged, Math.max(slot + 1, staged.length * 2));
    }
    staged[slot] = StoredValues.toDouble(value);
  }

  @Override
  int commit(int slot) {
    return index(staged[slot]);
  }

  /// Writer: the id of `value`, adding it when new.
  int index(double value) {
    long key = Double.doubleToLongBits(value);
    int probe = table.probe(key);
    if (probe >= 0) {
      return probe;
    }
    int id = size;
    values.set(id, value);
    table.insert(-probe - 1, key, id);
    size = id + 1;
    return id;
  }

  @Override
  int compareIds(int a, int b) {
    return Double.compare(values.get(a), values.get(b));
  }

  @Override
  int lookup(Object key, int bound) {
    return table.find(Double.doubleToLongBits(LookupKeys.floating(key)), bound);
  }

  @Override
  Object get(int id) {
    return values.get(id);
  }

  @Override
  int getInt(int id) {
    return (int) values.get(id);
  }

  @Override
  long getLong(int id) {
    return (long) values.get(id);
  }

  @Override
  float getFloat(int id) {
    return (float) values.get(id);
  }

  @Override
  double getDouble(int id) {
    return values.get(id);
  }

  @Override
  String getString(int id) {
    return Double.toString(values.get(id));
  }

  @Override
  byte[] getBytes(int id) {
    throw noBytes(DataType.DOUBLE);
  }

  @Override
  void readInts(int[] ids, int length, int[] out) {
    double[][] directory = values.directory();
    int shift = values.shift();
    int mask = values.mask();
    for (int i = 0; i < length; i++) {
      int id = ids[i];
      out[i] = (int) directory[id >>> shift][id & mask];
    }
  }

  @Override
  void readLongs(int[] ids, int length, long[] out) {
    double[][] directory = values.directory();
    int shift = values.shift();
    int mask = values.mask();
    for (int i = 0; i < length; i++) {
      int id = ids[i];
      out[i] = (long) directory[id >>> shift][id & mask];
    }
  }

  @Override
  void readFloats(int[] ids, int length, float[] out) {
    double[][] directory = values.directory();
    int shift = values.shift();
    int mask = values.mask();
    for (int i = 0; i < length; i++) {
      int id = ids[i];
      out[i] = (float) directory[id >>> shift][id & mask];
    }
  }

  @Override
  void readDoubles(int[] ids, int length, double[] out) {
    double[][] directory = values.directory();
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
