// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.runtime;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.datatable.DataSchema;
import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.query.context.Expression;
import io.pinot.query.context.QueryContext;
import io.pinot.query.context.QueryDeadline;
import io.pinot.query.context.TableColumns;
import io.pinot.query.operator.AggregationOperator;
import io.pinot.query.operator.GroupByOperator;
import io.pinot.query.operator.SegmentStats;
import io.pinot.query.operator.SelectionOperator;
import io.pinot.query.reduce.AggregationResult;
import io.pinot.query.reduce.GlobalDictionary;
import io.pinot.query.reduce.GroupByResult;
import io.pinot.query.reduce.GroupOrder;
import io.pinot.query.reduce.SelectionLayout;
import io.pinot.query.reduce.SelectionResult;
import io.pinot.query.startree.StarTreeExecutor;
import io.pinot.query.transform.TransformTypes;
import io.pinot.segment.spi.IndexSegment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;

/// Executes a resolved query over a server's segments (after pruning) and encodes the combined
/// intermediate result as a DataTable: one aggregation row, the groups (trimmed by ORDER BY to
/// `max(5 * LIMIT, minServerGroupTrimSize)` groups, as Pinot), or the selected rows. When no segment is
/// left to process, the result has Pinot's empty-result shape (selection and group-by columns typed
/// STRING). Thread-safe (no state).
final class SegmentsQuery {
  private SegmentsQuery() {
  }

  /// What the query needs from the server's configuration and the request.
  ///
  /// @param useStarTree whether segments' star-trees may answer aggregations (query option `useStarTree`)
  /// @param globalDictionaries the server's global dictionaries, for a GROUP BY on one column of several segments
  /// @param table the table the segments belong to
  record Settings(ExecutorService executor, int maxThreads, int numGroupsLimit, int minServerGroupTrimSize,
      boolean useStarTree, GlobalDictionaries globalDictionaries, String table) {
  }

  static DataTableBuilder run(QueryContext query, TableColumns columns, List<IndexSegment> segments,
      QueryDeadline deadline, Settings settings, SegmentStats stats) {
    return switch (query.type()) {
      case AGGREGATION -> aggregation(query, segments, deadline, settings, stats);
      case GROUP_BY -> groupBy(query, columns, segments, deadline, settings, stats);
      case SELECTION -> selection(query, columns, segments, deadline, settings, stats);
    };
  }

  private static DataTableBuilder aggregation(QueryContext query, List<IndexSegment> segments,
      QueryDeadline deadline, Settings settings, SegmentStats stats) {
    AggregationResult result = ParallelSegmentRunner.run(settings.executor(), settings.maxThreads(), segments,
        new ParallelSegmentRunner.Work<AggregationResult>() {
          @Override
          public AggregationResult newAccumulator() {
            return new AggregationResult(query.aggregations());
          }

          @Override
          public void process(IndexSegment segment, AggregationResult accumulator, SegmentStats segmentStats) {
            if (!settings.useStarTree()
                || !StarTreeExecutor.aggregate(query, segment, deadline, accumulator, segmentStats)) {
              AggregationOperator.execute(query, segment, deadline, accumulator, segmentStats);
            }
          }

          @Override
          public void merge(AggregationResult into, AggregationResult from) {
            into.merge(from);
          }
        }, deadline, stats);
    return result.toDataTable();
  }

  /// The groups a server keeps: `max(5 * (LIMIT + OFFSET), minServerGroupTrimSize)`.
  static int trimSize(QueryContext query, int minServerGroupTrimSize) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(5L * ((long) query.limit() + query.offset()),
        minServerGroupTrimSize));
  }

  private static DataTableBuilder groupBy(QueryContext query, TableColumns columns, List<IndexSegment> segments,
      QueryDeadline deadline, Settings settings, SegmentStats stats) {
    List<String> keyNames = new ArrayList<>();
    List<ColumnDataType> keyTypes = new ArrayList<>();
    for (Expression expression : query.groupByExpressions()) {
      keyNames.add(expression.toString());
      keyTypes.add(segments.isEmpty() ? ColumnDataType.STRING : keyType(expression, columns));
    }
    int trimSize = trimSize(query, settings.minServerGroupTrimSize());
    boolean ordered = !query.orderByExpressions().isEmpty();
    // Without ORDER BY (and HAVING) any groups will do, so a server stops creating groups at the trim size.
    int capacity = ordered || query.having() != null ? Integer.MAX_VALUE : trimSize;
    GlobalDictionary.Snapshot globalIds = keyTypes.size() == 1
        ? settings.globalDictionaries().forGroupBy(settings.table(), query, keyTypes.get(0), segments) : null;
    GroupByResult empty = new GroupByResult(keyNames, keyTypes, query.aggregations(), capacity,
        query.nullHandlingEnabled(), globalIds);
    GroupByResult result = ParallelSegmentRunner.run(settings.executor(), settings.maxThreads(), segments,
        new ParallelSegmentRunner.Work<GroupByResult>() {
          @Override
          public GroupByResult newAccumulator() {
            return empty.emptyCopy(capacity);
          }

          @Override
          public void process(IndexSegment segment, GroupByResult accumulator, SegmentStats segmentStats) {
            if (!settings.useStarTree() || !StarTreeExecutor.groupBy(query, segment, deadline,
                settings.numGroupsLimit(), accumulator, segmentStats)) {
              GroupByOperator.execute(query, segment, deadline, settings.numGroupsLimit(), accumulator, segmentStats);
            }
          }

          @Override
          public void merge(GroupByResult into, GroupByResult from) {
            into.merge(from);
          }
        }, deadline, stats);
    GroupOrder order = GroupOrder.of(query);
    if (ordered && !order.hasPostAggregation(query)) {
      result = result.trim(trimSize, order);
    }
    return result.toDataTable();
  }

  private static ColumnDataType keyType(Expression expression, TableColumns columns) {
    return ColumnDataType.of(TransformTypes.of(expression, name -> valueType(columns, name)).type(), true);
  }

  /// The DataTable type of a selected column or expression.
  private static ColumnDataType columnType(Expression expression, TableColumns columns) {
    TransformTypes.ValueType type = TransformTypes.of(expression, name -> valueType(columns, name));
    return ColumnDataType.of(type.type(), type.singleValue());
  }

  private static TransformTypes.@Nullable ValueType valueType(TableColumns columns, String name) {
    TableColumns.Column column = columns.lookup(name);
    return column == null ? null : new TransformTypes.ValueType(column.dataType(), column.singleValue());
  }

  private static DataTableBuilder selection(QueryContext query, TableColumns columns, List<IndexSegment> segments,
      QueryDeadline deadline, Settings settings, SegmentStats stats) {
    if (segments.isEmpty()) {
      return emptySelection(query);
    }
    List<String> allColumns = new ArrayList<>();
    for (TableColumns.Column column : columns.columns()) {
      allColumns.add(column.name());
    }
    SelectionLayout layout = SelectionLayout.of(query, allColumns);
    List<ColumnDataType> types = new ArrayList<>();
    for (Expression expression : layout.expressions()) {
      types.add(columnType(expression, columns));
    }
    DataSchema schema = new DataSchema(layout.columns(), types);
    boolean ordered = !query.orderByExpressions().isEmpty();
    int maxRows = (int) Math.min(Integer.MAX_VALUE, ordered ? (long) query.limit() + query.offset() : query.limit());
    SelectionSegmentOrder segmentOrder = ordered ? SelectionSegmentOrder.of(query, layout) : null;
    List<IndexSegment> inOrder = segmentOrder == null ? segments : segmentOrder.sort(segments);
    SelectionResult result = ParallelSegmentRunner.run(settings.executor(), settings.maxThreads(), inOrder,
        new ParallelSegmentRunner.Work<SelectionResult>() {
          @Override
          public SelectionResult newAccumulator() {
            return new SelectionResult(schema, layout.comparator(), maxRows);
          }

          @Override
          public void process(IndexSegment segment, SelectionResult accumulator, SegmentStats segmentStats) {
            if (segmentOrder == null || !segmentOrder.canSkip(segment, accumulator)) {
              SelectionOperator.execute(query, layout, segment, deadline, accumulator, segmentStats);
            }
          }

          @Override
          public void merge(SelectionResult into, SelectionResult from) {
            into.merge(from);
          }
        }, deadline, stats);
    return result.toDataTable();
  }

  /// Pinot's result when no segment is processed: the select expressions as names, all typed STRING.
  private static DataTableBuilder emptySelection(QueryContext query) {
    List<String> names = new ArrayList<>();
    for (Expression expression : query.selectExpressions()) {
      names.add(expression.toString());
    }
    return new DataTableBuilder(new DataSchema(names, Collections.nCopies(names.size(), ColumnDataType.STRING)));
  }
}
