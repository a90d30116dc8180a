// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.sorted;

import io.pinot.segment.format.IndexType;
import io.pinot.segment.format.PackedInts;
import io.pinot.segment.format.PackedIntsWriter;
import io.pinot.segment.format.SegmentFileWriter;
import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.memory.DataBuffer;
import io.pinot.segment.spi.SortedIndexReader;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/// Sorted index of a sorted single-value dictionary column (`SRTD` buffer: tag, int32 version, int32 cardinality,
/// int32 bitsPerValue, then `cardinality + 1` bit-packed doc ids: the first doc of each dictionary id and, last,
/// `numDocs`). Documents with id `d` are `[starts[d], starts[d + 1])`. When every value occurs exactly once
/// (cardinality = numDocs, as for a sorted timestamp) `bitsPerValue` is 0, nothing follows the header, and
/// `starts[d] = d`. Thread-safe (immutable).
public final class PackedSortedIndexReader implements SortedIndexReader {
  private static final int HEADER_SIZE = 16;

  private final @Nullable PackedInts starts;
  private final int cardinality;

  public PackedSortedIndexReader(DataBuffer buffer) {
    if (buffer.getInt(0) != SegmentFormat.tagValue(SegmentFormat.TAG_SORTED)) {
      throw new IllegalStateException("Not a sorted index buffer");
    }
    if (buffer.getInt(4) != SegmentFormat.INDEX_VERSION) {
      throw new IllegalStateException("Unsupported sorted index version " + buffer.getInt(4));
    }
    this.cardinality = buffer.getInt(8);
    int bits = buffer.getInt(12);
    this.starts = bits == 0 ? null : new PackedInts(buffer, HEADER_SIZE, cardinality + 1, bits);
  }

  public int cardinality() {
    return cardinality;
  }

  /// Whether each dictionary id is exactly one document (`dictId == docId`).
  public boolean identity() {
    return starts == null;
  }

  @Override
  public int docIdStart(int dictId) {
    return starts == null ? checkedIdentity(dictId) : starts.get(dictId);
  }

  @Override
  public int docIdEnd(int dictId) {
    return starts == null ? checkedIdentity(dictId) + 1 : starts.get(dictId + 1);
  }

  private int checkedIdentity(int dictId) {
    if (dictId < 0 || dictId >= cardinality) {
      throw new IndexOutOfBoundsException("dictId " + dictId + " out of [0, " + cardinality + ")");
    }
    return dictId;
  }

  /// The dictionary id of a document: the last id whose range starts at or before it.
  public int dictIdOf(int docId) {
    if (starts == null) {
      return docId;
    }
    int low = 0;
    int high = cardinality - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (starts.get(mid) <= docId) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }

  /// Writes the sorted index of `dictIds[0..numDocs)`, which must be non-decreasing and use every id below
  /// `cardinality`.
  public static void write(SegmentFileWriter out, String column, int[] dictIds, int numDocs, int cardinality)
      throws IOException {
    out.beginIndex(column, IndexType.SORTED_INDEX, SegmentFormat.TAG_SORTED);
    out.writeInt(cardinality);
    if (cardinality == numDocs && numDocs > 0) {
      out.writeInt(0);
      out.endIndex();
      return;
    }
    int bits = PackedInts.bitsNeeded(numDocs);
    out.writeInt(bits);
    PackedIntsWriter writer = new PackedIntsWriter(out, bits);
    int doc = 0;
    for (int dictId = 0; dictId < cardinality; dictId++) {
      while (doc < numDocs && dictIds[doc] < dictId) {
        doc++;
      }
      if (doc >= numDocs || dictIds[doc] != dictId) {
        throw new IllegalStateException("Column[" + column + "] has no document with dictId " + dictId);
      }
      writer.add(doc);
    }
    writer.add(numDocs);
    writer.finish();
    out.endIndex();
  }
}
