// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.reduce;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.datatable.DataSchema;
import io.pinot.common.response.ResultTable;
import io.pinot.query.context.Expression;
import io.pinot.query.context.QueryContext;
import io.pinot.query.function.AggregationFunction;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// Turns a merged intermediate result into the broker's `resultTable`, with Pinot's column names (the
/// alias when given; otherwise the column, or the aggregation's result name such as `count(*)`), types
/// and JSON values. As in Pinot's single-stage engine, OFFSET applies to ordered selections only.
/// Thread-safe (no state).
final class ResultFinisher {
  private ResultFinisher() {
  }

  static ResultTable aggregation(QueryContext query, AggregationResult result) {
    Object[] finals = result.finalValues();
    List<String> names = new ArrayList<>();
    List<ColumnDataType> types = new ArrayList<>();
    Object[] row = new Object[query.selectExpressions().size()];
    for (int i = 0; i < row.length; i++) {
      Expression expression = query.selectExpressions().get(i);
      int index = query.aggregationIndex(expression);
      if (index < 0) {
        ColumnDataType type = PostAggregation.type(query, expression, List.of());
        names.add(name(query, i, expression.toString()));
        types.add(type);
        row[i] = type.format(PostAggregation.canonical(type, PostAggregation.evaluate(query, expression, finals)));
        continue;
      }
      AggregationFunction function = query.aggregations().get(index);
      names.add(name(query, i, function.resultColumnName()));
      types.add(function.finalType());
      row[i] = function.finalType().format(finals[index]);
    }
    List<Object[]> rows = new ArrayList<>();
    rows.add(row);
    return new ResultTable(new DataSchema(names, types), rows);
  }

  static ResultTable groupBy(QueryContext query, GroupByResult result) {
    int numKeys = query.groupByExpressions().size();
    List<AggregationFunction> functions = query.aggregations();
    HavingFilter having = query.having() == null ? null : new HavingFilter(query, query.having());
    GroupOrder order = GroupOrder.of(query);
    List<Object[]> groups = new ArrayList<>(result.numGroups());
    List<Expression> posts = PostAggregation.expressions(query);
    List<ColumnDataType> postTypes = new ArrayList<>(posts.size());
    for (Expression post : posts) {
      postTypes.add(PostAggregation.type(query, post, result.keyTypes()));
    }
    for (int g = 0; g < result.numGroups(); g++) {
      Object[] row = new Object[numKeys + functions.size() + posts.size()];
      System.arraycopy(result.key(g), 0, row, 0, numKeys);
      for (int i = 0; i < functions.size(); i++) {
        row[numKeys + i] = result.holder(i).finalResult(g);
      }
      for (int p = 0; p < posts.size(); p++) {
        row[numKeys + functions.size() + p] = PostAggregation.canonical(postTypes.get(p),
            PostAggregation.evaluate(query, posts.get(p), row));
      }
      if (having == null || having.matches(row)) {
        groups.add(row);
      }
    }
    List<Object[]> selected = groups;
    if (!order.isEmpty()) {
      // ORDER BY pages with OFFSET (Pinot's single-stage engine ignores OFFSET for GROUP BY).
      int wanted = (int) Math.min(Integer.MAX_VALUE, (long) query.limit() + query.offset());
      int[] best = TopK.select(groups.size(), wanted, (a, b) -> order.compareRows(groups.get(a), groups.get(b)));
      selected = new ArrayList<>(best.length);
      for (int index : best) {
        selected.add(groups.get(index));
      }
    }
    List<Expression> select = query.selectExpressions();
    int[] indexes = new int[select.size()];
    List<String> names = new ArrayList<>();
    List<ColumnDataType> types = new ArrayList<>();
    for (int i = 0; i < indexes.length; i++) {
      indexes[i] = GroupOrder.rowIndex(query, select.get(i));
      if (indexes[i] < numKeys) {
        names.add(name(query, i, result.keyNames().get(indexes[i])));
        types.add(result.keyTypes().get(indexes[i]));
      } else if (indexes[i] >= numKeys + functions.size()) {
        names.add(name(query, i, select.get(i).toString()));
        types.add(postTypes.get(indexes[i] - numKeys - functions.size()));
      } else {
        AggregationFunction function = functions.get(indexes[i] - numKeys);
        names.add(name(query, i, function.resultColumnName()));
        types.add(function.finalType());
      }
    }
    int start = order.isEmpty() ? 0 : Math.min(query.offset(), selected.size());
    int end = (int) Math.min(selected.size(), (long) start + query.limit());
    List<Object[]> rows = new ArrayList<>(Math.max(0, end - start));
    for (int r = start; r < end; r++) {
      Object[] group = selected.get(r);
      Object[] row = new Object[indexes.length];
      for (int i = 0; i < indexes.length; i++) {
        row[i] = types.get(i).format(Values.stored(group[indexes[i]]));
      }
      rows.add(row);
    }
    return new ResultTable(new DataSchema(names, types), rows);
  }

  static ResultTable selection(QueryContext query, SelectionLayout layout, DataSchema schema, List<Object[]> rows) {
    List<Integer> selectIndexes = layout.selectIndexes();
    List<String> names = new ArrayList<>();
    List<ColumnDataType> types = new ArrayList<>();
    int[] schemaIndexes = new int[selectIndexes.size()];
    for (int i = 0; i < schemaIndexes.length; i++) {
      String column = layout.columns().get(selectIndexes.get(i));
      schemaIndexes[i] = indexOfIgnoreCase(schema.columnNames(), column);
      String schemaName = schemaIndexes[i] >= 0 ? schema.columnName(schemaIndexes[i]) : column;
      names.add(query.isSelectStar() ? schemaName : name(query, i, schemaName));
      types.add(schemaIndexes[i] >= 0 ? schema.columnDataType(schemaIndexes[i]) : ColumnDataType.STRING);
    }
    boolean ordered = !query.orderByExpressions().isEmpty();
    int start = ordered ? Math.min(query.offset(), rows.size()) : 0;
    int end = (int) Math.min(rows.size(), (long) start + query.limit());
    List<Object[]> result = new ArrayList<>(Math.max(0, end - start));
    for (int r = start; r < end; r++) {
      Object[] source = rows.get(r);
      Object[] row = new Object[schemaIndexes.length];
      for (int i = 0; i < schemaIndexes.length; i++) {
        row[i] = types.get(i).format(source[schemaIndexes[i]]);
      }
      result.add(row);
    }
    return new ResultTable(new DataSchema(names, types), result);
  }

  /// The index of a column by name: exact first, then ignoring case (for queries the broker did not resolve).
  private static int indexOfIgnoreCase(List<String> names, String name) {
    int index = names.indexOf(name);
    for (int i = 0; i < names.size() && index < 0; i++) {
      if (names.get(i).equalsIgnoreCase(name)) {
        index = i;
      }
    }
    return index;
  }

  private static String name(QueryContext query, int selectIndex, String defaultName) {
    @Nullable String alias = query.aliases().get(selectIndex);
    return alias != null ? alias : defaultName;
  }
}
