// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator;

import io.pinot.segment.format.SegmentFileWriter;
import io.pinot.segment.index.forward.ChunkCodec;
import io.pinot.segment.index.forward.RawForwardIndexWriter;
import io.pinot.spi.data.DataType;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/// Collects the values of a raw (no-dictionary) STRING, BYTES or BIG_DECIMAL column as their on-disk bytes,
/// concatenated in one growable `byte[]` with the end offset of each value (so at most 2 GiB per column and
/// segment). Not thread-safe.
final class RawBytesValues implements ValueCollector {
  private final DataType logicalType;
  private final DataType storedType;
  private final int maxLength;
  private byte[] data = new byte[INITIAL_CAPACITY * 16];
  private int dataSize;
  private int[] ends = new int[INITIAL_CAPACITY];
  private int size;

  RawBytesValues(DataType logicalType, int maxLength) {
    this.logicalType = logicalType;
    this.storedType = logicalType.storedType();
    this.maxLength = maxLength;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public void add(Object value) {
    byte[] bytes = VariableWidthValues.encode(VariableWidthValues.toStored(value, logicalType, maxLength));
    if ((long) dataSize + bytes.length > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("Raw values of one column exceed 2 GiB in one segment");
    }
    if (dataSize + bytes.length > data.length) {
      data = Arrays.copyOf(data, Math.max(ValueCollector.grow(data.length), dataSize + bytes.length));
    }
    System.arraycopy(bytes, 0, data, dataSize, bytes.length);
    dataSize += bytes.length;
    if (size == ends.length) {
      ends = Arrays.copyOf(ends, ValueCollector.grow(size));
    }
    ends[size++] = dataSize;
  }

  @Override
  public void truncate(int newSize) {
    if (newSize < size) {
      size = newSize;
      dataSize = newSize == 0 ? 0 : ends[newSize - 1];
    }
  }

  /// The sorted distinct values, interned from the collected bytes (used for the bloom filter and partitions of a
  /// raw column).
  @Override
  public EncodedValues encode() {
    InternedValues distinct = new InternedValues(logicalType, Integer.MAX_VALUE);
    for (int i = 0; i < size; i++) {
      int start = i == 0 ? 0 : ends[i - 1];
      distinct.add(VariableWidthValues.decode(Arrays.copyOfRange(data, start, ends[i]), storedType));
    }
    return distinct.encode();
  }

  @Override
  public RawStats writeRaw(SegmentFileWriter out, String column, ChunkCodec codec, int @Nullable [] starts,
      int numDocs) throws IOException {
    if (starts == null) {
      RawForwardIndexWriter.writeVariable(out, column, storedType, data, ends, numDocs, codec);
    } else {
      RawForwardIndexWriter.writeMultiValue(out, column, storedType, starts, numDocs,
          new RawForwardIndexWriter.FlatValues(null, data, ends), codec);
    }
    Comparator<Object> order = VariableWidthValues.order(storedType);
    Object min = null;
    Object max = null;
    Object previous = null;
    boolean sorted = true;
    int maxValueLength = 0;
    for (int i = 0; i < size; i++) {
      int start = i == 0 ? 0 : ends[i - 1];
      maxValueLength = Math.max(maxValueLength, ends[i] - start);
      Object value = VariableWidthValues.decode(Arrays.copyOfRange(data, start, ends[i]), storedType);
      if (min == null || order.compare(value, min) < 0) {
        min = value;
      }
      if (max == null || order.compare(value, max) > 0) {
        max = value;
      }
      if (previous != null && order.compare(previous, value) > 0) {
        sorted = false;
      }
      previous = value;
    }
    return new RawStats(min, max, sorted, maxValueLength);
  }
}
