// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.filter;

import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/// Set operations on indexed [DocIdSet]s (never [DocIdSet.Scan]). Thread-safe (no state).
final class DocIdSets {
  private DocIdSets() {
  }

  static DocIdSet intersect(DocIdSet a, DocIdSet b, int numDocs) {
    if (a instanceof DocIdSet.Empty || b instanceof DocIdSet.Empty) {
      return new DocIdSet.Empty();
    }
    if (a instanceof DocIdSet.All) {
      return b;
    }
    if (b instanceof DocIdSet.All) {
      return a;
    }
    if (a instanceof DocIdSet.Range ra && b instanceof DocIdSet.Range rb) {
      int start = Math.max(ra.start(), rb.start());
      int end = Math.min(ra.end(), rb.end());
      return start < end ? new DocIdSet.Range(start, end) : new DocIdSet.Empty();
    }
    ImmutableRoaringBitmap result = ImmutableRoaringBitmap.and(toBitmap(a, numDocs), toBitmap(b, numDocs));
    return result.isEmpty() ? new DocIdSet.Empty() : new DocIdSet.Bitmap(result);
  }

  static ImmutableRoaringBitmap toBitmap(DocIdSet set, int numDocs) {
    return switch (set) {
      case DocIdSet.All all -> range(0, numDocs);
      case DocIdSet.Empty empty -> new MutableRoaringBitmap();
      case DocIdSet.Range range -> range(range.start(), range.end());
      case DocIdSet.Bitmap bitmap -> bitmap.bitmap();
      case DocIdSet.Scan scan -> throw new IllegalStateException("A scanned set has no bitmap before it is scanned");
    };
  }

  static MutableRoaringBitmap range(int start, int end) {
    MutableRoaringBitmap bitmap = new MutableRoaringBitmap();
    if (start < end) {
      bitmap.add((long) start, (long) end);
    }
    return bitmap;
  }
}
