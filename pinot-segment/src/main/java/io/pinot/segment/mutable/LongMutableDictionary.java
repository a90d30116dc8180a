// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import io.pinot.spi.data.DataType;
import java.util.Arrays;
import java.util.OptionalLong;

/// Mutable dictionary of a LONG (or TIMESTAMP, stored as LONG epoch millis) column. Thread-safety: see
/// [MutableDictionary].
final class LongMutableDictionary extends MutableDictionary {
  private final DataType logicalType;
  private final LongChunks values;
  private final LongKeyTable table;
  private long[] staged = new long[1];

  LongMutableDictionary(DataType logicalType, int shift) {
    super(DataType.LONG);
    this.logicalType = logicalType;
    this.values = new LongChunks(shift);
    this.table = new LongKeyTable(64);
  }

  @Override
  void stage(int slot, Object value) {
    if (slot >= staged.length) {
      staged = Arrays.copyOf(staged, Math.max(slot + 1, staged.length * 2));
    }
    staged[slot] = StoredValues.toLong(value, logicalType);
  }

  @Override
  int commit(int slot) {
    return index(staged[slot]);
  }

  /// Writer: the id of `value`, adding it when new.
  int index(long value) {
    long key = value;
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
    return Long.compare(values.get(a), values.get(b));
  }

  @Override
  int lookup(Object key, int bound) {
    OptionalLong value = LookupKeys.integral(key, Long.MIN_VALUE, Long.MAX_VALUE);
    return value.isPresent() ? table.find(value.getAsLong(), bound) : -1;
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
    return Long.toString(values.get(id));
  }

  @Override
  byte[] getBytes(int id) {
    throw noBytes(DataType.LONG);
  }

  @Override
  void readInts(int[] ids, int length, int[] out) {
    long[][] directory = values.directory();
    int shift = values.shift();
    int mask = values.mask();
    for (int i = 0; i < length; i++) {
      int id = ids[i];
      out[i] = (int) directory[id >>> shift][id & mask];
    }
  }

  @Override
  void readLongs(int[] ids, int length, long[] out) {
    long[][] directory = values.directory();
    int shift = values.shift();
    int mask = values.mask();
    for (int i = 0; i < length; i++) {
      int id = ids[i];
      out[i] = directory[id >>> shift][id & mask];
    }
  }

  @Override
  void readFloats(int[] ids, int length, float[] out) {
    long[][] directory = values.directory();
    int shift = values.shift();
    int mask = values.mask();
    for (int i = 0; i < length; i++) {
      int id = ids[i];
      out[i] = directory[id >>> shift][id & mask];
    }
  }

  @Override
  void readDoubles(int[] ids, int length, double[] out) {
    long[][] directory = values.directory();
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
