// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.operator;

import io.pinot.query.context.QueryContext;
import io.pinot.query.context.QueryDeadline;
import io.pinot.query.filter.DocIdIterator;
import io.pinot.query.filter.DocIdSet;
import io.pinot.query.filter.FilterPlanner;
import io.pinot.query.reduce.SelectionLayout;
import io.pinot.query.reduce.SelectionResult;
import io.pinot.segment.spi.IndexSegment;
import java.util.List;

/// Runs a selection on one segment. Without ORDER BY it reads only as many matching documents as the
/// result still needs; with ORDER BY it keeps the top `limit + offset` documents by typed sort keys
/// ([TopKCollector]) and reads the other selected columns for those documents only.
/// Thread-safe (no state).
public final class SelectionOperator {
  private SelectionOperator() {
  }

  public static void execute(QueryContext query, SelectionLayout layout, IndexSegment segment,
      QueryDeadline deadline, SelectionResult into, SegmentStats stats) {
    FilterPlanner planner = new FilterPlanner(segment, deadline);
    DocIdSet docs = planner.plan(query.filter());
    if (docs instanceof DocIdSet.Empty || into.isFull()) {
      stats.addSegment(0, planner.numEntriesScannedInFilter(), 0);
      return;
    }
    ProjectionBlock block = new ProjectionBlock(segment);
    RowMaterializer rows = new RowMaterializer(block, layout.columns());
    long numDocsScanned = query.orderByExpressions().isEmpty()
        ? selectUnordered(query, docs, block, rows, deadline, into)
        : selectOrdered(query, layout, docs, block, rows, deadline, into);
    stats.addSegment(numDocsScanned, planner.numEntriesScannedInFilter(), numDocsScanned * block.numColumns());
  }

  private static long selectUnordered(QueryContext query, DocIdSet docs, ProjectionBlock block,
      RowMaterializer rows, QueryDeadline deadline, SelectionResult into) {
    DocIdIterator iterator = DocIdIterator.of(docs, deadline);
    int[] docIds = new int[Math.min(DocIdIterator.BLOCK_SIZE, Math.max(1, query.limit()))];
    long numDocsScanned = 0;
    while (!into.isFull()) {
      int wanted = Math.min(docIds.length, query.limit() - into.numRows());
      int n = iterator.next(docIds, wanted);
      if (n == 0) {
        break;
      }
      deadline.check();
      block.setDocIds(docIds, n);
      for (Object[] row : rows.rows(n)) {
        into.add(row);
      }
      numDocsScanned += n;
    }
    return numDocsScanned;
  }

  private static long selectOrdered(QueryContext query, SelectionLayout layout, DocIdSet docs, ProjectionBlock block,
      RowMaterializer rows, QueryDeadline deadline, SelectionResult into) {
    int capacity = (int) Math.min(Integer.MAX_VALUE - 8, (long) query.limit() + query.offset());
    List<Integer> orderIndexes = layout.orderIndexes();
    OrderKey[] keys = new OrderKey[orderIndexes.size()];
    for (int i = 0; i < keys.length; i++) {
      int slot = block.slot(layout.columns().get(orderIndexes.get(i)));
      keys[i] = OrderKey.create(block, slot, layout.ascending().get(i), Math.min(capacity, 1 << 20));
    }
    TopKCollector topK = new TopKCollector(keys, Math.min(capacity, 1 << 20));
    DocIdIterator iterator = DocIdIterator.of(docs, deadline);
    int[] docIds = new int[DocIdIterator.BLOCK_SIZE];
    long numDocsScanned = 0;
    int n;
    while ((n = iterator.next(docIds, docIds.length)) > 0) {
      deadline.check();
      block.setDocIds(docIds, n);
      topK.offer(block, docIds, n);
      numDocsScanned += n;
    }
    int[] selected = topK.sortedDocIds();
    for (int start = 0; start < selected.length; start += DocIdIterator.BLOCK_SIZE) {
      int length = Math.min(DocIdIterator.BLOCK_SIZE, selected.length - start);
      int[] chunk = new int[length];
      System.arraycopy(selected, start, chunk, 0, length);
      block.setDocIds(chunk, length);
      for (Object[] row : rows.rows(length)) {
        into.add(row);
      }
    }
    return numDocsScanned;
  }
}
