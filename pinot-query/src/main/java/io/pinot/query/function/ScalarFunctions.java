// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/// The registry of scalar functions by canonical name. A function is added by one entry in [#REGISTRY].
/// Numeric arguments stay exact (`BigDecimal`) through `plus`, `minus`, `times` and `mod`; `divide`
/// gives a double, as Pinot. Immutable and thread-safe.
public final class ScalarFunctions {
  private static final Map<String, ScalarFunction> REGISTRY = Map.of(
      "plus", arithmetic("plus", BigDecimal::add),
      "minus", arithmetic("minus", BigDecimal::subtract),
      "times", arithmetic("times", BigDecimal::multiply),
      "mod", arithmetic("mod", BigDecimal::remainder),
      "divide", simple("divide", 2, args -> number(args.get(0)).doubleValue() / number(args.get(1)).doubleValue()),
      "abs", simple("abs", 1, args -> number(args.get(0)).abs()),
      "upper", simple("upper", 1, args -> args.get(0).toString().toUpperCase(Locale.ROOT)),
      "lower", simple("lower", 1, args -> args.get(0).toString().toLowerCase(Locale.ROOT)),
      "now", new Clock("now", 0),
      "ago", new Clock("ago", 1));

  private ScalarFunctions() {
  }

  /// The function with this canonical name, or null.
  public static @Nullable ScalarFunction lookup(String canonicalName) {
    return REGISTRY.get(canonicalName);
  }

  private static ScalarFunction arithmetic(String name, java.util.function.BinaryOperator<BigDecimal> exact) {
    return simple(name, 2, args -> {
      Object a = args.get(0);
      Object b = args.get(1);
      if (a instanceof Double || b instanceof Double) {
        double x = number(a).doubleValue();
        double y = number(b).doubleValue();
        return exact.apply(new BigDecimal(x), new BigDecimal(y)).round(MathContext.DECIMAL64).doubleValue();
      }
      return exact.apply(number(a), number(b));
    });
  }

  private static BigDecimal number(Object value) {
    return switch (value) {
      case BigDecimal decimal -> decimal;
      case Double d -> new BigDecimal(d);
      case Boolean b -> b ? BigDecimal.ONE : BigDecimal.ZERO;
      default -> new BigDecimal(value.toString().trim());
    };
  }

  private static ScalarFunction simple(String name, int arity, Function<List<Object>, Object> body) {
    return new ScalarFunction() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean acceptsArity(int count) {
        return count == arity;
      }

      @Override
      public Object evaluate(List<Object> arguments) {
        return body.apply(arguments);
      }
    };
  }

  /// `now()`: epoch milliseconds; `ago('PT1H')`: now minus an ISO-8601 duration.
  private record Clock(String name, int arity) implements ScalarFunction {
    @Override
    public boolean acceptsArity(int count) {
      return count == arity;
    }

    @Override
    public boolean deterministic() {
      return false;
    }

    @Override
    public Object evaluate(List<Object> arguments) {
      long now = System.currentTimeMillis();
      if (arity == 0) {
        return BigDecimal.valueOf(now);
      }
      return BigDecimal.valueOf(now - Duration.parse(arguments.get(0).toString()).toMillis());
    }
  }
}
