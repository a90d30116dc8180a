// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.query.context.Expression;
import io.pinot.query.context.FilterNode;
import io.pinot.query.context.FunctionCall;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.Literal;
import io.pinot.query.context.Predicate;
import io.pinot.query.filter.LikePatterns;
import io.pinot.spi.exception.QueryErrorCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/// The condition of an aggregation's `FILTER (WHERE ...)` clause, which the SQL converter leaves as an expression
/// (`greaterthan(age,'30')`): turned into a [FilterNode] the filter planner runs, and printed as Pinot prints a
/// `FilterContext` for the result column name (`(age > '30' AND country = 'US')`). Conditions: AND, OR, NOT,
/// comparisons of an expression with a literal, BETWEEN, IN, NOT IN, LIKE, IS [NOT] NULL, REGEXP_LIKE, TEXT_MATCH
/// and a boolean column alone (`col = true`); others fail
/// with QUERY_PLANNING. Stateless and thread-safe.
public final class FilterExpressions {
  private FilterExpressions() {
  }

  /// The filter of a condition expression.
  ///
  /// @throws io.pinot.spi.exception.QueryException QUERY_PLANNING for an unsupported condition, QUERY_VALIDATION
  ///     for an invalid regular expression
  public static FilterNode toFilter(Expression condition) {
    if (condition instanceof Identifier identifier && !identifier.isStar()) {
      // A boolean column used as a condition, as Pinot rewrites it: `col = true`.
      return new Predicate.Eq(identifier, "true");
    }
    if (!(condition instanceof FunctionCall call)) {
      throw unsupported(condition);
    }
    List<Expression> args = call.arguments();
    return switch (call.name()) {
      case "and" -> new FilterNode.And(children(call));
      case "or" -> new FilterNode.Or(children(call));
      case "not" -> new FilterNode.Not(toFilter(args.get(0)));
      case "equals", "notequals", "greaterthan", "greaterthanorequal", "lessthan", "lessthanorequal" ->
          comparison(call);
      case "between" -> new Predicate.Range(args.get(0), value(call, args.get(1)), true, value(call, args.get(2)),
          true);
      case "in", "notin" -> {
        List<Object> values = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
          values.add(value(call, args.get(i)));
        }
        yield call.name().equals("in") ? new Predicate.In(args.get(0), values)
            : new Predicate.NotIn(args.get(0), values);
      }
      case "like" -> new Predicate.Like(args.get(0), text(call, args.get(1)));
      case "isnull", "isnotnull" -> new Predicate.Eq(call, "true");
      case "regexplike" -> regexpLike(call);
      case "textmatch" -> new Predicate.TextMatch(args.get(0), text(call, args.get(1)),
          args.size() > 2 ? text(call, args.get(2)) : null);
      default -> throw unsupported(condition);
    };
  }

  private static List<FilterNode> children(FunctionCall call) {
    List<FilterNode> children = new ArrayList<>();
    for (Expression argument : call.arguments()) {
      FilterNode child = toFilter(argument);
      if (child instanceof FilterNode.And and && call.name().equals("and")) {
        children.addAll(and.children());
      } else if (child instanceof FilterNode.Or or && call.name().equals("or")) {
        children.addAll(or.children());
      } else {
        children.add(child);
      }
    }
    return children;
  }

  private static FilterNode comparison(FunctionCall call) {
    Expression left = call.arguments().get(0);
    Expression right = call.arguments().get(1);
    String name = call.name();
    if (left instanceof Literal && !(right instanceof Literal)) {
      Expression swap = left;
      left = right;
      right = swap;
      name = switch (name) {
        case "greaterthan" -> "lessthan";
        case "greaterthanorequal" -> "lessthanorequal";
        case "lessthan" -> "greaterthan";
        case "lessthanorequal" -> "greaterthanorequal";
        default -> name;
      };
    }
    if (left instanceof Literal) {
      throw unsupported(call);
    }
    Expression lhs = left;
    Object value;
    if (right instanceof Literal literal) {
      value = literal.value();
    } else {
      lhs = new FunctionCall("minus", List.of(left, right));
      value = BigDecimal.ZERO;
    }
    return switch (name) {
      case "equals" -> new Predicate.Eq(lhs, value);
      case "notequals" -> new Predicate.NotEq(lhs, value);
      case "lessthan" -> new Predicate.Range(lhs, null, false, value, false);
      case "lessthanorequal" -> new Predicate.Range(lhs, null, false, value, true);
      case "greaterthan" -> new Predicate.Range(lhs, value, false, null, false);
      default -> new Predicate.Range(lhs, value, true, null, false);
    };
  }

  private static FilterNode regexpLike(FunctionCall call) {
    String pattern = text(call, call.arguments().get(1));
    boolean caseInsensitive = call.arguments().size() > 2 && text(call, call.arguments().get(2)).contains("i");
    try {
      Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw QueryErrorCode.QUERY_VALIDATION.asException("Invalid regular expression[" + pattern + "]: "
          + e.getDescription());
    }
    return new Predicate.RegexpLike(call.arguments().get(0), pattern, caseInsensitive);
  }

  private static Object value(FunctionCall call, Expression expression) {
    if (expression instanceof Literal literal) {
      return literal.value();
    }
    throw QueryErrorCode.QUERY_PLANNING.asException("Non-literal value[" + expression + "] in " + call
        + " is not supported yet");
  }

  private static String text(FunctionCall call, Expression expression) {
    Object value = value(call, expression);
    return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
  }

  private static RuntimeException unsupported(Expression condition) {
    return QueryErrorCode.QUERY_PLANNING.asException("Filter[" + condition + "] in FILTER (WHERE ...) of an "
        + "aggregation is not supported yet");
  }

  /// Pinot's text of a filter (`FilterContext.toString()`): `(a AND b)`, `(a OR b)`, `(NOT a)`, predicates as
  /// `x = 'v'`, `x != 'v'`, `x IN ('a','b')`, `x > 'v'`, `x BETWEEN 'a' AND 'b'`, `regexp_like(x,'p')`,
  /// `text_match(x,'q')`; LIKE prints as the regular expression it is matched with.
  public static String pinotText(FilterNode filter) {
    return switch (filter) {
      case FilterNode.And and -> join(and.children(), " AND ");
      case FilterNode.Or or -> join(or.children(), " OR ");
      case FilterNode.Not not -> "(NOT " + pinotText(not.child()) + ")";
      case Predicate.Eq eq when eq.lhs() instanceof FunctionCall call && "true".equals(eq.value())
          && (call.name().equals("isnull") || call.name().equals("isnotnull")) ->
          call.arguments().get(0) + (call.name().equals("isnull") ? " IS NULL" : " IS NOT NULL");
      case Predicate.Eq eq -> eq.lhs() + " = '" + valueText(eq.value()) + "'";
      case Predicate.NotEq notEq -> notEq.lhs() + " != '" + valueText(notEq.value()) + "'";
      case Predicate.In in -> in.lhs() + " IN (" + values(in.values()) + ")";
      case Predicate.NotIn notIn -> notIn.lhs() + " NOT IN (" + values(notIn.values()) + ")";
      case Predicate.Range range -> rangeText(range);
      case Predicate.Like like -> "regexp_like(" + like.lhs() + ",'" + LikePatterns.compile(like.pattern()).pattern()
          + "')";
      case Predicate.RegexpLike regexp -> "regexp_like(" + regexp.lhs() + ",'" + regexp.pattern() + "')";
      case Predicate.TextMatch text -> "text_match(" + text.lhs() + ",'" + text.query() + "')";
      case Predicate.JsonMatch json -> "json_match(" + json.lhs() + ",'" + json.filterText() + "')";
    };
  }

  private static String rangeText(Predicate.Range range) {
    String lhs = range.lhs().toString();
    if (range.lower() == null) {
      return lhs + (range.upperInclusive() ? " <= '" : " < '") + valueText(range.upper()) + "'";
    }
    if (range.upper() == null) {
      return lhs + (range.lowerInclusive() ? " >= '" : " > '") + valueText(range.lower()) + "'";
    }
    if (range.lowerInclusive() && range.upperInclusive()) {
      return lhs + " BETWEEN '" + valueText(range.lower()) + "' AND '" + valueText(range.upper()) + "'";
    }
    return "(" + lhs + (range.lowerInclusive() ? " >= '" : " > '") + valueText(range.lower()) + "' AND " + lhs
        + (range.upperInclusive() ? " <= '" : " < '") + valueText(range.upper()) + "')";
  }

  private static String join(List<FilterNode> children, String separator) {
    StringBuilder text = new StringBuilder("(");
    for (int i = 0; i < children.size(); i++) {
      text.append(i == 0 ? "" : separator).append(pinotText(children.get(i)));
    }
    return text.append(')').toString();
  }

  private static String values(List<Object> values) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      text.append(i == 0 ? "'" : ",'").append(valueText(values.get(i))).append('\'');
    }
    return text.toString();
  }

  private static String valueText(Object value) {
    return value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value);
  }
}
