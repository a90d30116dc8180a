// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.segment.spi.Dictionary;
import io.pinot.spi.data.DataType;
import java.util.Arrays;

/// A hand-written sorted LONG [Dictionary] over distinct increasing values.
final class LongArrayDictionary implements Dictionary {
  private final long[] values;

  LongArrayDictionary(long... values) {
    this.values = values;
  }

  @Override
  public DataType valueType() {
    return DataType.LONG;
  }

  @Override
  public int length() {
    return values.length;
  }

  @Override
  public int indexOf(Object value) {
    int index = Arrays.binarySearch(values, ((Number) value).longValue());
    return index >= 0 ? index : -1;
  }

  @Override
  public int insertionIndexOf(Object value) {
    return Arrays.binarySearch(values, ((Number) value).longValue());
  }

  @Override
  public Object get(int dictId) {
    return values[dictId];
  }

  @Override
  public int getIntValue(int dictId) {
    return (int) values[dictId];
  }

  @Override
  public long getLongValue(int dictId) {
    return values[dictId];
  }

  @Override
  public float getFloatValue(int dictId) {
    return values[dictId];
  }

  @Override
  public double getDoubleValue(int dictId) {
    return values[dictId];
  }

  @Override
  public String getStringValue(int dictId) {
    return Long.toString(values[dictId]);
  }

  @Override
  public byte[] getBytesValue(int dictId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void readIntValues(int[] dictIds, int length, int[] out) {
    for (int i = 0; i < length; i++) {
      out[i] = (int) values[dictIds[i]];
    }
  }

  @Override
  public void readLongValues(int[] dictIds, int length, long[] out) {
    for (int i = 0; i < length; i++) {
      out[i] = values[dictIds[i]];
    }
  }

  @Override
  public void readFloatValues(int[] dictIds, int length, float[] out) {
    for (int i = 0; i < length; i++) {
      out[i] = values[dictIds[i]];
    }
  }

  @Override
  public void readDoubleValues(int[] dictIds, int length, double[] out) {
    for (int i = 0; i < length; i++) {
      out[i] = values[dictIds[i]];
    }
  }

  @Override
  public void readStringValues(int[] dictIds, int length, String[] out) {
    for (int i = 0; i < length; i++) {
      out[i] = Long.toString(values[dictIds[i]]);
    }
  }
}
