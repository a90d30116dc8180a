// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.inverted;

import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.memory.DataBuffer;
import io.pinot.segment.spi.InvertedIndexReader;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/// Bitmap inverted index over mapped memory (`INVB` buffer).
///
/// Layout: tag, int32 version, int32 cardinality, int32 reserved (0), then one RoaringBitmap per dictionary id in
/// the portable serialization format, zero padding to 8 bytes, and last `int64 offsets[cardinality + 1]` relative
/// to the buffer start (the table ends the buffer, so it starts at `size - 8 * (cardinality + 1)`): bitmap `d` is
/// `[offsets[d], offsets[d + 1])`. Each bitmap must be smaller than 2 GiB. Bitmaps returned are zero-copy views
/// that must not outlive the segment. Thread-safe (immutable).
public final class BitmapInvertedIndexReader implements InvertedIndexReader {
  static final int HEADER_SIZE = 16;

  private final DataBuffer buffer;
  private final int cardinality;
  private final long offsetsTable;

  public BitmapInvertedIndexReader(DataBuffer buffer) {
    if (buffer.getInt(0) != SegmentFormat.tagValue(SegmentFormat.TAG_INVERTED)) {
      throw new IllegalStateException("Not an inverted index buffer");
    }
    if (buffer.getInt(4) != SegmentFormat.INDEX_VERSION) {
      throw new IllegalStateException("Unsupported inverted index version " + buffer.getInt(4));
    }
    this.buffer = buffer;
    this.cardinality = buffer.getInt(8);
    this.offsetsTable = buffer.size() - 8L * (cardinality + 1);
    if (cardinality < 0 || offsetsTable < HEADER_SIZE) {
      throw new IllegalStateException("Inverted index of cardinality " + cardinality + " does not fit its buffer");
    }
  }

  public int cardinality() {
    return cardinality;
  }

  @Override
  public ImmutableRoaringBitmap docIds(int dictId) {
    if (dictId < 0 || dictId >= cardinality) {
      throw new IndexOutOfBoundsException("dictId " + dictId + " out of [0, " + cardinality + ")");
    }
    long start = buffer.getLong(offsetsTable + 8L * dictId);
    long end = buffer.getLong(offsetsTable + 8L * (dictId + 1));
    return new ImmutableRoaringBitmap(buffer.asByteBuffer(start, end - start));
  }
}
