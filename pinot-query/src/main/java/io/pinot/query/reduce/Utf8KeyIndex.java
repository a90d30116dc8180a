// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.reduce;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/// The group keys of a single STRING group-by column, held as UTF-8 bytes: a segment's groups are looked up by the
/// bytes of its dictionary values (copied to a scratch array, hashed eight bytes at a time and compared; no String is
/// decoded for a key already present), and a key is decoded once, when first asked for. Open addressing with linear
/// probing, load factor at most 0.5, cached hashes. Not thread-safe.
final class Utf8KeyIndex implements GroupKeyIndex {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private byte[][] bytes = new byte[64][];
  private String[] strings = new String[64];
  private int[] slots;
  private int[] hashes;
  private int mask;
  private int size;
  private byte[] scratch = new byte[64];

  Utf8KeyIndex() {
    allocate(128);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public int find(Object[] key) {
    byte[] utf8 = ((String) key[0]).getBytes(StandardCharsets.UTF_8);
    return findOrAdd(utf8, utf8.length, false);
  }

  @Override
  public int add(Object[] key) {
    String string = (String) key[0];
    byte[] utf8 = string.getBytes(StandardCharsets.UTF_8);
    int group = insert(utf8, hash(utf8, utf8.length));
    strings[group] = string;
    return group;
  }

  /// The id of the key whose UTF-8 bytes are `memory[start, start + length)`, adding it (a copy) when absent; -1
  /// when absent and `mayAdd` is false.
  int findOrAdd(MemorySegment memory, long start, int length, boolean mayAdd) {
    if (scratch.length < length) {
      scratch = new byte[Math.max(length, 2 * scratch.length)];
    }
    MemorySegment.copy(memory, ValueLayout.JAVA_BYTE, start, scratch, 0, length);
    return findOrAdd(scratch, length, mayAdd);
  }

  /// The id of the key whose UTF-8 bytes are `utf8[0, length)`, adding it (a copy) when absent; -1 when absent and
  /// `mayAdd` is false.
  int findOrAdd(byte[] utf8, int length, boolean mayAdd) {
    int hash = hash(utf8, length);
    int index = hash & mask;
    for (; slots[index] != 0; index = (index + 1) & mask) {
      int group = slots[index] - 1;
      if (hashes[index] == hash && Arrays.equals(bytes[group], 0, bytes[group].length, utf8, 0, length)) {
        return group;
      }
    }
    return mayAdd ? insert(Arrays.copyOf(utf8, length), hash) : -1;
  }

  /// The UTF-8 bytes of a group's key (do not modify).
  byte[] utf8(int group) {
    return bytes[group];
  }

  @Override
  public Object[] key(int group) {
    String string = strings[group];
    if (string == null) {
      string = new String(bytes[group], StandardCharsets.UTF_8);
      strings[group] = string;
    }
    return new Object[]{string};
  }

  @Override
  public void ensureCapacity(int expectedSize) {
    if (expectedSize * 2L > slots.length) {
      rehash(tableSize(expectedSize));
    }
    if (expectedSize > bytes.length) {
      bytes = Arrays.copyOf(bytes, expectedSize);
      strings = Arrays.copyOf(strings, expectedSize);
    }
  }

  private int insert(byte[] utf8, int hash) {
    if (size == bytes.length) {
      bytes = Arrays.copyOf(bytes, size * 2);
      strings = Arrays.copyOf(strings, size * 2);
    }
    int group = size++;
    bytes[group] = utf8;
    place(group, hash);
    if (size * 2 > slots.length) {
      rehash(slots.length * 2);
    }
    return group;
  }

  private void place(int group, int hash) {
    int index = hash & mask;
    while (slots[index] != 0) {
      index = (index + 1) & mask;
    }
    slots[index] = group + 1;
    hashes[index] = hash;
  }

  /// A hash of the bytes, eight at a time.
  private static int hash(byte[] utf8, int length) {
    long h = 0x9E3779B97F4A7C15L ^ length;
    int i = 0;
    for (; i + 8 <= length; i += 8) {
      h = (h ^ (long) LONGS.get(utf8, i)) * 0xBF58476D1CE4E5B9L;
      h ^= h >>> 31;
    }
    long tail = 0;
    for (; i < length; i++) {
      tail = (tail << 8) | (utf8[i] & 0xFF);
    }
    h = (h ^ tail) * 0x94D049BB133111EBL;
    return (int) (h ^ (h >>> 32));
  }

  private static int tableSize(int expectedSize) {
    return Integer.highestOneBit(Math.max(64, expectedSize * 2 - 1)) << 1;
  }

  private void allocate(int capacity) {
    slots = new int[capacity];
    hashes = new int[capacity];
    mask = capacity - 1;
  }

  private void rehash(int capacity) {
    int[] oldSlots = slots;
    int[] oldHashes = hashes;
    allocate(capacity);
    for (int i = 0; i < oldSlots.length; i++) {
      if (oldSlots[i] != 0) {
        place(oldSlots[i] - 1, oldHashes[i]);
      }
    }
  }
}
