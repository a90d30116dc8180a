// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.filter;

import io.pinot.segment.spi.RangeIndexReader;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/// Answers a predicate matching a few runs of contiguous dictionary ids (`DATETRUNC('DAY', ts) IN (d1, d5)` on a
/// timestamp index's derived column, which has a range index and no inverted index) with one range-index lookup per
/// run instead of a scan. Thread-safe (no state).
final class RangeIndexRuns {
  /// Beyond this many runs of ids a scan is assumed cheaper (each run costs a few bitmap operations per slice).
  static final int MAX_RUNS = 8;

  private RangeIndexRuns() {
  }

  /// The matching documents (the complement for an exclusive predicate), or null when the ids form more than
  /// [#MAX_RUNS] runs.
  static DocIdSet.@Nullable Bitmap plan(RangeIndexReader rangeIndex, DictIdMatch match, boolean exclusive,
      int numDocs) {
    int[] ids = match.ids();
    int runs = 0;
    for (int i = 0; i < ids.length; i++) {
      if (i == 0 || ids[i] != ids[i - 1] + 1) {
        if (++runs > MAX_RUNS) {
          return null;
        }
      }
    }
    MutableRoaringBitmap union = new MutableRoaringBitmap();
    int start = 0;
    for (int i = 1; i <= ids.length; i++) {
      if (i == ids.length || ids[i] != ids[i - 1] + 1) {
        union.or(rangeIndex.docIdsInIdRange(ids[start], ids[i - 1] + 1));
        start = i;
      }
    }
    if (exclusive) {
      union.flip(0L, numDocs);
    }
    return new DocIdSet.Bitmap(union);
  }
}
