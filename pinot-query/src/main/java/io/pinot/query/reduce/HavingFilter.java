// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.reduce;

import io.pinot.query.context.FilterNode;
import io.pinot.query.context.Predicate;
import io.pinot.query.context.QueryContext;
import io.pinot.query.filter.LikePatterns;
import io.pinot.query.filter.RegexpPatterns;
import io.pinot.query.function.ByteArray;
import io.pinot.spi.exception.QueryErrorCode;
import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/// Evaluates a HAVING condition on group rows (group-by values then final aggregation values, see
/// [GroupOrder]): numbers compare numerically with numeric literals, other values by their text.
/// Immutable and thread-safe.
final class HavingFilter {
  private final FilterNode having;
  /// The group-row index of each predicate's left-hand side, resolved once (rows are many).
  private final Map<Predicate, Integer> columns = new IdentityHashMap<>();

  HavingFilter(QueryContext query, FilterNode having) {
    this.having = having;
    resolve(query, having);
  }

  private void resolve(QueryContext query, FilterNode node) {
    switch (node) {
      case FilterNode.And and -> and.children().forEach(child -> resolve(query, child));
      case FilterNode.Or or -> or.children().forEach(child -> resolve(query, child));
      case FilterNode.Not not -> resolve(query, not.child());
      case Predicate predicate -> columns.put(predicate, GroupOrder.rowIndex(query, predicate.lhs()));
    }
  }

  boolean matches(Object[] row) {
    return matches(having, row, false);
  }

  /// Whether `node` (`NOT node` when `negated`) is true: NOT is pushed down to the predicates, and a predicate on a
  /// null value (a null aggregate under `enableNullHandling`) is unknown, which is never true, negated or not.
  private boolean matches(FilterNode node, Object[] row, boolean negated) {
    return switch (node) {
      case FilterNode.And and -> negated ? any(and.children(), row, true) : all(and.children(), row, false);
      case FilterNode.Or or -> negated ? all(or.children(), row, true) : any(or.children(), row, false);
      case FilterNode.Not not -> matches(not.child(), row, !negated);
      case Predicate predicate -> {
        Object value = row[columns.get(predicate)];
        yield value != null && matches(predicate, value) != negated;
      }
    };
  }

  private boolean all(List<FilterNode> children, Object[] row, boolean negated) {
    for (FilterNode child : children) {
      if (!matches(child, row, negated)) {
        return false;
      }
    }
    return true;
  }

  private boolean any(List<FilterNode> children, Object[] row, boolean negated) {
    for (FilterNode child : children) {
      if (matches(child, row, negated)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(Predicate predicate, Object value) {
    return switch (predicate) {
      case Predicate.Eq eq -> compare(value, eq.value()) == 0;
      case Predicate.NotEq notEq -> compare(value, notEq.value()) != 0;
      case Predicate.In in -> containsEqual(in.values(), value);
      case Predicate.NotIn notIn -> !containsEqual(notIn.values(), value);
      case Predicate.Range range -> inRange(range, value);
      case Predicate.Like like -> {
        Pattern pattern = LikePatterns.compile(like.pattern());
        yield pattern.matcher(String.valueOf(Values.stored(value) instanceof byte[] b
            ? HexFormat.of().formatHex(b) : value)).matches();
      }
      case Predicate.JsonMatch json -> throw QueryErrorCode.QUERY_PLANNING.asException(
          "JSON_MATCH in HAVING is not supported");
      case Predicate.RegexpLike regexpLike -> RegexpPatterns.compile(regexpLike).matcher(String.valueOf(
          Values.stored(value) instanceof byte[] b ? HexFormat.of().formatHex(b) : value)).find();
      case Predicate.TextMatch textMatch -> throw QueryErrorCode.QUERY_PLANNING.asException(
          "TEXT_MATCH in HAVING is not supported");
    };
  }

  private static boolean containsEqual(List<Object> literals, Object value) {
    for (Object literal : literals) {
      if (compare(value, literal) == 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean inRange(Predicate.Range range, Object value) {
    if (range.lower() != null) {
      int cmp = compare(value, range.lower());
      if (cmp < 0 || cmp == 0 && !range.lowerInclusive()) {
        return false;
      }
    }
    if (range.upper() != null) {
      int cmp = compare(value, range.upper());
      return cmp < 0 || cmp == 0 && range.upperInclusive();
    }
    return true;
  }

  /// Compares a group value with a literal.
  static int compare(Object value, Object literal) {
    if (value instanceof Number number) {
      BigDecimal bound = switch (literal) {
        case BigDecimal decimal -> decimal;
        case Double d -> BigDecimal.valueOf(d);
        case Boolean b -> b ? BigDecimal.ONE : BigDecimal.ZERO;
        default -> new BigDecimal(literal.toString().trim());
      };
      if (number instanceof Double || number instanceof Float) {
        double d = number.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          return Double.compare(d, bound.doubleValue());
        }
        return new BigDecimal(d).compareTo(bound);
      }
      BigDecimal decimal = number instanceof BigDecimal big ? big : BigDecimal.valueOf(number.longValue());
      return decimal.compareTo(bound);
    }
    String text = literal instanceof BigDecimal decimal ? decimal.toPlainString() : literal.toString();
    if (value instanceof ByteArray bytes) {
      return bytes.compareTo(new ByteArray(HexFormat.of().parseHex(text)));
    }
    return value.toString().compareTo(text);
  }
}
