// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import java.nio.ByteBuffer;

/// An open-addressing map from `long` keys to positive `long` counts (linear probing, power-of-two table, load
/// factor 0.5); a zero count marks an empty slot, so any key, 0 included, can be stored. Used by MODE with the
/// `Double.doubleToLongBits` of values as keys. Not thread-safe.
///
/// Serialized form: int32 n, then n × (int64 key, int64 count); big-endian, in no particular order.
final class LongCountMap implements GroupStates.State<LongCountMap> {
  private long[] keys;
  private long[] counts;
  private int size;

  LongCountMap() {
    keys = new long[16];
    counts = new long[16];
  }

  int size() {
    return size;
  }

  /// Adds `count` (positive) occurrences of `key`.
  void add(long key, long count) {
    int mask = keys.length - 1;
    int index = LongHashSet.mix(key) & mask;
    while (counts[index] != 0) {
      if (keys[index] == key) {
        counts[index] += count;
        return;
      }
      index = (index + 1) & mask;
    }
    keys[index] = key;
    counts[index] = count;
    if (++size * 2 > keys.length) {
      rehash(keys.length * 2);
    }
  }

  @Override
  public void addAll(LongCountMap other) {
    for (int i = 0; i < other.keys.length; i++) {
      if (other.counts[i] != 0) {
        add(other.keys[i], other.counts[i]);
      }
    }
  }

  /// The slot capacity; slots `[0, capacity())` hold an entry where [#countAt] is positive.
  int capacity() {
    return keys.length;
  }

  long keyAt(int slot) {
    return keys[slot];
  }

  long countAt(int slot) {
    return counts[slot];
  }

  private void rehash(int capacity) {
    long[] oldKeys = keys;
    long[] oldCounts = counts;
    keys = new long[capacity];
    counts = new long[capacity];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldCounts[i] != 0) {
        add(oldKeys[i], oldCounts[i]);
      }
    }
  }

  @Override
  public byte[] serialize() {
    ByteBuffer buffer = ByteBuffer.allocate(4 + size * 16).putInt(size);
    for (int i = 0; i < keys.length; i++) {
      if (counts[i] != 0) {
        buffer.putLong(keys[i]).putLong(counts[i]);
      }
    }
    return buffer.array();
  }

  @Override
  public void addSerialized(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    int n = buffer.getInt();
    for (int i = 0; i < n; i++) {
      long key = buffer.getLong();
      add(key, buffer.getLong());
    }
  }
}
