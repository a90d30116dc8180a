// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator;

import io.pinot.segment.format.SegmentFileWriter;
import io.pinot.segment.index.dictionary.Dictionaries;
import io.pinot.segment.index.forward.ChunkCodec;
import io.pinot.segment.index.forward.RawForwardIndexWriter;
import io.pinot.spi.data.DataType;
import java.io.IOException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/// Collects the values of a DOUBLE column in a growable `double[]`. `-0.0` is stored as `0.0` (SQL equality
/// treats them as equal, and one dictionary entry keeps lookups consistent); NaN is kept and orders last, as
/// [Double#compare] does. Not thread-safe.
final class DoubleValues implements ValueCollector {
  private double[] values = new double[INITIAL_CAPACITY];
  private int size;

  @Override
  public int size() {
    return size;
  }

  @Override
  public void add(Object value) {
    double converted;
    if (value instanceof Double number) {
      converted = number;
    } else if (value instanceof String text) {
      converted = parse(text);
    } else {
      converted = (Double) DataType.DOUBLE.convertValue(value);
    }
    if (size == values.length) {
      values = Arrays.copyOf(values, ValueCollector.grow(size));
    }
    // Adding 0.0 turns -0.0 into 0.0 and leaves every other value (NaN included) unchanged.
    values[size++] = converted + 0.0;
  }

  private static double parse(String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return (Double) DataType.DOUBLE.convert(text);
    }
  }

  @Override
  public void truncate(int newSize) {
    size = Math.min(size, newSize);
  }

  @Override
  public EncodedValues encode() {
    double[] source = values;
    int count = size;
    int[] ids = new int[count];
    double[] distinct;
    int cardinality = 0;
    if (isSorted(source, count)) {
      distinct = new double[count];
      for (int i = 0; i < count; i++) {
        if (cardinality == 0 || Double.compare(distinct[cardinality - 1], source[i]) != 0) {
          distinct[cardinality++] = source[i];
        }
        ids[i] = cardinality - 1;
      }
    } else {
      distinct = Arrays.copyOf(source, count);
      Arrays.sort(distinct);
      for (int i = 0; i < count; i++) {
        if (cardinality == 0 || Double.compare(distinct[cardinality - 1], distinct[i]) != 0) {
          distinct[cardinality++] = distinct[i];
        }
      }
      for (int i = 0; i < count; i++) {
        ids[i] = Arrays.binarySearch(distinct, 0, cardinality, source[i]);
      }
    }
    return new EncodedValues(cardinality, ids, cardinality == 0 ? null : distinct[0],
        cardinality == 0 ? null : distinct[cardinality - 1], Double.BYTES,
        Dictionaries.buildDoubles(distinct, cardinality));
  }

  @Override
  public RawStats writeRaw(SegmentFileWriter out, String column, ChunkCodec codec, int @Nullable [] starts,
      int numDocs) throws IOException {
    if (starts == null) {
      RawForwardIndexWriter.writeFixed(out, column, DataType.DOUBLE, values, numDocs, codec);
    } else {
      RawForwardIndexWriter.writeMultiValue(out, column, DataType.DOUBLE, starts, numDocs,
          new RawForwardIndexWriter.FlatValues(values, null, null), codec);
    }
    if (size == 0) {
      return new RawStats(null, null, true, Double.BYTES);
    }
    double min = values[0];
    double max = values[0];
    for (int i = 1; i < size; i++) {
      if (Double.compare(values[i], min) < 0) {
        min = values[i];
      }
      if (Double.compare(values[i], max) > 0) {
        max = values[i];
      }
    }
    return new RawStats(min, max, isSorted(values, size), Double.BYTES);
  }

  private static boolean isSorted(double[] values, int count) {
    for (int i = 1; i < count; i++) {
      if (Double.compare(values[i - 1], values[i]) > 0) {
        return false;
      }
    }
    return true;
  }
}
