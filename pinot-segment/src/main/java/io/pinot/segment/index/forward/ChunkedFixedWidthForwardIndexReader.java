// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.forward;

import io.pinot.segment.memory.DataBuffer;
import io.pinot.spi.data.DataType;
import java.lang.foreign.MemorySegment;

/// Forward index of a raw single-value INT, LONG, FLOAT or DOUBLE column stored in compressed chunks (`RFXC`
/// buffer: the [ChunkTable] layout; each chunk payload, layout 0, is its documents' values little-endian at their
/// natural width). Contiguous blocks decode each chunk once per thread and copy values in bulk. Numeric reads
/// convert between numeric types as Java casts do; string reads give Java's text form. Thread-safe.
public final class ChunkedFixedWidthForwardIndexReader extends BaseForwardIndexReader {
  private final ChunkTable table;
  private final DataType storedType;
  private final int width;

  ChunkedFixedWidthForwardIndexReader(DataBuffer buffer, DataType storedType) {
    super("compressed raw " + storedType);
    this.table = new ChunkTable(buffer, storedType);
    this.storedType = storedType;
    this.width = storedType.size();
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
    return table.numDocs;
  }

  /// Copies the values of `length` consecutive documents from `firstDoc` in their stored type into `out`
  /// (an array of the stored type), one bulk copy per chunk.
  private void copyRange(int firstDoc, int length, Object out) {
    ChunkTable.DecodedChunk chunk = table.scratch();
    int doc = firstDoc;
    int i = 0;
    while (i < length) {
      chunk.load(doc / table.docsPerChunk);
      int local = doc - chunk.firstDoc;
      int n = Math.min(chunk.numDocs - local, length - i);
      long offset = (long) local * width;
      switch (out) {
        case int[] ints -> MemorySegment.copy(chunk.payload, DataBuffer.INT, offset, ints, i, n);
        case long[] longs -> MemorySegment.copy(chunk.payload, DataBuffer.LONG, offset, longs, i, n);
        case float[] floats -> MemorySegment.copy(chunk.payload, DataBuffer.FLOAT, offset, floats, i, n);
        case double[] doubles -> MemorySegment.copy(chunk.payload, DataBuffer.DOUBLE, offset, doubles, i, n);
        default -> throw new IllegalStateException("Not a value array");
      }
      i += n;
      doc += n;
    }
  }

  /// One value as a double (exact for every stored type but LONG beyond 2^53) or long.
  private double doubleAt(ChunkTable.DecodedChunk chunk, int docId) {
    chunk.load(docId / table.docsPerChunk);
    long offset = (long) (docId - chunk.firstDoc) * width;
    MemorySegment payload = chunk.payload;
    return switch (storedType) {
      case INT -> payload.get(DataBuffer.INT, offset);
      case LONG -> payload.get(DataBuffer.LONG, offset);
      case FLOAT -> payload.get(DataBuffer.FLOAT, offset);
      default -> payload.get(DataBuffer.DOUBLE, offset);
    };
  }

  private long longAt(ChunkTable.DecodedChunk chunk, int docId) {
    chunk.load(docId / table.docsPerChunk);
    long offset = (long) (docId - chunk.firstDoc) * width;
    MemorySegment payload = chunk.payload;
    return switch (storedType) {
      case INT -> payload.get(DataBuffer.INT, offset);
      case LONG -> payload.get(DataBuffer.LONG, offset);
      case FLOAT -> (long) payload.get(DataBuffer.FLOAT, offset);
      default -> (long) payload.get(DataBuffer.DOUBLE, offset);
    };
  }

  @Override
  public void readIntValues(int[] docIds, int length, int[] out) {
    if (length > 0 && storedType == DataType.INT && contiguous(docIds, length)) {
      copyRange(docIds[0], length, out);
      return;
    }
    ChunkTable.DecodedChunk chunk = table.scratch();
    for (int i = 0; i < length; i++) {
      out[i] = storedType == DataType.FLOAT || storedType == DataType.DOUBLE ? (int) doubleAt(chunk, docIds[i])
          : (int) longAt(chunk, docIds[i]);
    }
  }

  @Override
  public void readLongValues(int[] docIds, int length, long[] out) {
    if (length > 0 && storedType == DataType.LONG && contiguous(docIds, length)) {
      copyRange(docIds[0], length, out);
      return;
    }
    ChunkTable.DecodedChunk chunk = table.scratch();
    for (int i = 0; i < length; i++) {
      out[i] = longAt(chunk, docIds[i]);
    }
  }

  @Override
  public void readFloatValues(int[] docIds, int length, float[] out) {
    if (length > 0 && storedType == DataType.FLOAT && contiguous(docIds, length)) {
      copyRange(docIds[0], length, out);
      return;
    }
    ChunkTable.DecodedChunk chunk = table.scratch();
    for (int i = 0; i < length; i++) {
      out[i] = storedType == DataType.LONG ? (float) longAt(chunk, docIds[i]) : (float) doubleAt(chunk, docIds[i]);
    }
  }

  @Override
  public void readDoubleValues(int[] docIds, int length, double[] out) {
    if (length > 0 && storedType == DataType.DOUBLE && contiguous(docIds, length)) {
      copyRange(docIds[0], length, out);
      return;
    }
    ChunkTable.DecodedChunk chunk = table.scratch();
    for (int i = 0; i < length; i++) {
      out[i] = storedType == DataType.LONG ? (double) longAt(chunk, docIds[i]) : doubleAt(chunk, docIds[i]);
    }
  }

  @Override
  public void readStringValues(int[] docIds, int length, String[] out) {
    ChunkTable.DecodedChunk chunk = table.scratch();
    for (int i = 0; i < length; i++) {
      out[i] = switch (storedType) {
        case INT -> Integer.toString((int) longAt(chunk, docIds[i]));
        case LONG -> Long.toString(longAt(chunk, docIds[i]));
        case FLOAT -> Float.toString((float) doubleAt(chunk, docIds[i]));
        default -> Double.toString(doubleAt(chunk, docIds[i]));
      };
    }
  }
}
