// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.forward;

import io.pinot.segment.format.PackedInts;
import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.memory.DataBuffer;
import io.pinot.spi.data.DataType;

/// Forward index of a multi-value dictionary column (`FMVB` buffer): per-document start offsets into a flat,
/// bit-packed array of dictionary ids.
///
/// Layout after the tag and version: `int32 numDocs, int32 bitsPerValue, int32 totalEntries, int32 relativeBits`,
/// then `int32 anchors[(numDocs >> 6) + 1]` (the absolute start of every 64th document), padded to 8 bytes, then
/// `numDocs + 1` packed relative starts (`start(d) = anchors[d >> 6] + relative[d]`, `relativeBits` each), then
/// `totalEntries` packed dictionary ids. Document `d` holds entries `[start(d), start(d + 1))`.
/// Thread-safe (immutable).
public final class BitPackedMvForwardIndexReader extends BaseForwardIndexReader {
  static final int HEADER_SIZE = 24;

  private final DataBuffer buffer;
  private final int numDocs;
  private final PackedInts relativeStarts;
  private final PackedInts dictIds;
  private final DataType storedType;

  BitPackedMvForwardIndexReader(DataBuffer buffer, DataType storedType) {
    super("multi-value dictionary-encoded");
    this.buffer = buffer;
    this.numDocs = buffer.getInt(8);
    int bits = buffer.getInt(12);
    int totalEntries = buffer.getInt(16);
    int relativeBits = buffer.getInt(20);
    long relativeStart = relativeStartsOffset(numDocs);
    this.relativeStarts = new PackedInts(buffer, relativeStart, numDocs + 1, relativeBits);
    long dictIdsStart = relativeStart + PackedInts.packedSize(numDocs + 1L, relativeBits);
    this.dictIds = new PackedInts(buffer, dictIdsStart, totalEntries, bits);
    this.storedType = storedType;
  }

  static int numAnchors(int numDocs) {
    return (numDocs >>> SegmentFormat.MV_ANCHOR_SHIFT) + 1;
  }

  static long relativeStartsOffset(int numDocs) {
    return SegmentFormat.align(HEADER_SIZE + 4L * numAnchors(numDocs));
  }

  @Override
  public boolean dictionaryEncoded() {
    return true;
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
    return numDocs;
  }

  private int start(int docId) {
    return buffer.getInt(HEADER_SIZE + 4L * (docId >>> SegmentFormat.MV_ANCHOR_SHIFT)) + relativeStarts.get(docId);
  }

  @Override
  public int getDictIdsMV(int docId, int[] out) {
    int start = start(docId);
    int count = start(docId + 1) - start;
    dictIds.readRange(start, count, out, 0);
    return count;
  }

  @Override
  public int numValuesMV(int docId) {
    return start(docId + 1) - start(docId);
  }
}
