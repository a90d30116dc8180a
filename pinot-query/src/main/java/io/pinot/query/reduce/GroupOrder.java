// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.reduce;

import io.pinot.query.context.Expression;
import io.pinot.query.context.OrderByExpression;
import io.pinot.query.context.QueryContext;
import io.pinot.spi.exception.QueryErrorCode;
import java.util.List;

/// The ORDER BY of a GROUP BY query over *group rows*: the group-by values, the final value of every aggregation,
/// then the post-aggregation values (`[k0 .. kn-1, a0 .. am-1, p0 .. pq-1]`, see [PostAggregation]). Immutable and
/// thread-safe.
public final class GroupOrder {
  private final int[] columns;
  private final boolean[] ascending;

  private GroupOrder(int[] columns, boolean[] ascending) {
    this.columns = columns;
    this.ascending = ascending;
  }

  /// @throws io.pinot.spi.exception.QueryException QUERY_PLANNING for an ORDER BY expression that is
  ///     neither a group-by expression nor an aggregation
  public static GroupOrder of(QueryContext query) {
    List<OrderByExpression> orderBy = query.orderByExpressions();
    int[] columns = new int[orderBy.size()];
    boolean[] ascending = new boolean[orderBy.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = rowIndex(query, orderBy.get(i).expression());
      ascending[i] = orderBy.get(i).ascending();
    }
    return new GroupOrder(columns, ascending);
  }

  /// The group-row index of a group-by expression or aggregation.
  public static int rowIndex(QueryContext query, Expression expression) {
    int key = query.groupByExpressions().indexOf(expression);
    if (key >= 0) {
      return key;
    }
    int aggregation = query.aggregationIndex(expression);
    if (aggregation >= 0) {
      return query.groupByExpressions().size() + aggregation;
    }
    int post = PostAggregation.expressions(query).indexOf(expression);
    if (post >= 0) {
      return query.groupByExpressions().size() + query.aggregations().size() + post;
    }
    throw QueryErrorCode.QUERY_PLANNING.asException("Expression[" + expression
        + "] must be a GROUP BY expression or an aggregation");
  }

  /// Whether an ORDER BY item is a post-aggregation expression (which servers cannot order by when trimming).
  public boolean hasPostAggregation(QueryContext query) {
    int stored = query.groupByExpressions().size() + query.aggregations().size();
    for (int column : columns) {
      if (column >= stored) {
        return true;
      }
    }
    return false;
  }

  public boolean isEmpty() {
    return columns.length == 0;
  }

  public int compareRows(Object[] a, Object[] b) {
    for (int i = 0; i < columns.length; i++) {
      int cmp = Values.compare(a[columns[i]], b[columns[i]]);
      if (cmp != 0) {
        return ascending[i] ? cmp : -cmp;
      }
    }
    return 0;
  }

  /// A comparator of the group ids of a result by this order. Sort values are computed once per group:
  /// aggregation results (all numeric) as `double`s, group-by values as objects.
  TopK.IndexComparator comparator(GroupByResult result) {
    int numKeys = result.keyTypes().size();
    int numGroups = result.numGroups();
    double[][] numbers = new double[columns.length][];
    Object[][] objects = new Object[columns.length][];
    for (int c = 0; c < columns.length; c++) {
      int column = columns[c];
      if (column < numKeys) {
        objects[c] = new Object[numGroups];
        for (int g = 0; g < numGroups; g++) {
          objects[c][g] = result.key(g)[column];
        }
      } else {
        numbers[c] = new double[numGroups];
        for (int g = 0; g < numGroups; g++) {
          numbers[c][g] = ((Number) result.holder(column - numKeys).finalResult(g)).doubleValue();
        }
      }
    }
    return (x, y) -> {
      for (int c = 0; c < columns.length; c++) {
        int cmp = numbers[c] != null ? Double.compare(numbers[c][x], numbers[c][y])
            : Values.compare(objects[c][x], objects[c][y]);
        if (cmp != 0) {
          return ascending[c] ? cmp : -cmp;
        }
      }
      return 0;
    };
  }
}
