// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.dictionary;

import io.pinot.segment.format.PackedInts;
import io.pinot.segment.memory.DataBuffer;
import io.pinot.segment.spi.Dictionary;
import io.pinot.spi.data.DataType;
import java.lang.foreign.MemorySegment;
import org.jspecify.annotations.Nullable;

/// Dictionary of an INT column over mapped memory: `cardinality` values in ascending order, either little-endian
/// int32s (the body of a `DFIX` buffer) or block-wise frame-of-reference packed (`DFOR`: the
/// first value of each block of 64 plus bit-packed offsets from it). Thread-safe (immutable).
public final class IntDictionary implements Dictionary {
  private final MemorySegment segment;
  private final long base;
  private final int length;
  private final @Nullable PackedInts packed;
  private final int blockShift;

  IntDictionary(DataBuffer buffer, long valuesOffset, int length) {
    this.segment = buffer.segment();
    this.base = valuesOffset;
    this.length = length;
    this.packed = null;
    this.blockShift = 0;
  }

  /// A dictionary stored block-wise frame-of-reference packed (`DFOR`): value `i` is the int64 base of its block of
  /// `2^blockShift` values, at `basesOffset + 8 * (i >> blockShift)`, plus `packed.get(i)`.
  IntDictionary(DataBuffer buffer, long basesOffset, int blockShift, PackedInts packed) {
    this.segment = buffer.segment();
    this.base = basesOffset;
    this.length = packed.count();
    this.packed = packed;
    this.blockShift = blockShift;
  }

  private int value(int dictId) {
    if (packed == null) {
      return segment.get(DataBuffer.INT, base + 4L * dictId);
    }
    long blockBase = segment.get(DataBuffer.LONG, base + 8L * (dictId >>> blockShift));
    return (int) (blockBase + (packed.get(dictId) & 0xFFFFFFFFL));
  }

  @Override
  public DataType valueType() {
    return DataType.INT;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public int indexOf(Object value) {
    int index = insertionIndexOf(value);
    return index >= 0 ? index : -1;
  }

  @Override
  public int insertionIndexOf(Object value) {
    if (value instanceof Integer i) {
      return search(i);
    }
    NumericKey key = NumericKey.of(value);
    if (key.overflow() > 0 || key.overflow() == 0 && key.floor() > Integer.MAX_VALUE) {
      return -length - 1;
    }
    if (key.overflow() < 0 || key.floor() < Integer.MIN_VALUE) {
      return -1;
    }
    return key.adjust(search((int) key.floor()));
  }

  private int search(int key) {
    int low = 0;
    int high = length - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int value = value(mid);
      if (value < key) {
        low = mid + 1;
      } else if (value > key) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -(low + 1);
  }

  @Override
  public Object get(int dictId) {
    return getIntValue(dictId);
  }

  @Override
  public int getIntValue(int dictId) {
    return value(dictId);
  }

  @Override
  public long getLongValue(int dictId) {
    return getIntValue(dictId);
  }

  @Override
  public float getFloatValue(int dictId) {
    return getIntValue(dictId);
  }

  @Override
  public double getDoubleValue(int dictId) {
    return getIntValue(dictId);
  }

  @Override
  public String getStringValue(int dictId) {
    return Integer.toString(getIntValue(dictId));
  }

  @Override
  public byte[] getBytesValue(int dictId) {
    throw new UnsupportedOperationException("INT dictionary has no bytes values");
  }

  @Override
  public void readIntValues(int[] dictIds, int length, int[] out) {
    for (int i = 0; i < length; i++) {
      out[i] = value(dictIds[i]);
    }
  }

  @Override
  public void readLongValues(int[] dictIds, int length, long[] out) {
    for (int i = 0; i < length; i++) {
      out[i] = value(dictIds[i]);
    }
  }

  @Override
  public void readFloatValues(int[] dictIds, int length, float[] out) {
    for (int i = 0; i < length; i++) {
      out[i] = value(dictIds[i]);
    }
  }

  @Override
  public void readDoubleValues(int[] dictIds, int length, double[] out) {
    for (int i = 0; i < length; i++) {
      out[i] = value(dictIds[i]);
    }
  }

  @Override
  public void readStringValues(int[] dictIds, int length, String[] out) {
    for (int i = 0; i < length; i++) {
      out[i] = Integer.toString(value(dictIds[i]));
    }
  }
}
