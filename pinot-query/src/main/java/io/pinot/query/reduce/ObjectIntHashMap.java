// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.reduce;

import java.util.Arrays;

/// An open-addressing map from object keys to non-negative `int`s (linear probing, load factor 0.5,
/// cached hashes), which can be pre-sized before a bulk merge and never boxes values. Keys must not be
/// null. Not thread-safe.
final class ObjectIntHashMap {
  private Object[] keys;
  private int[] hashes;
  private int[] values;
  private int mask;
  private int size;

  ObjectIntHashMap(int expectedSize) {
    allocate(tableSize(expectedSize));
  }

  private static int tableSize(int expectedSize) {
    return Integer.highestOneBit(Math.max(16, expectedSize * 2 - 1)) << 1;
  }

  private void allocate(int capacity) {
    keys = new Object[capacity];
    hashes = new int[capacity];
    values = new int[capacity];
    mask = capacity - 1;
  }

  int size() {
    return size;
  }

  /// Makes room for `expectedSize` entries without rehashing on the way.
  void ensureCapacity(int expectedSize) {
    if (expectedSize * 2 > keys.length) {
      rehash(tableSize(expectedSize));
    }
  }

  /// The value of a key, or -1.
  int get(Object key) {
    int hash = spread(key.hashCode());
    int index = hash & mask;
    while (true) {
      Object current = keys[index];
      if (current == null) {
        return -1;
      }
      if (hashes[index] == hash && current.equals(key)) {
        return values[index];
      }
      index = (index + 1) & mask;
    }
  }

  /// Maps a key that is not present yet.
  void put(Object key, int value) {
    int hash = spread(key.hashCode());
    int index = hash & mask;
    while (keys[index] != null) {
      index = (index + 1) & mask;
    }
    keys[index] = key;
    hashes[index] = hash;
    values[index] = value;
    if (++size * 2 > keys.length) {
      rehash(keys.length * 2);
    }
  }

  private static int spread(int hash) {
    return (hash ^ (hash >>> 16)) * 0x9E3779B1;
  }

  private void rehash(int capacity) {
    Object[] oldKeys = keys;
    int[] oldHashes = hashes;
    int[] oldValues = values;
    allocate(capacity);
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        int index = oldHashes[i] & mask;
        while (keys[index] != null) {
          index = (index + 1) & mask;
        }
        keys[index] = oldKeys[i];
        hashes[index] = oldHashes[i];
        values[index] = oldValues[i];
      }
    }
  }

  @Override
  public String toString() {
    return "ObjectIntHashMap{size=" + size + ", keys=" + Arrays.toString(keys) + "}";
  }
}
