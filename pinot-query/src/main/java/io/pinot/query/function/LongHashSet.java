// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import java.util.Arrays;

/// An open-addressing hash set of `long`s (linear probing, power-of-two table, load factor 0.5), used
/// for distinct values without boxing. Zero is tracked apart because it marks empty slots. Not thread-safe.
public final class LongHashSet {
  private long[] table;
  private int mask;
  private int size;
  private boolean hasZero;

  public LongHashSet(int expectedSize) {
    int capacity = Integer.highestOneBit(Math.max(8, expectedSize * 2 - 1)) << 1;
    table = new long[capacity];
    mask = capacity - 1;
  }

  public int size() {
    return size + (hasZero ? 1 : 0);
  }

  public void add(long value) {
    if (value == 0) {
      hasZero = true;
      return;
    }
    int index = mix(value) & mask;
    while (true) {
      long current = table[index];
      if (current == 0) {
        table[index] = value;
        if (++size * 2 > table.length) {
          rehash(table.length * 2);
        }
        return;
      }
      if (current == value) {
        return;
      }
      index = (index + 1) & mask;
    }
  }

  public boolean contains(long value) {
    if (value == 0) {
      return hasZero;
    }
    int index = mix(value) & mask;
    while (true) {
      long current = table[index];
      if (current == 0) {
        return false;
      }
      if (current == value) {
        return true;
      }
      index = (index + 1) & mask;
    }
  }

  /// Makes room for `expectedSize` values without growing on the way.
  public void ensureCapacity(int expectedSize) {
    if (expectedSize * 2L > table.length) {
      rehash(Integer.highestOneBit(Math.max(8, expectedSize * 2 - 1)) << 1);
    }
  }

  public void addAll(LongHashSet other) {
    ensureCapacity(size + other.size);
    if (other.hasZero) {
      hasZero = true;
    }
    for (long value : other.table) {
      if (value != 0) {
        add(value);
      }
    }
  }

  /// The values in no particular order.
  public long[] toArray() {
    long[] values = new long[size()];
    int n = 0;
    if (hasZero) {
      values[n++] = 0;
    }
    for (long value : table) {
      if (value != 0) {
        values[n++] = value;
      }
    }
    return values;
  }

  static int mix(long value) {
    // the high half is folded in before the second multiply: keys whose low bits are all zero (the bits of small
    // integral doubles) still spread over the whole table
    long h = value * 0x9E3779B97F4A7C15L;
    h = (h ^ (h >>> 32)) * 0xBF58476D1CE4E5B9L;
    return (int) (h ^ (h >>> 29));
  }

  private void rehash(int capacity) {
    long[] old = table;
    table = new long[capacity];
    mask = table.length - 1;
    size = 0;
    for (long value : old) {
      if (value != 0) {
        int index = mix(value) & mask;
        while (table[index] != 0) {
          index = (index + 1) & mask;
        }
        table[index] = value;
        size++;
      }
    }
  }

  @Override
  public String toString() {
    return "LongHashSet" + Arrays.toString(toArray());
  }
}
