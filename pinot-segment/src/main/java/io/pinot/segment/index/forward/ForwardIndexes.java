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

/// Writes and opens forward index buffers (`FSVB`, `FSRT`, `FMVB`, `RFIX`, `RFXC`, `RVAR`, `RMVB`; layouts on the
/// reader classes; raw ones are written by [RawForwardIndexWriter]).
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
    if (tag == SegmentFormat.tagValue(SegmentFormat.TAG_FORWARD_RAW_FIXED_CHUNKED)) {
      return new ChunkedFixedWidthForwardIndexReader(buffer, checkType(buffer, storedType));
    }
    if (tag == SegmentFormat.tagValue(SegmentFormat.TAG_FORWARD_RAW_MV)) {
      return new RawMultiValueForwardIndexReader(buffer, checkType(buffer, storedType));
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

  /// Writes raw INT values uncompressed (`RFIX`).
  public static void writeRawInts(SegmentFileWriter out, String column, int[] values, int numDocs)
      throws IOException {
    RawForwardIndexWriter.writeFixed(out, column, DataType.INT, values, numDocs, ChunkCodec.PASS_THROUGH);
  }

  public static void writeRawLongs(SegmentFileWriter out, String column, long[] values, int numDocs)
      throws IOException {
    RawForwardIndexWriter.writeFixed(out, column, DataType.LONG, values, numDocs, ChunkCodec.PASS_THROUGH);
  }

  public static void writeRawFloats(SegmentFileWriter out, String column, float[] values, int numDocs)
      throws IOException {
    RawForwardIndexWriter.writeFixed(out, column, DataType.FLOAT, values, numDocs, ChunkCodec.PASS_THROUGH);
  }

  public static void writeRawDoubles(SegmentFileWriter out, String column, double[] values, int numDocs)
      throws IOException {
    RawForwardIndexWriter.writeFixed(out, column, DataType.DOUBLE, values, numDocs, ChunkCodec.PASS_THROUGH);
  }

  /// Writes an uncompressed chunked raw variable-width column: value `i` is `data[ends[i-1], ends[i])`
  /// (`ends[-1]` = 0).
  public static void writeRawVariable(SegmentFileWriter out, String column, DataType storedType, byte[] data,
      int[] ends, int numDocs) throws IOException {
    RawForwardIndexWriter.writeVariable(out, column, storedType, data, ends, numDocs, ChunkCodec.PASS_THROUGH);
  }
}
