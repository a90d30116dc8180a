// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.inverted;

import io.pinot.segment.format.IndexType;
import io.pinot.segment.format.SegmentFileWriter;
import io.pinot.segment.format.SegmentFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.RoaringBitmap;

/// Builds the `INVB` buffer read by [BitmapInvertedIndexReader] from a column's dictionary ids: a counting sort
/// groups doc ids by dictionary id, then one run-optimized RoaringBitmap per id is streamed out, and the offsets
/// table is written last (so that only one bitmap is in memory at a time). Stateless utilities.
public final class BitmapInvertedIndexWriter {
  private static final int MAX_RESERVE = 1 << 20;

  private BitmapInvertedIndexWriter() {
  }

  /// Writes the inverted index.
  ///
  /// @param dictIds dictionary id of each entry: one per document for single-value columns, else the flat entries
  /// @param starts for multi-value columns, `numDocs + 1` entry offsets per document; null for single-value
  public static void write(SegmentFileWriter out, String column, int cardinality, int[] dictIds, int numDocs,
      int @Nullable [] starts) throws IOException {
    int numEntries = starts == null ? numDocs : starts[numDocs];
    int[] offsets = new int[cardinality + 1];
    for (int entry = 0; entry < numEntries; entry++) {
      offsets[dictIds[entry] + 1]++;
    }
    for (int dictId = 0; dictId < cardinality; dictId++) {
      offsets[dictId + 1] += offsets[dictId];
    }
    int[] docs = groupDocs(dictIds, numDocs, starts, offsets, numEntries);

    out.beginIndex(column, IndexType.INVERTED_INDEX, SegmentFormat.TAG_INVERTED);
    long indexStart = out.position() - 8;
    out.writeInt(cardinality);
    out.writeInt(0);
    long[] bitmapOffsets = new long[cardinality + 1];
    for (int dictId = 0; dictId < cardinality; dictId++) {
      bitmapOffsets[dictId] = out.position() - indexStart;
      RoaringBitmap bitmap = new RoaringBitmap();
      bitmap.addN(docs, offsets[dictId], offsets[dictId + 1] - offsets[dictId]);
      bitmap.runOptimize();
      serialize(out, bitmap);
    }
    bitmapOffsets[cardinality] = out.position() - indexStart;
    out.padTo(SegmentFormat.align(out.position()));
    for (long offset : bitmapOffsets) {
      out.writeLong(offset);
    }
    out.endIndex();
  }

  private static int[] groupDocs(int[] dictIds, int numDocs, int @Nullable [] starts, int[] offsets,
      int numEntries) {
    int[] cursor = offsets.clone();
    int[] docs = new int[numEntries];
    if (starts == null) {
      for (int doc = 0; doc < numDocs; doc++) {
        docs[cursor[dictIds[doc]]++] = doc;
      }
    } else {
      for (int doc = 0; doc < numDocs; doc++) {
        for (int entry = starts[doc]; entry < starts[doc + 1]; entry++) {
          docs[cursor[dictIds[entry]]++] = doc;
        }
      }
    }
    return docs;
  }

  private static void serialize(SegmentFileWriter out, RoaringBitmap bitmap) throws IOException {
    int size = bitmap.serializedSizeInBytes();
    if (size <= MAX_RESERVE) {
      bitmap.serialize(out.reserve(size));
    } else {
      ByteBuffer buffer = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
      bitmap.serialize(buffer);
      buffer.flip();
      out.writeBuffer(buffer);
    }
  }
}
