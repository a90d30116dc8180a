// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.reduce;

import io.pinot.common.datatable.ColumnDataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/// Numbers the distinct group keys of a [GroupByResult] densely from 0. A single numeric group-by column
/// is kept as primitive `long`s (integral values as themselves, FLOAT and DOUBLE as their double bits) in
/// a primitive hash map, which avoids a boxed value, an array and a pointer chase per group; a single STRING column
/// as UTF-8 bytes ([Utf8KeyIndex]); any other key is kept as objects. Not thread-safe.
sealed interface GroupKeyIndex permits GroupKeyIndex.Objects, GroupKeyIndex.Numbers, Utf8KeyIndex,
    GlobalKeyIndex {

  static GroupKeyIndex create(List<ColumnDataType> keyTypes) {
    if (keyTypes.size() == 1) {
      switch (keyTypes.get(0).storedType()) {
        case INT, LONG, FLOAT, DOUBLE -> {
          return new Numbers(keyTypes.get(0).storedType());
        }
        case STRING -> {
          return new Utf8KeyIndex();
        }
        default -> {
        }
      }
    }
    return new Objects();
  }

  int size();

  /// The id of a key (hashable form), or -1.
  int find(Object[] key);

  /// Adds a key that is not present and returns its id (the array is kept).
  int add(Object[] key);

  /// The key of a group (hashable form; do not modify).
  Object[] key(int group);

  void ensureCapacity(int expectedSize);

  /// Keys of any shape, hashed as objects.
  final class Objects implements GroupKeyIndex {
    private final ObjectIntHashMap ids = new ObjectIntHashMap(64);
    private final List<Object[]> keys = new ArrayList<>();

    @Override
    public int size() {
      return keys.size();
    }

    @Override
    public int find(Object[] key) {
      return ids.get(Values.groupKey(key));
    }

    @Override
    public int add(Object[] key) {
      int id = keys.size();
      keys.add(key);
      ids.put(Values.groupKey(key), id);
      return id;
    }

    @Override
    public Object[] key(int group) {
      return keys.get(group);
    }

    @Override
    public void ensureCapacity(int expectedSize) {
      ids.ensureCapacity(expectedSize);
    }
  }

  /// One numeric column, kept as `long`s.
  final class Numbers implements GroupKeyIndex {
    private final ColumnDataType storedType;
    private final LongIntHashMap ids = new LongIntHashMap(64);
    private long[] keys = new long[64];
    private int size;

    Numbers(ColumnDataType storedType) {
      this.storedType = storedType;
    }

    /// The `long` form of a value of this column.
    long encode(Object value) {
      return switch (storedType) {
        case FLOAT, DOUBLE -> Double.doubleToLongBits(((Number) value).doubleValue());
        default -> ((Number) value).longValue();
      };
    }

    /// The value of a `long` form.
    Object decode(long key) {
      return switch (storedType) {
        case INT -> (int) key;
        case FLOAT -> (float) Double.longBitsToDouble(key);
        case DOUBLE -> Double.longBitsToDouble(key);
        default -> key;
      };
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public int find(Object[] key) {
      return ids.get(encode(key[0]));
    }

    int findLong(long key) {
      return ids.get(key);
    }

    @Override
    public int add(Object[] key) {
      return addLong(encode(key[0]));
    }

    int addLong(long key) {
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
      }
      keys[size] = key;
      ids.put(key, size);
      return size++;
    }

    long longKey(int group) {
      return keys[group];
    }

    /// The indexes `[0, n)` of `batch` ordered by where their probes start in the table (one counting-sort pass on
    /// the slots' high bits), so a bulk lookup walks the table front to back rather than at random.
    int[] slotOrder(long[] batch, int n) {
      int slotBits = Integer.numberOfTrailingZeros(ids.capacity());
      int bucketBits = Math.min(slotBits, Math.max(1, 32 - Integer.numberOfLeadingZeros(n)));
      int shift = slotBits - bucketBits;
      int[] starts = new int[(1 << bucketBits) + 1];
      int[] buckets = new int[n];
      for (int i = 0; i < n; i++) {
        buckets[i] = ids.slot(batch[i]) >>> shift;
        starts[buckets[i] + 1]++;
      }
      for (int b = 1; b < starts.length; b++) {
        starts[b] += starts[b - 1];
      }
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        order[starts[buckets[i]]++] = i;
      }
      return order;
    }

    @Override
    public Object[] key(int group) {
      return new Object[]{decode(keys[group])};
    }

    @Override
    public void ensureCapacity(int expectedSize) {
      ids.ensureCapacity(expectedSize);
      if (expectedSize > keys.length) {
        keys = Arrays.copyOf(keys, expectedSize);
      }
    }
  }
}
