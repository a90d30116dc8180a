// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.forward;

import io.pinot.segment.memory.DataBuffer;
import io.pinot.spi.data.DataType;
import java.lang.foreign.MemorySegment;

/// Forward index of a raw (no-dictionary) single-value INT, LONG, FLOAT or DOUBLE column (`RFIX` buffer: tag,
/// int32 version, int32 storedTypeCode, int32 numDocs, then one little-endian value per document). Numeric reads
/// convert between numeric types as Java casts do; string reads give Java's text form. Thread-safe (immutable).
public final class FixedWidthRawForwardIndexReader extends BaseForwardIndexReader {
  static final int HEADER_SIZE = 16;

  private final DataBuffer buffer;
  private final MemorySegment segment;
  private final DataType storedType;
  private final int numDocs;

  FixedWidthRawForwardIndexReader(DataBuffer buffer, DataType storedType) {
    super("raw " + storedType);
    this.buffer = buffer;
    this.segment = buffer.segment();
    this.storedType = storedType;
    this.numDocs = buffer.getInt(12);
    if (HEADER_SIZE + (long) numDocs * storedType.size() > buffer.size()) {
      throw new IllegalStateException("Raw forward index of " + numDocs + " docs runs past its buffer");
    }
  }

  @Override
  public boolean dictionaryEncoded() {
    return false;
  }

  @Override
  public boolean singleValue() {
    return true;
  }

  @Override
  public DataType storedType() {
    return storedType;
  }

  @Override
  public int numDocs() {
    return numDocs;
  }

  @Override
  public void readIntValues(int[] docIds, int length, int[] out) {
    if (storedType == DataType.INT && length > 0 && contiguous(docIds, length)) {
      buffer.copyInts(HEADER_SIZE + 4L * docIds[0], out, 0, length);
      return;
    }
    for (int i = 0; i < length; i++) {
      int docId = docIds[i];
      out[i] = switch (storedType) {
        case INT -> segment.get(DataBuffer.INT, HEADER_SIZE + 4L * docId);
        case LONG -> (int) segment.get(DataBuffer.LONG, HEADER_SIZE + 8L * docId);
        case FLOAT -> (int) segment.get(DataBuffer.FLOAT, HEADER_SIZE + 4L * docId);
        default -> (int) segment.get(DataBuffer.DOUBLE, HEADER_SIZE + 8L * docId);
      };
    }
  }

  @Override
  public void readLongValues(int[] docIds, int length, long[] out) {
    if (storedType == DataType.LONG && length > 0 && contiguous(docIds, length)) {
      buffer.copyLongs(HEADER_SIZE + 8L * docIds[0], out, 0, length);
      return;
    }
    for (int i = 0; i < length; i++) {
      int docId = docIds[i];
      out[i] = switch (storedType) {
        case INT -> segment.get(DataBuffer.INT, HEADER_SIZE + 4L * docId);
        case LONG -> segment.get(DataBuffer.LONG, HEADER_SIZE + 8L * docId);
        case FLOAT -> (long) segment.get(DataBuffer.FLOAT, HEADER_SIZE + 4L * docId);
        default -> (long) segment.get(DataBuffer.DOUBLE, HEADER_SIZE + 8L * docId);
      };
    }
  }

  @Override
  public void readFloatValues(int[] docIds, int length, float[] out) {
    if (storedType == DataType.FLOAT && length > 0 && contiguous(docIds, length)) {
      buffer.copyFloats(HEADER_SIZE + 4L * docIds[0], out, 0, length);
      return;
    }
    for (int i = 0; i < length; i++) {
      int docId = docIds[i];
      out[i] = switch (storedType) {
        case INT -> segment.get(DataBuffer.INT, HEADER_SIZE + 4L * docId);
        case LONG -> segment.get(DataBuffer.LONG, HEADER_SIZE + 8L * docId);
        case FLOAT -> segment.get(DataBuffer.FLOAT, HEADER_SIZE + 4L * docId);
        default -> (float) segment.get(DataBuffer.DOUBLE, HEADER_SIZE + 8L * docId);
      };
    }
  }

  @Override
  public void readDoubleValues(int[] docIds, int length, double[] out) {
    if (storedType == DataType.DOUBLE && length > 0 && contiguous(docIds, length)) {
      buffer.copyDoubles(HEADER_SIZE + 8L * docIds[0], out, 0, length);
      return;
    }
    for (int i = 0; i < length; i++) {
      int docId = docIds[i];
      out[i] = switch (storedType) {
        case INT -> segment.get(DataBuffer.INT, HEADER_SIZE + 4L * docId);
        case LONG -> segment.get(DataBuffer.LONG, HEADER_SIZE + 8L * docId);
        case FLOAT -> segment.get(DataBuffer.FLOAT, HEADER_SIZE + 4L * docId);
        default -> segment.get(DataBuffer.DOUBLE, HEADER_SIZE + 8L * docId);
      };
    }
  }

  @Override
  public void readStringValues(int[] docIds, int length, String[] out) {
    for (int i = 0; i < length; i++) {
      int docId = docIds[i];
      out[i] = switch (storedType) {
        case INT -> Integer.toString(segment.get(DataBuffer.INT, HEADER_SIZE + 4L * docId));
        case LONG -> Long.toString(segment.get(DataBuffer.LONG, HEADER_SIZE + 8L * docId));
        case FLOAT -> Float.toString(segment.get(DataBuffer.FLOAT, HEADER_SIZE + 4L * docId));
        default -> Double.toString(segment.get(DataBuffer.DOUBLE, HEADER_SIZE + 8L * docId));
      };
    }
  }
}
