// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.reduce;

import io.pinot.query.context.Expression;
import io.pinot.query.context.OrderByExpression;
import io.pinot.query.context.QueryContext;
import io.pinot.spi.exception.QueryErrorCode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// The ORDER BY of a GROUP BY query over *group rows*: the group-by values, the final value of every aggregation,
/// then the post-aggregation values (`[k0 .. kn-1, a0 .. am-1, p0 .. pq-1]`, see [PostAggregation]). Immutable and
/// thread-safe.
public final class GroupOrder {
  private final int[] columns;
  private final boolean[] ascending;
  private final boolean[] nullsLast;

  private GroupOrder(int[] columns, boolean[] ascending, boolean[] nullsLast) {
    this.columns = columns;
    this.ascending = ascending;
    this.nullsLast = nullsLast;
  }

  /// @throws io.pinot.spi.exception.QueryException QUERY_PLANNING for an ORDER BY expression that is
  ///     neither a group-by expression nor an aggregation
  public static GroupOrder of(QueryContext query) {
    List<OrderByExpression> orderBy = query.orderByExpressions();
    int[] columns = new int[orderBy.size()];
    boolean[] ascending = new boolean[orderBy.size()];
    boolean[] nullsLast = new boolean[orderBy.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = rowIndex(query, orderBy.get(i).expression());
      ascending[i] = orderBy.get(i).ascending();
      nullsLast[i] = orderBy.get(i).nullsLast();
    }
    return new GroupOrder(columns, ascending, nullsLast);
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
      int cmp = Values.compareOrdered(a[columns[i]], b[columns[i]], ascending[i], nullsLast[i]);
      if (cmp != 0) {
        return cmp;
      }
    }
    return 0;
  }

  /// A comparator of the group ids of a result by this order. Sort values are computed once per group:
  /// aggregation results (all numeric) as `double`s (and a mark for null results), group-by values as objects.
  TopK.IndexComparator comparator(GroupByResult result) {
    int numKeys = result.keyTypes().size();
    int numGroups = result.numGroups();
    double[][] numbers = new double[columns.length][];
    Object[][] objects = new Object[columns.length][];
    boolean[][] nulls = new boolean[columns.length][];
    boolean[][] loaded = new boolean[columns.length][];
    for (int c = 0; c < columns.length; c++) {
      int column = columns[c];
      if (column < numKeys) {
        // group-by values are decoded on first use: most comparisons are decided by an aggregate
        objects[c] = new Object[numGroups];
        loaded[c] = new boolean[numGroups];
      } else {
        numbers[c] = new double[numGroups];
        for (int g = 0; g < numGroups; g++) {
          Object value = result.holder(column - numKeys).finalResult(g);
          if (value == null) {
            nulls[c] = nulls[c] == null ? new boolean[numGroups] : nulls[c];
            nulls[c][g] = true;
          } else {
            numbers[c][g] = ((Number) value).doubleValue();
          }
        }
      }
    }
    return (x, y) -> {
      for (int c = 0; c < columns.length; c++) {
        int cmp;
        if (numbers[c] == null) {
          cmp = Values.compareOrdered(keyValue(result, c, x, objects, loaded),
              keyValue(result, c, y, objects, loaded), ascending[c], nullsLast[c]);
        } else if (nulls[c] != null && (nulls[c][x] || nulls[c][y])) {
          cmp = nulls[c][x] == nulls[c][y] ? 0 : nulls[c][x] == nullsLast[c] ? 1 : -1;
        } else {
          cmp = ascending[c] ? Double.compare(numbers[c][x], numbers[c][y])
              : Double.compare(numbers[c][y], numbers[c][x]);
        }
        if (cmp != 0) {
          return cmp;
        }
      }
      return 0;
    };
  }

  private @Nullable Object keyValue(GroupByResult result, int c, int group, Object[][] objects, boolean[][] loaded) {
    if (!loaded[c][group]) {
      objects[c][group] = result.key(group)[columns[c]];
      loaded[c][group] = true;
    }
    return objects[c][group];
  }
}
