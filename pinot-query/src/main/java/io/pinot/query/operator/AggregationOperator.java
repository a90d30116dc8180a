// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.operator;

import io.pinot.query.context.QueryContext;
import io.pinot.query.context.QueryDeadline;
import io.pinot.query.filter.DocIdIterator;
import io.pinot.query.filter.DocIdSet;
import io.pinot.query.filter.FilterPlanner;
import io.pinot.query.function.AggregationFunction;
import io.pinot.query.function.AggregationFunctions;
import io.pinot.query.function.CountFunction;
import io.pinot.query.function.MetadataAggregation;
import io.pinot.query.function.ResultHolder;
import io.pinot.query.reduce.AggregationResult;
import io.pinot.segment.spi.IndexSegment;
import java.util.List;

/// Runs an aggregation without GROUP BY on one segment, cheapest way first: from segment metadata and
/// dictionaries when there is no filter (COUNT, MIN/MAX, DISTINCTCOUNT; as Pinot, these count all
/// documents as scanned and no entries), from the filter's index cardinality for COUNT-only queries, and
/// otherwise block by block over the matching documents. Thread-safe (no state).
public final class AggregationOperator {
  private AggregationOperator() {
  }

  public static void execute(QueryContext query, IndexSegment segment, QueryDeadline deadline,
      AggregationResult into, SegmentStats stats) {
    if (FilteredAggregations.applies(query)) {
      FilteredAggregations.aggregate(query, segment, deadline, into, stats);
      return;
    }
    List<AggregationFunction> functions = query.aggregations();
    int numDocs = segment.numDocs();
    FilterPlanner planner = new FilterPlanner(segment, deadline, query.nullHandlingEnabled());
    DocIdSet docs = planner.plan(query.filter());
    if (docs instanceof DocIdSet.All && MetadataAggregation.canAnswer(functions, segment)) {
      MetadataAggregation.answer(functions, segment, into);
      stats.addSegment(numDocs, planner.numEntriesScannedInFilter(), 0);
      return;
    }
    if (docs instanceof DocIdSet.Empty) {
      stats.addSegment(0, planner.numEntriesScannedInFilter(), 0);
      return;
    }
    if (docs.isIndexed() && allCounts(functions)) {
      long count = docs.cardinality();
      for (int i = 0; i < functions.size(); i++) {
        MetadataAggregation.addCount(into.holder(i), count);
      }
      stats.addSegment(count, planner.numEntriesScannedInFilter(), 0);
      return;
    }
    ProjectionBlock block = new ProjectionBlock(segment, query.nullHandlingEnabled());
    int[] slots = new int[functions.size()];
    for (int i = 0; i < slots.length; i++) {
      AggregationFunction function = functions.get(i);
      slots[i] = function.readsArgument() ? block.slot(function.argument()) : -1;
    }
    ResultHolder[] holders = new ResultHolder[functions.size()];
    for (int i = 0; i < holders.length; i++) {
      holders[i] = functions.get(i).createHolder(1);
      AggregationFunctions.bindExtraSlots(functions.get(i), holders[i], block::slot);
    }
    DocIdIterator iterator = DocIdIterator.of(docs, deadline);
    int[] docIds = new int[DocIdIterator.BLOCK_SIZE];
    long numDocsScanned = 0;
    int n;
    while ((n = iterator.next(docIds, docIds.length)) > 0) {
      deadline.check();
      block.setDocIds(docIds, n);
      for (int i = 0; i < holders.length; i++) {
        holders[i].aggregate(block, slots[i], n);
      }
      numDocsScanned += n;
    }
    for (int i = 0; i < holders.length; i++) {
      if (slots[i] >= 0) {
        holders[i].finishSegment(block, slots[i], 1);
      }
      into.holder(i).merge(0, holders[i], 0);
    }
    stats.addSegment(numDocsScanned, planner.numEntriesScannedInFilter(), numDocsScanned * block.numColumns());
  }

  private static boolean allCounts(List<AggregationFunction> functions) {
    for (AggregationFunction function : functions) {
      if (!(function instanceof CountFunction)) {
        return false;
      }
    }
    return true;
  }
}
