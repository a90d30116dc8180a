// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

/// Open-addressing hash map from an `int` key (an INT value, or the bits of a FLOAT value) to a dictionary id,
/// with linear probing. Each slot packs `key << 32 | (id + 1)` into one `long`, so 0 means empty. Entries are
/// never moved or removed; a resize builds a new table and publishes it through a volatile field.
///
/// Thread-safety: one writer ([#probe], [#insert]) and any number of readers ([#find]). A reader passes the
/// number of ids published to it (`bound`): slots it may see half-written or added later carry ids at or above
/// the bound and are treated as absent, so a lookup never returns a value the reader's snapshot does not hold.
final class IntKeyTable {
  private volatile long[] table;
  private long[] writerTable;
  private int size;

  IntKeyTable(int expectedKeys) {
    int capacity = Integer.highestOneBit(Math.max(8, expectedKeys) * 2 - 1) << 1;
    this.writerTable = new long[capacity];
    this.table = writerTable;
  }

  /// Writer: the id of `key`, or `-(slot + 1)` with the slot where it would be inserted.
  int probe(int key) {
    long[] slots = writerTable;
    int mask = slots.length - 1;
    int slot = mix(key) & mask;
    while (true) {
      long entry = slots[slot];
      if (entry == 0) {
        return -(slot + 1);
      }
      if ((int) (entry >>> 32) == key) {
        return (int) entry - 1;
      }
      slot = (slot + 1) & mask;
    }
  }

  /// Writer: stores `key → id` at the slot [#probe] returned for it (the value must already be readable by id).
  void insert(int slot, int key, int id) {
    writerTable[slot] = pack(key, id);
    if (++size * 2L > writerTable.length) {
      resize();
    }
  }

  /// Reader: the id of `key` if it is below `bound`, else -1.
  int find(int key, int bound) {
    long[] slots = table;
    int mask = slots.length - 1;
    int slot = mix(key) & mask;
    while (true) {
      long entry = slots[slot];
      int id = (int) entry - 1;
      if (entry == 0 || id >= bound) {
        return -1;
      }
      if ((int) (entry >>> 32) == key) {
        return id;
      }
      slot = (slot + 1) & mask;
    }
  }

  private void resize() {
    long[] bigger = new long[writerTable.length * 2];
    int mask = bigger.length - 1;
    for (long entry : writerTable) {
      if (entry != 0) {
        int slot = mix((int) (entry >>> 32)) & mask;
        while (bigger[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        bigger[slot] = entry;
      }
    }
    writerTable = bigger;
    table = bigger;
  }

  long allocatedBytes() {
    return 8L * writerTable.length;
  }

  private static long pack(int key, int id) {
    return (long) key << 32 | (id + 1L);
  }

  static int mix(int key) {
    int h = key * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
