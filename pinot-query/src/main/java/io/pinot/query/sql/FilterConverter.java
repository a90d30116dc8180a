// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.sql;

import io.pinot.common.function.FunctionRegistry;
import io.pinot.query.context.Expression;
import io.pinot.query.context.FilterNode;
import io.pinot.query.context.FunctionCall;
import io.pinot.query.context.Literal;
import io.pinot.query.context.Predicate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlBetweenOperator;
import org.apache.calcite.sql.fun.SqlLikeOperator;

/// Converts a WHERE or HAVING condition into a [FilterNode]: AND/OR (flattened), NOT, comparisons with a
/// literal (a literal on the left is flipped: `5 < x` is `x > 5`), BETWEEN, IN, LIKE and their negations
/// (`NOT BETWEEN`, `NOT LIKE` become NOT nodes, `<>` and `NOT IN` exclusive predicates), and the filter functions
/// `REGEXP_LIKE` and `TEXT_MATCH` ([PatternFilterConverter]) and `JSON_MATCH` ([JsonMatchConverter]). Other
/// conditions fail with QUERY_PLANNING (720). Thread-safe (no state).
final class FilterConverter {
  private FilterConverter() {
  }

  static FilterNode convert(SqlNode node) {
    if (node instanceof SqlIdentifier column) {
      // A boolean column as the whole condition (`WHERE is_new`) means `is_new = true`.
      return new Predicate.Eq(ExpressionConverter.identifier(column), "true");
    }
    if (!(node instanceof SqlBasicCall call)) {
      throw SqlParsing.unsupported("Filter[" + node + "]");
    }
    SqlKind kind = call.getKind();
    return switch (kind) {
      case AND -> new FilterNode.And(flatten(call, SqlKind.AND));
      case OR -> new FilterNode.Or(flatten(call, SqlKind.OR));
      case NOT -> new FilterNode.Not(convert(call.operand(0)));
      case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> comparison(call);
      case BETWEEN -> between(call);
      case IN, NOT_IN -> in(call, kind == SqlKind.NOT_IN);
      case LIKE -> like(call);
      case IS_NULL, IS_NOT_NULL, IS_DISTINCT_FROM, IS_NOT_DISTINCT_FROM -> booleanExpression(call);
      default -> {
        if (JsonMatchConverter.handles(call.getOperator().getName())) {
          yield JsonMatchConverter.convert(call);
        }
        if (PatternFilterConverter.handles(call.getOperator().getName())) {
          yield PatternFilterConverter.convert(call);
        }
        if (FunctionRegistry.standard().contains(call.getOperator().getName())) {
          yield booleanExpression(call);
        }
        throw SqlParsing.unsupported("Filter operator[" + call.getOperator().getName() + "]");
      }
    };
  }

  /// A boolean-valued function used as a condition (`WHERE startsWith(city, 'S')`, `a IS DISTINCT FROM b`):
  /// `expression = true`, as Pinot rewrites it.
  private static FilterNode booleanExpression(SqlBasicCall call) {
    return new Predicate.Eq(ExpressionConverter.convert(call), "true");
  }

  private static List<FilterNode> flatten(SqlBasicCall call, SqlKind kind) {
    List<FilterNode> children = new ArrayList<>();
    for (SqlNode operand : call.getOperandList()) {
      if (operand instanceof SqlBasicCall child && child.getKind() == kind) {
        children.addAll(flatten(child, kind));
      } else {
        children.add(convert(operand));
      }
    }
    return children;
  }

  private static FilterNode comparison(SqlBasicCall call) {
    Expression left = ExpressionConverter.convert(call.operand(0));
    Expression right = ExpressionConverter.convert(call.operand(1));
    SqlKind kind = call.getKind();
    if (left instanceof Literal && !(right instanceof Literal)) {
      Expression swap = left;
      left = right;
      right = swap;
      kind = kind.reverse();
    }
    if (left instanceof Literal) {
      throw SqlParsing.unsupported("Comparison[" + call + "] between two literals");
    }
    Expression lhs = left;
    Object value;
    if (right instanceof Literal literal) {
      value = literal.value();
    } else {
      // As Pinot: `a > b` is `minus(a,b) > 0`.
      lhs = new FunctionCall("minus", List.of(left, right));
      value = BigDecimal.ZERO;
    }
    return switch (kind) {
      case EQUALS -> new Predicate.Eq(lhs, value);
      case NOT_EQUALS -> new Predicate.NotEq(lhs, value);
      case LESS_THAN -> new Predicate.Range(lhs, null, false, value, false);
      case LESS_THAN_OR_EQUAL -> new Predicate.Range(lhs, null, false, value, true);
      case GREATER_THAN -> new Predicate.Range(lhs, value, false, null, false);
      default -> new Predicate.Range(lhs, value, true, null, false);
    };
  }

  private static FilterNode between(SqlBasicCall call) {
    SqlBetweenOperator operator = (SqlBetweenOperator) call.getOperator();
    if (operator.flag == SqlBetweenOperator.Flag.SYMMETRIC) {
      throw SqlParsing.unsupported("BETWEEN SYMMETRIC");
    }
    Expression lhs = ExpressionConverter.convert(call.operand(0));
    Predicate range = new Predicate.Range(lhs, literalValue(call.operand(1)), true, literalValue(call.operand(2)),
        true);
    return operator.isNegated() ? new FilterNode.Not(range) : range;
  }

  private static FilterNode in(SqlBasicCall call, boolean negated) {
    Expression lhs = ExpressionConverter.convert(call.operand(0));
    if (!(call.operand(1) instanceof SqlNodeList list)) {
      throw SqlParsing.unsupported("IN with a subquery");
    }
    List<Object> values = new ArrayList<>(list.size());
    for (SqlNode value : list) {
      values.add(literalValue(value));
    }
    return negated ? new Predicate.NotIn(lhs, values) : new Predicate.In(lhs, values);
  }

  private static FilterNode like(SqlBasicCall call) {
    if (call.operandCount() > 2) {
      throw SqlParsing.unsupported("LIKE with ESCAPE");
    }
    Expression lhs = ExpressionConverter.convert(call.operand(0));
    Object pattern = literalValue(call.operand(1));
    Predicate like = new Predicate.Like(lhs, pattern instanceof String text ? text : pattern.toString());
    return ((SqlLikeOperator) call.getOperator()).isNegated() ? new FilterNode.Not(like) : like;
  }

  private static Object literalValue(SqlNode node) {
    Expression expression = ExpressionConverter.convert(node);
    if (expression instanceof Literal literal) {
      return literal.value();
    }
    throw SqlParsing.unsupported("Non-literal value[" + node + "] in a filter");
  }
}
