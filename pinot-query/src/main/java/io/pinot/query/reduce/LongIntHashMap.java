// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.reduce;

import java.util.Arrays;

/// An open-addressing map from `long` keys to non-negative `int` values (linear probing, load factor
/// 0.5), used to number group keys and raw values without boxing. Not thread-safe.
public final class LongIntHashMap {
  private long[] keys;
  private int[] values;
  private int mask;
  private int size;

  public LongIntHashMap(int expectedSize) {
    int capacity = Integer.highestOneBit(Math.max(16, expectedSize * 2 - 1)) << 1;
    keys = new long[capacity];
    values = new int[capacity];
    Arrays.fill(values, -1);
    mask = capacity - 1;
  }

  public int size() {
    return size;
  }

  /// The value of a key, or -1.
  public int get(long key) {
    int index = mix(key) & mask;
    while (true) {
      int value = values[index];
      if (value < 0 || keys[index] == key) {
        return value;
      }
      index = (index + 1) & mask;
    }
  }

  /// Maps a key that is not present yet.
  public void put(long key, int value) {
    int index = mix(key) & mask;
    while (values[index] >= 0) {
      index = (index + 1) & mask;
    }
    keys[index] = key;
    values[index] = value;
    if (++size * 2 > keys.length) {
      rehash(keys.length * 2);
    }
  }

  /// Makes room for `expectedSize` entries without rehashing on the way.
  public void ensureCapacity(int expectedSize) {
    if (expectedSize * 2L > keys.length) {
      rehash(Integer.highestOneBit(Math.max(16, expectedSize * 2 - 1)) << 1);
    }
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 29));
  }

  private void rehash(int capacity) {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[capacity];
    values = new int[capacity];
    Arrays.fill(values, -1);
    mask = keys.length - 1;
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] >= 0) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }
}
