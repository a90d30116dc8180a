// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.dictionary;

import io.pinot.segment.memory.DataBuffer;
import io.pinot.segment.spi.Utf8Dictionary;
import io.pinot.spi.data.DataType;
import java.lang.foreign.MemorySegment;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/// Dictionary of a STRING (or JSON) column: UTF-8 values in [String#compareTo] order (UTF-16 code unit order),
/// stored as a `DVAR` buffer. Lookups compare the key with the mapped UTF-8 bytes without decoding them into
/// strings. Keys that are not strings are looked up by their text form. Thread-safe (immutable).
public final class StringDictionary implements Utf8Dictionary {
  private final VarLengthValues values;
  private final MemorySegment segment;

  StringDictionary(VarLengthValues values) {
    this.values = values;
    this.segment = values.buffer().segment();
  }

  @Override
  public DataType valueType() {
    return DataType.STRING;
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
    String key = switch (value) {
      case String text -> text;
      case byte[] bytes -> new String(bytes, StandardCharsets.UTF_8);
      case BigDecimal decimal -> decimal.toPlainString();
      default -> value.toString();
    };
    int low = 0;
    int high = values.count() - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int cmp = compare(values.start(mid), values.length(mid), key);
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

  /// Compares the UTF-8 value at `[offset, offset + length)` with `key` in UTF-16 code unit order.
  private int compare(long offset, int length, String key) {
    long position = offset;
    long end = offset + length;
    int index = 0;
    int keyLength = key.length();
    while (position < end && index < keyLength) {
      int first = segment.get(DataBuffer.BYTE, position) & 0xFF;
      if (first < 0x80) {
        int cmp = first - key.charAt(index);
        if (cmp != 0) {
          return cmp;
        }
        position++;
        index++;
        continue;
      }
      long decoded = decode(first, position);
      int codePoint = (int) decoded;
      position += decoded >>> 32;
      if (codePoint < 0x10000) {
        int cmp = codePoint - key.charAt(index++);
        if (cmp != 0) {
          return cmp;
        }
        continue;
      }
      int cmp = Character.highSurrogate(codePoint) - key.charAt(index++);
      if (cmp != 0 || index >= keyLength) {
        return cmp != 0 ? cmp : 1;
      }
      cmp = Character.lowSurrogate(codePoint) - key.charAt(index++);
      if (cmp != 0) {
        return cmp;
      }
    }
    return position < end ? 1 : index < keyLength ? -1 : 0;
  }

  /// Decodes the multi-byte UTF-8 sequence starting with `first` at `position`: the code point in the low 32 bits,
  /// the sequence length in the high ones.
  private long decode(int first, long position) {
    if (first < 0xE0) {
      return 2L << 32 | (first & 0x1F) << 6 | continuation(position + 1);
    }
    if (first < 0xF0) {
      return 3L << 32 | (first & 0x0F) << 12 | continuation(position + 1) << 6 | continuation(position + 2);
    }
    return 4L << 32 | (first & 0x07) << 18 | continuation(position + 1) << 12 | continuation(position + 2) << 6
        | continuation(position + 3);
  }

  private int continuation(long position) {
    return segment.get(DataBuffer.BYTE, position) & 0x3F;
  }

  @Override
  public Object get(int dictId) {
    return values.string(dictId);
  }

  @Override
  public int getIntValue(int dictId) {
    return Integer.parseInt(values.string(dictId).trim());
  }

  @Override
  public long getLongValue(int dictId) {
    return Long.parseLong(values.string(dictId).trim());
  }

  @Override
  public float getFloatValue(int dictId) {
    return Float.parseFloat(values.string(dictId));
  }

  @Override
  public double getDoubleValue(int dictId) {
    return Double.parseDouble(values.string(dictId));
  }

  @Override
  public MemorySegment utf8Memory() {
    return segment;
  }

  @Override
  public long utf8Start(int dictId) {
    return values.start(dictId);
  }

  @Override
  public int utf8Length(int dictId) {
    return values.length(dictId);
  }

  @Override
  public String getStringValue(int dictId) {
    return values.string(dictId);
  }

  @Override
  public byte[] getBytesValue(int dictId) {
    return values.bytes(dictId);
  }

  @Override
  public void readIntValues(int[] dictIds, int length, int[] out) {
    for (int i = 0; i < length; i++) {
      out[i] = getIntValue(dictIds[i]);
    }
  }

  @Override
  public void readLongValues(int[] dictIds, int length, long[] out) {
    for (int i = 0; i < length; i++) {
      out[i] = getLongValue(dictIds[i]);
    }
  }

  @Override
  public void readFloatValues(int[] dictIds, int length, float[] out) {
    for (int i = 0; i < length; i++) {
      out[i] = getFloatValue(dictIds[i]);
    }
  }

  @Override
  public void readDoubleValues(int[] dictIds, int length, double[] out) {
    for (int i = 0; i < length; i++) {
      out[i] = getDoubleValue(dictIds[i]);
    }
  }

  @Override
  public void readStringValues(int[] dictIds, int length, String[] out) {
    for (int i = 0; i < length; i++) {
      out[i] = values.string(dictIds[i]);
    }
  }
}
