// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.transform;

import io.pinot.common.function.ScalarFunction;
import io.pinot.spi.data.DataType;
import org.jspecify.annotations.Nullable;

/// A registered scalar function applied to the block: through its typed block kernel when it has one for a single
/// LONG or DOUBLE argument, otherwise row by row through [ScalarFunction#invoke] on boxed arguments (the function's
/// body is specialized once for its constant arguments). Not thread-safe: one per segment execution.
final class ScalarCallValues extends ComputedValues {
  private final String text;
  private final ScalarFunction function;
  private final ArgumentReader[] arguments;
  private final @Nullable Object[] row;

  ScalarCallValues(String text, ScalarFunction function, ArgumentReader[] arguments, DataType type) {
    super(type);
    this.text = text;
    this.arguments = arguments;
    this.row = new Object[arguments.length];
    this.function = ValueStore.specialize(text, function, arguments);
  }

  @Override
  void compute(int length) {
    for (ArgumentReader argument : arguments) {
      argument.load();
    }
    try {
      for (int i = 0; i < length; i++) {
        for (int a = 0; a < arguments.length; a++) {
          row[a] = arguments[a].value(i);
        }
        store(i, function.invoke(row));
      }
    } catch (RuntimeException e) {
      throw ValueStore.failure(text, e);
    }
  }

  private void store(int i, @Nullable Object value) {
    Object stored = ValueStore.toNative(value, logicalType());
    switch (nativeKind) {
      case LONG -> longs[i] = (Long) stored;
      case DOUBLE -> doubles[i] = (Double) stored;
      case STRING -> strings[i] = (String) stored;
      case BYTES -> bytes[i] = (byte[]) stored;
    }
  }
}
