// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.function;

import org.jspecify.annotations.Nullable;

/// Registers a single-value function together with Pinot's multi-value variant (`toEpochSeconds` and
/// `toEpochSecondsMV`), which applies the function to each element of one array argument. Stateless.
final class MultiValues {
  private MultiValues() {
  }

  /// Defines `name(args) -> result` and `nameMV(args with argument arrayIndex an array) -> result array` (and the
  /// same for each alias).
  static void define(FunctionRegistry.Builder b, String name, String[] aliases, int arrayIndex, ScalarType result,
      ScalarFunction.Body body, ScalarType... args) {
    b.define(name, aliases).args(args).returns(result).body(body);
    ScalarType[] mvArgs = args.clone();
    mvArgs[arrayIndex] = arrayOf(args[arrayIndex]);
    String[] mvAliases = new String[aliases.length];
    for (int i = 0; i < aliases.length; i++) {
      mvAliases[i] = aliases[i] + "MV";
    }
    b.define(name + "MV", mvAliases).args(mvArgs).returns(arrayOf(result)).body(a -> {
      Object[] values = (Object[]) a[arrayIndex];
      Object[] results = new Object[values.length];
      @Nullable Object[] call = a.clone();
      for (int i = 0; i < values.length; i++) {
        if (values[i] != null) {
          call[arrayIndex] = values[i];
          results[i] = body.apply(call);
        }
      }
      return results;
    });
  }

  static ScalarType arrayOf(ScalarType type) {
    return switch (type) {
      case INT -> ScalarType.INT_ARRAY;
      case LONG -> ScalarType.LONG_ARRAY;
      case FLOAT -> ScalarType.FLOAT_ARRAY;
      case DOUBLE -> ScalarType.DOUBLE_ARRAY;
      case STRING -> ScalarType.STRING_ARRAY;
      default -> ScalarType.OBJECT_ARRAY;
    };
  }
}
