// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.explain;

import io.pinot.query.context.FilterNode;
import io.pinot.query.context.Predicate;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// Pinot's text of predicates and filters in EXPLAIN output: values quoted as strings (`age > '30'`,
/// `country IN ('US','DE')`, `ts BETWEEN '1' AND '9'`), predicate type names (`EQ`, `NOT_EQ`, `IN`, `NOT_IN`,
/// `RANGE`, `REGEXP_LIKE`, `TEXT_MATCH`, `JSON_MATCH`) and `(a AND b)` / `(a OR b)` / `(NOT a)` for trees.
/// Thread-safe (no state).
final class PredicateText {
  private PredicateText() {
  }

  /// Pinot's predicate type name (`operator:` of filter operators). LIKE has no type of its own here; Pinot
  /// rewrites it to a regular expression, this engine matches the pattern directly and shows `LIKE`.
  static String type(Predicate predicate) {
    return switch (predicate) {
      case Predicate.Eq eq -> "EQ";
      case Predicate.NotEq notEq -> "NOT_EQ";
      case Predicate.In in -> "IN";
      case Predicate.NotIn notIn -> "NOT_IN";
      case Predicate.Range range -> "RANGE";
      case Predicate.Like like -> "LIKE";
      case Predicate.RegexpLike regexpLike -> "REGEXP_LIKE";
      case Predicate.JsonMatch jsonMatch -> "JSON_MATCH";
      case Predicate.TextMatch textMatch -> "TEXT_MATCH";
    };
  }

  static String text(Predicate predicate) {
    return switch (predicate) {
      case Predicate.Eq eq -> eq.lhs() + " = " + quoted(eq.value());
      case Predicate.NotEq notEq -> notEq.lhs() + " != " + quoted(notEq.value());
      case Predicate.In in -> in.lhs() + " IN " + list(in.values());
      case Predicate.NotIn notIn -> notIn.lhs() + " NOT IN " + list(notIn.values());
      case Predicate.Range range -> range(range);
      case Predicate.Like like -> like.lhs() + " LIKE " + quoted(like.pattern());
      case Predicate.RegexpLike regexp -> "regexp_like(" + regexp.lhs() + "," + quoted(regexp.pattern())
          + (regexp.caseInsensitive() ? ",'i')" : ")");
      case Predicate.JsonMatch json -> "json_match(" + json.lhs() + "," + quoted(json.filterText()) + ")";
      case Predicate.TextMatch textMatch -> "text_match(" + textMatch.lhs() + "," + quoted(textMatch.query())
          + (textMatch.options() == null ? ")" : "," + quoted(textMatch.options()) + ")");
    };
  }

  /// A filter tree (HAVING in `BROKER_REDUCE`).
  static String text(FilterNode filter) {
    return switch (filter) {
      case FilterNode.And and -> joined(and.children(), " AND ");
      case FilterNode.Or or -> joined(or.children(), " OR ");
      case FilterNode.Not not -> "(NOT " + text(not.child()) + ")";
      case Predicate predicate -> text(predicate);
    };
  }

  private static String joined(List<FilterNode> children, String operator) {
    StringBuilder text = new StringBuilder("(");
    for (int i = 0; i < children.size(); i++) {
      text.append(i == 0 ? "" : operator).append(text(children.get(i)));
    }
    return text.append(')').toString();
  }

  private static String range(Predicate.Range range) {
    String lhs = range.lhs().toString();
    if (range.lower() == null) {
      return lhs + (range.upperInclusive() ? " <= " : " < ") + quoted(range.upper());
    }
    if (range.upper() == null) {
      return lhs + (range.lowerInclusive() ? " >= " : " > ") + quoted(range.lower());
    }
    if (range.lowerInclusive() && range.upperInclusive()) {
      return lhs + " BETWEEN " + quoted(range.lower()) + " AND " + quoted(range.upper());
    }
    return "(" + lhs + (range.lowerInclusive() ? " >= " : " > ") + quoted(range.lower()) + " AND " + lhs
        + (range.upperInclusive() ? " <= " : " < ") + quoted(range.upper()) + ")";
  }

  private static String list(List<Object> values) {
    StringBuilder text = new StringBuilder("(");
    for (int i = 0; i < values.size(); i++) {
      text.append(i == 0 ? "" : ",").append(quoted(values.get(i)));
    }
    return text.append(')').toString();
  }

  private static String quoted(@Nullable Object value) {
    String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value);
    return "'" + text + "'";
  }
}
