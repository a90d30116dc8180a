// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.ingestion;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/// A parsed ingestion expression (`transformFunction`, `filterFunction`): a literal, a reference to an input field,
/// or a function call. SQL operators are represented as calls of Pinot's operator functions (`a + b` is
/// `plus(a, b)`, `a = b` is `equals(a, b)`, `CASE WHEN c THEN v ELSE e END` is `case(c, v, e)`,
/// `CAST(x AS LONG)` is `cast(x, 'LONG')`). Immutable.
public sealed interface Expression permits Expression.Literal, Expression.Identifier, Expression.Call {

  /// A constant: `Integer`, `Long`, `Double`, `BigDecimal`, `String`, `Boolean` or null.
  record Literal(@Nullable Object value) implements Expression {
  }

  /// An input field (or a column produced by another transform).
  record Identifier(String name) implements Expression {
    public Identifier {
      Objects.requireNonNull(name, "name is null");
    }
  }

  /// A call of the function `name` (as written; the registry canonicalizes it).
  record Call(String name, List<Expression> arguments) implements Expression {
    public Call {
      Objects.requireNonNull(name, "name is null");
      arguments = List.copyOf(arguments);
    }
  }
}
