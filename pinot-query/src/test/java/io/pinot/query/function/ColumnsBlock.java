// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.segment.spi.Dictionary;
import io.pinot.spi.data.DataType;
import org.jspecify.annotations.Nullable;

/// A hand-written [ValueBlock] over raw single-value columns, one slot per argument: `int[]` (INT), `long[]` (LONG),
/// `float[]` (FLOAT), `double[]` (DOUBLE) or `String[]` (STRING). Numeric slots convert to every numeric array and
/// to strings as Java prints them.
final class ColumnsBlock implements ValueBlock {
  private final Object[] columns;

  ColumnsBlock(Object... columns) {
    this.columns = columns;
  }

  private int length(int slot) {
    return java.lang.reflect.Array.getLength(columns[slot]);
  }

  private double number(int slot, int i) {
    return switch (columns[slot]) {
      case int[] v -> v[i];
      case long[] v -> v[i];
      case float[] v -> v[i];
      case double[] v -> v[i];
      default -> Double.parseDouble(((String[]) columns[slot])[i]);
    };
  }

  @Override
  public boolean isDictionaryEncoded(int slot) {
    return false;
  }

  @Override
  public boolean isSingleValue(int slot) {
    return true;
  }

  @Override
  public DataType storedType(int slot) {
    return switch (columns[slot]) {
      case int[] v -> DataType.INT;
      case long[] v -> DataType.LONG;
      case float[] v -> DataType.FLOAT;
      case double[] v -> DataType.DOUBLE;
      default -> DataType.STRING;
    };
  }

  @Override
  public @Nullable Dictionary dictionary(int slot) {
    return null;
  }

  @Override
  public int[] dictIds(int slot) {
    throw new UnsupportedOperationException();
  }

  @Override
  public int[] intValues(int slot) {
    if (columns[slot] instanceof int[] v) {
      return v;
    }
    int[] out = new int[length(slot)];
    for (int i = 0; i < out.length; i++) {
      out[i] = (int) number(slot, i);
    }
    return out;
  }

  @Override
  public long[] longValues(int slot) {
    if (columns[slot] instanceof long[] v) {
      return v;
    }
    long[] out = new long[length(slot)];
    for (int i = 0; i < out.length; i++) {
      out[i] = (long) number(slot, i);
    }
    return out;
  }

  @Override
  public float[] floatValues(int slot) {
    float[] out = new float[length(slot)];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) number(slot, i);
    }
    return out;
  }

  @Override
  public double[] doubleValues(int slot) {
    double[] out = new double[length(slot)];
    for (int i = 0; i < out.length; i++) {
      out[i] = number(slot, i);
    }
    return out;
  }

  @Override
  public String[] stringValues(int slot) {
    String[] out = new String[length(slot)];
    for (int i = 0; i < out.length; i++) {
      out[i] = switch (columns[slot]) {
        case int[] v -> Integer.toString(v[i]);
        case long[] v -> Long.toString(v[i]);
        case float[] v -> Float.toString(v[i]);
        case double[] v -> Double.toString(v[i]);
        default -> ((String[]) columns[slot])[i];
      };
    }
    return out;
  }

  @Override
  public byte[][] bytesValues(int slot) {
    throw new UnsupportedOperationException();
  }

  @Override
  public int[] mvOffsets(int slot) {
    throw new UnsupportedOperationException();
  }

  @Override
  public int[] mvDictIds(int slot) {
    throw new UnsupportedOperationException();
  }
}
