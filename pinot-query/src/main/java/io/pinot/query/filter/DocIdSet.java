// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.filter;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/// The documents of one segment that match a filter, as planned: everything, nothing, a contiguous range
/// (sorted index), a bitmap (inverted index, or materialized), or a base set still to be narrowed by
/// scanning predicates block by block. Immutable once built.
public sealed interface DocIdSet {
  /// Whether the set is known without scanning (so its size is [#cardinality()]).
  default boolean isIndexed() {
    return !(this instanceof Scan);
  }

  /// The number of documents; only for [#isIndexed()] sets.
  long cardinality();

  /// All documents `[0, numDocs)`.
  record All(int numDocs) implements DocIdSet {
    @Override
    public long cardinality() {
      return numDocs;
    }
  }

  /// No document.
  record Empty() implements DocIdSet {
    @Override
    public long cardinality() {
      return 0;
    }
  }

  /// Documents `[start, end)`.
  record Range(int start, int end) implements DocIdSet {
    @Override
    public long cardinality() {
      return end - start;
    }
  }

  /// The documents of a bitmap.
  record Bitmap(ImmutableRoaringBitmap bitmap) implements DocIdSet {
    public Bitmap {
      requireNonNull(bitmap, "bitmap is null");
    }

    @Override
    public long cardinality() {
      return bitmap.getLongCardinality();
    }
  }

  /// The documents of `base` (never a Scan) that pass every predicate, in order.
  record Scan(DocIdSet base, List<ScanPredicate> predicates) implements DocIdSet {
    public Scan {
      requireNonNull(base, "base is null");
      predicates = List.copyOf(predicates);
    }

    @Override
    public long cardinality() {
      throw new IllegalStateException("The size of a scanned set is unknown until scanned");
    }
  }
}
