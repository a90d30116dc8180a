// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.sql;

import io.pinot.query.context.Expression;
import io.pinot.query.context.FilterNode;
import io.pinot.query.context.FunctionCall;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.Literal;
import io.pinot.query.context.OrderByExpression;
import io.pinot.query.context.Predicate;
import io.pinot.query.function.AggregationFunctions;
import io.pinot.query.timestamp.DateTruncCall;
import io.pinot.query.transform.TransformTypes;
import io.pinot.spi.exception.QueryErrorCode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// The checks Pinot's SQL compiler makes before any schema is known; failures are SQL_PARSING (150) with
/// Pinot's messages; unknown functions fail with QUERY_VALIDATION (700) naming them. Also rejects, with
/// QUERY_PLANNING (720), shapes the engine does not run yet (expressions over aggregation results, `*` beside other
/// expressions, HAVING without GROUP BY). Thread-safe (no state).
final class QueryValidator {
  private QueryValidator() {
  }

  static void validate(List<Expression> select, List<Expression> groupBy, @Nullable FilterNode having,
      List<OrderByExpression> orderBy, boolean distinct) {
    if (select.size() > 1 && select.contains(Identifier.STAR)) {
      throw SqlParsing.unsupported("'*' together with other select expressions");
    }
    int numAggregated = 0;
    int numPlain = 0;
    for (Expression expression : select) {
      if (AggregationFunctions.isAggregation(expression)
          || expression instanceof FunctionCall call && containsAggregation(call)) {
        numAggregated++;
      } else if (!groupBy.isEmpty() && !dependsOnGroupBy(expression, groupBy)) {
        throw QueryErrorCode.SQL_PARSING.asException("'" + expression
            + "' should be functionally dependent on the columns used in GROUP BY clause.");
      } else if (!(expression instanceof Literal)) {
        numPlain++;
      }
    }
    if (groupBy.isEmpty() && numAggregated > 0 && numPlain > 0) {
      throw QueryErrorCode.SQL_PARSING.asException(
          "Columns and Aggregate functions can't co-exist without GROUP BY clause");
    }
    for (Expression expression : groupBy) {
      if (AggregationFunctions.isAggregation(expression)) {
        throw QueryErrorCode.SQL_PARSING.asException("Aggregate expression '" + expression
            + "' is not allowed in GROUP BY clause.");
      }
    }
    if (distinct) {
      for (OrderByExpression order : orderBy) {
        if (!select.contains(order.expression())) {
          throw QueryErrorCode.SQL_PARSING.asException("ORDER-BY columns should be included in the DISTINCT columns");
        }
      }
    }
    if (having != null && groupBy.isEmpty()) {
      throw SqlParsing.unsupported("HAVING without GROUP BY");
    }
    for (Expression expression : select) {
      checkSupported(expression, true);
    }
    for (Expression expression : groupBy) {
      checkSupported(expression, false);
    }
    for (OrderByExpression order : orderBy) {
      checkSupported(order.expression(), true);
    }
    if (having != null) {
      checkSupported(having);
    }
  }

  /// WHERE predicates must compare a column or `DATETRUNC(unit, column)` (other transform functions are not
  /// supported yet).
  static void validateWhere(FilterNode filter) {
    switch (filter) {
      case FilterNode.And and -> and.children().forEach(QueryValidator::validateWhere);
      case FilterNode.Or or -> or.children().forEach(QueryValidator::validateWhere);
      case FilterNode.Not not -> validateWhere(not.child());
      case Predicate predicate -> {
        if (predicate.lhs() instanceof FunctionCall call && DateTruncCall.match(call) == null) {
          if (AggregationFunctions.isAggregation(call.name())) {
            throw QueryErrorCode.SQL_PARSING.asException("Aggregate expression '" + call
                + "' is not allowed in WHERE clause.");
          }
          checkTransform(call);
        }
        if (predicate.lhs() instanceof Literal) {
          throw SqlParsing.unsupported("Filter on expression[" + predicate.lhs() + "]");
        }
      }
    }
  }

  private static boolean dependsOnGroupBy(Expression expression, List<Expression> groupBy) {
    if (groupBy.contains(expression) || expression instanceof Literal) {
      return true;
    }
    if (expression instanceof FunctionCall call) {
      if (AggregationFunctions.isAggregation(call.name())) {
        return true;
      }
      for (Expression argument : call.arguments()) {
        if (!dependsOnGroupBy(argument, groupBy)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /// Columns, literals, transforms of columns, aggregations of either, and expressions over aggregation results
  /// run; a literal alone is not a GROUP BY key.
  private static void checkSupported(Expression expression, boolean aggregationAllowed) {
    switch (expression) {
      case Identifier identifier -> {
      }
      case Literal literal -> {
        if (!aggregationAllowed) {
          throw SqlParsing.unsupported("Literal expression[" + literal + "] in GROUP BY");
        }
      }
      case FunctionCall call -> {
        if (DateTruncCall.match(call) != null) {
          return;
        }
        if (!AggregationFunctions.isAggregation(call.name())) {
          if (containsAggregation(call) && !aggregationAllowed) {
            throw QueryErrorCode.SQL_PARSING.asException("Aggregate expression '" + call
                + "' is not allowed in GROUP BY clause.");
          }
          checkPostAggregation(call);
          return;
        }
        if (!aggregationAllowed) {
          throw QueryErrorCode.SQL_PARSING.asException("Aggregate expression '" + call
              + "' is not allowed in GROUP BY clause.");
        }
        if (call.name().equals(AggregationFunctions.FILTER) && !call.arguments().isEmpty()) {
          // `agg FILTER (WHERE condition)`: the aggregation is checked here, the condition when it is planned.
          checkSupported(call.arguments().get(0), true);
          return;
        }
        for (Expression argument : call.arguments()) {
          if (argument instanceof FunctionCall inner) {
            if (containsAggregation(inner)) {
              throw QueryErrorCode.SQL_PARSING.asException("Aggregation function[" + call.name()
                  + "] cannot take another aggregation as argument: " + call);
            }
            checkTransform(inner);
          }
        }
      }
    }
  }

  /// Checks an expression that may combine aggregations (evaluated by the broker) with transforms.
  private static void checkPostAggregation(FunctionCall call) {
    if (!containsAggregation(call)) {
      checkTransform(call);
      return;
    }
    if (!TransformTypes.isKnown(call)) {
      TransformTypes.lookup(call);
    }
    for (Expression argument : call.arguments()) {
      if (argument instanceof FunctionCall inner) {
        if (AggregationFunctions.isAggregation(inner.name())) {
          checkSupported(inner, true);
        } else {
          checkPostAggregation(inner);
        }
      }
    }
  }

  /// Checks that every function of a transform expression exists with its number of arguments.
  private static void checkTransform(FunctionCall call) {
    if (DateTruncCall.match(call) != null) {
      return;
    }
    if (call.name().equals("cast")) {
      TransformTypes.castTarget(call);
    } else if (!TransformTypes.isKnown(call)) {
      TransformTypes.lookup(call);
    }
    for (Expression argument : call.arguments()) {
      if (argument instanceof FunctionCall inner) {
        checkTransform(inner);
      }
    }
  }

  private static boolean containsAggregation(FunctionCall call) {
    if (AggregationFunctions.isAggregation(call.name())) {
      return true;
    }
    for (Expression argument : call.arguments()) {
      if (argument instanceof FunctionCall inner && containsAggregation(inner)) {
        return true;
      }
    }
    return false;
  }

  private static void checkSupported(FilterNode filter) {
    switch (filter) {
      case FilterNode.And and -> and.children().forEach(QueryValidator::checkSupported);
      case FilterNode.Or or -> or.children().forEach(QueryValidator::checkSupported);
      case FilterNode.Not not -> checkSupported(not.child());
      case Predicate predicate -> checkSupported(predicate.lhs(), true);
    }
  }
}
