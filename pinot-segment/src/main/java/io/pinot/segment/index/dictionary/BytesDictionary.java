// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.dictionary;

import io.pinot.segment.memory.DataBuffer;
import io.pinot.segment.spi.Dictionary;
import io.pinot.spi.data.DataType;
import java.lang.foreign.MemorySegment;
import java.util.HexFormat;

/// Dictionary of a BYTES column: values in unsigned lexicographic order, stored as a `DVAR` buffer. Keys are
/// `byte[]` or lower/upper-case hex text. Thread-safe (immutable).
public final class BytesDictionary implements Dictionary {
  private final VarLengthValues values;
  private final MemorySegment segment;

  BytesDictionary(VarLengthValues values) {
    this.values = values;
    this.segment = values.buffer().segment();
  }

  @Override
  public DataType valueType() {
    return DataType.BYTES;
  }

  @Override
  public int length() {
    return values.count();
  }

  @Override
  public int indexOf(Object value) {
    int index = insertionIndexOf(value);
    return index >= 0 ? index : -1;
  }

  @Override
  public int insertionIndexOf(Object value) {
    byte[] key = switch (value) {
      case byte[] bytes -> bytes;
      case String text -> parseHex(text);
      default -> throw new IllegalArgumentException("Cannot compare " + value.getClass().getSimpleName()
          + " with a BYTES dictionary");
    };
    MemorySegment keySegment = MemorySegment.ofArray(key);
    int low = 0;
    int high = values.count() - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int cmp = compare(values.start(mid), values.length(mid), keySegment);
      if (cmp < 0) {
        low = mid + 1;
      } else if (cmp > 0) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -(low + 1);
  }

  private int compare(long offset, int length, MemorySegment key) {
    long mismatch = MemorySegment.mismatch(segment, offset, offset + length, key, 0, key.byteSize());
    if (mismatch < 0) {
      return 0;
    }
    if (mismatch == length) {
      return -1;
    }
    if (mismatch == key.byteSize()) {
      return 1;
    }
    return Integer.compare(segment.get(DataBuffer.BYTE, offset + mismatch) & 0xFF,
        key.get(DataBuffer.BYTE, mismatch) & 0xFF);
  }

  private static byte[] parseHex(String text) {
    try {
      return HexFormat.of().parseHex(text.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Not a hex BYTES value", e);
    }
  }

  @Override
  public Object get(int dictId) {
    return values.bytes(dictId);
  }

  @Override
  public int getIntValue(int dictId) {
    throw new UnsupportedOperationException("BYTES dictionary has no numeric values");
  }

  @Override
  public long getLongValue(int dictId) {
    throw new UnsupportedOperationException("BYTES dictionary has no numeric values");
  }

  @Override
  public float getFloatValue(int dictId) {
    throw new UnsupportedOperationException("BYTES dictionary has no numeric values");
  }

  @Override
  public double getDoubleValue(int dictId) {
    throw new UnsupportedOperationException("BYTES dictionary has no numeric values");
  }

  @Override
  public String getStringValue(int dictId) {
    return HexFormat.of().formatHex(values.bytes(dictId));
  }

  @Override
  public byte[] getBytesValue(int dictId) {
    return values.bytes(dictId);
  }

  @Override
  public void readIntValues(int[] dictIds, int length, int[] out) {
    throw new UnsupportedOperationException("BYTES dictionary has no numeric values");
  }

  @Override
  public void readLongValues(int[] dictIds, int length, long[] out) {
    throw new UnsupportedOperationException("BYTES dictionary has no numeric values");
  }

  @Override
  public void readFloatValues(int[] dictIds, int length, float[] out) {
    throw new UnsupportedOperationException("BYTES dictionary has no numeric values");
  }

  @Override
  public void readDoubleValues(int[] dictIds, int length, double[] out) {
    throw new UnsupportedOperationException("BYTES dictionary has no numeric values");
  }

  @Override
  public void readStringValues(int[] dictIds, int length, String[] out) {
    for (int i = 0; i < length; i++) {
      out[i] = getStringValue(dictIds[i]);
    }
  }
}
