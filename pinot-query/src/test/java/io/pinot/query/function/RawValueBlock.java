// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.segment.spi.Dictionary;
import io.pinot.spi.data.DataType;
import org.jspecify.annotations.Nullable;

/// A hand-written [ValueBlock] over one raw single-value column (slot 0) of LONG, DOUBLE or STRING values.
final class RawValueBlock implements ValueBlock {
  private final DataType type;
  private final long[] longs;
  private final double[] doubles;
  private final String[] strings;

  private RawValueBlock(DataType type, long[] longs, double[] doubles, String[] strings) {
    this.type = type;
    this.longs = longs;
    this.doubles = doubles;
    this.strings = strings;
  }

  static RawValueBlock ofLongs(long... values) {
    double[] doubles = new double[values.length];
    String[] strings = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      doubles[i] = values[i];
      strings[i] = Long.toString(values[i]);
    }
    return new RawValueBlock(DataType.LONG, values, doubles, strings);
  }

  static RawValueBlock ofDoubles(double... values) {
    long[] longs = new long[values.length];
    String[] strings = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      longs[i] = (long) values[i];
      strings[i] = Double.toString(values[i]);
    }
    return new RawValueBlock(DataType.DOUBLE, longs, values, strings);
  }

  static RawValueBlock ofStrings(String... values) {
    return new RawValueBlock(DataType.STRING, new long[values.length], new double[values.length], values);
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
    return type;
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
    throw new UnsupportedOperationException();
  }

  @Override
  public long[] longValues(int slot) {
    return longs;
  }

  @Override
  public float[] floatValues(int slot) {
    throw new UnsupportedOperationException();
  }

  @Override
  public double[] doubleValues(int slot) {
    return doubles;
  }

  @Override
  public String[] stringValues(int slot) {
    return strings;
  }

  @Override
  public byte[][] bytesValues(int slot) {
    if (strings == null) {
      throw new UnsupportedOperationException();
    }
    byte[][] bytes = new byte[strings.length][];
    for (int i = 0; i < strings.length; i++) {
      bytes[i] = strings[i].getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    return bytes;
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
