// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.forward;

import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.index.dictionary.VarLengthValues;
import io.pinot.segment.memory.DataBuffer;
import io.pinot.spi.data.DataType;
import java.lang.foreign.MemorySegment;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/// Forward index of a raw (no-dictionary) single-value STRING, BYTES or BIG_DECIMAL column, in chunks of
/// `docsPerChunk` documents (`RVAR` buffer).
///
/// Layout after the tag and version: `int32 storedTypeCode, int32 numDocs, int32 docsPerChunk, int32 numChunks,
/// int64 chunkOffsets[numChunks + 1]` (relative to the buffer start; the last one is the end). Each chunk is a
/// 16-byte header (`u8 codec, u8 layout, 2 zero bytes, int32 numDocsInChunk, int32 uncompressedSize,
/// int32 storedSize`) and a payload: with layout 0, `int32 valueOffsets[numDocsInChunk + 1]` (relative to the
/// value bytes that follow them) and the value bytes (UTF-8 for STRING); with layout 1 (all values of the chunk
/// have the same length, as hex ids or fixed codes do), `int32 valueLength` and the value bytes. Only the PASS_THROUGH
/// codec (0) exists so far; the codec byte lets compressed chunks be added without a format break. Thread-safe
/// (immutable).
public final class VarLengthRawForwardIndexReader extends BaseForwardIndexReader {
  static final int HEADER_SIZE = 24;

  private final DataBuffer buffer;
  private final MemorySegment segment;
  private final DataType storedType;
  private final int numDocs;
  private final int docsPerChunk;

  VarLengthRawForwardIndexReader(DataBuffer buffer, DataType storedType) {
    super("raw " + storedType);
    this.buffer = buffer;
    this.segment = buffer.segment();
    this.storedType = storedType;
    this.numDocs = buffer.getInt(12);
    this.docsPerChunk = buffer.getInt(16);
    int numChunks = buffer.getInt(20);
    if (docsPerChunk <= 0 || numChunks != (numDocs + docsPerChunk - 1) / docsPerChunk) {
      throw new IllegalStateException("Inconsistent chunk layout: " + numDocs + " docs, " + numChunks + " chunks of "
          + docsPerChunk);
    }
    if (buffer.getLong(HEADER_SIZE + 8L * numChunks) > buffer.size()) {
      throw new IllegalStateException("Raw forward index chunks run past their buffer");
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

  /// The stored bytes of one document's value.
  public byte[] getBytes(int docId) {
    int chunk = docId / docsPerChunk;
    long chunkStart = segment.get(DataBuffer.LONG, HEADER_SIZE + 8L * chunk);
    int codec = segment.get(DataBuffer.BYTE, chunkStart);
    if (codec != SegmentFormat.CODEC_PASS_THROUGH) {
      throw new IllegalStateException("Unsupported chunk codec " + codec);
    }
    int docsInChunk = segment.get(DataBuffer.INT, chunkStart + 4);
    long payload = chunkStart + SegmentFormat.CHUNK_HEADER_SIZE;
    int local = docId - chunk * docsPerChunk;
    if (segment.get(DataBuffer.BYTE, chunkStart + 1) == SegmentFormat.CHUNK_FIXED_LENGTH) {
      int length = segment.get(DataBuffer.INT, payload);
      return buffer.getBytes(payload + 4 + (long) local * length, length);
    }
    long position = payload + 4L * local;
    int start = segment.get(DataBuffer.INT, position);
    int end = segment.get(DataBuffer.INT, position + 4);
    return buffer.getBytes(payload + 4L * (docsInChunk + 1) + start, end - start);
  }

  @Override
  public void readStringValues(int[] docIds, int length, String[] out) {
    for (int i = 0; i < length; i++) {
      byte[] bytes = getBytes(docIds[i]);
      out[i] = switch (storedType) {
        case STRING -> new String(bytes, StandardCharsets.UTF_8);
        case BYTES -> HexFormat.of().formatHex(bytes);
        default -> VarLengthValues.deserializeBigDecimal(bytes).toPlainString();
      };
    }
  }

  @Override
  public void readBytesValues(int[] docIds, int length, byte[][] out) {
    for (int i = 0; i < length; i++) {
      out[i] = getBytes(docIds[i]);
    }
  }

  @Override
  public void readIntValues(int[] docIds, int length, int[] out) {
    for (int i = 0; i < length; i++) {
      out[i] = decimal(docIds[i]).intValue();
    }
  }

  @Override
  public void readLongValues(int[] docIds, int length, long[] out) {
    for (int i = 0; i < length; i++) {
      out[i] = decimal(docIds[i]).longValue();
    }
  }

  @Override
  public void readFloatValues(int[] docIds, int length, float[] out) {
    for (int i = 0; i < length; i++) {
      out[i] = decimal(docIds[i]).floatValue();
    }
  }

  @Override
  public void readDoubleValues(int[] docIds, int length, double[] out) {
    for (int i = 0; i < length; i++) {
      out[i] = decimal(docIds[i]).doubleValue();
    }
  }

  private BigDecimal decimal(int docId) {
    if (storedType != DataType.BIG_DECIMAL) {
      throw unsupported("Numeric reads of " + storedType);
    }
    return VarLengthValues.deserializeBigDecimal(getBytes(docId));
  }
}
