// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

/// Open-addressing hash map from a `long` key (a LONG value, or the bits of a DOUBLE value) to a dictionary id,
/// with linear probing over parallel key and id arrays (id + 1 stored, 0 meaning empty). Entries are never moved
/// or removed; a resize builds new arrays and publishes them together through a volatile field.
///
/// Thread-safety: as [IntKeyTable]: one writer, readers bounded by the number of ids published to them. The
/// writer stores a slot's key before its id, so a reader that sees an id below its bound sees its key too.
final class LongKeyTable {
  /// The arrays of one table generation (final fields: safely published with the reference).
  private record Slots(long[] keys, int[] ids) {
  }

  private volatile Slots slots;
  private Slots writerSlots;
  private int size;

  LongKeyTable(int expectedKeys) {
    int capacity = Integer.highestOneBit(Math.max(8, expectedKeys) * 2 - 1) << 1;
    this.writerSlots = new Slots(new long[capacity], new int[capacity]);
    this.slots = writerSlots;
  }

  /// Writer: the id of `key`, or `-(slot + 1)` with the slot where it would be inserted.
  int probe(long key) {
    long[] keys = writerSlots.keys();
    int[] ids = writerSlots.ids();
    int mask = ids.length - 1;
    int slot = mix(key) & mask;
    while (true) {
      int entry = ids[slot];
      if (entry == 0) {
        return -(slot + 1);
      }
      if (keys[slot] == key) {
        return entry - 1;
      }
      slot = (slot + 1) & mask;
    }
  }

  /// Writer: stores `key → id` at the slot [#probe] returned for it.
  void insert(int slot, long key, int id) {
    writerSlots.keys()[slot] = key;
    writerSlots.ids()[slot] = id + 1;
    if (++size * 2L > writerSlots.ids().length) {
      resize();
    }
  }

  /// Reader: the id of `key` if it is below `bound`, else -1.
  int find(long key, int bound) {
    Slots current = slots;
    long[] keys = current.keys();
    int[] ids = current.ids();
    int mask = ids.length - 1;
    int slot = mix(key) & mask;
    while (true) {
      int id = ids[slot] - 1;
      if (id < 0 || id >= bound) {
        return -1;
      }
      if (keys[slot] == key) {
        return id;
      }
      slot = (slot + 1) & mask;
    }
  }

  private void resize() {
    long[] oldKeys = writerSlots.keys();
    int[] oldIds = writerSlots.ids();
    long[] keys = new long[oldIds.length * 2];
    int[] ids = new int[keys.length];
    int mask = ids.length - 1;
    for (int i = 0; i < oldIds.length; i++) {
      if (oldIds[i] != 0) {
        int slot = mix(oldKeys[i]) & mask;
        while (ids[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        ids[slot] = oldIds[i];
      }
    }
    writerSlots = new Slots(keys, ids);
    slots = writerSlots;
  }

  long allocatedBytes() {
    return 12L * writerSlots.ids().length;
  }

  static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
