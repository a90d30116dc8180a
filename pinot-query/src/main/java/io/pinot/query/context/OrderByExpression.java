// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.context;

import static java.util.Objects.requireNonNull;

/// One ORDER BY item.
public record OrderByExpression(Expression expression, boolean ascending) {
  public OrderByExpression {
    requireNonNull(expression, "expression is null");
  }

  @Override
  public String toString() {
    return expression + (ascending ? " ASC" : " DESC");
  }
}
