// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.nullvalue;

import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.memory.DataBuffer;
import io.pinot.segment.spi.NullValueVectorReader;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/// A column's null value vector over mapped memory (`NULV` buffer, see [NullValueVectorWriter]); the bitmap is a
/// zero-copy view. Thread-safe (immutable).
public final class NullValueVectorReaderImpl implements NullValueVectorReader {
  private final ImmutableRoaringBitmap nullDocs;

  public NullValueVectorReaderImpl(DataBuffer buffer) {
    if (buffer.getInt(0) != SegmentFormat.tagValue(SegmentFormat.TAG_NULL_VECTOR)) {
      throw new IllegalStateException("Not a null value vector buffer");
    }
    if (buffer.getInt(4) != SegmentFormat.INDEX_VERSION) {
      throw new IllegalStateException("Unsupported null value vector version " + buffer.getInt(4));
    }
    long size = buffer.size() - NullValueVectorWriter.HEADER_SIZE;
    this.nullDocs = new ImmutableRoaringBitmap(buffer.asByteBuffer(NullValueVectorWriter.HEADER_SIZE, size));
    if (nullDocs.getCardinality() != buffer.getInt(8)) {
      throw new IllegalStateException("Null value vector holds " + nullDocs.getCardinality() + " docs, header says "
          + buffer.getInt(8));
    }
  }

  @Override
  public ImmutableRoaringBitmap nullBitmap() {
    return nullDocs;
  }
}
