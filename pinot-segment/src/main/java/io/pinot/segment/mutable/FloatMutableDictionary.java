// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import io.pinot.spi.data.DataType;
import java.util.Arrays;

/// Mutable dictionary of a FLOAT column, keyed by [Float#floatToIntBits] (one NaN; `-0.0` is stored as `0.0`). Thread-
/// safety: see [MutableDictionary].
final class FloatMutableDictionary extends MutableDictionary {
  private final FloatChunks values;
  private final IntKeyTable table;
  private float[] staged = new float[1];

  FloatMutableDictionary(int shift) {
    super(DataType.FLOAT);
    this.values = new FloatChunks(shift);
    this.table = new IntKeyTable(64);
  }

  @Override
  void stage(int slot, Object value) {
    if (slot >= staged.length) {
      staged = Arrays.copyOf(staged, Math.max(slot + 1, staged.length * 2));
    }
    staged[slot] = StoredValues.toFloat(value);
  }

  @Override
  int commit(int slot) {
    return index(staged[slot]);
  }

  /// Writer: the id of `value`, adding it when new.
  int index(float value) {
    int key = Float.floatToIntBits(value);
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
    return Float.compare(values.get(a), values.get(b));
  }

  @Override
  int lookup(Object key, int bound) {
    double value = LookupKeys.floating(key);
    float narrowed = (float) value;
    if (narrowed != value && !Double.isNaN(value)) {
      return -1;
    }
    return table.find(Float.floatToIntBits(narrowed), bound);
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
    return values.get(id);
  }

  @Override
  double getDouble(int id) {
    return values.get(id);
  }

  @Override
  String getString(int id) {
    return Float.toString(values.get(id));
  }

  @Override
  byte[] getBytes(int id) {
    throw noBytes(DataType.FLOAT);
  }

  @Override
  void readInts(int[] ids, int length, int[] out) {
    float[][] directory = values.directory();
    int shift = values.shift();
    int mask = values.mask();
    for (int i = 0; i < length; i++) {
      int id = ids[i];
      out[i] = (int) directory[id >>> shift][id & mask];
    }
  }

  @Override
  void readLongs(int[] ids, int length, long[] out) {
    float[][] directory = values.directory();
    int shift = values.shift();
    int mask = values.mask();
    for (int i = 0; i < length; i++) {
      int id = ids[i];
      out[i] = (long) directory[id >>> shift][id & mask];
    }
  }

  @Override
  void readFloats(int[] ids, int length, float[] out) {
    float[][] directory = values.directory();
    int shift = values.shift();
    int mask = values.mask();
    for (int i = 0; i < length; i++) {
      int id = ids[i];
      out[i] = directory[id >>> shift][id & mask];
    }
  }

  @Override
  void readDoubles(int[] ids, int length, double[] out) {
    float[][] directory = values.directory();
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
