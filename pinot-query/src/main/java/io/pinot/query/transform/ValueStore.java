// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.transform;

import io.pinot.common.function.ScalarFunction;
import io.pinot.common.function.ScalarType;
import io.pinot.spi.data.DataType;
import io.pinot.spi.exception.QueryException;
import io.pinot.spi.exception.QueryErrorCode;
import java.math.BigDecimal;
import java.sql.Timestamp;
import org.jspecify.annotations.Nullable;

/// Converts function results into the native form of a [ComputedValues] type (`Long`, `Double`, `String` or
/// `byte[]`); a null result becomes Pinot's null placeholder (0, empty text, empty bytes), as Pinot's single-stage
/// engine stores it when null handling is off. Thread-safe (no state).
final class ValueStore {
  private ValueStore() {
  }

  static Object toNative(@Nullable Object value, DataType type) {
    if (value == null) {
      return switch (ComputedValues.nativeOf(type)) {
        case LONG -> 0L;
        case DOUBLE -> 0d;
        case STRING -> type == DataType.BIG_DECIMAL ? "0" : "";
        case BYTES -> new byte[0];
      };
    }
    Object converted;
    try {
      converted = ScalarType.of(type, true).convert(value);
    } catch (IllegalArgumentException e) {
      throw QueryErrorCode.QUERY_EXECUTION.asException(e.getMessage());
    }
    return switch (converted) {
      case Integer i -> i.longValue();
      case Long l -> l;
      case Boolean b -> b ? 1L : 0L;
      case Timestamp t -> t.getTime();
      case Float f -> f.doubleValue();
      case Double d -> d;
      case BigDecimal decimal -> decimal.toPlainString();
      case byte[] b -> b;
      default -> converted.toString();
    };
  }

  /// The function specialized for the call's constant arguments (see [ScalarFunction#specialize]).
  ///
  /// @throws QueryException naming the expression when the constants are invalid
  static ScalarFunction specialize(String expression, ScalarFunction function, ArgumentReader[] arguments) {
    @Nullable Object[] constants = new Object[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      constants[i] = arguments[i].isConstant() ? arguments[i].constantValue() : null;
    }
    try {
      return function.specialize(constants);
    } catch (RuntimeException e) {
      throw failure(expression, e);
    }
  }

  /// Wraps a function failure as a QUERY_EXECUTION error naming the expression.
  static QueryException failure(String expression, RuntimeException e) {
    if (e instanceof QueryException query) {
      return query;
    }
    return QueryErrorCode.QUERY_EXECUTION.asException("Caught exception while evaluating " + expression + ": "
        + e.getMessage());
  }
}
