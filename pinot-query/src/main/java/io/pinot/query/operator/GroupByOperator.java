// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.operator;

import io.pinot.query.context.Expression;
import io.pinot.query.context.QueryContext;
import io.pinot.query.context.QueryDeadline;
import io.pinot.query.filter.DocIdIterator;
import io.pinot.query.filter.DocIdSet;
import io.pinot.query.filter.FilterPlanner;
import io.pinot.query.function.AggregationFunction;
import io.pinot.query.function.AggregationFunctions;
import io.pinot.query.function.ResultHolder;
import io.pinot.query.reduce.GlobalDictionary;
import io.pinot.query.reduce.GroupByResult;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.IndexSegment;
import java.util.List;

/// Runs a GROUP BY on one segment: dictionary-id group keys per block ([GroupKeyGenerator]), aggregation
/// into array-indexed holders, then the segment's groups (decoded to values) merged into the worker's
/// [GroupByResult]. At most `numGroupsLimit` groups per segment, as Pinot. Thread-safe (no state).
public final class GroupByOperator {
  private GroupByOperator() {
  }

  public static void execute(QueryContext query, IndexSegment segment, QueryDeadline deadline, int numGroupsLimit,
      GroupByResult into, SegmentStats stats) {
    if (FilteredAggregations.applies(query)) {
      FilteredAggregations.groupBy(query, segment, deadline, numGroupsLimit, into, stats);
      return;
    }
    FilterPlanner planner = new FilterPlanner(segment, deadline, query.nullHandlingEnabled());
    DocIdSet docs = planner.plan(query.filter());
    if (docs instanceof DocIdSet.Empty) {
      stats.addSegment(0, planner.numEntriesScannedInFilter(), 0);
      return;
    }
    if (IndexedCountGroupBy.applies(query, segment, docs, numGroupsLimit)) {
      long matched = IndexedCountGroupBy.execute(query, segment, docs, into);
      stats.addSegment(matched, planner.numEntriesScannedInFilter(), 0);
      return;
    }
    ProjectionBlock block = new ProjectionBlock(segment, query.nullHandlingEnabled());
    List<Expression> groupBy = query.groupByExpressions();
    int[] keySlots = new int[groupBy.size()];
    for (int i = 0; i < keySlots.length; i++) {
      keySlots[i] = block.slot(groupBy.get(i));
    }
    List<AggregationFunction> functions = query.aggregations();
    int[] slots = new int[functions.size()];
    ResultHolder[] holders = new ResultHolder[functions.size()];
    for (int i = 0; i < slots.length; i++) {
      AggregationFunction function = functions.get(i);
      slots[i] = function.readsArgument() ? block.slot(function.argument()) : -1;
      holders[i] = function.createHolder(256);
      AggregationFunctions.bindExtraSlots(function, holders[i], block::slot);
    }
    GroupKeyGenerator keys = new GroupKeyGenerator(block, keySlots, segment.numDocs(), numGroupsLimit,
        GroupKeyGenerator.keyNulls(query, segment));
    DocIdIterator iterator = DocIdIterator.of(docs, deadline);
    int[] docIds = new int[DocIdIterator.BLOCK_SIZE];
    int[] groupIds = new int[DocIdIterator.BLOCK_SIZE];
    int[] offsets = new int[DocIdIterator.BLOCK_SIZE + 1];
    long numDocsScanned = 0;
    int n;
    while ((n = iterator.next(docIds, docIds.length)) > 0) {
      deadline.check();
      block.setDocIds(docIds, n);
      if (keys.hasMultiValue()) {
        groupIds = keys.generateMultiValue(n, offsets, groupIds);
        ensureCapacity(holders, keys.numGroupIds());
        for (int i = 0; i < holders.length; i++) {
          holders[i].aggregateGroupByMultiValue(block, slots[i], n, offsets, groupIds);
        }
      } else {
        keys.generate(n, groupIds);
        ensureCapacity(holders, keys.numGroupIds());
        for (int i = 0; i < holders.length; i++) {
          holders[i].aggregateGroupBy(block, slots[i], n, groupIds);
        }
      }
      numDocsScanned += n;
    }
    int numGroups = keys.numGroups();
    for (int i = 0; i < holders.length; i++) {
      if (slots[i] >= 0) {
        holders[i].finishSegment(block, slots[i], numGroups);
      }
    }
    mergeSegmentGroups(keys, numGroups, holders, into);
    if (keys.limitReached()) {
      stats.setNumGroupsLimitReached();
    }
    stats.addSegment(numDocsScanned, planner.numEntriesScannedInFilter(), numDocsScanned * block.numColumns());
  }

  /// Merges a segment's groups into the result: by global dictionary ids, numeric and UTF-8 keys in one batch, others
  /// one group at a time.
  static void mergeSegmentGroups(GroupKeyGenerator keys, int numGroups, ResultHolder[] holders, GroupByResult into) {
    into.expectGroups(numGroups);
    Dictionary dictionary = keys.singleDictionary();
    GlobalDictionary.Snapshot global = into.globalIds();
    if (global != null && dictionary != null) {
      int[] globalKeys = new int[numGroups];
      keys.globalKeys(global.mapping(dictionary), globalKeys);
      into.mergeGroupsOfGlobal(globalKeys, numGroups, holders);
    } else if (into.hasLongKeys()) {
      long[] groupKeys = new long[numGroups];
      for (int g = 0; g < numGroups; g++) {
        groupKeys[g] = keys.keyLong(g);
      }
      into.mergeGroupsOfLong(groupKeys, numGroups, holders);
    } else if (into.hasUtf8Keys() && keys.utf8Dictionary() != null) {
      int[] dictIds = new int[numGroups];
      for (int g = 0; g < numGroups; g++) {
        dictIds[g] = keys.keyDictId(g);
      }
      into.mergeGroupsOfUtf8(keys.utf8Dictionary(), dictIds, numGroups, holders);
    } else {
      for (int g = 0; g < numGroups; g++) {
        into.mergeGroup(keys.keyValues(g), holders, g);
      }
    }
  }

  private static void ensureCapacity(ResultHolder[] holders, int numGroupIds) {
    for (ResultHolder holder : holders) {
      holder.ensureCapacity(numGroupIds);
    }
  }
}
