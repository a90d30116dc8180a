// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator;

import java.util.Arrays;

/// Assigns dense ids (0, 1, 2... in first-seen order) to distinct values with an open-addressing hash table of
/// `int`s, so that interning a repeated value allocates nothing. `byte[]` values are compared by content.
/// Not thread-safe.
final class ValueInterner {
  private Object[] values = new Object[64];
  private int[] hashes = new int[64];
  private int[] table = new int[128];
  private int size;

  int size() {
    return size;
  }

  /// The distinct values by id (the array may be longer than [#size()]).
  Object[] values() {
    return values;
  }

  /// The id of `value`, adding it when new.
  int intern(Object value) {
    int hash = hash(value);
    int mask = table.length - 1;
    int slot = mix(hash) & mask;
    while (true) {
      int entry = table[slot];
      if (entry == 0) {
        return add(value, hash, slot);
      }
      int id = entry - 1;
      if (hashes[id] == hash && equal(values[id], value)) {
        return id;
      }
      slot = (slot + 1) & mask;
    }
  }

  private int add(Object value, int hash, int slot) {
    if (size == values.length) {
      values = Arrays.copyOf(values, ValueCollector.grow(size));
      hashes = Arrays.copyOf(hashes, values.length);
    }
    values[size] = value;
    hashes[size] = hash;
    table[slot] = size + 1;
    size++;
    if (size * 2L > table.length) {
      rehash();
    }
    return size - 1;
  }

  private void rehash() {
    int[] bigger = new int[table.length * 2];
    int mask = bigger.length - 1;
    for (int id = 0; id < size; id++) {
      int slot = mix(hashes[id]) & mask;
      while (bigger[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      bigger[slot] = id + 1;
    }
    table = bigger;
  }

  private static int hash(Object value) {
    return value instanceof byte[] bytes ? Arrays.hashCode(bytes) : value.hashCode();
  }

  private static boolean equal(Object a, Object b) {
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.equals(x, y);
    }
    return a.equals(b);
  }

  private static int mix(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
