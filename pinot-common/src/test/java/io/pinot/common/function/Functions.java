// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.function;

import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;

/// Test helper: calls a function of the standard library by name through the boxed path.
final class Functions {
  private Functions() {
  }

  static @Nullable Object call(String name, @Nullable Object... arguments) {
    ScalarFunction function = FunctionRegistry.standard().lookup(name, arguments.length);
    assertThat(function).as(name + "/" + arguments.length).isNotNull();
    return function.invoke(arguments);
  }
}
