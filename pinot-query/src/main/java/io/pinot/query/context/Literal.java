// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.context;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/// A literal value: a `String`, a `BigDecimal` (exact numeric), a `Double` (approximate numeric such as
/// `1e3`) or a `Boolean`.
public record Literal(Object value) implements Expression {

  public Literal {
    requireNonNull(value, "value is null");
    if (!(value instanceof String || value instanceof BigDecimal || value instanceof Double
        || value instanceof Boolean)) {
      throw new IllegalArgumentException("Unsupported literal type " + value.getClass().getSimpleName());
    }
  }

  /// The literal's text: strings as they are, numbers in their plain form, booleans as `true`/`false`.
  public String text() {
    return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
  }

  public boolean isNumber() {
    return value instanceof BigDecimal || value instanceof Double;
  }

  @Override
  public String toString() {
    return "'" + text() + "'";
  }
}
