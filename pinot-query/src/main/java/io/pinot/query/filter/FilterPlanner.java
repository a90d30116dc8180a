// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.filter;

import io.pinot.query.context.FilterNode;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.Predicate;
import io.pinot.query.context.QueryDeadline;
import io.pinot.query.transform.ExpressionForwardIndex;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.spi.exception.QueryErrorCode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/// Plans a WHERE filter on one segment into a [DocIdSet], using indexes first: a sorted column answers a
/// predicate with doc-id ranges, an inverted index with bitmap unions, and a predicate that matches every
/// or no dictionary value needs no work at all. AND intersects the indexed children and scans the
/// remaining predicates over the candidates only; OR and NOT combine bitmaps (scanning children are
/// materialized first). Entries read by scans are counted for `numEntriesScannedInFilter`.
/// Not thread-safe: one planner per segment execution.
public final class FilterPlanner {

  private final IndexSegment segment;
  private final QueryDeadline deadline;
  private final int numDocs;
  private final List<ScanPredicate> scanPredicates = new ArrayList<>();
  private final @Nullable FilterPlanListener listener;

  public FilterPlanner(IndexSegment segment, QueryDeadline deadline) {
    this(segment, deadline, null);
  }

  /// A planner that reports its decisions to `listener` (for EXPLAIN PLAN), or to nobody when it is null.
  public FilterPlanner(IndexSegment segment, QueryDeadline deadline, @Nullable FilterPlanListener listener) {
    this.segment = segment;
    this.deadline = deadline;
    this.numDocs = segment.numDocs();
    this.listener = listener;
  }

  /// The documents matching the filter (all documents for a null filter).
  public DocIdSet plan(@Nullable FilterNode filter) {
    return filter == null ? new DocIdSet.All(numDocs) : normalize(planNode(filter));
  }

  /// Entries read by all scans planned or run so far.
  public long numEntriesScannedInFilter() {
    long total = 0;
    for (ScanPredicate predicate : scanPredicates) {
      total += predicate.numEntriesScanned();
    }
    return total;
  }

  private DocIdSet planNode(FilterNode node) {
    DocIdSet set = switch (node) {
      case FilterNode.And and -> and(and.children());
      case FilterNode.Or or -> or(or.children());
      case FilterNode.Not not -> not(planNode(not.child()));
      case Predicate predicate -> leaf(predicate);
    };
    if (listener != null) {
      listener.nodePlanned(node, set);
    }
    return set;
  }

  private DocIdSet leaf(Predicate predicate) {
    if (!(predicate.lhs() instanceof Identifier identifier)) {
      return expressionScan(predicate);
    }
    String column = identifier.name();
    DataSource dataSource = segment.dataSource(column);
    if (dataSource == null) {
      throw QueryErrorCode.QUERY_EXECUTION.asException("Column[" + column + "] not found in segment["
          + segment.segmentName() + "]");
    }
    return LeafPlanner.plan(predicate, column, dataSource, numDocs, scanPredicates, listener);
  }

  /// A predicate on a transform expression: a scan of the expression's values, computed for the candidates.
  private DocIdSet expressionScan(Predicate predicate) {
    if (predicate instanceof Predicate.TextMatch || predicate instanceof Predicate.JsonMatch) {
      throw QueryErrorCode.QUERY_VALIDATION.asException(predicate.getClass().getSimpleName()
          + " needs a column, got expression[" + predicate.lhs() + "]");
    }
    ExpressionForwardIndex values = new ExpressionForwardIndex(segment, predicate.lhs());
    ScanPredicate scan = RawScanPredicate.create(predicate, values, values.type(), predicate.lhs().toString());
    scanPredicates.add(scan);
    return new DocIdSet.Scan(new DocIdSet.All(numDocs), List.of(scan));
  }

  private DocIdSet and(List<FilterNode> children) {
    DocIdSet indexed = new DocIdSet.All(numDocs);
    List<ScanPredicate> scans = new ArrayList<>();
    for (FilterNode child : children) {
      DocIdSet set = planNode(child);
      if (set instanceof DocIdSet.Scan scan) {
        indexed = DocIdSets.intersect(indexed, scan.base(), numDocs);
        scans.addAll(scan.predicates());
      } else {
        indexed = DocIdSets.intersect(indexed, set, numDocs);
      }
      if (indexed instanceof DocIdSet.Empty) {
        return indexed;
      }
    }
    return scans.isEmpty() ? indexed : new DocIdSet.Scan(indexed, scans);
  }

  private DocIdSet or(List<FilterNode> children) {
    List<DocIdSet> sets = new ArrayList<>(children.size());
    for (FilterNode child : children) {
      DocIdSet set = planNode(child);
      if (set instanceof DocIdSet.All) {
        return set;
      }
      sets.add(set);
    }
    MutableRoaringBitmap union = new MutableRoaringBitmap();
    for (DocIdSet set : sets) {
      union.or(bitmap(set));
    }
    return normalize(new DocIdSet.Bitmap(union));
  }

  private DocIdSet not(DocIdSet child) {
    return switch (child) {
      case DocIdSet.All all -> new DocIdSet.Empty();
      case DocIdSet.Empty empty -> new DocIdSet.All(numDocs);
      default -> {
        MutableRoaringBitmap flipped = bitmap(child).toMutableRoaringBitmap();
        flipped.flip(0L, numDocs);
        yield normalize(new DocIdSet.Bitmap(flipped));
      }
    };
  }

  /// The set as a bitmap, running its scans when it has any.
  private ImmutableRoaringBitmap bitmap(DocIdSet set) {
    if (set instanceof DocIdSet.Scan) {
      MutableRoaringBitmap result = new MutableRoaringBitmap();
      DocIdIterator iterator = DocIdIterator.of(set, deadline);
      int[] buffer = new int[DocIdIterator.BLOCK_SIZE];
      int n;
      while ((n = iterator.next(buffer, buffer.length)) > 0) {
        result.addN(buffer, 0, n);
      }
      return result;
    }
    return DocIdSets.toBitmap(set, numDocs);
  }

  private DocIdSet normalize(DocIdSet set) {
    if (set instanceof DocIdSet.Bitmap bitmap) {
      long cardinality = bitmap.bitmap().getLongCardinality();
      if (cardinality == 0) {
        return new DocIdSet.Empty();
      }
      if (cardinality == numDocs) {
        return new DocIdSet.All(numDocs);
      }
    }
    if (set instanceof DocIdSet.Range range) {
      if (range.start() >= range.end()) {
        return new DocIdSet.Empty();
      }
      if (range.start() == 0 && range.end() == numDocs) {
        return new DocIdSet.All(numDocs);
      }
    }
    return set;
  }
}
