// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.forward;

import io.pinot.segment.format.IndexType;
import io.pinot.segment.format.SegmentFileWriter;
import io.pinot.segment.format.SegmentFormat;
import io.pinot.spi.data.DataType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/// Collects the chunks of a chunked raw forward index ([ChunkTable] layout), compressing each payload with the
/// column's codec as it arrives; a chunk that does not shrink is stored uncompressed (codec byte 0), so that
/// incompressible data costs nothing to read. [#write] then emits the header, the offsets table and the chunks.
/// Holds the compressed column in memory until then. Not thread-safe.
final class ChunkedIndexWriter {
  private final ChunkCodec codec;
  private final List<byte[]> chunks = new ArrayList<>();
  private final List<byte[]> headers = new ArrayList<>();

  ChunkedIndexWriter(ChunkCodec codec) {
    this.codec = codec;
  }

  /// Adds the next chunk: `payload[0, length)` with its layout byte and document count.
  void addChunk(int layout, int numDocs, byte[] payload, int length) {
    byte[] stored = codec.compress(payload, 0, length);
    ChunkCodec used = codec;
    if (codec != ChunkCodec.PASS_THROUGH && stored.length >= length) {
      stored = ChunkCodec.PASS_THROUGH.compress(payload, 0, length);
      used = ChunkCodec.PASS_THROUGH;
    }
    byte[] header = new byte[SegmentFormat.CHUNK_HEADER_SIZE];
    header[0] = (byte) used.code();
    header[1] = (byte) layout;
    putInt(header, 4, numDocs);
    putInt(header, 8, length);
    putInt(header, 12, stored.length);
    headers.add(header);
    chunks.add(stored);
  }

  /// Writes the whole index buffer.
  void write(SegmentFileWriter out, String column, String tag, DataType storedType, int numDocs, int docsPerChunk)
      throws IOException {
    int numChunks = chunks.size();
    out.beginIndex(column, IndexType.FORWARD_INDEX, tag);
    out.writeInt(SegmentFormat.typeCode(storedType));
    out.writeInt(numDocs);
    out.writeInt(docsPerChunk);
    out.writeInt(numChunks);
    long offset = ChunkTable.HEADER_SIZE + 8L * (numChunks + 1);
    for (int chunk = 0; chunk <= numChunks; chunk++) {
      out.writeLong(offset);
      if (chunk < numChunks) {
        offset += SegmentFormat.CHUNK_HEADER_SIZE + chunks.get(chunk).length;
      }
    }
    for (int chunk = 0; chunk < numChunks; chunk++) {
      out.writeBytes(headers.get(chunk));
      out.writeBytes(chunks.get(chunk));
    }
    out.endIndex();
  }

  static void putInt(byte[] bytes, int offset, int value) {
    bytes[offset] = (byte) value;
    bytes[offset + 1] = (byte) (value >>> 8);
    bytes[offset + 2] = (byte) (value >>> 16);
    bytes[offset + 3] = (byte) (value >>> 24);
  }

  /// Documents per chunk for values of about `averageBytes` bytes: a power of two giving chunks of about
  /// [#TARGET_CHUNK_BYTES] bytes, between 16 and 16384 documents.
  static int docsPerChunk(double averageBytes) {
    double docs = TARGET_CHUNK_BYTES / Math.max(1.0, averageBytes);
    int power = Integer.highestOneBit((int) Math.max(16, Math.min(16384, docs)));
    return Math.max(16, power);
  }

  /// Uncompressed size chunks aim for: large enough for the codecs to find redundancy, small enough that one
  /// decoded chunk per thread and column stays cheap.
  static final int TARGET_CHUNK_BYTES = 64 * 1024;
}
