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

/// Collects the values of a FLOAT column in a growable `float[]`. `-0.0` is stored as `0.0` (SQL equality
/// treats them as equal, and one dictionary entry keeps lookups consistent); NaN is kept and orders last, as
/// [Float#compare] does. Not thread-safe.
final class FloatValues implements ValueCollector {
  private float[] values = new float[INITIAL_CAPACITY];
  private int size;

  @Override
  public int size() {
    return size;
  }

  @Override
  public void add(Object value) {
    float converted;
    if (value instanceof Float number) {
      converted = number;
    } else if (value instanceof String text) {
      converted = parse(text);
    } else {
      converted = (Float) DataType.FLOAT.convertValue(value);
    }
    if (size == values.length) {
      values = Arrays.copyOf(values, ValueCollector.grow(size));
    }
    // Adding 0.0 turns -0.0 into 0.0 and leaves every other value (NaN included) unchanged.
    values[size++] = converted + 0.0f;
  }

  private static float parse(String text) {
    try {
      return Float.parseFloat(text);
    } catch (NumberFormatException e) {
      return (Float) DataType.FLOAT.convert(text);
    }
  }

  @Override
  public void truncate(int newSize) {
    size = Math.min(size, newSize);
  }

  @Override
  public EncodedValues encode() {
    float[] source = values;
    int count = size;
    int[] ids = new int[count];
    float[] distinct;
    int cardinality = 0;
    if (isSorted(source, count)) {
      distinct = new float[count];
      for (int i = 0; i < count; i++) {
        if (cardinality == 0 || Float.compare(distinct[cardinality - 1], source[i]) != 0) {
          distinct[cardinality++] = source[i];
        }
        ids[i] = cardinality - 1;
      }
    } else {
      distinct = Arrays.copyOf(source, count);
      Arrays.sort(distinct);
      for (int i = 0; i < count; i++) {
        if (cardinality == 0 || Float.compare(distinct[cardinality - 1], distinct[i]) != 0) {
          distinct[cardinality++] = distinct[i];
        }
      }
      for (int i = 0; i < count; i++) {
        ids[i] = Arrays.binarySearch(distinct, 0, cardinality, source[i]);
      }
    }
    return new EncodedValues(cardinality, ids, cardinality == 0 ? null : distinct[0],
        cardinality == 0 ? null : distinct[cardinality - 1], Float.BYTES,
        Dictionaries.buildFloats(distinct, cardinality));
  }

  @Override
  public RawStats writeRaw(SegmentFileWriter out, String column, ChunkCodec codec, int @Nullable [] starts,
      int numDocs) throws IOException {
    if (starts == null) {
      RawForwardIndexWriter.writeFixed(out, column, DataType.FLOAT, values, numDocs, codec);
    } else {
      RawForwardIndexWriter.writeMultiValue(out, column, DataType.FLOAT, starts, numDocs,
          new RawForwardIndexWriter.FlatValues(values, null, null), codec);
    }
    if (size == 0) {
      return new RawStats(null, null, true, Float.BYTES);
    }
    float min = values[0];
    float max = values[0];
    for (int i = 1; i < size; i++) {
      if (Float.compare(values[i], min) < 0) {
        min = values[i];
      }
      if (Float.compare(values[i], max) > 0) {
        max = values[i];
      }
    }
    return new RawStats(min, max, isSorted(values, size), Float.BYTES);
  }

  private static boolean isSorted(float[] values, int count) {
    for (int i = 1; i < count; i++) {
      if (Float.compare(values[i - 1], values[i]) > 0) {
        return false;
      }
    }
    return true;
  }
}
