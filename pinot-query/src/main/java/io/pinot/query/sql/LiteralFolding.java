// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.sql;

import io.pinot.common.function.FunctionRegistry;
import io.pinot.common.function.ScalarFunction;
import io.pinot.query.context.Expression;
import io.pinot.query.context.FunctionCall;
import io.pinot.query.context.Literal;
import io.pinot.query.function.AggregationFunctions;
import io.pinot.spi.exception.QueryErrorCode;
import java.math.BigDecimal;
import java.sql.Timestamp;
import org.jspecify.annotations.Nullable;

/// Evaluates, at compile time, calls of registered scalar functions whose arguments are all literals (`upper('a')`,
/// `cast('12' AS INT)`, `1 > 2`, `now() - 3600000`), as Pinot's `CompileTimeFunctionsInvoker`: integers stay exact
/// (`Long` arithmetic), other numbers are doubles, as in Pinot. Calls whose result has no literal form (null, arrays,
/// bytes) stay calls. A query folding a non-deterministic function (`now()`, `ago()`) is not cached (see
/// `ExpressionConverter.callsNonDeterministic`). Thread-safe (no state).
final class LiteralFolding {
  private LiteralFolding() {
  }

  static Expression fold(FunctionCall call) {
    if (call.name().equals("case") || AggregationFunctions.isAggregation(call.name())) {
      return call;
    }
    @Nullable Object[] values = new Object[call.arguments().size()];
    for (int i = 0; i < values.length; i++) {
      if (!(call.arguments().get(i) instanceof Literal literal)) {
        return call;
      }
      values[i] = argument(literal);
    }
    ScalarFunction function = FunctionRegistry.standard().lookup(call.name(), values.length);
    if (function == null) {
      return call;
    }
    Object result;
    try {
      result = function.invoke(values);
    } catch (RuntimeException e) {
      throw QueryErrorCode.SQL_PARSING.asException("Cannot evaluate " + call + ": " + e.getMessage());
    }
    return switch (result) {
      case null -> call;
      case Integer i -> new Literal(BigDecimal.valueOf(i));
      case Long l -> new Literal(BigDecimal.valueOf(l));
      case BigDecimal decimal -> new Literal(decimal);
      case Float f -> new Literal(f.doubleValue());
      case Double d -> new Literal(d);
      case Boolean b -> new Literal(b);
      case String text -> new Literal(text);
      case Timestamp timestamp -> new Literal(BigDecimal.valueOf(timestamp.getTime()));
      default -> call;
    };
  }

  private static @Nullable Object argument(Literal literal) {
    if (literal.value() instanceof BigDecimal decimal) {
      if (decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0) {
        try {
          long value = decimal.longValueExact();
          return value == (int) value ? (Object) (int) value : (Object) value;
        } catch (ArithmeticException e) {
          return decimal;
        }
      }
      return decimal.doubleValue();
    }
    return literal.value();
  }
}
