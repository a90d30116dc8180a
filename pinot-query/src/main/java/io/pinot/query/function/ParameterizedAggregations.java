// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.query.context.Expression;
import io.pinot.query.context.FunctionCall;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.Literal;
import io.pinot.spi.exception.QueryErrorCode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// Parses the calls of the statistical and sketch aggregations: those that take a literal parameter besides
/// their column — the percentile family in Pinot's two spellings (`PERCENTILE(col, 95)` and the legacy
/// `PERCENTILE95(col)`, likewise PERCENTILEEST and PERCENTILETDIGEST), `PERCENTILEKLL(col, p[, k])` and
/// `DISTINCTCOUNTHLL(col[, log2m])` — and DISTINCTCOUNTBITMAP, MINMAXRANGE, VAR_POP, VAR_SAMP, STDDEV_POP and
/// STDDEV_SAMP. Stateless and thread-safe.
final class ParameterizedAggregations {
  private static final List<String> PERCENTILE_NAMES = List.of("percentile", "percentileest", "percentiletdigest");

  private ParameterizedAggregations() {
  }

  /// The function of a call handled here, or null when the call's name is not one of these functions.
  ///
  /// @throws io.pinot.spi.exception.QueryException QUERY_VALIDATION for wrong arguments, QUERY_PLANNING for an
  ///     argument that is not a column
  static @Nullable AggregationFunction create(FunctionCall call) {
    String name = call.name();
    switch (name) {
      case "distinctcounthll" -> {
        return distinctCountHll(call);
      }
      case "distinctcountbitmap" -> {
        expectArguments(call, 1);
        return new DistinctCountBitmapFunction(column(call));
      }
      case "minmaxrange" -> {
        expectArguments(call, 1);
        return new MinMaxRangeFunction(column(call));
      }
      case "percentilekll" -> {
        return percentileKll(call);
      }
      case "varpop", "varsamp", "stddevpop", "stddevsamp" -> {
        expectArguments(call, 1);
        return new VarianceFunction(column(call), name.endsWith("samp"), name.startsWith("stddev"));
      }
      default -> {
      }
    }
    for (String kind : PERCENTILE_NAMES) {
      if (name.equals(kind)) {
        expectArguments(call, 2);
        return percentile(kind, column(call), percentileArgument(call), false);
      }
      if (name.length() > kind.length() && name.startsWith(kind) && isDigits(name.substring(kind.length()))) {
        expectArguments(call, 1);
        double percentile = parsePercentile(name, name.substring(kind.length()));
        return percentile(kind, column(call), percentile, true);
      }
    }
    return null;
  }

  private static AggregationFunction percentile(String kind, Expression column, double percentile, boolean legacy) {
    return switch (kind) {
      case "percentile" -> new PercentileFunction(column, percentile, legacy);
      case "percentileest" -> new PercentileEstFunction(column, percentile, legacy);
      default -> new PercentileTDigestFunction(column, percentile, legacy);
    };
  }

  private static AggregationFunction distinctCountHll(FunctionCall call) {
    int numArguments = call.arguments().size();
    if (numArguments != 1 && numArguments != 2) {
      throw QueryErrorCode.QUERY_VALIDATION.asException("Function[" + call.name() + "] expects 1 or 2 arguments, got "
          + numArguments);
    }
    Expression column = column(call);
    int log2m = DistinctCountHllFunction.DEFAULT_LOG2M;
    if (numArguments == 2) {
      double value = number(call, call.arguments().get(1));
      if (value != Math.rint(value) || value < DistinctCountHllFunction.MIN_LOG2M
          || value > DistinctCountHllFunction.MAX_LOG2M) {
        throw QueryErrorCode.QUERY_VALIDATION.asException("Function[" + call.name() + "] expects log2m between "
            + DistinctCountHllFunction.MIN_LOG2M + " and " + DistinctCountHllFunction.MAX_LOG2M + ", got "
            + call.arguments().get(1));
      }
      log2m = (int) value;
    }
    return new DistinctCountHllFunction(column, log2m);
  }

  private static AggregationFunction percentileKll(FunctionCall call) {
    int numArguments = call.arguments().size();
    if (numArguments != 2 && numArguments != 3) {
      throw QueryErrorCode.QUERY_VALIDATION.asException("Function[" + call.name() + "] expects 2 or 3 arguments, got "
          + numArguments);
    }
    Expression column = column(call);
    double percentile = percentileArgument(call);
    int k = PercentileKllFunction.DEFAULT_K;
    if (numArguments == 3) {
      double value = number(call, call.arguments().get(2));
      if (value != Math.rint(value) || value < PercentileKllFunction.MIN_K || value > PercentileKllFunction.MAX_K) {
        throw QueryErrorCode.QUERY_VALIDATION.asException("Function[" + call.name() + "] expects k between "
            + PercentileKllFunction.MIN_K + " and " + PercentileKllFunction.MAX_K + ", got " + call.arguments().get(2));
      }
      k = (int) value;
    }
    return new PercentileKllFunction(column, percentile, k);
  }

  private static void expectArguments(FunctionCall call, int expected) {
    if (call.arguments().size() != expected) {
      throw QueryErrorCode.QUERY_VALIDATION.asException("Function[" + call.name() + "] expects " + expected
          + " argument" + (expected == 1 ? "" : "s") + ", got " + call.arguments().size());
    }
  }

  private static Expression column(FunctionCall call) {
    Expression argument = call.arguments().get(0);
    if (argument instanceof Identifier identifier && identifier.isStar()) {
      throw QueryErrorCode.QUERY_VALIDATION.asException("Function[" + call.name() + "] does not take '*'");
    }
    return argument;
  }

  private static double percentileArgument(FunctionCall call) {
    double percentile = number(call, call.arguments().get(1));
    if (!(percentile >= 0 && percentile <= 100)) {
      throw QueryErrorCode.QUERY_VALIDATION.asException("Function[" + call.name()
          + "] expects a percentile between 0 and 100, got " + call.arguments().get(1));
    }
    return percentile;
  }

  /// A numeric literal, or a string literal holding a number (Pinot accepts `PERCENTILE(col, '95')`).
  private static double number(FunctionCall call, Expression expression) {
    if (expression instanceof Literal literal) {
      if (literal.value() instanceof Number number) {
        return number.doubleValue();
      }
      if (literal.value() instanceof String text) {
        try {
          return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
          // reported below
        }
      }
    }
    throw QueryErrorCode.QUERY_VALIDATION.asException("Function[" + call.name() + "] expects a numeric literal, got "
        + expression);
  }

  private static double parsePercentile(String name, String digits) {
    int percentile = digits.length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    if (percentile > 100) {
      throw QueryErrorCode.QUERY_VALIDATION.asException("Function[" + name
          + "] expects a percentile between 0 and 100");
    }
    return percentile;
  }

  private static boolean isDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
