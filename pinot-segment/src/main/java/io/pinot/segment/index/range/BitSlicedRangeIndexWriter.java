// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.range;

import io.pinot.segment.format.IndexType;
import io.pinot.segment.format.PackedInts;
import io.pinot.segment.format.SegmentFileWriter;
import io.pinot.segment.format.SegmentFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.BitSetUtil;
import org.roaringbitmap.RoaringBitmap;

/// Builds the bit-sliced range index (`RANG` buffer) read by [BitSlicedRangeIndexReader] from the value id of every
/// document of a single-value column: dictionary ids, or for a raw numeric column the positions of its values in
/// their sorted distinct values, which are embedded as a dictionary buffer. Slice `b` is the bitmap of the
/// documents whose id has bit `b` set; it is built as a plain bitset and converted to a run-optimized
/// RoaringBitmap. Stateless utilities.
public final class BitSlicedRangeIndexWriter {
  static final int HEADER_SIZE = 40;

  private BitSlicedRangeIndexWriter() {
  }

  /// Writes the range index of `ids[0, numDocs)`, each in `[0, cardinality)`.
  ///
  /// @param valueDictionary for raw columns, a complete dictionary buffer (`DFIX`/`DVAR`) of the sorted distinct
  ///     values the ids index; null for dictionary-encoded columns
  public static void write(SegmentFileWriter out, String column, int[] ids, int numDocs, int cardinality,
      byte @Nullable [] valueDictionary) throws IOException {
    int numSlices = cardinality <= 1 ? 0 : PackedInts.bitsForCardinality(cardinality);
    byte[][] slices = new byte[numSlices][];
    long[][] words = new long[numSlices][];
    for (int b = 0; b < numSlices; b++) {
      words[b] = new long[(numDocs + 63) >>> 6];
    }
    for (int doc = 0; doc < numDocs; doc++) {
      int id = ids[doc];
      if (id < 0 || id >= cardinality) {
        throw new IllegalArgumentException("Id " + id + " of doc " + doc + " is out of [0, " + cardinality + ")");
      }
      while (id != 0) {
        int b = Integer.numberOfTrailingZeros(id);
        words[b][doc >>> 6] |= 1L << doc;
        id &= id - 1;
      }
    }
    for (int b = 0; b < numSlices; b++) {
      RoaringBitmap bitmap = BitSetUtil.bitmapOf(words[b]);
      words[b] = null;
      bitmap.runOptimize();
      ByteBuffer serialized = ByteBuffer.allocate(bitmap.serializedSizeInBytes()).order(ByteOrder.LITTLE_ENDIAN);
      bitmap.serialize(serialized);
      slices[b] = serialized.array();
    }
    out.beginIndex(column, IndexType.RANGE_INDEX, SegmentFormat.TAG_RANGE);
    long start = out.position() - 8;
    out.writeInt(numDocs);
    out.writeInt(cardinality);
    out.writeInt(numSlices);
    out.writeInt(valueDictionary == null ? 0 : 1);
    long offset = HEADER_SIZE + 8L * (numSlices + 1);
    long[] offsets = new long[numSlices + 1];
    for (int b = 0; b <= numSlices; b++) {
      offsets[b] = offset;
      if (b < numSlices) {
        offset += slices[b].length;
      }
    }
    long dictionaryOffset = valueDictionary == null ? 0 : SegmentFormat.align(offset);
    out.writeLong(dictionaryOffset);
    out.writeLong(valueDictionary == null ? 0 : valueDictionary.length);
    for (long sliceOffset : offsets) {
      out.writeLong(sliceOffset);
    }
    for (byte[] slice : slices) {
      out.writeBytes(slice);
    }
    if (valueDictionary != null) {
      out.padTo(start + dictionaryOffset);
      out.writeBytes(valueDictionary);
    }
    out.endIndex();
  }
}
