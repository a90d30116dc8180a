// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.forward;

import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.memory.DataBuffer;
import io.pinot.spi.data.DataType;
import java.lang.foreign.MemorySegment;
import java.util.zip.Inflater;

/// The common layout of chunked raw forward indexes (`RVAR`, `RFXC`, `RMVB`) and the per-thread decoding of their
/// chunks.
///
/// Layout after the tag and version: `int32 storedTypeCode, int32 numDocs, int32 docsPerChunk, int32 numChunks,
/// int64 chunkOffsets[numChunks + 1]` (relative to the buffer start; the last one is the end). Chunk `c` holds
/// documents `[c * docsPerChunk, min(numDocs, (c + 1) * docsPerChunk))` and starts with a 16-byte header
/// (`u8 codec, u8 layout, 2 zero bytes, int32 numDocsInChunk, int32 uncompressedSize, int32 storedSize`) followed
/// by `storedSize` payload bytes, which decode with the [ChunkCodec] of the codec byte to `uncompressedSize`
/// bytes. The payload's layout byte is interpreted by each index kind.
///
/// Thread-safety: immutable, except for one decoded-chunk cache per thread ([#scratch()]), so concurrent readers
/// never share decode buffers. PASS_THROUGH chunks are read in place (zero copy).
final class ChunkTable {
  static final int HEADER_SIZE = 24;

  final DataBuffer buffer;
  final MemorySegment segment;
  final DataType storedType;
  final int numDocs;
  final int docsPerChunk;
  final int numChunks;
  private final ThreadLocal<DecodedChunk> scratch = ThreadLocal.withInitial(() -> new DecodedChunk(this));

  ChunkTable(DataBuffer buffer, DataType storedType) {
    this.buffer = buffer;
    this.segment = buffer.segment();
    this.storedType = storedType;
    this.numDocs = buffer.getInt(12);
    this.docsPerChunk = buffer.getInt(16);
    this.numChunks = buffer.getInt(20);
    if (numDocs < 0 || docsPerChunk <= 0 || numChunks != (int) (((long) numDocs + docsPerChunk - 1) / docsPerChunk)) {
      throw new IllegalStateException("Inconsistent chunk layout: " + numDocs + " docs, " + numChunks + " chunks of "
          + docsPerChunk);
    }
    if (HEADER_SIZE + 8L * (numChunks + 1) > buffer.size()
        || buffer.getLong(HEADER_SIZE + 8L * numChunks) > buffer.size()) {
      throw new IllegalStateException("Raw forward index chunks run past their buffer");
    }
  }

  /// The calling thread's decoded-chunk cache (get it once per block, then [DecodedChunk#load] chunks).
  DecodedChunk scratch() {
    return scratch.get();
  }

  long chunkStart(int chunk) {
    return segment.get(DataBuffer.LONG, HEADER_SIZE + 8L * chunk);
  }

  /// One decoded chunk of one thread: the payload as a memory segment (a view of the mapped file for PASS_THROUGH
  /// chunks, a heap array otherwise) plus the chunk's layout byte and document count. Not thread-safe.
  static final class DecodedChunk {
    private final ChunkTable table;
    int index = -1;
    int layout;
    int numDocs;
    int firstDoc;
    MemorySegment payload = MemorySegment.NULL;
    private byte[] decoded = new byte[0];
    private byte[] compressed = new byte[0];
    private Inflater inflater;

    DecodedChunk(ChunkTable table) {
      this.table = table;
    }

    /// Makes this the decoded form of chunk `chunk` (a no-op when it already is).
    DecodedChunk load(int chunk) {
      if (chunk == index) {
        return this;
      }
      if (chunk < 0 || chunk >= table.numChunks) {
        throw new IndexOutOfBoundsException("Chunk " + chunk + " out of [0, " + table.numChunks + ")");
      }
      MemorySegment data = table.segment;
      long start = table.chunkStart(chunk);
      int codecCode = data.get(DataBuffer.BYTE, start) & 0xFF;
      layout = data.get(DataBuffer.BYTE, start + 1) & 0xFF;
      numDocs = data.get(DataBuffer.INT, start + 4);
      int uncompressedSize = data.get(DataBuffer.INT, start + 8);
      int storedSize = data.get(DataBuffer.INT, start + 12);
      long payloadStart = start + SegmentFormat.CHUNK_HEADER_SIZE;
      ChunkCodec codec = ChunkCodec.fromCode(codecCode);
      if (codec == ChunkCodec.PASS_THROUGH) {
        payload = data.asSlice(payloadStart, storedSize);
      } else {
        if (compressed.length < storedSize) {
          compressed = new byte[storedSize];
        }
        MemorySegment.copy(data, DataBuffer.BYTE, payloadStart, compressed, 0, storedSize);
        if (decoded.length < uncompressedSize) {
          decoded = new byte[uncompressedSize];
        }
        if (codec == ChunkCodec.GZIP && inflater == null) {
          inflater = new Inflater(true);
        }
        codec.decompress(compressed, 0, storedSize, decoded, uncompressedSize, inflater);
        payload = MemorySegment.ofArray(decoded).asSlice(0, uncompressedSize);
      }
      firstDoc = chunk * table.docsPerChunk;
      index = chunk;
      return this;
    }
  }
}
