// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.operator;

import io.pinot.query.context.Expression;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.QueryContext;
import io.pinot.query.context.QueryDeadline;
import io.pinot.query.filter.DocIdIterator;
import io.pinot.query.filter.DocIdSet;
import io.pinot.query.filter.FilterPlanner;
import io.pinot.query.filter.NullBitmaps;
import io.pinot.query.reduce.SelectionLayout;
import io.pinot.query.reduce.SelectionResult;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.IndexSegment;
import java.util.List;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/// Runs a selection on one segment. Without ORDER BY it reads only as many matching documents as the
/// result still needs; with ORDER BY it keeps the top `limit + offset` documents by typed sort keys
/// ([TopKCollector]) and reads the other selected columns for those documents only. When the first ORDER BY
/// column is the segment's sorted column (ascending), documents arrive in sort order and reading stops as
/// soon as no later document can enter the top (as Pinot's partially-ordered selection).
/// Not thread-safe: one instance per segment execution.
public final class SelectionOperator {
  private final QueryContext query;
  private final SelectionLayout layout;
  private final IndexSegment segment;
  private final QueryDeadline deadline;
  private final ProjectionBlock block;
  private final RowMaterializer rows;

  private SelectionOperator(QueryContext query, SelectionLayout layout, IndexSegment segment,
      QueryDeadline deadline) {
    this.query = query;
    this.layout = layout;
    this.segment = segment;
    this.deadline = deadline;
    this.block = new ProjectionBlock(segment, query.nullHandlingEnabled());
    this.rows = new RowMaterializer(block, layout.expressions(), query.nullHandlingEnabled());
  }

  public static void execute(QueryContext query, SelectionLayout layout, IndexSegment segment,
      QueryDeadline deadline, SelectionResult into, SegmentStats stats) {
    FilterPlanner planner = new FilterPlanner(segment, deadline, query.nullHandlingEnabled());
    DocIdSet docs = planner.plan(query.filter());
    if (docs instanceof DocIdSet.Empty || into.isFull()) {
      stats.addSegment(0, planner.numEntriesScannedInFilter(), 0);
      return;
    }
    SelectionOperator operator = new SelectionOperator(query, layout, segment, deadline);
    long numDocsScanned = query.orderByExpressions().isEmpty() ? operator.selectUnordered(docs, into)
        : operator.selectOrdered(docs, into);
    stats.addSegment(numDocsScanned, planner.numEntriesScannedInFilter(),
        numDocsScanned * operator.block.numColumns());
  }

  private long selectUnordered(DocIdSet docs, SelectionResult into) {
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

  private long selectOrdered(DocIdSet docs, SelectionResult into) {
    int capacity = (int) Math.min(1 << 20, (long) query.limit() + query.offset());
    List<Integer> orderIndexes = layout.orderIndexes();
    OrderKey[] keys = new OrderKey[orderIndexes.size()];
    boolean anyNulls = false;
    for (int i = 0; i < keys.length; i++) {
      Expression expression = layout.expressions().get(orderIndexes.get(i));
      int slot = block.slot(expression);
      keys[i] = OrderKey.create(block, slot, layout.ascending().get(i), capacity);
      ImmutableRoaringBitmap nulls = query.nullHandlingEnabled() ? NullBitmaps.ofExpression(segment, expression) : null;
      if (nulls != null) {
        keys[i] = OrderKey.nullable(keys[i], nulls, layout.nullsLast().get(i), capacity);
        anyNulls |= i == 0;
      }
    }
    TopKCollector topK = new TopKCollector(keys, capacity);
    boolean inSortOrder = !anyNulls && layout.ascending().get(0)
        && layout.expressions().get(orderIndexes.get(0)) instanceof Identifier first && isSorted(first.name());
    DocIdIterator iterator = DocIdIterator.of(docs, deadline);
    // In sort order, small blocks let reading stop soon after the top is complete.
    int[] docIds = new int[inSortOrder ? Math.min(DocIdIterator.BLOCK_SIZE, Math.max(capacity, 256))
        : DocIdIterator.BLOCK_SIZE];
    long numDocsScanned = 0;
    int n;
    while ((n = iterator.next(docIds, docIds.length)) > 0) {
      deadline.check();
      block.setDocIds(docIds, n);
      topK.offer(block, docIds, n);
      numDocsScanned += n;
      if (inSortOrder && topK.firstKeyPastWorst(n - 1)) {
        break;
      }
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

  private boolean isSorted(String column) {
    DataSource dataSource = segment.dataSource(column);
    return dataSource != null && dataSource.sortedIndex() != null && dataSource.metadata().singleValue();
  }
}
