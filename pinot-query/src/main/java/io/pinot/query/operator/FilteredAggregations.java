// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.operator;

import io.pinot.query.context.Expression;
import io.pinot.query.context.FilterNode;
import io.pinot.query.context.FunctionCall;
import io.pinot.query.context.Predicate;
import io.pinot.query.context.QueryContext;
import io.pinot.query.context.QueryDeadline;
import io.pinot.query.filter.DocIdIterator;
import io.pinot.query.filter.DocIdSet;
import io.pinot.query.filter.FilterPlanner;
import io.pinot.query.filter.NullBitmaps;
import io.pinot.query.function.AggregationFunction;
import io.pinot.query.function.AggregationFunctions;
import io.pinot.query.function.FilteredAggregationFunction;
import io.pinot.query.function.NullSkippingFunction;
import io.pinot.query.function.ResultHolder;
import io.pinot.query.reduce.AggregationResult;
import io.pinot.query.reduce.GroupByResult;
import io.pinot.segment.spi.IndexSegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// Runs aggregations and GROUP BYs with `FILTER (WHERE ...)` clauses ([FilteredAggregationFunction]) on one segment:
/// one pass per distinct aggregation filter over the documents matching the query's filter AND that filter (planned
/// by the regular [FilterPlanner], so indexes apply), plus a pass over the query's filter for the plain functions
/// (and, for GROUP BY, for the groups, which come from the query's filter alone). A pass feeds only its functions;
/// the other functions' holders stay at their identity, which merges as nothing. Statistics count the documents of
/// the plain pass and of every FILTER clause pass; the passes that only skip nulls (`enableNullHandling`) are not
/// counted, and the plain pass always runs then, so `numDocsScanned` is the number of documents the query's filter
/// matched, as Pinot reports it. Thread-safe (no state).
public final class FilteredAggregations {
  private FilteredAggregations() {
  }

  /// Whether the query has an aggregation with its own filter (a FILTER clause, or null skipping).
  public static boolean applies(QueryContext query) {
    for (AggregationFunction function : query.aggregations()) {
      if (function instanceof FilteredAggregationFunction || function instanceof NullSkippingFunction) {
        return true;
      }
    }
    return false;
  }

  /// The aggregation functions by their own filter in this segment (null for plain functions), in first-use order.
  private static Map<@Nullable FilterNode, List<Integer>> byFilter(List<AggregationFunction> functions,
      boolean groupBy, IndexSegment segment) {
    Map<@Nullable FilterNode, List<Integer>> passes = new LinkedHashMap<>();
    if (groupBy) {
      passes.put(null, new ArrayList<>());
    }
    for (int i = 0; i < functions.size(); i++) {
      passes.computeIfAbsent(ownFilter(functions.get(i), segment), f -> new ArrayList<>()).add(i);
    }
    return passes;
  }

  /// A function's own filter in a segment: its FILTER clause and, for null skipping, `argument IS NOT NULL` for
  /// each argument that is null somewhere in the segment.
  private static @Nullable FilterNode ownFilter(AggregationFunction function, IndexSegment segment) {
    return switch (function) {
      case FilteredAggregationFunction filtered -> filtered.filter();
      case NullSkippingFunction skipping -> {
        FilterNode own = ownFilter(skipping.inner(), segment);
        for (Expression argument : skipping.arguments()) {
          if (NullBitmaps.ofExpression(segment, argument) != null) {
            own = and(own, new Predicate.Eq(new FunctionCall("isnotnull", List.of(argument)), "true"));
          }
        }
        yield own;
      }
      default -> null;
    };
  }

  private static @Nullable FilterNode and(@Nullable FilterNode main, @Nullable FilterNode own) {
    if (own == null) {
      return main;
    }
    return main == null ? own : new FilterNode.And(List.of(main, own));
  }

  /// Holders and argument slots for every function; only `active` ones get slots (-1 otherwise).
  private static ResultHolder[] holders(List<AggregationFunction> functions, List<Integer> active,
      ProjectionBlock block, int capacity, int[] slots) {
    ResultHolder[] holders = new ResultHolder[functions.size()];
    for (int i = 0; i < holders.length; i++) {
      AggregationFunction function = functions.get(i);
      holders[i] = function.createHolder(capacity);
      slots[i] = -1;
      if (active.contains(i)) {
        slots[i] = function.readsArgument() ? block.slot(function.argument()) : -1;
        AggregationFunctions.bindExtraSlots(function, holders[i], block::slot);
      }
    }
    return holders;
  }

  public static void aggregate(QueryContext query, IndexSegment segment, QueryDeadline deadline,
      AggregationResult into, SegmentStats stats) {
    List<AggregationFunction> functions = query.aggregations();
    FilterPlanner planner = new FilterPlanner(segment, deadline, query.nullHandlingEnabled());
    long numDocsScanned = 0;
    long numEntries = 0;
    Map<@Nullable FilterNode, List<Integer>> passes = byFilter(functions, query.nullHandlingEnabled(), segment);
    for (Map.Entry<@Nullable FilterNode, List<Integer>> pass : passes.entrySet()) {
      DocIdSet docs = planner.plan(and(query.filter(), pass.getKey()));
      if (docs instanceof DocIdSet.Empty) {
        continue;
      }
      if (pass.getValue().isEmpty() && docs.isIndexed()) {
        numDocsScanned += docs.cardinality();
        continue;
      }
      ProjectionBlock block = new ProjectionBlock(segment, query.nullHandlingEnabled());
      int[] slots = new int[functions.size()];
      ResultHolder[] holders = holders(functions, pass.getValue(), block, 1, slots);
      DocIdIterator iterator = DocIdIterator.of(docs, deadline);
      int[] docIds = new int[DocIdIterator.BLOCK_SIZE];
      long passDocs = 0;
      int n;
      while ((n = iterator.next(docIds, docIds.length)) > 0) {
        deadline.check();
        block.setDocIds(docIds, n);
        for (int i : pass.getValue()) {
          holders[i].aggregate(block, slots[i], n);
        }
        passDocs += n;
      }
      for (int i : pass.getValue()) {
        if (slots[i] >= 0) {
          holders[i].finishSegment(block, slots[i], 1);
        }
        into.holder(i).merge(0, holders[i], 0);
      }
      numDocsScanned += counted(pass.getKey(), pass.getValue(), functions) ? passDocs : 0;
      numEntries += passDocs * block.numColumns();
    }
    stats.addSegment(numDocsScanned, planner.numEntriesScannedInFilter(), numEntries);
  }

  /// Whether a pass's documents count as scanned: the plain pass and those of FILTER clauses, not null skipping's.
  private static boolean counted(@Nullable FilterNode own, List<Integer> active, List<AggregationFunction> functions) {
    if (own == null) {
      return true;
    }
    for (int i : active) {
      AggregationFunction function = functions.get(i);
      if (function instanceof FilteredAggregationFunction || function instanceof NullSkippingFunction skipping
          && skipping.inner() instanceof FilteredAggregationFunction) {
        return true;
      }
    }
    return false;
  }

  public static void groupBy(QueryContext query, IndexSegment segment, QueryDeadline deadline, int numGroupsLimit,
      GroupByResult into, SegmentStats stats) {
    List<AggregationFunction> functions = query.aggregations();
    FilterPlanner planner = new FilterPlanner(segment, deadline, query.nullHandlingEnabled());
    long numDocsScanned = 0;
    long numEntries = 0;
    for (Map.Entry<@Nullable FilterNode, List<Integer>> pass : byFilter(functions, true, segment).entrySet()) {
      DocIdSet docs = planner.plan(and(query.filter(), pass.getKey()));
      if (docs instanceof DocIdSet.Empty) {
        continue;
      }
      ProjectionBlock block = new ProjectionBlock(segment, query.nullHandlingEnabled());
      long passDocs = groupByPass(new GroupByTarget(query, segment, deadline, numGroupsLimit, into, stats), docs,
          block, pass.getValue());
      numDocsScanned += counted(pass.getKey(), pass.getValue(), functions) ? passDocs : 0;
      numEntries += passDocs * block.numColumns();
    }
    stats.addSegment(numDocsScanned, planner.numEntriesScannedInFilter(), numEntries);
  }

  /// What a GROUP BY pass runs on and merges into.
  private record GroupByTarget(QueryContext query, IndexSegment segment, QueryDeadline deadline, int numGroupsLimit,
      GroupByResult into, SegmentStats stats) {
  }

  /// One GROUP BY pass: the functions `active` over `docs`; returns the number of documents read.
  private static long groupByPass(GroupByTarget target, DocIdSet docs, ProjectionBlock block, List<Integer> active) {
    QueryContext query = target.query();
    QueryDeadline deadline = target.deadline();
    GroupByResult into = target.into();
    List<Expression> groupBy = query.groupByExpressions();
    int[] keySlots = new int[groupBy.size()];
    for (int i = 0; i < keySlots.length; i++) {
      keySlots[i] = block.slot(groupBy.get(i));
    }
    List<AggregationFunction> functions = query.aggregations();
    int[] slots = new int[functions.size()];
    ResultHolder[] holders = holders(functions, active, block, 256, slots);
    GroupKeyGenerator keys = new GroupKeyGenerator(block, keySlots, target.segment().numDocs(),
        target.numGroupsLimit(), GroupKeyGenerator.keyNulls(query, target.segment()));
    DocIdIterator iterator = DocIdIterator.of(docs, deadline);
    int[] docIds = new int[DocIdIterator.BLOCK_SIZE];
    int[] groupIds = new int[DocIdIterator.BLOCK_SIZE];
    int[] offsets = new int[DocIdIterator.BLOCK_SIZE + 1];
    long numDocsScanned = 0;
    int n;
    while ((n = iterator.next(docIds, docIds.length)) > 0) {
      deadline.check();
      block.setDocIds(docIds, n);
      boolean multiValue = keys.hasMultiValue();
      if (multiValue) {
        groupIds = keys.generateMultiValue(n, offsets, groupIds);
      } else {
        keys.generate(n, groupIds);
      }
      for (ResultHolder holder : holders) {
        holder.ensureCapacity(keys.numGroupIds());
      }
      for (int i : active) {
        if (multiValue) {
          holders[i].aggregateGroupByMultiValue(block, slots[i], n, offsets, groupIds);
        } else {
          holders[i].aggregateGroupBy(block, slots[i], n, groupIds);
        }
      }
      numDocsScanned += n;
    }
    int numGroups = keys.numGroups();
    for (int i : active) {
      if (slots[i] >= 0) {
        holders[i].finishSegment(block, slots[i], numGroups);
      }
    }
    GroupByOperator.mergeSegmentGroups(keys, numGroups, holders, into);
    if (keys.limitReached()) {
      target.stats().setNumGroupsLimitReached();
    }
    return numDocsScanned;
  }
}
