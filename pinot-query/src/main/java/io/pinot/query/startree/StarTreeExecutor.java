// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.startree;

import io.pinot.query.context.QueryContext;
import io.pinot.query.context.QueryDeadline;
import io.pinot.query.filter.DocIdIterator;
import io.pinot.query.function.AggregationFunction;
import io.pinot.query.function.MetadataAggregation;
import io.pinot.query.function.ResultHolder;
import io.pinot.query.operator.SegmentStats;
import io.pinot.query.reduce.AggregationResult;
import io.pinot.query.reduce.GroupByResult;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.segment.spi.startree.AggregationFunctionColumnPair;
import io.pinot.segment.spi.startree.StarTreeV2;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.roaringbitmap.BatchIterator;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/// Runs aggregation and group-by queries on a segment's star-tree when one fits ([StarTreePlanner]): the tree is
/// traversed ([StarTreeTraversal]), predicates left open at leaves are checked on the collected documents, and the
/// pre-aggregated values are folded into the query's result holders through
/// [ResultHolder#aggregateGroupByPreAggregated] (each document counting for its `count__*` rows). Results equal
/// those of the regular plan; `numDocsScanned` counts the star-tree documents aggregated, as in Pinot.
///
/// The query option `useStarTree=false` (Pinot's) turns the star-tree off. As in Pinot, an unfiltered aggregation
/// that segment metadata answers does not use the star-tree. Thread-safe (no state).
public final class StarTreeExecutor {
  /// Pinot's query option; `false` disables star-trees.
  public static final String USE_STAR_TREE = "useStarTree";

  private StarTreeExecutor() {
  }

  /// Whether the (canonicalized) query options allow star-trees: unless `useStarTree` is `false`.
  public static boolean enabled(Map<String, String> options) {
    String value = options.get(USE_STAR_TREE);
    return value == null || !value.trim().equalsIgnoreCase("false");
  }

  /// Whether [#aggregate] (a query without GROUP BY) or [#groupBy] would answer the query from a star-tree of the
  /// segment; for EXPLAIN PLAN (`FILTER_STARTREE_INDEX`). Plans the tree as the query would, without running it.
  public static boolean answers(QueryContext query, IndexSegment segment, QueryDeadline deadline) {
    if (query.groupByExpressions().isEmpty() && query.filter() == null
        && MetadataAggregation.canAnswer(query.aggregations(), segment)) {
      return false;
    }
    return StarTreePlanner.plan(query, segment, deadline) != null;
  }

  /// Runs an aggregation without GROUP BY on the segment's star-tree when one fits.
  ///
  /// @return false (having done nothing) when no star-tree fits
  public static boolean aggregate(QueryContext query, IndexSegment segment, QueryDeadline deadline,
      AggregationResult into, SegmentStats stats) {
    if (query.filter() == null && MetadataAggregation.canAnswer(query.aggregations(), segment)) {
      return false;
    }
    StarTreePlan plan = StarTreePlanner.plan(query, segment, deadline);
    if (plan == null) {
      return false;
    }
    if (plan.empty()) {
      stats.addSegment(0, 0, 0);
      return true;
    }
    Scan scan = new Scan(plan, segment, query.aggregations(), deadline, null);
    scan.run();
    for (int i = 0; i < scan.holders.length; i++) {
      into.holder(i).merge(0, scan.holders[i], 0);
    }
    scan.report(stats);
    return true;
  }

  /// Runs a GROUP BY on the segment's star-tree when one fits, with at most `numGroupsLimit` groups.
  ///
  /// @return false (having done nothing) when no star-tree fits
  public static boolean groupBy(QueryContext query, IndexSegment segment, QueryDeadline deadline, int numGroupsLimit,
      GroupByResult into, SegmentStats stats) {
    StarTreePlan plan = StarTreePlanner.plan(query, segment, deadline);
    if (plan == null) {
      return false;
    }
    if (plan.empty()) {
      stats.addSegment(0, 0, 0);
      return true;
    }
    StarTreeV2 tree = plan.starTree();
    List<String> dimensions = tree.metadata().dimensionsSplitOrder();
    ForwardIndexReader[] keyReaders = new ForwardIndexReader[plan.groupByDimensions().length];
    for (int i = 0; i < keyReaders.length; i++) {
      keyReaders[i] = tree.forwardIndex(dimensions.get(plan.groupByDimensions()[i]));
    }
    StarTreeGroupKeys keys = new StarTreeGroupKeys(keyReaders, plan.groupByDictionaries(), numGroupsLimit,
        DocIdIterator.BLOCK_SIZE);
    Scan scan = new Scan(plan, segment, query.aggregations(), deadline, keys);
    scan.run();
    int numGroups = keys.numGroups();
    into.expectGroups(numGroups);
    if (into.hasLongKeys()) {
      for (int g = 0; g < numGroups; g++) {
        into.mergeGroupOfLong(keys.keyLong(g), scan.holders, g);
      }
    } else {
      for (int g = 0; g < numGroups; g++) {
        into.mergeGroup(keys.keyValues(g), scan.holders, g);
      }
    }
    if (keys.limitReached()) {
      stats.setNumGroupsLimitReached();
    }
    scan.report(stats);
    return true;
  }

  /// One pass over the star-tree documents a plan selects, aggregating into per-segment holders.
  private static final class Scan {
    private final StarTreePlan plan;
    private final QueryDeadline deadline;
    private final @Nullable StarTreeGroupKeys keys;
    private final ResultHolder[] holders;
    private final int[] slots;
    private final StarTreeBlock block;
    private final int numColumns;
    private long numDocsScanned;
    private long numEntriesScannedInFilter;

    Scan(StarTreePlan plan, IndexSegment segment, List<AggregationFunction> functions, QueryDeadline deadline,
        @Nullable StarTreeGroupKeys keys) {
      this.plan = plan;
      this.deadline = deadline;
      this.keys = keys;
      this.holders = new ResultHolder[functions.size()];
      this.slots = new int[functions.size()];
      Map<String, Integer> slotOfColumn = new LinkedHashMap<>();
      List<ForwardIndexReader> readers = new ArrayList<>();
      List<Dictionary> dictionaries = new ArrayList<>();
      for (int i = 0; i < holders.length; i++) {
        holders[i] = functions.get(i).createHolder(keys == null ? 1 : 256);
        String column = plan.metricColumns()[i];
        slots[i] = column == null ? -1 : slotOfColumn.computeIfAbsent(column, c -> {
          readers.add(plan.starTree().forwardIndex(c));
          dictionaries.add(readers.getLast().dictionaryEncoded()
              ? segment.dataSource(AggregationFunctionColumnPair.fromColumnName(c).column()).dictionary() : null);
          return readers.size() - 1;
        });
      }
      this.block = new StarTreeBlock(readers.toArray(new ForwardIndexReader[0]),
          dictionaries.toArray(new Dictionary[0]));
      this.numColumns = 1 + readers.size() + (keys == null ? 0 : plan.groupByDimensions().length);
    }

    void run() {
      StarTreeTraversal traversal = new StarTreeTraversal(plan.starTree().tree(), plan.predicateLookups(),
          plan.predicateIds(), deadline);
      MutableRoaringBitmap docs = traversal.traverse(plan.predicateMask(), plan.groupByMask());
      List<String> dimensions = plan.starTree().metadata().dimensionsSplitOrder();
      long remaining = traversal.remainingPredicateMask();
      int[] filterDimensions = new int[Long.bitCount(remaining)];
      ForwardIndexReader[] filterReaders = new ForwardIndexReader[filterDimensions.length];
      for (int i = 0, d = 0; d < dimensions.size(); d++) {
        if ((remaining & (1L << d)) != 0) {
          filterDimensions[i] = d;
          filterReaders[i++] = plan.starTree().forwardIndex(dimensions.get(d));
        }
      }
      int blockSize = DocIdIterator.BLOCK_SIZE;
      int[] docIds = new int[blockSize];
      int[] dictIds = new int[blockSize];
      long[] counts = new long[blockSize];
      int[] groupIds = new int[blockSize];
      BatchIterator iterator = docs.getBatchIterator();
      while (iterator.hasNext()) {
        int n = iterator.nextBatch(docIds);
        deadline.check();
        for (int f = 0; f < filterReaders.length && n > 0; f++) {
          filterReaders[f].readDictIds(docIds, n, dictIds);
          numEntriesScannedInFilter += n;
          n = keepMatching(docIds, n, dictIds, plan.predicateLookups()[filterDimensions[f]]);
        }
        if (n > 0) {
          aggregate(docIds, n, counts, groupIds);
        }
      }
      int numGroups = keys == null ? 1 : keys.numGroups();
      for (int i = 0; i < holders.length; i++) {
        if (slots[i] >= 0) {
          holders[i].finishSegment(block, slots[i], numGroups);
        }
      }
    }

    private static int keepMatching(int[] docIds, int length, int[] dictIds, boolean[] lookup) {
      int kept = 0;
      for (int i = 0; i < length; i++) {
        if (lookup[dictIds[i]]) {
          docIds[kept++] = docIds[i];
        }
      }
      return kept;
    }

    private void aggregate(int[] docIds, int n, long[] counts, int[] groupIds) {
      plan.count().readLongValues(docIds, n, counts);
      block.setDocIds(docIds, n);
      if (keys != null) {
        keys.generate(docIds, n, groupIds);
        for (ResultHolder holder : holders) {
          holder.ensureCapacity(keys.numGroupIds());
        }
      }
      for (int i = 0; i < holders.length; i++) {
        holders[i].aggregateGroupByPreAggregated(block, slots[i], counts, n, groupIds);
      }
      numDocsScanned += n;
    }

    void report(SegmentStats stats) {
      stats.addSegment(numDocsScanned, numEntriesScannedInFilter, numDocsScanned * numColumns);
    }
  }
}
