// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.filter;

import io.pinot.query.context.Expression;
import io.pinot.query.context.Expressions;
import io.pinot.query.context.FilterNode;
import io.pinot.query.context.FunctionCall;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.Predicate;
import io.pinot.query.context.QueryDeadline;
import io.pinot.query.transform.ExpressionForwardIndex;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.spi.exception.QueryErrorCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/// Plans a WHERE filter on one segment into a [DocIdSet], using indexes first: a sorted column answers a
/// predicate with doc-id ranges, an inverted index with bitmap unions, and a predicate that matches every
/// or no dictionary value needs no work at all. AND intersects the indexed children and scans the
/// remaining predicates over the candidates only; OR and NOT combine bitmaps (scanning children are
/// materialized first). Entries read by scans are counted for `numEntriesScannedInFilter`. `IS [NOT] NULL` on a
/// column reads its null value vector. Under the `enableNullHandling` query option the filter follows SQL's
/// three-valued logic: NOT is pushed down to the predicates (De Morgan), and a predicate, negated or not, matches no
/// document where its value is null (unknown is not true). Not thread-safe: one planner per segment execution.
public final class FilterPlanner {

  private final IndexSegment segment;
  private final QueryDeadline deadline;
  private final int numDocs;
  private final List<ScanPredicate> scanPredicates = new ArrayList<>();
  private final @Nullable FilterPlanListener listener;
  private final boolean nullHandling;
  /// Upsert: the documents the query may see (null: all), ANDed into every filter.
  private final @Nullable DocIdSet queryable;

  public FilterPlanner(IndexSegment segment, QueryDeadline deadline) {
    this(segment, deadline, null, false);
  }

  /// A planner with three-valued logic when `nullHandling` (the query's `enableNullHandling`).
  public FilterPlanner(IndexSegment segment, QueryDeadline deadline, boolean nullHandling) {
    this(segment, deadline, null, nullHandling);
  }

  /// A planner that reports its decisions to `listener` (for EXPLAIN PLAN), or to nobody when it is null.
  public FilterPlanner(IndexSegment segment, QueryDeadline deadline, @Nullable FilterPlanListener listener,
      boolean nullHandling) {
    this.segment = segment;
    this.deadline = deadline;
    this.numDocs = segment.numDocs();
    this.listener = listener;
    this.nullHandling = nullHandling;
    ImmutableRoaringBitmap queryableDocIds = segment.queryableDocIds();
    this.queryable = queryableDocIds == null ? null : queryableDocs(queryableDocIds);
  }

  /// The documents matching the filter (all documents for a null filter), among the segment's queryable documents
  /// ([IndexSegment#queryableDocIds()]: upsert tables).
  public DocIdSet plan(@Nullable FilterNode filter) {
    DocIdSet set = filter == null ? new DocIdSet.All(numDocs) : normalize(planNode(filter, false));
    if (queryable == null) {
      return set;
    }
    if (set instanceof DocIdSet.Scan scan) {
      DocIdSet base = DocIdSets.intersect(scan.base(), queryable, numDocs);
      return base instanceof DocIdSet.Empty ? base : new DocIdSet.Scan(base, scan.predicates());
    }
    return normalize(DocIdSets.intersect(set, queryable, numDocs));
  }

  /// The queryable documents below `numDocs` (a consuming segment's bitmap may already hold later documents).
  private DocIdSet queryableDocs(ImmutableRoaringBitmap docs) {
    if (!docs.isEmpty() && docs.last() >= numDocs) {
      MutableRoaringBitmap bounded = docs.toMutableRoaringBitmap();
      bounded.remove(numDocs, (long) docs.last() + 1);
      docs = bounded;
    }
    return normalize(new DocIdSet.Bitmap(docs));
  }

  /// Entries read by all scans planned or run so far.
  public long numEntriesScannedInFilter() {
    long total = 0;
    for (ScanPredicate predicate : scanPredicates) {
      total += predicate.numEntriesScanned();
    }
    return total;
  }

  /// The documents where `node` (`NOT node` when `negated`, which only three-valued planning uses) is true.
  private DocIdSet planNode(FilterNode node, boolean negated) {
    DocIdSet set = switch (node) {
      case FilterNode.And and -> negated ? or(and.children(), true) : and(and.children(), false);
      case FilterNode.Or or -> negated ? and(or.children(), true) : or(or.children(), false);
      case FilterNode.Not not -> nullHandling ? planNode(not.child(), !negated) : not(planNode(not.child(), false));
      case Predicate predicate -> nullHandling ? valuedLeaf(predicate, negated) : leaf(predicate);
    };
    if (listener != null) {
      listener.nodePlanned(node, set);
    }
    return set;
  }

  /// A predicate under three-valued logic: true where it (or its negation) holds and its value is not null.
  private DocIdSet valuedLeaf(Predicate predicate, boolean negated) {
    DocIdSet set = leaf(predicate);
    if (negated) {
      set = not(set);
    }
    ImmutableRoaringBitmap nulls = NullBitmaps.ofExpression(segment, predicate.lhs());
    if (nulls == null) {
      return set;
    }
    DocIdSet notNull = new DocIdSet.Bitmap(NullBitmaps.complement(nulls, numDocs));
    if (set instanceof DocIdSet.Scan scan) {
      return new DocIdSet.Scan(DocIdSets.intersect(scan.base(), notNull, numDocs), scan.predicates());
    }
    return normalize(DocIdSets.intersect(set, notNull, numDocs));
  }

  private DocIdSet leaf(Predicate predicate) {
    Expression tested = NullBitmaps.testedExpression(predicate);
    if (tested instanceof Identifier || tested != null && nullHandling) {
      return nullTest(tested, ((FunctionCall) predicate.lhs()).name().equals("isnull"));
    }
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

  /// `x IS NULL` (or `IS NOT NULL`) from the null value vectors of the columns `x` reads (see [NullBitmaps]).
  private DocIdSet nullTest(Expression tested, boolean isNull) {
    Set<String> columns = new HashSet<>();
    Expressions.collectColumns(tested, columns);
    for (String column : columns) {
      if (segment.dataSource(column) == null) {
        throw QueryErrorCode.QUERY_EXECUTION.asException("Column[" + column + "] not found in segment["
            + segment.segmentName() + "]");
      }
    }
    ImmutableRoaringBitmap nulls = NullBitmaps.ofExpression(segment, tested);
    if (nulls == null) {
      return isNull ? new DocIdSet.Empty() : new DocIdSet.All(numDocs);
    }
    return normalize(new DocIdSet.Bitmap(isNull ? nulls : NullBitmaps.complement(nulls, numDocs)));
  }

  /// A predicate on a transform expression: a scan of the expression's values, computed for the candidates.
  private DocIdSet expressionScan(Predicate predicate) {
    if (predicate instanceof Predicate.TextMatch || predicate instanceof Predicate.JsonMatch) {
      throw QueryErrorCode.QUERY_VALIDATION.asException(predicate.getClass().getSimpleName()
          + " needs a column, got expression[" + predicate.lhs() + "]");
    }
    ExpressionForwardIndex values = new ExpressionForwardIndex(segment, predicate.lhs(), nullHandling);
    ScanPredicate scan = RawScanPredicate.create(predicate, values, values.type(), predicate.lhs().toString());
    scanPredicates.add(scan);
    return new DocIdSet.Scan(new DocIdSet.All(numDocs), List.of(scan));
  }

  private DocIdSet and(List<FilterNode> children, boolean negated) {
    DocIdSet indexed = new DocIdSet.All(numDocs);
    List<ScanPredicate> scans = new ArrayList<>();
    for (FilterNode child : children) {
      DocIdSet set = planNode(child, negated);
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

  private DocIdSet or(List<FilterNode> children, boolean negated) {
    List<DocIdSet> sets = new ArrayList<>(children.size());
    for (FilterNode child : children) {
      DocIdSet set = planNode(child, negated);
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
