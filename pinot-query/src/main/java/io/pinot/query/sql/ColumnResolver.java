// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.sql;

import io.pinot.query.context.Expression;
import io.pinot.query.context.Expressions;
import io.pinot.query.context.FilterNode;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.OrderByExpression;
import io.pinot.query.context.QueryContext;
import io.pinot.query.context.QueryType;
import io.pinot.query.context.TableColumns;
import io.pinot.query.function.AggregationFunction;
import io.pinot.spi.data.DataType;
import io.pinot.spi.exception.QueryErrorCode;
import io.pinot.spi.utils.TableNameBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/// Resolves the column names of a compiled query against a table's columns, as Pinot's broker does with
/// case-insensitive tables: `Country` and `events.country` become `country`; an unknown name fails with
/// UNKNOWN_COLUMN (710). Then checks what needs column types, failing with QUERY_VALIDATION (700):
/// numeric aggregations over numeric single-value columns, no ORDER BY on multi-value columns.
/// Thread-safe (no state).
public final class ColumnResolver {
  private ColumnResolver() {
  }

  public static QueryContext resolve(QueryContext query, TableColumns columns) {
    String rawTable = TableNameBuilder.rawTableName(query.tableName());
    Function<Identifier, Expression> mapper = identifier ->
        new Identifier(resolveName(identifier.name(), rawTable, columns));
    List<Expression> select = new ArrayList<>();
    for (Expression expression : query.selectExpressions()) {
      select.add(Expressions.mapIdentifiers(expression, mapper));
    }
    FilterNode filter = query.filter() == null ? null
        : Expressions.mapFilter(query.filter(), e -> Expressions.mapIdentifiers(e, mapper));
    List<Expression> groupBy = new ArrayList<>();
    for (Expression expression : query.groupByExpressions()) {
      groupBy.add(Expressions.mapIdentifiers(expression, mapper));
    }
    FilterNode having = query.having() == null ? null
        : Expressions.mapFilter(query.having(), e -> Expressions.mapIdentifiers(e, mapper));
    List<OrderByExpression> orderBy = new ArrayList<>();
    for (OrderByExpression order : query.orderByExpressions()) {
      orderBy.add(order.withExpression(Expressions.mapIdentifiers(order.expression(), mapper)));
    }
    QueryContext resolved = query.toBuilder().select(select, query.aliases()).filter(filter).groupBy(groupBy)
        .having(having).orderBy(orderBy).build();
    validateTypes(resolved, columns);
    return resolved;
  }

  private static String resolveName(String name, String rawTable, TableColumns columns) {
    TableColumns.Column column = columns.lookup(name);
    if (column == null && name.length() > rawTable.length() + 1 && name.charAt(rawTable.length()) == '.'
        && name.regionMatches(true, 0, rawTable, 0, rawTable.length())) {
      column = columns.lookup(name.substring(rawTable.length() + 1));
    }
    if (column == null) {
      throw QueryErrorCode.UNKNOWN_COLUMN.asException("Unknown columnName '" + name
          + "' found in the query for table '" + rawTable + "'");
    }
    return column.name();
  }

  private static void validateTypes(QueryContext query, TableColumns columns) {
    for (AggregationFunction function : query.aggregations()) {
      if (function.validateTypes(columns)) {
        continue;
      }
      if (!function.readsArgument() || !(function.argument() instanceof Identifier identifier)) {
        continue;
      }
      TableColumns.Column column = columns.lookup(identifier.name());
      if (function.name().equals("distinctcount") || column == null) {
        continue;
      }
      if (!column.singleValue()) {
        throw QueryErrorCode.QUERY_VALIDATION.asException("Function[" + function.name()
            + "] does not support multi-value column[" + column.name() + "]");
      }
      if (!isNumeric(column.dataType())
          && !(function.acceptsStringArgument() && column.dataType().storedType() == DataType.STRING)) {
        throw QueryErrorCode.QUERY_VALIDATION.asException("Function[" + function.name()
            + "] requires a numeric column, got column[" + column.name() + "] of type " + column.dataType());
      }
    }
    if (query.type() == QueryType.SELECTION) {
      for (OrderByExpression order : query.orderByExpressions()) {
        if (order.expression() instanceof Identifier identifier && !identifier.isStar()) {
          TableColumns.Column column = columns.lookup(identifier.name());
          if (column != null && !column.singleValue()) {
            throw QueryErrorCode.QUERY_VALIDATION.asException("ORDER BY is not supported on multi-value column["
                + column.name() + "]");
          }
        }
      }
    }
  }

  private static boolean isNumeric(DataType type) {
    return switch (type.storedType()) {
      case INT, LONG, FLOAT, DOUBLE, BIG_DECIMAL -> true;
      default -> false;
    };
  }
}
