// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.spi;

import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/// Bitmap inverted index: for each dictionary id, the documents holding that value (for multi-value
/// columns, the documents holding it among their values). Bitmaps are views over mapped memory; callers
/// must not keep them past the segment's life. Thread-safe.
public interface InvertedIndexReader {
  ImmutableRoaringBitmap docIds(int dictId);
}
