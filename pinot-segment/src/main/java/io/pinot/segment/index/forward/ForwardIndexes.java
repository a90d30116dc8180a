// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.forward;

import io.pinot.segment.format.IndexType;
import io.pinot.segment.format.PackedInts;
import io.pinot.segment.format.PackedIntsWriter;
import io.pinot.segment.format.SegmentFileWriter;
import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.index.sorted.PackedSortedIndexReader;
import io.pinot.segment.memory.DataBuffer;
import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.spi.data.DataType;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/// Writes and opens forward index buffers (`FSVB`, `FSRT`, `FMVB`, `RFIX`, `RVAR`; layouts on the reader classes).
/// Stateless utilities.
public final class ForwardIndexes {
  private ForwardIndexes() {
  }

  /// Opens the forward index stored in `buffer` (a view of exactly one forward index buffer); a sorted column's
  /// forward index reads its sorted index.
  public static ForwardIndexReader open(DataBuffer buffer, DataType storedType,
      @Nullable PackedSortedIndexReader sortedIndex) {
    int tag = buffer.getInt(0);
    int version = buffer.getInt(4);
    if (version != SegmentFormat.INDEX_VERSION) {
      throw new IllegalStateException("Unsupported forward index version " + version);
    }
    if (tag == SegmentFormat.tagValue(SegmentFormat.TAG_FORWARD_SV_PACKED)) {
      return new BitPackedSvForwardIndexReader(buffer, storedType);
    }
    if (tag == SegmentFormat.tagValue(SegmentFormat.TAG_FORWARD_SORTED)) {
      if (sortedIndex == null || sortedIndex.cardinality() != buffer.getInt(12)) {
        throw new IllegalStateException("Sorted forward index without a matching sorted index");
      }
      return new SortedForwardIndexReader(buffer.getInt(8), sortedIndex, storedType);
    }
    if (tag == SegmentFormat.tagValue(SegmentFormat.TAG_FORWARD_MV_PACKED)) {
      return new BitPackedMvForwardIndexReader(buffer, storedType);
    }
    if (tag == SegmentFormat.tagValue(SegmentFormat.TAG_FORWARD_RAW_FIXED)) {
      return new FixedWidthRawForwardIndexReader(buffer, checkType(buffer, storedType));
    }
    if (tag == SegmentFormat.tagValue(SegmentFormat.TAG_FORWARD_RAW_VAR)) {
      return new VarLengthRawForwardIndexReader(buffer, checkType(buffer, storedType));
    }
    throw new IllegalStateException("Not a forward index buffer (tag " + Integer.toHexString(tag) + ")");
  }

  /// Number of documents of a forward index opened by [#open].
  public static int numDocs(ForwardIndexReader reader) {
    if (reader instanceof BaseForwardIndexReader base) {
      return base.numDocs();
    }
    throw new IllegalArgumentException("Not a segment forward index: " + reader);
  }

  private static DataType checkType(DataBuffer buffer, DataType expected) {
    DataType stored = SegmentFormat.typeOf(buffer.getInt(8));
    if (stored != expected) {
      throw new IllegalStateException("Raw forward index holds " + stored + ", metadata says " + expected);
    }
    return stored;
  }

  /// Writes bit-packed dictionary ids of a single-value column.
  public static void writeSingleValue(SegmentFileWriter out, String column, int[] dictIds, int numDocs, int bits)
      throws IOException {
    out.beginIndex(column, IndexType.FORWARD_INDEX, SegmentFormat.TAG_FORWARD_SV_PACKED);
    out.writeInt(numDocs);
    out.writeInt(bits);
    PackedIntsWriter.write(out, dictIds, 0, numDocs, bits);
    out.endIndex();
  }

  /// Writes the forward index of a sorted column, which reads the column's sorted index.
  public static void writeSorted(SegmentFileWriter out, String column, int numDocs, int cardinality)
      throws IOException {
    out.beginIndex(column, IndexType.FORWARD_INDEX, SegmentFormat.TAG_FORWARD_SORTED);
    out.writeInt(numDocs);
    out.writeInt(cardinality);
    out.endIndex();
  }

  /// Writes a multi-value column: `starts[0..numDocs]` are the entry offsets of each document in `dictIds`.
  public static void writeMultiValue(SegmentFileWriter out, String column, int[] starts, int numDocs, int[] dictIds,
      int bits) throws IOException {
    int numAnchors = BitPackedMvForwardIndexReader.numAnchors(numDocs);
    int maxRelative = 0;
    for (int doc = 0; doc <= numDocs; doc++) {
      int relative = starts[doc] - starts[doc >>> SegmentFormat.MV_ANCHOR_SHIFT << SegmentFormat.MV_ANCHOR_SHIFT];
      maxRelative = Math.max(maxRelative, relative);
    }
    int relativeBits = PackedInts.bitsNeeded(maxRelative);
    int totalEntries = starts[numDocs];
    out.beginIndex(column, IndexType.FORWARD_INDEX, SegmentFormat.TAG_FORWARD_MV_PACKED);
    long indexStart = out.position() - 8;
    out.writeInt(numDocs);
    out.writeInt(bits);
    out.writeInt(totalEntries);
    out.writeInt(relativeBits);
    for (int anchor = 0; anchor < numAnchors; anchor++) {
      out.writeInt(starts[anchor << SegmentFormat.MV_ANCHOR_SHIFT]);
    }
    out.padTo(indexStart + BitPackedMvForwardIndexReader.relativeStartsOffset(numDocs));
    PackedIntsWriter relative = new PackedIntsWriter(out, relativeBits);
    for (int doc = 0; doc <= numDocs; doc++) {
      relative.add(starts[doc] - starts[doc >>> SegmentFormat.MV_ANCHOR_SHIFT << SegmentFormat.MV_ANCHOR_SHIFT]);
    }
    relative.finish();
    PackedIntsWriter.write(out, dictIds, 0, totalEntries, bits);
    out.endIndex();
  }

  public static void writeRawInts(SegmentFileWriter out, String column, int[] values, int numDocs)
      throws IOException {
    beginRawFixed(out, column, DataType.INT, numDocs);
    for (int i = 0; i < numDocs; i++) {
      out.writeInt(values[i]);
    }
    out.endIndex();
  }

  public static void writeRawLongs(SegmentFileWriter out, String column, long[] values, int numDocs)
      throws IOException {
    beginRawFixed(out, column, DataType.LONG, numDocs);
    for (int i = 0; i < numDocs; i++) {
      out.writeLong(values[i]);
    }
    out.endIndex();
  }

  public static void writeRawFloats(SegmentFileWriter out, String column, float[] values, int numDocs)
      throws IOException {
    beginRawFixed(out, column, DataType.FLOAT, numDocs);
    for (int i = 0; i < numDocs; i++) {
      out.writeFloat(values[i]);
    }
    out.endIndex();
  }

  public static void writeRawDoubles(SegmentFileWriter out, String column, double[] values, int numDocs)
      throws IOException {
    beginRawFixed(out, column, DataType.DOUBLE, numDocs);
    for (int i = 0; i < numDocs; i++) {
      out.writeDouble(values[i]);
    }
    out.endIndex();
  }

  /// Writes a chunked raw variable-width column: value `i` is `data[ends[i-1], ends[i])` (`ends[-1]` = 0).
  public static void writeRawVariable(SegmentFileWriter out, String column, DataType storedType, byte[] data,
      int[] ends, int numDocs) throws IOException {
    int docsPerChunk = SegmentFormat.RAW_VAR_DOCS_PER_CHUNK;
    int numChunks = (numDocs + docsPerChunk - 1) / docsPerChunk;
    out.beginIndex(column, IndexType.FORWARD_INDEX, SegmentFormat.TAG_FORWARD_RAW_VAR);
    out.writeInt(SegmentFormat.typeCode(storedType));
    out.writeInt(numDocs);
    out.writeInt(docsPerChunk);
    out.writeInt(numChunks);
    long chunkStart = VarLengthRawForwardIndexReader.HEADER_SIZE + 8L * (numChunks + 1);
    for (int chunk = 0; chunk <= numChunks; chunk++) {
      out.writeLong(chunkStart);
      if (chunk < numChunks) {
        chunkStart += SegmentFormat.CHUNK_HEADER_SIZE + payloadSize(ends, chunk, docsPerChunk, numDocs);
      }
    }
    for (int chunk = 0; chunk < numChunks; chunk++) {
      writeChunk(out, data, ends, chunk * docsPerChunk, Math.min(numDocs, (chunk + 1) * docsPerChunk));
    }
    out.endIndex();
  }

  private static long payloadSize(int[] ends, int chunk, int docsPerChunk, int numDocs) {
    int first = chunk * docsPerChunk;
    int last = Math.min(numDocs, first + docsPerChunk);
    long bytes = (long) ends[last - 1] - (first == 0 ? 0 : ends[first - 1]);
    return fixedLength(ends, first, last) >= 0 ? 4L + bytes : 4L * (last - first + 1) + bytes;
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

  private static void writeChunk(SegmentFileWriter out, byte[] data, int[] ends, int first, int last)
      throws IOException {
    int dataStart = first == 0 ? 0 : ends[first - 1];
    int dataEnd = ends[last - 1];
    int fixedLength = fixedLength(ends, first, last);
    int payload = (fixedLength >= 0 ? 4 : 4 * (last - first + 1)) + (dataEnd - dataStart);
    out.writeByte(SegmentFormat.CODEC_PASS_THROUGH);
    out.writeByte(fixedLength >= 0 ? SegmentFormat.CHUNK_FIXED_LENGTH : SegmentFormat.CHUNK_OFFSETS);
    out.writeByte(0);
    out.writeByte(0);
    out.writeInt(last - first);
    out.writeInt(payload);
    out.writeInt(payload);
    if (fixedLength >= 0) {
      out.writeInt(fixedLength);
    } else {
      out.writeInt(0);
      for (int doc = first; doc < last; doc++) {
        out.writeInt(ends[doc] - dataStart);
      }
    }
    out.writeBytes(data, dataStart, dataEnd - dataStart);
  }

  private static void beginRawFixed(SegmentFileWriter out, String column, DataType type, int numDocs)
      throws IOException {
    out.beginIndex(column, IndexType.FORWARD_INDEX, SegmentFormat.TAG_FORWARD_RAW_FIXED);
    out.writeInt(SegmentFormat.typeCode(type));
    out.writeInt(numDocs);
  }
}
