// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.sql;

import io.pinot.query.context.Expression;
import io.pinot.query.context.FunctionCall;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.Literal;
import io.pinot.query.context.Predicate;
import io.pinot.segment.spi.JsonFilter;
import io.pinot.spi.exception.QueryErrorCode;
import io.pinot.spi.exception.QueryException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlBetweenOperator;

/// Converts `JSON_MATCH(column, 'filter')` into a [Predicate.JsonMatch], parsing the filter text with the query
/// parser into a [JsonFilter], as Pinot parses it: the left side of each condition is a JSON path written as a
/// (double-quoted) identifier (`"$.a.b"`, `"$.arr[*].c"`, `"$.arr[0].c"`, or legacy `a.b`), compared with literals
/// by `=`, `!=`/`<>`, `<`, `<=`, `>`, `>=`, `BETWEEN`, `IN`, `NOT IN`, `IS NULL`, `IS NOT NULL` or
/// `REGEXP_LIKE("$.path", 'regex')`, joined by AND, OR and parentheses. `IS NULL` is only allowed as the whole
/// filter and NOT is not supported (Pinot's JSON index evaluates neither inside other conditions).
///
/// A filter that does not parse or uses anything else fails with QUERY_VALIDATION (700) `Invalid json match filter:
/// <filter>`, as Pinot's JSON index reader answers; a call with other arguments fails with SQL_PARSING (150).
/// Thread-safe (no state).
final class JsonMatchConverter {
  private JsonMatchConverter() {
  }

  /// Whether `operatorName` is `JSON_MATCH` (any case, underscores ignored).
  static boolean handles(String operatorName) {
    return FunctionCall.canonicalName(operatorName).equals("jsonmatch");
  }

  static Predicate.JsonMatch convert(SqlBasicCall call) {
    if (call.operandCount() != 2) {
      throw QueryErrorCode.SQL_PARSING.asException("JSON_MATCH expects 2 arguments (column, filter), got "
          + call.operandCount());
    }
    Expression column = ExpressionConverter.convert(call.operand(0));
    if (!(column instanceof Identifier)) {
      throw QueryErrorCode.SQL_PARSING.asException("The first argument of JSON_MATCH must be a column, got "
          + column);
    }
    Expression filter = ExpressionConverter.convert(call.operand(1));
    if (!(filter instanceof Literal literal) || !(literal.value() instanceof String text)) {
      throw QueryErrorCode.SQL_PARSING.asException("The second argument of JSON_MATCH must be a string literal, got "
          + filter);
    }
    return new Predicate.JsonMatch(column, text, parse(text));
  }

  /// Parses the filter text of `JSON_MATCH`.
  ///
  /// @throws QueryException QUERY_VALIDATION when the text is not a supported filter
  static JsonFilter parse(String text) {
    try {
      JsonFilter filter = convert(SqlParsing.parseExpression(text));
      checkNoNestedIsNull(filter, true);
      return filter;
    } catch (QueryException | IllegalArgumentException | ClassCastException e) {
      throw QueryErrorCode.QUERY_VALIDATION.asException("Invalid json match filter: " + text);
    }
  }

  private static JsonFilter convert(SqlNode node) {
    if (!(node instanceof SqlBasicCall call)) {
      throw new IllegalArgumentException("not a condition: " + node);
    }
    SqlKind kind = call.getKind();
    return switch (kind) {
      case AND -> new JsonFilter.And(flatten(call, SqlKind.AND));
      case OR -> new JsonFilter.Or(flatten(call, SqlKind.OR));
      case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> comparison(call);
      case BETWEEN -> between(call);
      case IN, NOT_IN -> in(call, kind == SqlKind.NOT_IN);
      case IS_NULL -> new JsonFilter.IsNull(path(call.operand(0)));
      case IS_NOT_NULL -> new JsonFilter.IsNotNull(path(call.operand(0)));
      default -> {
        if (!FunctionCall.canonicalName(call.getOperator().getName()).equals("regexplike")
            || call.operandCount() != 2) {
          throw new IllegalArgumentException("unsupported condition " + call);
        }
        yield new JsonFilter.RegexpLike(path(call.operand(0)), text(literal(call.operand(1))));
      }
    };
  }

  private static List<JsonFilter> flatten(SqlBasicCall call, SqlKind kind) {
    List<JsonFilter> children = new ArrayList<>();
    for (SqlNode operand : call.getOperandList()) {
      if (operand instanceof SqlBasicCall child && child.getKind() == kind) {
        children.addAll(flatten(child, kind));
      } else {
        children.add(convert(operand));
      }
    }
    return children;
  }

  private static JsonFilter comparison(SqlBasicCall call) {
    SqlNode left = call.operand(0);
    SqlNode right = call.operand(1);
    SqlKind kind = call.getKind();
    if (ExpressionConverter.convert(left) instanceof Literal) {
      SqlNode swap = left;
      left = right;
      right = swap;
      kind = kind.reverse();
    }
    String path = path(left);
    Literal value = literal(right);
    String text = text(value);
    return switch (kind) {
      case EQUALS -> new JsonFilter.Eq(path, text);
      case NOT_EQUALS -> new JsonFilter.NotEq(path, text);
      case LESS_THAN -> new JsonFilter.Range(path, null, false, text, false, value.isNumber());
      case LESS_THAN_OR_EQUAL -> new JsonFilter.Range(path, null, false, text, true, value.isNumber());
      case GREATER_THAN -> new JsonFilter.Range(path, text, false, null, false, value.isNumber());
      default -> new JsonFilter.Range(path, text, true, null, false, value.isNumber());
    };
  }

  private static JsonFilter between(SqlBasicCall call) {
    SqlBetweenOperator operator = (SqlBetweenOperator) call.getOperator();
    if (operator.isNegated() || operator.flag == SqlBetweenOperator.Flag.SYMMETRIC) {
      throw new IllegalArgumentException("unsupported BETWEEN " + call);
    }
    Literal lower = literal(call.operand(1));
    Literal upper = literal(call.operand(2));
    return new JsonFilter.Range(path(call.operand(0)), text(lower), true, text(upper), true,
        lower.isNumber() && upper.isNumber());
  }

  private static JsonFilter in(SqlBasicCall call, boolean negated) {
    if (!(call.operand(1) instanceof SqlNodeList list)) {
      throw new IllegalArgumentException("IN needs a list of values");
    }
    List<String> values = new ArrayList<>(list.size());
    for (SqlNode value : list) {
      values.add(text(literal(value)));
    }
    String path = path(call.operand(0));
    return negated ? new JsonFilter.NotIn(path, values) : new JsonFilter.In(path, values);
  }

  private static String path(SqlNode node) {
    if (ExpressionConverter.convert(node) instanceof Identifier identifier && !identifier.isStar()) {
      return identifier.name();
    }
    throw new IllegalArgumentException("the left side must be a JSON path identifier, got " + node);
  }

  private static Literal literal(SqlNode node) {
    if (ExpressionConverter.convert(node) instanceof Literal literal) {
      return literal;
    }
    throw new IllegalArgumentException("expected a literal, got " + node);
  }

  private static String text(Literal literal) {
    return literal.text();
  }

  private static void checkNoNestedIsNull(JsonFilter filter, boolean top) {
    switch (filter) {
      case JsonFilter.And and -> and.children().forEach(child -> checkNoNestedIsNull(child, false));
      case JsonFilter.Or or -> or.children().forEach(child -> checkNoNestedIsNull(child, false));
      case JsonFilter.IsNull isNull -> {
        if (!top) {
          throw new IllegalArgumentException("IS NULL cannot be nested");
        }
      }
      case JsonFilter.Leaf leaf -> {
      }
    }
  }
}
