// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.context;

import static java.util.Objects.requireNonNull;

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
}
