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

/// Collects the values of an INT (or BOOLEAN, stored as INT 0/1) column in a growable `int[]`. Text values of
/// INT columns are parsed directly; everything else goes through [DataType#convertValue]. Not thread-safe.
final class IntValues implements ValueCollector {
  private final DataType logicalType;
  private int[] values = new int[INITIAL_CAPACITY];
  private int size;

  IntValues(DataType logicalType) {
    this.logicalType = logicalType;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public void add(Object value) {
    int converted;
    if (logicalType == DataType.INT && value instanceof Integer number) {
      converted = number;
    } else if (logicalType == DataType.INT && value instanceof String text) {
      converted = parse(text);
    } else {
      converted = (Integer) logicalType.convertValue(value);
    }
    if (size == values.length) {
      values = Arrays.copyOf(values, ValueCollector.grow(size));
    }
    values[size++] = converted;
  }

  private int parse(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return (Integer) logicalType.convert(text);
    }
  }

  @Override
  public void truncate(int newSize) {
    size = Math.min(size, newSize);
  }

  @Override
  public EncodedValues encode() {
    int[] ids = values;
    int count = size;
    int[] distinct;
    int cardinality = 0;
    if (isSorted(ids, count)) {
      distinct = new int[count];
      for (int i = 0; i < count; i++) {
        if (cardinality == 0 || distinct[cardinality - 1] != ids[i]) {
          distinct[cardinality++] = ids[i];
        }
        ids[i] = cardinality - 1;
      }
    } else {
      distinct = Arrays.copyOf(ids, count);
      Arrays.sort(distinct);
      for (int i = 0; i < count; i++) {
        if (cardinality == 0 || distinct[cardinality - 1] != distinct[i]) {
          distinct[cardinality++] = distinct[i];
        }
      }
      for (int i = 0; i < count; i++) {
        ids[i] = Arrays.binarySearch(distinct, 0, cardinality, ids[i]);
      }
    }
    return new EncodedValues(cardinality, ids, cardinality == 0 ? null : distinct[0],
        cardinality == 0 ? null : distinct[cardinality - 1], Integer.BYTES,
        Dictionaries.buildInts(distinct, cardinality));
  }

  @Override
  public RawStats writeRaw(SegmentFileWriter out, String column, ChunkCodec codec, int @Nullable [] starts,
      int numDocs) throws IOException {
    if (starts == null) {
      RawForwardIndexWriter.writeFixed(out, column, DataType.INT, values, numDocs, codec);
    } else {
      RawForwardIndexWriter.writeMultiValue(out, column, DataType.INT, starts, numDocs,
          new RawForwardIndexWriter.FlatValues(values, null, null), codec);
    }
    if (size == 0) {
      return new RawStats(null, null, true, Integer.BYTES);
    }
    int min = values[0];
    int max = values[0];
    for (int i = 1; i < size; i++) {
      min = Math.min(min, values[i]);
      max = Math.max(max, values[i]);
    }
    return new RawStats(min, max, isSorted(values, size), Integer.BYTES);
  }

  private static boolean isSorted(int[] values, int count) {
    for (int i = 1; i < count; i++) {
      if (values[i - 1] > values[i]) {
        return false;
      }
    }
    return true;
  }
}
