// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.common.datatable.CustomObject;
import io.pinot.spi.data.DataType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;

/// The distinct values of one group for DISTINCTCOUNT. Numbers are kept as `long`s without boxing:
/// integral values as themselves, FLOAT and DOUBLE values as order-preserving bits (see [#sortable]).
/// Numbers read in order from a sorted dictionary stay a *sorted array*, and sorted arrays union by
/// merging, which is much cheaper than hashing; sorted values that all fit in an `int` go to a RoaringBitmap instead,
/// whose unions stay cheap however many segments add to it; anything else goes to a hash set. Strings, big decimals
/// (as normalized plain text) and bytes are kept in a hash set. Integral numbers are in at most one of the bitmap,
/// the sorted array and the hash set. Not thread-safe.
final class DistinctValues {
  private LongHashSet longs;
  private RoaringBitmap ints;
  /// Integral values on their way to [#ints], unsorted ([#addInts]).
  private @Nullable PendingInts pending;
  private long[] sorted;
  private int sortedSize;
  private Set<Object> objects;

  int size() {
    flushPending();
    return (longs == null ? 0 : longs.size()) + sortedSize + (ints == null ? 0 : ints.getCardinality())
        + (objects == null ? 0 : objects.size());
  }

  /// The `long` form of a floating value: its bits, flipped for negatives, so that `long` order is numeric
  /// order (a sorted dictionary of doubles gives sorted longs).
  static long sortable(double value) {
    long bits = Double.doubleToLongBits(value);
    return bits ^ ((bits >> 63) & 0x7fffffffffffffffL);
  }

  /// Makes room for `count` more values of the given stored type.
  void reserve(int count, DataType storedType) {
    switch (storedType) {
      case INT, LONG, FLOAT, DOUBLE -> {
        toHash();
        if (longs == null) {
          longs = new LongHashSet(count);
        } else {
          longs.ensureCapacity(longs.size() + count);
        }
      }
      default -> {
        if (objects == null) {
          objects = new HashSet<>(count * 2);
        }
      }
    }
  }

  void addLong(long value) {
    toHash();
    if (longs == null) {
      longs = new LongHashSet(16);
    }
    longs.add(value);
  }

  /// Adds integral values that all fit in an `int`, in any order and possibly repeated (the array is kept).
  void addInts(int[] values, int count) {
    if (longs != null || sortedSize > 0) {
      for (int i = 0; i < count; i++) {
        addLong(values[i]);
      }
      return;
    }
    if (pending == null) {
      pending = new PendingInts();
    }
    if (pending.add(values, count)) {
      flushPending();
    }
  }

  /// Moves the pending integral values into the bitmap.
  private void flushPending() {
    if (pending != null && !pending.isEmpty()) {
      RoaringBitmap drained = pending.drain();
      if (ints == null) {
        ints = drained;
      } else {
        ints.or(drained);
      }
    }
  }

  void addDouble(double value) {
    addLong(sortable(value));
  }

  /// Adds values given in strictly increasing order (as read from a sorted dictionary).
  void addSortedLongs(long[] values, int count) {
    if (count == 0) {
      return;
    }
    if (longs == null && sortedSize == 0 && values[0] >= Integer.MIN_VALUE && values[count - 1] <= Integer.MAX_VALUE) {
      int[] narrowed = new int[count];
      for (int i = 0; i < count; i++) {
        narrowed[i] = (int) values[i];
      }
      if (ints == null) {
        ints = new RoaringBitmap();
      }
      ints.addN(narrowed, 0, count);
      return;
    }
    toHashFromBitmap();
    if (longs == null && sortedSize == 0) {
      sorted = values;
      sortedSize = count;
    } else if (longs == null) {
      unionSorted(values, count);
    } else {
      longs.ensureCapacity(longs.size() + count);
      for (int i = 0; i < count; i++) {
        longs.add(values[i]);
      }
    }
  }

  void addObject(Object value) {
    if (objects == null) {
      objects = new HashSet<>();
    }
    objects.add(value);
  }

  static String normalize(BigDecimal value) {
    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
  }

  /// Adds the other set's values; the other set must not be used afterwards (its storage may be taken).
  void addAll(DistinctValues other) {
    if (other.pending != null && !other.pending.isEmpty()) {
      if (longs == null && sortedSize == 0) {
        if (pending == null) {
          pending = new PendingInts();
        }
        if (pending.addAll(other.pending)) {
          flushPending();
        }
      } else {
        other.flushPending();
      }
    }
    if (other.ints != null) {
      if (longs == null && sortedSize == 0) {
        if (ints == null) {
          ints = other.ints;
        } else {
          ints.or(other.ints);
        }
      } else {
        other.toHash();
        addAll(other);
        return;
      }
    }
    if (other.sortedSize > 0) {
      addSortedLongs(other.sorted, other.sortedSize);
    }
    if (other.longs != null) {
      if (longs == null && sortedSize == 0 && ints == null) {
        longs = other.longs;
      } else {
        toHash();
        LongHashSet smaller = longs.size() < other.longs.size() ? longs : other.longs;
        longs = smaller == longs ? other.longs : longs;
        longs.addAll(smaller);
      }
    }
    if (other.objects != null) {
      if (objects == null) {
        objects = other.objects;
      } else {
        objects.addAll(other.objects);
      }
    }
  }

  private void unionSorted(long[] values, int count) {
    long[] merged = new long[sortedSize + count];
    int a = 0;
    int b = 0;
    int n = 0;
    while (a < sortedSize && b < count) {
      long x = sorted[a];
      long y = values[b];
      if (x < y) {
        merged[n++] = x;
        a++;
      } else if (y < x) {
        merged[n++] = y;
        b++;
      } else {
        merged[n++] = x;
        a++;
        b++;
      }
    }
    while (a < sortedSize) {
      merged[n++] = sorted[a++];
    }
    while (b < count) {
      merged[n++] = values[b++];
    }
    sorted = merged;
    sortedSize = n;
  }

  /// Moves the bitmap's values into a hash set or sorted array, as [#toHash] (values that do not fit it arrived).
  private void toHashFromBitmap() {
    flushPending();
    if (ints != null) {
      RoaringBitmap bitmap = ints;
      ints = null;
      long[] values = new long[bitmap.getCardinality()];
      int n = 0;
      for (IntIterator it = bitmap.getIntIterator(); it.hasNext(); ) {
        values[n++] = it.next();
      }
      Arrays.sort(values);
      sorted = values;
      sortedSize = n;
    }
  }

  /// Moves a sorted array or bitmap into a hash set (once values arrive out of order).
  private void toHash() {
    toHashFromBitmap();
    if (sortedSize > 0) {
      LongHashSet set = longs != null ? longs : new LongHashSet(sortedSize * 2);
      set.ensureCapacity(set.size() + sortedSize);
      for (int i = 0; i < sortedSize; i++) {
        set.add(sorted[i]);
      }
      longs = set;
      sorted = null;
      sortedSize = 0;
    }
  }

  CustomObject serialize() {
    flushPending();
    if (objects == null || objects.isEmpty()) {
      if (ints != null && longs == null && sortedSize == 0) {
        ints.runOptimize();
        ByteBuffer buffer = ByteBuffer.allocate(ints.serializedSizeInBytes());
        ints.serialize(buffer);
        return new CustomObject(ObjectTypes.INT_BITMAP, buffer.array());
      }
      toHashFromBitmap();
      if (longs == null) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 8 * sortedSize).putInt(sortedSize);
        buffer.asLongBuffer().put(sorted == null ? new long[0] : sorted, 0, sortedSize);
        return new CustomObject(ObjectTypes.SORTED_LONGS, buffer.array());
      }
      toHash();
      long[] values = longs.toArray();
      ByteBuffer buffer = ByteBuffer.allocate(4 + 8 * values.length).putInt(values.length);
      buffer.asLongBuffer().put(values);
      return new CustomObject(ObjectTypes.LONG_SET, buffer.array());
    }
    boolean bytes = objects.iterator().next() instanceof ByteArray;
    byte[][] encoded = new byte[objects.size()][];
    int total = 4;
    int n = 0;
    for (Object value : objects) {
      encoded[n] = bytes ? ((ByteArray) value).bytes() : value.toString().getBytes(StandardCharsets.UTF_8);
      total += 4 + encoded[n++].length;
    }
    ByteBuffer buffer = ByteBuffer.allocate(total).putInt(n);
    for (byte[] value : encoded) {
      buffer.putInt(value.length).put(value);
    }
    return new CustomObject(bytes ? ObjectTypes.BYTES_SET : ObjectTypes.STRING_SET, buffer.array());
  }

  void addSerialized(CustomObject object) {
    ByteBuffer buffer = ByteBuffer.wrap(object.bytes());
    if (object.type() == ObjectTypes.INT_BITMAP) {
      DistinctValues other = new DistinctValues();
      other.ints = new RoaringBitmap();
      try {
        other.ints.deserialize(buffer);
      } catch (IOException e) {
        throw new IllegalStateException("Corrupt distinct-count bitmap", e);
      }
      addAll(other);
      return;
    }
    int count = buffer.getInt();
    switch (object.type()) {
      case ObjectTypes.SORTED_LONGS -> {
        long[] values = new long[count];
        buffer.asLongBuffer().get(values);
        addSortedLongs(values, count);
      }
      case ObjectTypes.LONG_SET -> {
        toHash();
        if (longs == null) {
          longs = new LongHashSet(count);
        } else {
          longs.ensureCapacity(longs.size() + count);
        }
        for (int i = 0; i < count; i++) {
          longs.add(buffer.getLong());
        }
      }
      case ObjectTypes.STRING_SET, ObjectTypes.BYTES_SET -> {
        for (int i = 0; i < count; i++) {
          byte[] value = new byte[buffer.getInt()];
          buffer.get(value);
          addObject(object.type() == ObjectTypes.BYTES_SET ? new ByteArray(value)
              : new String(value, StandardCharsets.UTF_8));
        }
      }
      default -> throw new IllegalStateException("Unexpected distinct-count object type " + object.type());
    }
  }
}
