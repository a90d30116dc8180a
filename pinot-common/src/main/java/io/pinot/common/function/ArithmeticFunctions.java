// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.function;

import static io.pinot.common.function.ScalarType.DOUBLE;
import static io.pinot.common.function.ScalarType.INT;
import static io.pinot.common.function.ScalarType.LONG;
import static io.pinot.common.function.ScalarType.OBJECT;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.DoubleUnaryOperator;

/// Arithmetic functions with Pinot's names: the operators `plus`/`add`, `minus`/`sub`, `times`/`mult`,
/// `divide`/`div`, `mod`, `negate`; `abs`, `greatest`, `least` (typed by their arguments: integral stays integral);
/// and the DOUBLE functions `ceil`/`ceiling`, `floor`, `exp`, `ln`/`log`, `log2`, `log10`, `sqrt`, `sign`,
/// `power`/`pow`, `roundDecimal`, `truncate`, ... `abs` of `Integer.MIN_VALUE`/`Long.MIN_VALUE` overflows and is an
/// error, as in Pinot; other integral overflow wraps like Java (and Pinot). Stateless.
final class ArithmeticFunctions {
  private ArithmeticFunctions() {
  }

  static void register(FunctionRegistry.Builder b) {
    registerOperators(b);
    registerTyped(b);
    unary(b, "ceil", Math::ceil, "ceiling");
    unary(b, "floor", Math::floor);
    unary(b, "exp", Math::exp);
    unary(b, "ln", Math::log, "log");
    unary(b, "log2", x -> Math.log(x) / Math.log(2));
    unary(b, "log10", Math::log10);
    unary(b, "sqrt", Math::sqrt);
    unary(b, "cbrt", Math::cbrt);
    unary(b, "sign", Math::signum);
    unary(b, "exp2", x -> Math.pow(2, x));
    unary(b, "exp10", x -> Math.pow(10, x));
    unary(b, "log1p", Math::log1p);
    unary(b, "sigmoid", x -> 1.0 / (1.0 + Math.exp(-x)));
    unary(b, "truncate", x -> Math.signum(x) * Math.floor(Math.abs(x)));
    unary(b, "roundDecimal", x -> Double.isNaN(x) || Double.isInfinite(x) ? x : Math.round(x));
    b.define("roundDecimal").args(DOUBLE, INT).returns(DOUBLE).body(a -> roundDecimal((Double) a[0], (Integer) a[1]));
    b.define("truncate").args(DOUBLE, INT).returns(DOUBLE).body(a -> BigDecimal.valueOf((Double) a[0])
        .setScale((Integer) a[1], RoundingMode.DOWN).doubleValue());
    b.define("power", "pow").args(DOUBLE, DOUBLE).returns(DOUBLE).body(a -> Math.pow((Double) a[0], (Double) a[1]));
    b.define("hypot").args(DOUBLE, DOUBLE).returns(DOUBLE).body(a -> Math.hypot((Double) a[0], (Double) a[1]));
    b.define("pi").returns(DOUBLE).body(a -> Math.PI);
    b.define("e", "euler").returns(DOUBLE).body(a -> Math.E);
    b.define("isFinite").args(DOUBLE).returns(INT).body(a -> Double.isFinite((Double) a[0]) ? 1 : 0);
    b.define("isInfinite").args(DOUBLE).returns(INT).body(a -> Double.isInfinite((Double) a[0]) ? 1 : 0);
    b.define("isNaN").args(DOUBLE).returns(INT).body(a -> Double.isNaN((Double) a[0]) ? 1 : 0);
    b.define("ifNotFinite").args(DOUBLE, DOUBLE).returns(DOUBLE)
        .body(a -> Double.isFinite((Double) a[0]) ? a[0] : a[1]);
    b.define("intDiv").args(DOUBLE, DOUBLE).returns(LONG)
        .body(a -> (long) Math.floor((Double) a[0] / (Double) a[1]));
    b.define("intDivOrZero").args(DOUBLE, DOUBLE).returns(LONG).body(a -> (Double) a[1] == 0
        || (Double) a[0] == Long.MIN_VALUE && (Double) a[1] == -1 ? 0L
        : (long) Math.floor((Double) a[0] / (Double) a[1]));
    b.define("gcd").args(LONG, LONG).returns(LONG).body(a -> gcd((Long) a[0], (Long) a[1]));
    b.define("lcm").args(LONG, LONG).returns(LONG).body(a -> lcm((Long) a[0], (Long) a[1]));
  }

  private static void registerOperators(FunctionRegistry.Builder b) {
    b.define("plus", "add").args(OBJECT, OBJECT).returns(Numbers.INTEGRAL_OR_DOUBLE)
        .body(a -> Numbers.integral(a[0], a[1]) ? (Object) (Numbers.toLong(a[0]) + Numbers.toLong(a[1]))
            : (Object) (Numbers.toDouble(a[0]) + Numbers.toDouble(a[1])));
    b.define("minus", "sub").args(OBJECT, OBJECT).returns(Numbers.INTEGRAL_OR_DOUBLE)
        .body(a -> Numbers.integral(a[0], a[1]) ? (Object) (Numbers.toLong(a[0]) - Numbers.toLong(a[1]))
            : (Object) (Numbers.toDouble(a[0]) - Numbers.toDouble(a[1])));
    b.define("times", "mult").args(OBJECT, OBJECT).returns(Numbers.INTEGRAL_OR_DOUBLE)
        .body(a -> Numbers.integral(a[0], a[1]) ? (Object) (Numbers.toLong(a[0]) * Numbers.toLong(a[1]))
            : (Object) (Numbers.toDouble(a[0]) * Numbers.toDouble(a[1])));
    b.define("divide", "div").args(DOUBLE, DOUBLE).returns(DOUBLE).body(a -> (Double) a[0] / (Double) a[1]);
    b.define("divide", "div").args(DOUBLE, DOUBLE, DOUBLE).returns(DOUBLE)
        .body(a -> (Double) a[1] == 0 ? a[2] : (Double) a[0] / (Double) a[1]);
    b.define("mod").args(OBJECT, OBJECT).returns(Numbers.WIDEST).body(a -> mod(a[0], a[1]));
    b.define("moduloOrZero").args(OBJECT, OBJECT).returns(Numbers.WIDEST)
        .body(a -> Numbers.toDouble(a[1]) == 0 ? Numbers.as(Numbers.widest(a), 0) : mod(a[0], a[1]));
    b.define("negate").args(OBJECT).returns(Numbers.WIDEST).body(a -> switch (Numbers.kind(a[0])) {
      case INT -> Math.negateExact(Numbers.toInt(a[0]));
      case LONG -> Math.negateExact(Numbers.toLong(a[0]));
      case FLOAT -> -Numbers.toFloat(a[0]);
      case DOUBLE -> -Numbers.toDouble(a[0]);
      case BIG_DECIMAL -> Numbers.toBigDecimal(a[0]).negate();
    });
  }

  private static void registerTyped(FunctionRegistry.Builder b) {
    b.define("abs").args(OBJECT).returns(Numbers.WIDEST).doubleKernel((in, out, n) -> {
      for (int i = 0; i < n; i++) {
        out[i] = Math.abs(in[i]);
      }
    }).body(a -> switch (Numbers.kind(a[0])) {
      case INT -> Math.absExact(Numbers.toInt(a[0]));
      case LONG -> Math.absExact(Numbers.toLong(a[0]));
      case FLOAT -> Math.abs(Numbers.toFloat(a[0]));
      case DOUBLE -> Math.abs(Numbers.toDouble(a[0]));
      case BIG_DECIMAL -> Numbers.toBigDecimal(a[0]).abs();
    });
    b.define("greatest").args(OBJECT, OBJECT, OBJECT).varArgs().returns(Numbers.WIDEST).body(a -> extreme(a, true));
    b.define("least").args(OBJECT, OBJECT, OBJECT).varArgs().returns(Numbers.WIDEST).body(a -> extreme(a, false));
  }

  private static void unary(FunctionRegistry.Builder b, String name, DoubleUnaryOperator operator, String... aliases) {
    b.define(name, aliases).args(DOUBLE).returns(DOUBLE).doubleKernel((in, out, n) -> {
      for (int i = 0; i < n; i++) {
        out[i] = operator.applyAsDouble(in[i]);
      }
    }).body(a -> operator.applyAsDouble((Double) a[0]));
  }

  private static Object mod(Object first, Object second) {
    return switch (Numbers.widen(Numbers.kind(first), Numbers.kind(second))) {
      case INT -> Numbers.toInt(first) % Numbers.toInt(second);
      case LONG -> Numbers.toLong(first) % Numbers.toLong(second);
      case FLOAT -> Numbers.toFloat(first) % Numbers.toFloat(second);
      case DOUBLE -> Numbers.toDouble(first) % Numbers.toDouble(second);
      case BIG_DECIMAL -> Numbers.toBigDecimal(first).remainder(Numbers.toBigDecimal(second));
    };
  }

  private static Object extreme(Object[] values, boolean greatest) {
    Numbers.Kind kind = Numbers.widest(values);
    Object best = Numbers.as(kind, values[0]);
    for (int i = 1; i < values.length; i++) {
      Object candidate = Numbers.as(kind, values[i]);
      int order = Numbers.compare(candidate, best);
      if (greatest ? order > 0 : order < 0) {
        best = candidate;
      }
    }
    return best;
  }

  private static double roundDecimal(double value, int scale) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return value;
    }
    return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).doubleValue();
  }

  private static long gcd(long a, long b) {
    return a == 0 ? Math.abs(b) : gcd(b % a, a);
  }

  private static long lcm(long a, long b) {
    return a == 0 || b == 0 ? 0 : Math.abs(a) / gcd(a, b) * Math.abs(b);
  }
}
