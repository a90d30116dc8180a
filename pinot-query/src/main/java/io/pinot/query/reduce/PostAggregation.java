// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.reduce;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.function.ScalarFunction;
import io.pinot.common.function.ScalarType;
import io.pinot.query.context.Expression;
import io.pinot.query.context.FilterNode;
import io.pinot.query.context.FunctionCall;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.Literal;
import io.pinot.query.context.OrderByExpression;
import io.pinot.query.context.Predicate;
import io.pinot.query.context.QueryContext;
import io.pinot.query.filter.NullBitmaps;
import io.pinot.query.transform.TransformTypes;
import io.pinot.query.transform.TransformTypes.ValueType;
import io.pinot.spi.data.DataType;
import io.pinot.spi.exception.QueryErrorCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// Expressions over aggregation results and group-by values, evaluated by the broker on final group rows
/// (`SUM(a) / COUNT(*)`, `CASE WHEN SUM(x) > 10 THEN 'big' ELSE 'small' END`, `UPPER(country)` for `GROUP BY
/// country`), as Pinot's post-aggregation. A group row is `[k0 .. kn-1, a0 .. am-1, p0 .. pq-1]`: the group-by values,
/// the final aggregation values, then the values of these expressions ([#expressions]). Arithmetic is in double
/// precision; other functions are the registered scalar functions. Thread-safe (no state).
public final class PostAggregation {
  private PostAggregation() {
  }

  /// The post-aggregation expressions of a query (distinct, in order of first use in SELECT, ORDER BY, HAVING).
  public static List<Expression> expressions(QueryContext query) {
    List<Expression> found = new ArrayList<>();
    for (Expression expression : query.selectExpressions()) {
      add(query, expression, found);
    }
    for (OrderByExpression order : query.orderByExpressions()) {
      add(query, order.expression(), found);
    }
    if (query.having() != null) {
      addFilter(query, query.having(), found);
    }
    return found;
  }

  private static void addFilter(QueryContext query, FilterNode filter, List<Expression> found) {
    switch (filter) {
      case FilterNode.And and -> and.children().forEach(child -> addFilter(query, child, found));
      case FilterNode.Or or -> or.children().forEach(child -> addFilter(query, child, found));
      case FilterNode.Not not -> addFilter(query, not.child(), found);
      case Predicate predicate -> add(query, predicate.lhs(), found);
    }
  }

  private static void add(QueryContext query, Expression expression, List<Expression> found) {
    if ((expression instanceof FunctionCall || expression instanceof Literal)
        && query.groupByExpressions().indexOf(expression) < 0
        && query.aggregationIndex(expression) < 0 && !found.contains(expression)) {
      found.add(expression);
    }
  }

  /// The value of `expression` on a group row whose first `numKeys` values are the group-by values.
  public static @Nullable Object evaluate(QueryContext query, Expression expression, Object[] row) {
    int key = query.groupByExpressions().indexOf(expression);
    if (key >= 0) {
      return row[key];
    }
    int aggregation = query.aggregationIndex(expression);
    if (aggregation >= 0) {
      return row[query.groupByExpressions().size() + aggregation];
    }
    return switch (expression) {
      case Literal literal -> literal.value() instanceof BigDecimal decimal ? decimal.doubleValue() : literal.value();
      case Identifier identifier -> throw QueryErrorCode.QUERY_PLANNING.asException("Column[" + identifier
          + "] must be a GROUP BY expression or inside an aggregation");
      case FunctionCall call -> call(query, call, row);
    };
  }

  private static @Nullable Object call(QueryContext query, FunctionCall call, Object[] row) {
    @Nullable Object[] arguments = new Object[call.arguments().size()];
    for (int i = 0; i < arguments.length; i++) {
      arguments[i] = evaluate(query, call.arguments().get(i), row);
    }
    if (query.nullHandlingEnabled() && !NullBitmaps.isNullAware(call.name())) {
      for (Object argument : arguments) {
        if (argument == null) {
          return null;
        }
      }
    }
    if (arguments.length == 2 && isArithmetic(call.name()) && arguments[0] instanceof Number a
        && arguments[1] instanceof Number b) {
      double x = a.doubleValue();
      double y = b.doubleValue();
      return switch (call.name()) {
        case "plus" -> x + y;
        case "minus" -> x - y;
        case "times" -> x * y;
        case "divide" -> x / y;
        default -> x % y;
      };
    }
    ScalarFunction function = TransformTypes.lookup(call);
    try {
      return function.invoke(arguments);
    } catch (RuntimeException e) {
      throw QueryErrorCode.QUERY_EXECUTION.asException("Caught exception while evaluating " + call + ": "
          + e.getMessage());
    }
  }

  private static boolean isArithmetic(String name) {
    return switch (name) {
      case "plus", "minus", "times", "divide", "mod" -> true;
      default -> false;
    };
  }

  /// The result type of a post-aggregation expression, from the group-by value types and aggregation final types.
  public static ColumnDataType type(QueryContext query, Expression expression, List<ColumnDataType> keyTypes) {
    Map<String, ValueType> types = new HashMap<>();
    Expression placeholder = placeholders(query, expression, keyTypes, types);
    ValueType type = TransformTypes.of(placeholder, types::get);
    return ColumnDataType.of(type.type(), type.singleValue());
  }

  /// The expression with group-by values and aggregations replaced by identifiers typed in `types`.
  private static Expression placeholders(QueryContext query, Expression expression, List<ColumnDataType> keyTypes,
      Map<String, ValueType> types) {
    int key = query.groupByExpressions().indexOf(expression);
    if (key >= 0) {
      String name = "$key" + key;
      types.put(name, new ValueType(dataType(keyTypes.get(key)), true));
      return new Identifier(name);
    }
    int aggregation = query.aggregationIndex(expression);
    if (aggregation >= 0) {
      String name = "$aggregation" + aggregation;
      types.put(name, new ValueType(dataType(query.aggregations().get(aggregation).finalType()), true));
      return new Identifier(name);
    }
    if (expression instanceof FunctionCall call) {
      List<Expression> arguments = new ArrayList<>(call.arguments().size());
      for (Expression argument : call.arguments()) {
        arguments.add(placeholders(query, argument, keyTypes, types));
      }
      return new FunctionCall(call.name(), arguments);
    }
    return expression;
  }

  /// A value in the canonical Java form of `type` (`Long` for TIMESTAMP), ready for [ColumnDataType#format].
  ///
  /// @throws io.pinot.spi.exception.QueryException QUERY_EXECUTION when the value has no form of the type
  public static @Nullable Object canonical(ColumnDataType type, @Nullable Object value) {
    if (value == null) {
      return null;
    }
    DataType dataType = dataType(type);
    try {
      return ScalarType.of(dataType == DataType.TIMESTAMP ? DataType.LONG : dataType, true).convert(value);
    } catch (IllegalArgumentException e) {
      throw QueryErrorCode.QUERY_EXECUTION.asException(e.getMessage());
    }
  }

  private static DataType dataType(ColumnDataType type) {
    return switch (type) {
      case INT -> DataType.INT;
      case LONG -> DataType.LONG;
      case FLOAT -> DataType.FLOAT;
      case DOUBLE -> DataType.DOUBLE;
      case BIG_DECIMAL -> DataType.BIG_DECIMAL;
      case BOOLEAN -> DataType.BOOLEAN;
      case TIMESTAMP -> DataType.TIMESTAMP;
      case BYTES -> DataType.BYTES;
      case JSON -> DataType.JSON;
      default -> DataType.STRING;
    };
  }
}
