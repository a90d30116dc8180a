// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.common.datatable.CustomObject;
import io.pinot.spi.data.DataType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/// The distinct values of one group for DISTINCTCOUNT. Numbers are kept as `long`s without boxing
/// (integral values as themselves, FLOAT and DOUBLE values as the bits of their double value); strings,
/// big decimals (as normalized plain text) and bytes in a hash set. Not thread-safe.
final class DistinctValues {
  private LongHashSet longs;
  private Set<Object> objects;

  int size() {
    return (longs == null ? 0 : longs.size()) + (objects == null ? 0 : objects.size());
  }

  /// Makes room for `count` more values of the given stored type.
  void reserve(int count, DataType storedType) {
    switch (storedType) {
      case INT, LONG, FLOAT, DOUBLE -> {
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
    if (longs == null) {
      longs = new LongHashSet(16);
    }
    longs.add(value);
  }

  void addDouble(double value) {
    addLong(Double.doubleToLongBits(value));
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
    if (other.longs != null) {
      if (longs == null) {
        longs = other.longs;
      } else {
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

  private void addSerializedLongs(ByteBuffer buffer, int count) {
    if (longs == null) {
      longs = new LongHashSet(count);
    } else {
      longs.ensureCapacity(longs.size() + count);
    }
    for (int i = 0; i < count; i++) {
      longs.add(buffer.getLong());
    }
  }

  CustomObject serialize() {
    if (objects == null || objects.isEmpty()) {
      long[] values = longs == null ? new long[0] : longs.toArray();
      ByteBuffer buffer = ByteBuffer.allocate(4 + 8 * values.length).putInt(values.length);
      for (long value : values) {
        buffer.putLong(value);
      }
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
    int count = buffer.getInt();
    switch (object.type()) {
      case ObjectTypes.LONG_SET -> addSerializedLongs(buffer, count);
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
