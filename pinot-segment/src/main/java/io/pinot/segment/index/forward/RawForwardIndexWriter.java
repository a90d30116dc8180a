// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.forward;

import io.pinot.segment.format.IndexType;
import io.pinot.segment.format.SegmentFileWriter;
import io.pinot.segment.format.SegmentFormat;
import io.pinot.spi.data.DataType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jspecify.annotations.Nullable;

/// Writes raw (no-dictionary) forward indexes:
/// - single-value INT/LONG/FLOAT/DOUBLE: `RFIX` (one value per document, read in place) with PASS_THROUGH, else
///   `RFXC` ([ChunkTable] layout, chunk layout 0: the chunk's values little-endian);
/// - single-value STRING/BYTES/BIG_DECIMAL: `RVAR` (see [VarLengthRawForwardIndexReader]);
/// - multi-value of any type: `RMVB` (see [RawMultiValueForwardIndexReader]).
///
/// Values arrive as the collectors hold them: a primitive array (`int[]`, `long[]`, `float[]`, `double[]`) for
/// fixed-width types, or concatenated bytes with the end offset of each value for variable-width ones. Stateless
/// utilities.
public final class RawForwardIndexWriter {
  private static final int COPY_BLOCK = 8192;

  private RawForwardIndexWriter() {
  }

  /// Writes a single-value fixed-width column: `values` is an `int[]`, `long[]`, `float[]` or `double[]` holding at
  /// least `numDocs` values of `storedType`.
  public static void writeFixed(SegmentFileWriter out, String column, DataType storedType, Object values,
      int numDocs, ChunkCodec codec) throws IOException {
    int width = storedType.size();
    if (codec == ChunkCodec.PASS_THROUGH) {
      out.beginIndex(column, IndexType.FORWARD_INDEX, SegmentFormat.TAG_FORWARD_RAW_FIXED);
      out.writeInt(SegmentFormat.typeCode(storedType));
      out.writeInt(numDocs);
      byte[] block = new byte[COPY_BLOCK * width];
      for (int first = 0; first < numDocs; first += COPY_BLOCK) {
        int count = Math.min(COPY_BLOCK, numDocs - first);
        putValues(values, first, count, block, 0);
        out.writeBytes(block, 0, count * width);
      }
      out.endIndex();
      return;
    }
    int docsPerChunk = ChunkedIndexWriter.TARGET_CHUNK_BYTES / width;
    ChunkedIndexWriter chunks = new ChunkedIndexWriter(codec);
    byte[] payload = new byte[docsPerChunk * width];
    for (int first = 0; first < numDocs; first += docsPerChunk) {
      int count = Math.min(docsPerChunk, numDocs - first);
      putValues(values, first, count, payload, 0);
      chunks.addChunk(0, count, payload, count * width);
    }
    chunks.write(out, column, SegmentFormat.TAG_FORWARD_RAW_FIXED_CHUNKED, storedType, numDocs, docsPerChunk);
  }

  /// Writes a single-value variable-width column: value `i` is `data[ends[i - 1], ends[i])` (`ends[-1]` = 0).
  public static void writeVariable(SegmentFileWriter out, String column, DataType storedType, byte[] data,
      int[] ends, int numDocs, ChunkCodec codec) throws IOException {
    long total = numDocs == 0 ? 0 : ends[numDocs - 1];
    int docsPerChunk = ChunkedIndexWriter.docsPerChunk(numDocs == 0 ? 1 : (double) total / numDocs + 4);
    ChunkedIndexWriter chunks = new ChunkedIndexWriter(codec);
    byte[] payload = new byte[1024];
    for (int first = 0; first < numDocs; first += docsPerChunk) {
      int last = Math.min(numDocs, first + docsPerChunk);
      int start = first == 0 ? 0 : ends[first - 1];
      int bytes = ends[last - 1] - start;
      int fixed = fixedLength(ends, first, last);
      int layout;
      int size;
      if (fixed >= 0 && fixed % 2 == 0 && storedType == DataType.STRING && lowerHex(data, start, bytes)) {
        layout = SegmentFormat.CHUNK_HEX;
        size = 4 + bytes / 2;
        payload = ensure(payload, size);
        ChunkedIndexWriter.putInt(payload, 0, fixed);
        for (int i = 0; i < bytes / 2; i++) {
          payload[4 + i] = (byte) (hexDigit(data[start + 2 * i]) << 4 | hexDigit(data[start + 2 * i + 1]));
        }
      } else if (fixed >= 0) {
        layout = SegmentFormat.CHUNK_FIXED_LENGTH;
        size = 4 + bytes;
        payload = ensure(payload, size);
        ChunkedIndexWriter.putInt(payload, 0, fixed);
        System.arraycopy(data, start, payload, 4, bytes);
      } else {
        layout = SegmentFormat.CHUNK_OFFSETS;
        int offsetsSize = 4 * (last - first + 1);
        size = offsetsSize + bytes;
        payload = ensure(payload, size);
        ChunkedIndexWriter.putInt(payload, 0, 0);
        for (int doc = first; doc < last; doc++) {
          ChunkedIndexWriter.putInt(payload, 4 * (doc - first + 1), ends[doc] - start);
        }
        System.arraycopy(data, start, payload, offsetsSize, bytes);
      }
      chunks.addChunk(layout, last - first, payload, size);
    }
    chunks.write(out, column, SegmentFormat.TAG_FORWARD_RAW_VAR, storedType, numDocs, docsPerChunk);
  }

  /// The flat values of a multi-value column: a primitive array (`fixedValues`) for fixed-width types, else
  /// concatenated bytes (`data`) with the end offset of each entry (`ends`).
  public record FlatValues(@Nullable Object fixedValues, byte @Nullable [] data, int @Nullable [] ends) {
  }

  /// Writes a multi-value column: document `d` holds entries `[starts[d], starts[d + 1])` of the flat values.
  public static void writeMultiValue(SegmentFileWriter out, String column, DataType storedType, int[] starts,
      int numDocs, FlatValues values, ChunkCodec codec) throws IOException {
    Object fixedValues = values.fixedValues();
    byte[] data = values.data();
    int[] ends = values.ends();
    int width = storedType.size();
    long totalEntries = starts[numDocs];
    long totalBytes = width > 0 ? totalEntries * width : totalEntries == 0 ? 0 : ends[(int) totalEntries - 1];
    double perDoc = numDocs == 0 ? 1 : (totalBytes + 4.0 * totalEntries) / numDocs + 4;
    int docsPerChunk = ChunkedIndexWriter.docsPerChunk(perDoc);
    ChunkedIndexWriter chunks = new ChunkedIndexWriter(codec);
    byte[] payload = new byte[1024];
    for (int first = 0; first < numDocs; first += docsPerChunk) {
      int last = Math.min(numDocs, first + docsPerChunk);
      int firstEntry = starts[first];
      int entries = starts[last] - firstEntry;
      int offsetsSize = 4 * (last - first + 1);
      int size;
      if (width > 0) {
        size = offsetsSize + entries * width;
        payload = ensure(payload, size);
        putValues(fixedValues, firstEntry, entries, payload, offsetsSize);
      } else {
        int dataStart = firstEntry == 0 ? 0 : ends[firstEntry - 1];
        int bytes = entries == 0 ? 0 : ends[firstEntry + entries - 1] - dataStart;
        int valueOffsetsSize = 4 * (entries + 1);
        size = offsetsSize + valueOffsetsSize + bytes;
        payload = ensure(payload, size);
        ChunkedIndexWriter.putInt(payload, offsetsSize, 0);
        for (int e = 0; e < entries; e++) {
          ChunkedIndexWriter.putInt(payload, offsetsSize + 4 * (e + 1), ends[firstEntry + e] - dataStart);
        }
        System.arraycopy(data, dataStart, payload, offsetsSize + valueOffsetsSize, bytes);
      }
      for (int doc = first; doc <= last; doc++) {
        ChunkedIndexWriter.putInt(payload, 4 * (doc - first), starts[doc] - firstEntry);
      }
      chunks.addChunk(0, last - first, payload, size);
    }
    chunks.write(out, column, SegmentFormat.TAG_FORWARD_RAW_MV, storedType, numDocs, docsPerChunk);
  }

  /// Copies `count` values starting at `first` of a primitive array little-endian into `target[offset..)`.
  private static void putValues(Object values, int first, int count, byte[] target, int offset) {
    ByteBuffer buffer = ByteBuffer.wrap(target).order(ByteOrder.LITTLE_ENDIAN).position(offset);
    switch (values) {
      case int[] ints -> buffer.asIntBuffer().put(ints, first, count);
      case long[] longs -> buffer.asLongBuffer().put(longs, first, count);
      case float[] floats -> buffer.asFloatBuffer().put(floats, first, count);
      case double[] doubles -> buffer.asDoubleBuffer().put(doubles, first, count);
      default -> throw new IllegalArgumentException("Not a fixed-width value array: " + values.getClass());
    }
  }

  /// The common length of the values `[first, last)`, or -1 when they differ.
  private static int fixedLength(int[] ends, int first, int last) {
    int length = ends[first] - (first == 0 ? 0 : ends[first - 1]);
    for (int doc = first + 1; doc < last; doc++) {
      if (ends[doc] - ends[doc - 1] != length) {
        return -1;
      }
    }
    return length;
  }

  private static boolean lowerHex(byte[] data, int start, int length) {
    if (length == 0) {
      return false;
    }
    for (int i = start; i < start + length; i++) {
      byte b = data[i];
      if (!(b >= '0' && b <= '9' || b >= 'a' && b <= 'f')) {
        return false;
      }
    }
    return true;
  }

  private static int hexDigit(byte b) {
    return b <= '9' ? b - '0' : b - 'a' + 10;
  }

  private static byte[] ensure(byte[] array, int size) {
    return array.length >= size ? array : new byte[Math.max(size, array.length * 2)];
  }
}
