// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.dictionary;

import io.pinot.segment.memory.DataBuffer;
import io.pinot.segment.spi.Dictionary;
import io.pinot.spi.data.DataType;
import java.lang.foreign.MemorySegment;

/// Dictionary of a DOUBLE column over mapped memory: `cardinality` little-endian IEEE-754 doubles in
/// [Double#compare] order. `-0.0` is never stored (ingestion turns it into `0.0`, and lookups do the same);
/// `NaN`, when present, is the last value. Thread-safe (immutable).
public final class DoubleDictionary implements Dictionary {
  private final MemorySegment segment;
  private final long base;
  private final int length;

  DoubleDictionary(DataBuffer buffer, long valuesOffset, int length) {
    this.segment = buffer.segment();
    this.base = valuesOffset;
    this.length = length;
  }

  @Override
  public DataType valueType() {
    return DataType.DOUBLE;
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
    double key = NumericKey.toDouble(value);
    int low = 0;
    int high = length - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int cmp = Double.compare(getDoubleValue(mid), key);
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

  @Override
  public Object get(int dictId) {
    return getDoubleValue(dictId);
  }

  @Override
  public int getIntValue(int dictId) {
    return (int) getDoubleValue(dictId);
  }

  @Override
  public long getLongValue(int dictId) {
    return (long) getDoubleValue(dictId);
  }

  @Override
  public float getFloatValue(int dictId) {
    return (float) getDoubleValue(dictId);
  }

  @Override
  public double getDoubleValue(int dictId) {
    return segment.get(DataBuffer.DOUBLE, base + 8L * dictId);
  }

  @Override
  public String getStringValue(int dictId) {
    return Double.toString(getDoubleValue(dictId));
  }

  @Override
  public byte[] getBytesValue(int dictId) {
    throw new UnsupportedOperationException("DOUBLE dictionary has no bytes values");
  }

  @Override
  public void readIntValues(int[] dictIds, int length, int[] out) {
    for (int i = 0; i < length; i++) {
      out[i] = (int) segment.get(DataBuffer.DOUBLE, base + 8L * dictIds[i]);
    }
  }

  @Override
  public void readLongValues(int[] dictIds, int length, long[] out) {
    for (int i = 0; i < length; i++) {
      out[i] = (long) segment.get(DataBuffer.DOUBLE, base + 8L * dictIds[i]);
    }
  }

  @Override
  public void readFloatValues(int[] dictIds, int length, float[] out) {
    for (int i = 0; i < length; i++) {
      out[i] = (float) segment.get(DataBuffer.DOUBLE, base + 8L * dictIds[i]);
    }
  }

  @Override
  public void readDoubleValues(int[] dictIds, int length, double[] out) {
    for (int i = 0; i < length; i++) {
      out[i] = segment.get(DataBuffer.DOUBLE, base + 8L * dictIds[i]);
    }
  }

  @Override
  public void readStringValues(int[] dictIds, int length, String[] out) {
    for (int i = 0; i < length; i++) {
      out[i] = Double.toString(segment.get(DataBuffer.DOUBLE, base + 8L * dictIds[i]));
    }
  }
}
