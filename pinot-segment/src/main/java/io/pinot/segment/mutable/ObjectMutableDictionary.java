// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import io.pinot.segment.index.dictionary.VarLengthValues;
import io.pinot.spi.data.DataType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/// Mutable dictionary of a STRING (or JSON), BYTES or BIG_DECIMAL column. Values are kept as the immutable Java
/// objects the writer converted (`String`, `byte[]` never modified afterwards, `BigDecimal`), so indexing a
/// repeated value allocates nothing. BYTES compare by content; BIG_DECIMAL values equal by
/// [BigDecimal#compareTo] (`1.0` and `1.00`) share the first id, as in immutable dictionaries.
///
/// The hash map keeps parallel arrays of value hashes and ids (id + 1, 0 meaning empty) in one record published
/// through a volatile field on resize. Thread-safety: see [MutableDictionary].
final class ObjectMutableDictionary extends MutableDictionary {
  /// The arrays of one table generation (final fields: safely published with the reference).
  private record Slots(int[] hashes, int[] ids) {
  }

  private final DataType logicalType;
  private final int maxLength;
  private final ObjectChunks values;
  private volatile Slots slots;
  private Slots writerSlots;
  private Object[] staged = new Object[1];
  private long valueBytes;

  ObjectMutableDictionary(DataType logicalType, int maxLength, int shift) {
    super(logicalType.storedType());
    this.logicalType = logicalType;
    this.maxLength = maxLength;
    this.values = new ObjectChunks(shift);
    this.writerSlots = new Slots(new int[128], new int[128]);
    this.slots = writerSlots;
  }

  @Override
  void stage(int slot, Object value) {
    if (slot >= staged.length) {
      staged = Arrays.copyOf(staged, Math.max(slot + 1, staged.length * 2));
    }
    staged[slot] = StoredValues.toVariable(value, logicalType, maxLength);
  }

  @Override
  int commit(int slot) {
    Object value = staged[slot];
    staged[slot] = null;
    return index(value);
  }

  /// Writer: the id of `value` (a stored value of this dictionary's type), adding it when new.
  int index(Object value) {
    int hash = hash(value);
    int[] hashes = writerSlots.hashes();
    int[] ids = writerSlots.ids();
    int mask = ids.length - 1;
    int slot = IntKeyTable.mix(hash) & mask;
    while (true) {
      int entry = ids[slot];
      if (entry == 0) {
        break;
      }
      if (hashes[slot] == hash && equal(values.writerGet(entry - 1), value)) {
        return entry - 1;
      }
      slot = (slot + 1) & mask;
    }
    int id = size;
    values.set(id, value);
    hashes[slot] = hash;
    ids[slot] = id + 1;
    size = id + 1;
    valueBytes += estimateBytes(value);
    if (size * 2L > ids.length) {
      resize();
    }
    return id;
  }

  private void resize() {
    int[] oldHashes = writerSlots.hashes();
    int[] oldIds = writerSlots.ids();
    int[] hashes = new int[oldIds.length * 2];
    int[] ids = new int[hashes.length];
    int mask = ids.length - 1;
    for (int i = 0; i < oldIds.length; i++) {
      if (oldIds[i] != 0) {
        int slot = IntKeyTable.mix(oldHashes[i]) & mask;
        while (ids[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        hashes[slot] = oldHashes[i];
        ids[slot] = oldIds[i];
      }
    }
    writerSlots = new Slots(hashes, ids);
    slots = writerSlots;
  }

  @Override
  int lookup(Object key, int bound) {
    Object value = switch (storedType()) {
      case STRING -> LookupKeys.text(key);
      case BYTES -> LookupKeys.bytes(key);
      default -> LookupKeys.decimal(key);
    };
    if (value == null) {
      return -1;
    }
    int hash = hash(value);
    Slots current = slots;
    int[] hashes = current.hashes();
    int[] ids = current.ids();
    int mask = ids.length - 1;
    int slot = IntKeyTable.mix(hash) & mask;
    while (true) {
      int id = ids[slot] - 1;
      if (id < 0 || id >= bound) {
        return -1;
      }
      if (hashes[slot] == hash && equal(values.get(id), value)) {
        return id;
      }
      slot = (slot + 1) & mask;
    }
  }

  private int hash(Object value) {
    return switch (value) {
      case byte[] bytes -> Arrays.hashCode(bytes);
      // Decimals equal by compareTo have the same double value, whatever their scale.
      case BigDecimal decimal -> Double.hashCode(decimal.doubleValue());
      default -> value.hashCode();
    };
  }

  private static boolean equal(Object stored, Object key) {
    return switch (stored) {
      case byte[] bytes -> Arrays.equals(bytes, (byte[]) key);
      case BigDecimal decimal -> decimal.compareTo((BigDecimal) key) == 0;
      default -> stored.equals(key);
    };
  }

  private static long estimateBytes(Object value) {
    return switch (value) {
      case String text -> 56L + text.length();
      case byte[] bytes -> 16L + bytes.length;
      default -> 64L;
    };
  }

  @Override
  int compareIds(int a, int b) {
    Object x = values.get(a);
    Object y = values.get(b);
    return switch (x) {
      case String text -> text.compareTo((String) y);
      case byte[] bytes -> Arrays.compareUnsigned(bytes, (byte[]) y);
      default -> ((BigDecimal) x).compareTo((BigDecimal) y);
    };
  }

  @Override
  Object get(int id) {
    return values.get(id);
  }

  @Override
  int getInt(int id) {
    return switch (values.get(id)) {
      case String text -> Integer.parseInt(text.trim());
      case BigDecimal decimal -> decimal.intValue();
      default -> throw noNumbers();
    };
  }

  @Override
  long getLong(int id) {
    return switch (values.get(id)) {
      case String text -> Long.parseLong(text.trim());
      case BigDecimal decimal -> decimal.longValue();
      default -> throw noNumbers();
    };
  }

  @Override
  float getFloat(int id) {
    return switch (values.get(id)) {
      case String text -> Float.parseFloat(text);
      case BigDecimal decimal -> decimal.floatValue();
      default -> throw noNumbers();
    };
  }

  @Override
  double getDouble(int id) {
    return switch (values.get(id)) {
      case String text -> Double.parseDouble(text);
      case BigDecimal decimal -> decimal.doubleValue();
      default -> throw noNumbers();
    };
  }

  @Override
  String getString(int id) {
    return switch (values.get(id)) {
      case String text -> text;
      case byte[] bytes -> HexFormat.of().formatHex(bytes);
      default -> ((BigDecimal) values.get(id)).toPlainString();
    };
  }

  @Override
  byte[] getBytes(int id) {
    return switch (values.get(id)) {
      case String text -> text.getBytes(StandardCharsets.UTF_8);
      case byte[] bytes -> bytes;
      default -> VarLengthValues.serializeBigDecimal((BigDecimal) values.get(id));
    };
  }

  @Override
  void readInts(int[] ids, int length, int[] out) {
    for (int i = 0; i < length; i++) {
      out[i] = getInt(ids[i]);
    }
  }

  @Override
  void readLongs(int[] ids, int length, long[] out) {
    for (int i = 0; i < length; i++) {
      out[i] = getLong(ids[i]);
    }
  }

  @Override
  void readFloats(int[] ids, int length, float[] out) {
    for (int i = 0; i < length; i++) {
      out[i] = getFloat(ids[i]);
    }
  }

  @Override
  void readDoubles(int[] ids, int length, double[] out) {
    for (int i = 0; i < length; i++) {
      out[i] = getDouble(ids[i]);
    }
  }

  @Override
  void readStrings(int[] ids, int length, String[] out) {
    if (storedType() != DataType.STRING) {
      super.readStrings(ids, length, out);
      return;
    }
    Object[][] directory = values.directory();
    int shift = values.shift();
    int mask = values.mask();
    for (int i = 0; i < length; i++) {
      int id = ids[i];
      out[i] = (String) directory[id >>> shift][id & mask];
    }
  }

  @Override
  long memoryBytes() {
    return values.allocatedBytes() + 8L * writerSlots.ids().length + valueBytes;
  }

  private UnsupportedOperationException noNumbers() {
    return new UnsupportedOperationException(storedType() + " dictionary has no numeric values");
  }
}
