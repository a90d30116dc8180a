// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.reduce;

/// An open-addressing map from `long` keys to non-negative `int` values (linear probing, load factor
/// 0.5), used to number group keys and raw values without boxing. Each slot keeps its key and value side by
/// side in one `long[]` (`value + 1` in the second word, 0 for an empty slot), so a lookup in a table larger
/// than the caches costs one cache miss rather than two. Not thread-safe.
public final class LongIntHashMap {
  private long[] slots;
  private int mask;
  private int size;

  public LongIntHashMap(int expectedSize) {
    allocate(Integer.highestOneBit(Math.max(16, expectedSize * 2 - 1)) << 1);
  }

  public int size() {
    return size;
  }

  /// The value of a key, or -1.
  public int get(long key) {
    long[] s = slots;
    int index = mix(key) & mask;
    while (true) {
      long stored = s[2 * index + 1];
      if (stored == 0 || s[2 * index] == key) {
        return (int) stored - 1;
      }
      index = (index + 1) & mask;
    }
  }

  /// Maps a key that is not present yet.
  public void put(long key, int value) {
    long[] s = slots;
    int index = mix(key) & mask;
    while (s[2 * index + 1] != 0) {
      index = (index + 1) & mask;
    }
    s[2 * index] = key;
    s[2 * index + 1] = value + 1L;
    if (++size * 2 > mask + 1) {
      rehash((mask + 1) * 2);
    }
  }

  /// The slot a key's probe starts at (valid until the table grows).
  public int slot(long key) {
    return mix(key) & mask;
  }

  /// The number of slots.
  public int capacity() {
    return mask + 1;
  }

  /// Makes room for `expectedSize` entries without rehashing on the way.
  public void ensureCapacity(int expectedSize) {
    if (expectedSize * 2L > mask + 1) {
      rehash(Integer.highestOneBit(Math.max(16, expectedSize * 2 - 1)) << 1);
    }
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 29));
  }

  private void allocate(int capacity) {
    slots = new long[2 * capacity];
    mask = capacity - 1;
    size = 0;
  }

  private void rehash(int capacity) {
    long[] old = slots;
    allocate(capacity);
    for (int i = 0; i < old.length; i += 2) {
      if (old[i + 1] != 0) {
        put(old[i], (int) old[i + 1] - 1);
      }
    }
  }
}
