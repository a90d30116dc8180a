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

/// Collects the values of a LONG (or TIMESTAMP, stored as LONG epoch millis) column in a growable `long[]`.
/// Text values of LONG columns are parsed directly; everything else goes through [DataType#convertValue].
/// Not thread-safe.
final class LongValues implements ValueCollector {
  private final DataType logicalType;
  private long[] values = new long[INITIAL_CAPACITY];
  private int size;

  LongValues(DataType logicalType) {
    this.logicalType = logicalType;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public void add(Object value) {
    long converted;
    if (logicalType == DataType.LONG && value instanceof Long number) {
      converted = number;
    } else if (logicalType == DataType.LONG && value instanceof String text) {
      converted = parse(text);
    } else {
      converted = (Long) logicalType.convertValue(value);
    }
    if (size == values.length) {
      values = Arrays.copyOf(values, ValueCollector.grow(size));
    }
    values[size++] = converted;
  }

  private long parse(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return (Long) logicalType.convert(text);
    }
  }

  @Override
  public void truncate(int newSize) {
    size = Math.min(size, newSize);
  }

  @Override
  public EncodedValues encode() {
    long[] source = values;
    int count = size;
    int[] ids = new int[count];
    long[] distinct;
    int cardinality = 0;
    if (isSorted(source, count)) {
      distinct = new long[count];
      for (int i = 0; i < count; i++) {
        if (cardinality == 0 || distinct[cardinality - 1] != source[i]) {
          distinct[cardinality++] = source[i];
        }
        ids[i] = cardinality - 1;
      }
    } else {
      distinct = Arrays.copyOf(source, count);
      Arrays.sort(distinct);
      for (int i = 0; i < count; i++) {
        if (cardinality == 0 || distinct[cardinality - 1] != distinct[i]) {
          distinct[cardinality++] = distinct[i];
        }
      }
      for (int i = 0; i < count; i++) {
        ids[i] = Arrays.binarySearch(distinct, 0, cardinality, source[i]);
      }
    }
    return new EncodedValues(cardinality, ids, cardinality == 0 ? null : distinct[0],
        cardinality == 0 ? null : distinct[cardinality - 1], Long.BYTES,
        Dictionaries.buildLongs(distinct, cardinality));
  }

  @Override
  public RawStats writeRaw(SegmentFileWriter out, String column, ChunkCodec codec, int @Nullable [] starts,
      int numDocs) throws IOException {
    if (starts == null) {
      RawForwardIndexWriter.writeFixed(out, column, DataType.LONG, values, numDocs, codec);
    } else {
      RawForwardIndexWriter.writeMultiValue(out, column, DataType.LONG, starts, numDocs,
          new RawForwardIndexWriter.FlatValues(values, null, null), codec);
    }
    if (size == 0) {
      return new RawStats(null, null, true, Long.BYTES);
    }
    long min = values[0];
    long max = values[0];
    for (int i = 1; i < size; i++) {
      min = Math.min(min, values[i]);
      max = Math.max(max, values[i]);
    }
    return new RawStats(min, max, isSorted(values, size), Long.BYTES);
  }

  private static boolean isSorted(long[] values, int count) {
    for (int i = 1; i < count; i++) {
      if (values[i - 1] > values[i]) {
        return false;
      }
    }
    return true;
  }
}
