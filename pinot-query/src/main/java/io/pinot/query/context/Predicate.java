// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.context;

import static java.util.Objects.requireNonNull;

import io.pinot.segment.spi.JsonFilter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// A leaf filter comparing an expression (a column in WHERE; a group key or aggregation in HAVING) with
/// literal values. Values are literal values (`String`, `BigDecimal`, `Double`, `Boolean`), converted to
/// the column's type when the filter is planned on a segment.
///
/// Multi-value columns match an inclusive predicate (EQ, IN, RANGE, LIKE) when any value matches, and an
/// exclusive one (NOT_EQ, NOT_IN) when no value is excluded: `mv <> 'a'` is `NOT (mv = 'a')`, as in Pinot.
public sealed interface Predicate extends FilterNode {
  Expression lhs();

  /// Whether a multi-value entry matches only when none of its values is excluded.
  default boolean exclusive() {
    return false;
  }

  /// `lhs = value`.
  record Eq(Expression lhs, Object value) implements Predicate {
    public Eq {
      requireNonNull(lhs, "lhs is null");
      requireNonNull(value, "value is null");
    }
  }

  /// `lhs <> value`.
  record NotEq(Expression lhs, Object value) implements Predicate {
    public NotEq {
      requireNonNull(lhs, "lhs is null");
      requireNonNull(value, "value is null");
    }

    @Override
    public boolean exclusive() {
      return true;
    }
  }

  /// `lhs IN (values)`.
  record In(Expression lhs, List<Object> values) implements Predicate {
    public In {
      requireNonNull(lhs, "lhs is null");
      values = List.copyOf(values);
    }
  }

  /// `lhs NOT IN (values)`.
  record NotIn(Expression lhs, List<Object> values) implements Predicate {
    public NotIn {
      requireNonNull(lhs, "lhs is null");
      values = List.copyOf(values);
    }

    @Override
    public boolean exclusive() {
      return true;
    }
  }

  /// `lhs` between two optional bounds (`<`, `<=`, `>`, `>=`, `BETWEEN`).
  record Range(Expression lhs, @Nullable Object lower, boolean lowerInclusive, @Nullable Object upper,
               boolean upperInclusive) implements Predicate {
    public Range {
      requireNonNull(lhs, "lhs is null");
      if (lower == null && upper == null) {
        throw new IllegalArgumentException("A range needs a bound");
      }
    }
  }

  /// `lhs LIKE pattern` (`%` any sequence, `_` any character, `\` escapes; case-sensitive, whole value).
  record Like(Expression lhs, String pattern) implements Predicate {
    public Like {
      requireNonNull(lhs, "lhs is null");
      requireNonNull(pattern, "pattern is null");
    }
  }

  /// `JSON_MATCH(lhs, 'filter')`: documents of a JSON index column matching a filter on their JSON paths.
  ///
  /// @param filterText the filter as written, for messages
  /// @param filter the parsed filter
  record JsonMatch(Expression lhs, String filterText, JsonFilter filter) implements Predicate {
    public JsonMatch {
      requireNonNull(lhs, "lhs is null");
      requireNonNull(filterText, "filterText is null");
      requireNonNull(filter, "filter is null");
    }

    @Override
    public String toString() {
      return "JSON_MATCH(" + lhs + ", '" + filterText + "')";
    }
  }

  /// `REGEXP_LIKE(lhs, 'pattern'[, 'i'])`: the Java regular expression finds a match somewhere in the value (Pinot's
  /// `find()` semantics; anchor with `^` and `$` for a whole-value match), case-insensitively with the match
  /// parameter `i`. The pattern is valid (checked when the query is compiled).
  record RegexpLike(Expression lhs, String pattern, boolean caseInsensitive) implements Predicate {
    public RegexpLike {
      requireNonNull(lhs, "lhs is null");
      requireNonNull(pattern, "pattern is null");
    }

    @Override
    public String toString() {
      return "REGEXP_LIKE(" + lhs + ", '" + pattern + "'" + (caseInsensitive ? ", 'i')" : ")");
    }
  }

  /// `TEXT_MATCH(lhs, 'query'[, 'options'])`: documents whose text index matches a Lucene query; `options` is
  /// Pinot's optional `key=value,...` text (query parser, default operator...), or null.
  record TextMatch(Expression lhs, String query, @Nullable String options) implements Predicate {
    public TextMatch {
      requireNonNull(lhs, "lhs is null");
      requireNonNull(query, "query is null");
    }

    @Override
    public String toString() {
      return "TEXT_MATCH(" + lhs + ", '" + query + "'" + (options == null ? ")" : ", '" + options + "')");
    }
  }
}
