// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.range;

import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.index.dictionary.Dictionaries;
import io.pinot.segment.memory.DataBuffer;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.RangeIndexReader;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/// Bit-sliced range index over the value ids of a single-value column (`RANG` buffer).
///
/// Design: ids are dictionary ids (dictionary columns) or positions in the sorted distinct values (raw numeric
/// columns), so `id` order is value order. For `B = bits(cardinality - 1)` bits, slice `b` is the bitmap of the
/// documents whose id has bit `b` set. The documents with `id <= x` are computed from the most significant slice
/// down (O'Neil and Quass): `lt |= eq & ~S_b` and `eq &= S_b` where bit `b` of `x` is 1, `eq &= ~S_b` where it is
/// 0, giving `lt | eq`; an id range `[start, end)` is `le(end - 1) & ~le(start - 1)`. That is at most `4B`
/// bitmap operations per predicate, independent of how many values the range covers, and the index takes about
/// `B` bits per document (less where slices compress).
///
/// Layout after the tag and version: `int32 numDocs, int32 cardinality, int32 numSlices, int32 flags` (bit 0: a
/// value dictionary is embedded), `int64 dictionaryOffset, int64 dictionaryLength` (0 when none), `int64
/// sliceOffsets[numSlices + 1]` relative to the buffer start, the slices as portable RoaringBitmaps, then, 8-byte
/// aligned, the embedded dictionary buffer (a complete `DFIX`/`DVAR` buffer). Thread-safe; slices are zero-copy
/// views over the mapped file.
public final class BitSlicedRangeIndexReader implements RangeIndexReader {
  private final DataBuffer buffer;
  private final int numDocs;
  private final int cardinality;
  private final int numSlices;
  private final ImmutableRoaringBitmap[] slices;
  private final @Nullable Dictionary valueDictionary;

  public BitSlicedRangeIndexReader(DataBuffer buffer) {
    if (buffer.getInt(0) != SegmentFormat.tagValue(SegmentFormat.TAG_RANGE)) {
      throw new IllegalStateException("Not a range index buffer");
    }
    if (buffer.getInt(4) != SegmentFormat.INDEX_VERSION) {
      throw new IllegalStateException("Unsupported range index version " + buffer.getInt(4));
    }
    this.buffer = buffer;
    this.numDocs = buffer.getInt(8);
    this.cardinality = buffer.getInt(12);
    this.numSlices = buffer.getInt(16);
    if (numSlices < 0 || numSlices > 32 || BitSlicedRangeIndexWriter.HEADER_SIZE + 8L * (numSlices + 1)
        > buffer.size()) {
      throw new IllegalStateException("Range index with " + numSlices + " slices does not fit its buffer");
    }
    this.slices = new ImmutableRoaringBitmap[numSlices];
    for (int b = 0; b < numSlices; b++) {
      long start = sliceOffset(b);
      slices[b] = new ImmutableRoaringBitmap(buffer.asByteBuffer(start, sliceOffset(b + 1) - start));
    }
    long dictionaryOffset = buffer.getLong(24);
    long dictionaryLength = buffer.getLong(32);
    this.valueDictionary = (buffer.getInt(20) & 1) == 0 ? null
        : Dictionaries.open(buffer.view(dictionaryOffset, dictionaryLength));
  }

  private long sliceOffset(int slice) {
    return buffer.getLong(BitSlicedRangeIndexWriter.HEADER_SIZE + 8L * slice);
  }

  @Override
  public int cardinality() {
    return cardinality;
  }

  public int numSlices() {
    return numSlices;
  }

  @Override
  public @Nullable Dictionary valueDictionary() {
    return valueDictionary;
  }

  @Override
  public ImmutableRoaringBitmap docIdsInIdRange(int startId, int endId) {
    int start = Math.max(0, startId);
    int end = Math.min(cardinality, endId);
    if (start >= end) {
      return new MutableRoaringBitmap();
    }
    if (end == cardinality) {
      MutableRoaringBitmap result = allDocs();
      if (start > 0) {
        result.andNot(lessOrEqual(start - 1));
      }
      return result;
    }
    MutableRoaringBitmap result = lessOrEqual(end - 1);
    if (start > 0) {
      result.andNot(lessOrEqual(start - 1));
    }
    return result;
  }

  /// The documents whose id is at most `x` (`0 <= x < cardinality`).
  private MutableRoaringBitmap lessOrEqual(int x) {
    MutableRoaringBitmap lessThan = new MutableRoaringBitmap();
    MutableRoaringBitmap equal = allDocs();
    for (int b = numSlices - 1; b >= 0; b--) {
      ImmutableRoaringBitmap slice = slices[b];
      if ((x >>> b & 1) == 1) {
        lessThan.or(ImmutableRoaringBitmap.andNot(equal, slice));
        equal.and(slice);
      } else {
        equal.andNot(slice);
      }
    }
    lessThan.or(equal);
    return lessThan;
  }

  private MutableRoaringBitmap allDocs() {
    MutableRoaringBitmap all = new MutableRoaringBitmap();
    if (numDocs > 0) {
      all.add(0L, numDocs);
    }
    return all;
  }
}
