// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.runtime;

import io.pinot.segment.spi.ForwardingIndexSegment;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.segment.spi.startree.StarTreeV2;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/// Upsert and dedup tables in the single-stage engine: each segment that has valid doc ids is seen by one query
/// through a view that fixes its queryable documents once (a copy taken when the query starts, so that every filter
/// the query plans on the segment sees the same documents while the consuming thread keeps updating the bitmaps).
/// The filter planner ANDs them into every filter ([io.pinot.query.filter.FilterPlanner]), which also keeps the
/// `count(*)` and min/max metadata shortcuts and index-only counts honest; a view hides the segment's star-trees.
/// With the query option `skipUpsert=true` the view has no queryable documents, so every version (deletes included)
/// is returned, as in Pinot. Stateless; the views are thread-safe and owned by the query.
final class UpsertQueryView {
  private UpsertQueryView() {
  }

  /// The segments as the query sees them (the same list when none has valid doc ids).
  static List<IndexSegment> apply(List<IndexSegment> segments, boolean skipUpsert) {
    List<IndexSegment> viewed = null;
    for (int i = 0; i < segments.size(); i++) {
      IndexSegment segment = segments.get(i);
      if (segment.validDocIds() != null) {
        if (viewed == null) {
          viewed = new ArrayList<>(segments);
        }
        viewed.set(i, new View(segment, skipUpsert ? null : segment.queryableDocIds()));
      }
    }
    return viewed == null ? segments : viewed;
  }

  /// The number of documents of a segment a query may see.
  static int numQueryableDocs(IndexSegment segment) {
    ImmutableRoaringBitmap queryable = segment.queryableDocIds();
    int numDocs = segment.numDocs();
    return queryable == null ? numDocs : (int) queryable.rangeCardinality(0, numDocs);
  }

  /// A segment whose queryable documents are fixed for one query (null: all documents).
  private static final class View extends ForwardingIndexSegment {
    private final @Nullable ImmutableRoaringBitmap queryable;

    View(IndexSegment segment, @Nullable ImmutableRoaringBitmap queryable) {
      super(segment);
      this.queryable = queryable;
    }

    @Override
    public List<StarTreeV2> starTrees() {
      return queryable == null ? delegate().starTrees() : List.of();
    }

    @Override
    public @Nullable ImmutableRoaringBitmap queryableDocIds() {
      return queryable;
    }
  }
}
