// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.dictionary;

import io.pinot.segment.spi.Dictionary;
import io.pinot.spi.data.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;

/// Dictionary of a BIG_DECIMAL column: values in numeric ([BigDecimal#compareTo]) order, stored as a `DVAR`
/// buffer of serialized decimals (see [VarLengthValues#serializeBigDecimal]); values equal by `compareTo`
/// (`1.0` and `1.00`) share one entry. Keys are any Number or a number's text. Thread-safe (immutable).
public final class BigDecimalDictionary implements Dictionary {
  private final VarLengthValues values;

  BigDecimalDictionary(VarLengthValues values) {
    this.values = values;
  }

  @Override
  public DataType valueType() {
    return DataType.BIG_DECIMAL;
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
    if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      if (!Double.isFinite(number)) {
        // NaN and +Infinity sort after every decimal, -Infinity before.
        return number < 0 ? -1 : -values.count() - 1;
      }
    }
    BigDecimal key = switch (value) {
      case BigDecimal decimal -> decimal;
      case BigInteger integer -> new BigDecimal(integer);
      case Integer i -> BigDecimal.valueOf(i);
      case Long l -> BigDecimal.valueOf(l);
      case Number number -> new BigDecimal(number.toString());
      case String text -> parseText(text);
      default -> throw new IllegalArgumentException("Cannot compare " + value.getClass().getSimpleName()
          + " with a BIG_DECIMAL dictionary");
    };
    int low = 0;
    int high = values.count() - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int cmp = getBigDecimal(mid).compareTo(key);
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

  private static BigDecimal parseText(String text) {
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Not a BIG_DECIMAL value", e);
    }
  }

  public BigDecimal getBigDecimal(int dictId) {
    return VarLengthValues.deserializeBigDecimal(values.bytes(dictId));
  }

  @Override
  public Object get(int dictId) {
    return getBigDecimal(dictId);
  }

  @Override
  public int getIntValue(int dictId) {
    return getBigDecimal(dictId).intValue();
  }

  @Override
  public long getLongValue(int dictId) {
    return getBigDecimal(dictId).longValue();
  }

  @Override
  public float getFloatValue(int dictId) {
    return getBigDecimal(dictId).floatValue();
  }

  @Override
  public double getDoubleValue(int dictId) {
    return getBigDecimal(dictId).doubleValue();
  }

  /// The plain (non-scientific) text form, as Pinot prints BIG_DECIMAL values.
  @Override
  public String getStringValue(int dictId) {
    return getBigDecimal(dictId).toPlainString();
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
      out[i] = getStringValue(dictIds[i]);
    }
  }
}
