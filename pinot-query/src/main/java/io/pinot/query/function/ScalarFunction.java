// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import java.util.List;

/// A scalar (row-level) function such as `plus` or `upper`, named by its canonical name.
///
/// Today scalar functions run on literals only: the compiler folds calls whose arguments are all
/// literals (`ts > now() - 86400000`), as Pinot's `CompileTimeFunctionsInvoker` does. Column arguments
/// (transforms) are planned work. Implementations are stateless and thread-safe.
public interface ScalarFunction {
  /// The canonical name (lower case, no underscores).
  String name();

  /// Whether the function accepts this many arguments.
  boolean acceptsArity(int arity);

  /// Whether equal arguments always give equal results (`now()` does not).
  default boolean deterministic() {
    return true;
  }

  /// Evaluates the function on literal values (`String`, `BigDecimal`, `Double`, `Boolean`) and returns a
  /// literal value of the same kinds.
  ///
  /// @throws IllegalArgumentException when the arguments do not fit the function
  Object evaluate(List<Object> arguments);
}
