// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.forward;

import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.index.dictionary.VarLengthValues;
import io.pinot.segment.memory.DataBuffer;
import io.pinot.segment.spi.Utf8Hash;
import io.pinot.spi.data.DataType;
import java.lang.foreign.MemorySegment;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/// Forward index of a raw (no-dictionary) single-value STRING, BYTES or BIG_DECIMAL column (`RVAR` buffer): the
/// [ChunkTable] layout with one of three chunk payload layouts:
/// - 0, offsets: `int32 valueOffsets[numDocsInChunk + 1]` (relative to the value bytes that follow them), then the
///   value bytes (UTF-8 for STRING, the BIG_DECIMAL serialization of [VarLengthValues]);
/// - 1, fixed length: every value of the chunk has the same length: `int32 valueLength`, then the value bytes;
/// - 2, hex: every value of a STRING chunk is lower-case hexadecimal text of the same even length (hash and id
///   columns): `int32 numChars`, then each value as its `numChars / 2` decoded bytes, half the text's size.
///
/// Chunks may be compressed with any [ChunkCodec]; values are decoded from the calling thread's cached chunk.
/// Thread-safe.
public final class VarLengthRawForwardIndexReader extends BaseForwardIndexReader {
  static final int HEADER_SIZE = ChunkTable.HEADER_SIZE;
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private final ChunkTable table;
  private final DataType storedType;

  VarLengthRawForwardIndexReader(DataBuffer buffer, DataType storedType) {
    super("raw " + storedType);
    this.table = new ChunkTable(buffer, storedType);
    this.storedType = storedType;
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

  /// The stored bytes of one document's value (UTF-8 for STRING).
  public byte[] getBytes(int docId) {
    return bytes(table.scratch(), docId);
  }

  private byte[] bytes(ChunkTable.DecodedChunk chunk, int docId) {
    chunk.load(docId / table.docsPerChunk);
    MemorySegment payload = chunk.payload;
    int local = docId - chunk.firstDoc;
    switch (chunk.layout) {
      case SegmentFormat.CHUNK_FIXED_LENGTH -> {
        int length = payload.get(DataBuffer.INT, 0);
        return copy(payload, 4 + (long) local * length, length);
      }
      case SegmentFormat.CHUNK_OFFSETS -> {
        long position = 4L * local;
        int start = payload.get(DataBuffer.INT, position);
        int end = payload.get(DataBuffer.INT, position + 4);
        return copy(payload, 4L * (chunk.numDocs + 1) + start, end - start);
      }
      case SegmentFormat.CHUNK_HEX -> {
        return hexBytes(payload, local);
      }
      default -> throw new IllegalStateException("Unknown chunk layout " + chunk.layout);
    }
  }

  /// The value of a hex chunk as Latin-1 (= ASCII = UTF-8) text bytes: two lower-case digits per stored byte.
  private static byte[] hexBytes(MemorySegment payload, int local) {
    int numBytes = payload.get(DataBuffer.INT, 0) >>> 1;
    byte[] text = new byte[numBytes * 2];
    // the raw bytes go to the upper half first; each step writes at or below the position it has just read
    MemorySegment.copy(payload, DataBuffer.BYTE, 4 + (long) local * numBytes, text, numBytes, numBytes);
    for (int i = 0; i < numBytes; i++) {
      int b = text[numBytes + i] & 0xFF;
      text[2 * i] = HEX_DIGITS[b >>> 4];
      text[2 * i + 1] = HEX_DIGITS[b & 0xF];
    }
    return text;
  }

  private static byte[] copy(MemorySegment payload, long offset, int length) {
    byte[] bytes = new byte[length];
    MemorySegment.copy(payload, DataBuffer.BYTE, offset, bytes, 0, length);
    return bytes;
  }

  private String string(ChunkTable.DecodedChunk chunk, int docId) {
    chunk.load(docId / table.docsPerChunk);
    if (chunk.layout == SegmentFormat.CHUNK_HEX) {
      return new String(hexBytes(chunk.payload, docId - chunk.firstDoc), StandardCharsets.ISO_8859_1);
    }
    byte[] bytes = bytes(chunk, docId);
    return switch (storedType) {
      case STRING -> new String(bytes, StandardCharsets.UTF_8);
      case BYTES -> HEX.formatHex(bytes);
      default -> VarLengthValues.deserializeBigDecimal(bytes).toPlainString();
    };
  }

  @Override
  public void readStringValues(int[] docIds, int length, String[] out) {
    ChunkTable.DecodedChunk chunk = table.scratch();
    for (int i = 0; i < length; i++) {
      out[i] = string(chunk, docIds[i]);
    }
  }

  @Override
  public void readUtf8Hashes(int[] docIds, int length, long[] out) {
    if (storedType != DataType.STRING) {
      super.readUtf8Hashes(docIds, length, out);
      return;
    }
    ChunkTable.DecodedChunk chunk = table.scratch();
    for (int i = 0; i < length; i++) {
      int docId = docIds[i];
      chunk.load(docId / table.docsPerChunk);
      MemorySegment payload = chunk.payload;
      int local = docId - chunk.firstDoc;
      out[i] = switch (chunk.layout) {
        case SegmentFormat.CHUNK_FIXED_LENGTH -> {
          int valueLength = payload.get(DataBuffer.INT, 0);
          yield Utf8Hash.hash(payload, 4 + (long) local * valueLength, valueLength);
        }
        case SegmentFormat.CHUNK_OFFSETS -> {
          long position = 4L * local;
          int start = payload.get(DataBuffer.INT, position);
          int end = payload.get(DataBuffer.INT, position + 4);
          yield Utf8Hash.hash(payload, 4L * (chunk.numDocs + 1) + start, end - start);
        }
        case SegmentFormat.CHUNK_HEX -> {
          int numBytes = payload.get(DataBuffer.INT, 0) >>> 1;
          yield Utf8Hash.hashHex(payload, 4 + (long) local * numBytes, numBytes);
        }
        default -> throw new IllegalStateException("Unknown chunk layout " + chunk.layout);
      };
    }
  }

  @Override
  public void readBytesValues(int[] docIds, int length, byte[][] out) {
    ChunkTable.DecodedChunk chunk = table.scratch();
    for (int i = 0; i < length; i++) {
      out[i] = bytes(chunk, docIds[i]);
    }
  }

  @Override
  public void readIntValues(int[] docIds, int length, int[] out) {
    ChunkTable.DecodedChunk chunk = table.scratch();
    for (int i = 0; i < length; i++) {
      out[i] = decimal(chunk, docIds[i]).intValue();
    }
  }

  @Override
  public void readLongValues(int[] docIds, int length, long[] out) {
    ChunkTable.DecodedChunk chunk = table.scratch();
    for (int i = 0; i < length; i++) {
      out[i] = decimal(chunk, docIds[i]).longValue();
    }
  }

  @Override
  public void readFloatValues(int[] docIds, int length, float[] out) {
    ChunkTable.DecodedChunk chunk = table.scratch();
    for (int i = 0; i < length; i++) {
      out[i] = decimal(chunk, docIds[i]).floatValue();
    }
  }

  @Override
  public void readDoubleValues(int[] docIds, int length, double[] out) {
    ChunkTable.DecodedChunk chunk = table.scratch();
    for (int i = 0; i < length; i++) {
      out[i] = decimal(chunk, docIds[i]).doubleValue();
    }
  }

  private BigDecimal decimal(ChunkTable.DecodedChunk chunk, int docId) {
    if (storedType != DataType.BIG_DECIMAL) {
      throw unsupported("Numeric reads of " + storedType);
    }
    return VarLengthValues.deserializeBigDecimal(bytes(chunk, docId));
  }
}
