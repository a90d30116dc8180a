// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.reduce;

import io.pinot.query.context.Expression;
import io.pinot.query.context.FunctionCall;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.OrderByExpression;
import io.pinot.query.context.QueryContext;
import io.pinot.query.function.AggregationFunctions;
import io.pinot.spi.exception.QueryErrorCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// The columns of a selection result's rows: the selected columns and expressions (`*` expanded to the table's
/// columns in alphabetical order, as Pinot) without duplicates, then the ORDER BY expressions not selected; plus the
/// row index of every select expression and ORDER BY item. Immutable and thread-safe.
///
/// @param columns the row columns' names (a column's name, or an expression's text such as `plus(a,b)`)
/// @param expressions the row columns' expressions, parallel to `columns`
/// @param selectIndexes the row index of each select expression (all columns for `*`)
/// @param orderIndexes the row index of each ORDER BY item
/// @param ascending the direction of each ORDER BY item
/// @param nullsLast where each ORDER BY item puts nulls
public record SelectionLayout(List<String> columns, List<Expression> expressions, List<Integer> selectIndexes,
                              List<Integer> orderIndexes, List<Boolean> ascending, List<Boolean> nullsLast) {

  public SelectionLayout {
    columns = List.copyOf(columns);
    expressions = List.copyOf(expressions);
    selectIndexes = List.copyOf(selectIndexes);
    orderIndexes = List.copyOf(orderIndexes);
    ascending = List.copyOf(ascending);
    nullsLast = List.copyOf(nullsLast);
  }

  /// The layout of a query; `allColumns` are the table's columns, used for `*`.
  public static SelectionLayout of(QueryContext query, List<String> allColumns) {
    List<String> columns = new ArrayList<>();
    List<Expression> expressions = new ArrayList<>();
    List<Integer> selectIndexes = new ArrayList<>();
    if (query.isSelectStar()) {
      List<String> sorted = new ArrayList<>();
      for (String column : allColumns) {
        if (!column.startsWith("$")) {
          sorted.add(column);
        }
      }
      sorted.sort(null);
      for (String column : sorted) {
        selectIndexes.add(indexOf(columns, expressions, new Identifier(column)));
      }
    } else {
      for (Expression expression : query.selectExpressions()) {
        selectIndexes.add(indexOf(columns, expressions, checked(expression)));
      }
    }
    List<Integer> orderIndexes = new ArrayList<>();
    List<Boolean> ascending = new ArrayList<>();
    List<Boolean> nullsLast = new ArrayList<>();
    for (OrderByExpression order : query.orderByExpressions()) {
      orderIndexes.add(indexOf(columns, expressions, checked(order.expression())));
      ascending.add(order.ascending());
      nullsLast.add(order.nullsLast());
    }
    return new SelectionLayout(columns, expressions, selectIndexes, orderIndexes, ascending, nullsLast);
  }

  private static Expression checked(Expression expression) {
    if (expression instanceof Identifier identifier && identifier.isStar()
        || expression instanceof FunctionCall call && AggregationFunctions.isAggregation(call.name())) {
      throw QueryErrorCode.QUERY_PLANNING.asException("Selecting expression[" + expression
          + "] is not supported yet");
    }
    return expression;
  }

  /// The row column's name for an expression: a column's name, else the expression's text.
  public static String name(Expression expression) {
    return expression instanceof Identifier identifier ? identifier.name() : expression.toString();
  }

  private static int indexOf(List<String> columns, List<Expression> expressions, Expression expression) {
    String column = name(expression);
    int index = columns.indexOf(column);
    if (index < 0) {
      columns.add(column);
      expressions.add(expression);
      index = columns.size() - 1;
    }
    return index;
  }

  /// The row order, or null without ORDER BY.
  public @Nullable Comparator<Object[]> comparator() {
    if (orderIndexes.isEmpty()) {
      return null;
    }
    int[] indexes = orderIndexes.stream().mapToInt(Integer::intValue).toArray();
    boolean[] directions = new boolean[indexes.length];
    boolean[] lasts = new boolean[indexes.length];
    for (int i = 0; i < directions.length; i++) {
      directions[i] = ascending.get(i);
      lasts[i] = nullsLast.get(i);
    }
    return (a, b) -> {
      for (int i = 0; i < indexes.length; i++) {
        int cmp = Values.compareOrdered(a[indexes[i]], b[indexes[i]], directions[i], lasts[i]);
        if (cmp != 0) {
          return cmp;
        }
      }
      return 0;
    };
  }
}
