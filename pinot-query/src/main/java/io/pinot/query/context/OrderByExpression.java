// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.context;

import static java.util.Objects.requireNonNull;

/// One ORDER BY item. Nulls (under `enableNullHandling`) sort last when `nullsLast`; Pinot's default makes them
/// larger than any value: last for ASC, first for DESC.
public record OrderByExpression(Expression expression, boolean ascending, boolean nullsLast) {
  public OrderByExpression {
    requireNonNull(expression, "expression is null");
  }

  /// An item with Pinot's default null order.
  public OrderByExpression(Expression expression, boolean ascending) {
    this(expression, ascending, ascending);
  }

  /// The same direction and null order for another expression.
  public OrderByExpression withExpression(Expression other) {
    return new OrderByExpression(other, ascending, nullsLast);
  }

  @Override
  public String toString() {
    return expression + (ascending ? " ASC" : " DESC") + (nullsLast == ascending ? ""
        : nullsLast ? " NULLS LAST" : " NULLS FIRST");
  }
}
