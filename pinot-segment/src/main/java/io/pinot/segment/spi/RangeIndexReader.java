// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.spi;

import org.jspecify.annotations.Nullable;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/// Range index of a single-value column: answers "which documents have a value id in `[startId, endId)`" with
/// bitmaps, without reading the forward index.
///
/// For a dictionary-encoded column the ids are the column's dictionary ids. For a raw numeric column the index
/// carries its own sorted distinct values ([#valueDictionary()]) and the ids are positions in it, so a planner
/// maps predicate bounds to ids with [Dictionary#insertionIndexOf] either way. Bitmaps returned may be fresh or
/// views over mapped memory; callers must not keep them past the segment's life. Thread-safe.
public interface RangeIndexReader {
  /// Number of distinct ids (the dictionary's cardinality, or the raw column's number of distinct values).
  int cardinality();

  /// The documents whose value id is in `[startId, endId)` (empty when the range is empty).
  ImmutableRoaringBitmap docIdsInIdRange(int startId, int endId);

  /// The sorted distinct values the ids refer to for a raw column; null for a dictionary column (use its
  /// dictionary).
  @Nullable Dictionary valueDictionary();
}
