// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.runtime;

import io.pinot.query.context.Identifier;
import io.pinot.query.context.OrderByExpression;
import io.pinot.query.context.QueryContext;
import io.pinot.query.reduce.SelectionLayout;
import io.pinot.query.reduce.SelectionResult;
import io.pinot.query.reduce.Values;
import io.pinot.segment.spi.ColumnMetadata;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.IndexSegment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// Segment order for a selection whose first ORDER BY item is a plain single-value column (Pinot's min/max based
/// selection order-by): segments run from the one with the best bound first (smallest minimum for ASC, largest
/// maximum for DESC), and a segment is skipped once a worker already holds the rows the query keeps and its worst
/// row's value is strictly better than anything the segment can hold. Skipping is per worker, which is safe: the
/// query's top rows are at least as good as any worker's. Segments without min/max metadata run first and are never
/// skipped (a consuming segment's view records the min/max of the rows it shows). Immutable and thread-safe.
final class SelectionSegmentOrder {
  private final String column;
  private final boolean ascending;
  private final int keyIndex;

  private SelectionSegmentOrder(String column, boolean ascending, int keyIndex) {
    this.column = column;
    this.ascending = ascending;
    this.keyIndex = keyIndex;
  }

  /// The order for a selection query, or null when its first ORDER BY item is not a plain column (or nulls may
  /// sort first).
  static @Nullable SelectionSegmentOrder of(QueryContext query, SelectionLayout layout) {
    if (query.orderByExpressions().isEmpty() || query.nullHandlingEnabled()) {
      return null;
    }
    OrderByExpression first = query.orderByExpressions().get(0);
    if (!(first.expression() instanceof Identifier identifier) || identifier.isStar()) {
      return null;
    }
    return new SelectionSegmentOrder(identifier.name(), first.ascending(), layout.orderIndexes().get(0));
  }

  /// The segments in processing order.
  List<IndexSegment> sort(List<IndexSegment> segments) {
    List<IndexSegment> unbounded = new ArrayList<>();
    List<IndexSegment> bounded = new ArrayList<>();
    for (IndexSegment segment : segments) {
      (bound(segment) == null ? unbounded : bounded).add(segment);
    }
    Comparator<IndexSegment> byBound = (a, b) -> Values.compare(bound(a), bound(b));
    bounded.sort(ascending ? byBound : byBound.reversed());
    unbounded.addAll(bounded);
    return unbounded;
  }

  /// Whether the segment cannot add a row to a worker's full result.
  boolean canSkip(IndexSegment segment, SelectionResult result) {
    Object bound = bound(segment);
    Object[] worst = result.worstKeptRow();
    if (bound == null || worst == null || worst[keyIndex] == null) {
      return false;
    }
    int cmp = Values.compare(worst[keyIndex], bound);
    return ascending ? cmp < 0 : cmp > 0;
  }

  /// The segment's best possible value of the column: its minimum for ASC, its maximum for DESC.
  private @Nullable Object bound(IndexSegment segment) {
    DataSource dataSource = segment.dataSource(column);
    if (dataSource == null || !dataSource.metadata().singleValue()) {
      return null;
    }
    ColumnMetadata metadata = dataSource.metadata();
    Object value = ascending ? metadata.minValue() : metadata.maxValue();
    return value instanceof byte[] ? null : value;
  }
}
