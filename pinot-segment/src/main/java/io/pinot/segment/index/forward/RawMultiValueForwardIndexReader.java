// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.forward;

import io.pinot.segment.memory.DataBuffer;
import io.pinot.spi.data.DataType;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/// Forward index of a raw (no-dictionary) multi-value column (`RMVB` buffer): the [ChunkTable] layout whose chunk
/// payload (layout 0) is `int32 entryOffsets[numDocsInChunk + 1]` (the chunk-relative first entry of each document,
/// then the entry count), followed for fixed-width types by the entries' values little-endian at their natural
/// width, and for STRING/BYTES by `int32 valueOffsets[numEntries + 1]` (relative to the bytes that follow) and the
/// value bytes. Values keep their input order. Thread-safe.
public final class RawMultiValueForwardIndexReader extends BaseForwardIndexReader {
  private static final HexFormat HEX = HexFormat.of();

  private final ChunkTable table;
  private final DataType storedType;
  private final int width;

  RawMultiValueForwardIndexReader(DataBuffer buffer, DataType storedType) {
    super("raw multi-value " + storedType);
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
    return false;
  }

  @Override
  public DataType storedType() {
    return storedType;
  }

  @Override
  public int numDocs() {
    return table.numDocs;
  }

  /// Loads the document's chunk; returns the chunk-relative first entry in the low 32 bits and the count in the
  /// high ones.
  private long locate(ChunkTable.DecodedChunk chunk, int docId) {
    chunk.load(docId / table.docsPerChunk);
    long position = 4L * (docId - chunk.firstDoc);
    int start = chunk.payload.get(DataBuffer.INT, position);
    int end = chunk.payload.get(DataBuffer.INT, position + 4);
    return (long) (end - start) << 32 | start;
  }

  /// Byte offset of the value area in a loaded chunk.
  private static long valuesOffset(ChunkTable.DecodedChunk chunk) {
    return 4L * (chunk.numDocs + 1);
  }

  @Override
  public int numValuesMV(int docId) {
    return (int) (locate(table.scratch(), docId) >>> 32);
  }

  @Override
  public int getIntValuesMV(int docId, int[] out) {
    ChunkTable.DecodedChunk chunk = table.scratch();
    long location = locate(chunk, docId);
    int count = (int) (location >>> 32);
    long base = valuesOffset(chunk) + (long) (int) location * width;
    MemorySegment payload = chunk.payload;
    for (int i = 0; i < count; i++) {
      long offset = base + (long) i * width;
      out[i] = switch (storedType) {
        case INT -> payload.get(DataBuffer.INT, offset);
        case LONG -> (int) payload.get(DataBuffer.LONG, offset);
        case FLOAT -> (int) payload.get(DataBuffer.FLOAT, offset);
        case DOUBLE -> (int) payload.get(DataBuffer.DOUBLE, offset);
        default -> throw unsupported("Numeric reads of " + storedType);
      };
    }
    return count;
  }

  @Override
  public int getLongValuesMV(int docId, long[] out) {
    ChunkTable.DecodedChunk chunk = table.scratch();
    long location = locate(chunk, docId);
    int count = (int) (location >>> 32);
    long base = valuesOffset(chunk) + (long) (int) location * width;
    MemorySegment payload = chunk.payload;
    for (int i = 0; i < count; i++) {
      long offset = base + (long) i * width;
      out[i] = switch (storedType) {
        case INT -> payload.get(DataBuffer.INT, offset);
        case LONG -> payload.get(DataBuffer.LONG, offset);
        case FLOAT -> (long) payload.get(DataBuffer.FLOAT, offset);
        case DOUBLE -> (long) payload.get(DataBuffer.DOUBLE, offset);
        default -> throw unsupported("Numeric reads of " + storedType);
      };
    }
    return count;
  }

  @Override
  public int getFloatValuesMV(int docId, float[] out) {
    double[] values = new double[out.length];
    int count = getDoubleValuesMV(docId, values);
    for (int i = 0; i < count; i++) {
      out[i] = storedType == DataType.LONG ? (float) (long) values[i] : (float) values[i];
    }
    return count;
  }

  @Override
  public int getDoubleValuesMV(int docId, double[] out) {
    ChunkTable.DecodedChunk chunk = table.scratch();
    long location = locate(chunk, docId);
    int count = (int) (location >>> 32);
    long base = valuesOffset(chunk) + (long) (int) location * width;
    MemorySegment payload = chunk.payload;
    for (int i = 0; i < count; i++) {
      long offset = base + (long) i * width;
      out[i] = switch (storedType) {
        case INT -> payload.get(DataBuffer.INT, offset);
        case LONG -> payload.get(DataBuffer.LONG, offset);
        case FLOAT -> payload.get(DataBuffer.FLOAT, offset);
        case DOUBLE -> payload.get(DataBuffer.DOUBLE, offset);
        default -> throw unsupported("Numeric reads of " + storedType);
      };
    }
    return count;
  }

  @Override
  public int getBytesValuesMV(int docId, byte[][] out) {
    if (width > 0) {
      throw unsupported("Bytes reads of " + storedType);
    }
    ChunkTable.DecodedChunk chunk = table.scratch();
    long location = locate(chunk, docId);
    int count = (int) (location >>> 32);
    int first = (int) location;
    MemorySegment payload = chunk.payload;
    long offsetsStart = valuesOffset(chunk);
    int entries = payload.get(DataBuffer.INT, 4L * chunk.numDocs);
    long dataStart = offsetsStart + 4L * (entries + 1);
    for (int i = 0; i < count; i++) {
      int start = payload.get(DataBuffer.INT, offsetsStart + 4L * (first + i));
      int end = payload.get(DataBuffer.INT, offsetsStart + 4L * (first + i + 1));
      byte[] bytes = new byte[end - start];
      MemorySegment.copy(payload, DataBuffer.BYTE, dataStart + start, bytes, 0, bytes.length);
      out[i] = bytes;
    }
    return count;
  }

  @Override
  public int getStringValuesMV(int docId, String[] out) {
    if (width > 0) {
      double[] values = new double[out.length];
      long[] longs = new long[out.length];
      int count = storedType == DataType.INT || storedType == DataType.LONG ? getLongValuesMV(docId, longs)
          : getDoubleValuesMV(docId, values);
      for (int i = 0; i < count; i++) {
        out[i] = switch (storedType) {
          case INT, LONG -> Long.toString(longs[i]);
          case FLOAT -> Float.toString((float) values[i]);
          default -> Double.toString(values[i]);
        };
      }
      return count;
    }
    byte[][] bytes = new byte[out.length][];
    int count = getBytesValuesMV(docId, bytes);
    for (int i = 0; i < count; i++) {
      out[i] = storedType == DataType.STRING ? new String(bytes[i], StandardCharsets.UTF_8) : HEX.formatHex(bytes[i]);
    }
    return count;
  }
}
