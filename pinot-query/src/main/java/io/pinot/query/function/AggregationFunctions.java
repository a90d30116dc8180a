// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.query.context.Expression;
import io.pinot.query.context.FunctionCall;
import io.pinot.query.context.Identifier;
import io.pinot.spi.exception.QueryErrorCode;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/// The registry of aggregation functions: which canonical names are aggregations (every name Pinot
/// knows, so that GROUP BY validation treats them as Pinot does) and which are implemented. An
/// implemented function is added by one entry in [#FACTORIES], or in [ParameterizedAggregations] for functions
/// with literal parameters and the statistical family. Immutable and thread-safe.
public final class AggregationFunctions {
  private static final Map<String, Function<Expression, AggregationFunction>> FACTORIES = Map.of(
      "count", CountFunction::new,
      "sum", SumFunction::new,
      "min", argument -> new MinMaxFunction(argument, false),
      "max", argument -> new MinMaxFunction(argument, true),
      "avg", AvgFunction::new,
      "distinctcount", DistinctCountFunction::new);

  /// Every aggregation of Pinot 1.3 (canonical names), implemented or not.
  private static final Set<String> PINOT_AGGREGATIONS = Set.of("arrayagg", "avg", "avgmv",
      "avgvalueintegersumtuplesketch", "booland", "boolor", "count", "countmv", "covarpop", "covarsamp",
      "distinctavg", "distinctavgmv", "distinctcount", "distinctcountbitmap", "distinctcountbitmapmv",
      "distinctcountcpcsketch", "distinctcounthll", "distinctcounthllmv", "distinctcounthllplus",
      "distinctcounthllplusmv", "distinctcountmv", "distinctcountrawcpcsketch", "distinctcountrawhll",
      "distinctcountrawhllmv", "distinctcountrawhllplus", "distinctcountrawhllplusmv",
      "distinctcountrawintegersumtuplesketch", "distinctcountrawthetasketch", "distinctcountrawull",
      "distinctcountsmarthll", "distinctcountthetasketch", "distinctcounttuplesketch", "distinctcountull",
      "distinctsum", "distinctsummv", "exprmax", "exprmin", "firstwithtime", "fourthmoment", "frequentlongssketch",
      "frequentstringssketch", "funnelcompletecount", "funnelcount", "funnelmatchstep", "funnelmaxstep", "histogram",
      "idset", "kurtosis", "lastwithtime", "listagg", "max", "maxmv", "min", "minmaxrange", "minmaxrangemv", "minmv",
      "mode", "percentile", "percentileest", "percentileestmv", "percentilekll", "percentilekllmv", "percentilemv",
      "percentilerawest", "percentilerawestmv", "percentilerawkll", "percentilerawkllmv", "percentilerawtdigest",
      "percentilerawtdigestmv", "percentilesmarttdigest", "percentiletdigest", "percentiletdigestmv",
      "segmentpartitioneddistinctcount", "skewness", "stddevpop", "stddevsamp", "stunion", "sum",
      "sumarraydouble", "sumarraylong", "summv", "sumprecision", "sumvaluesintegersumtuplesketch", "varpop",
      "varsamp");

  private AggregationFunctions() {
  }

  /// Whether a canonical function name is an aggregation (implemented or not).
  public static boolean isAggregation(String canonicalName) {
    return PINOT_AGGREGATIONS.contains(canonicalName)
        || canonicalName.startsWith("percentile") && Character.isDigit(lastChar(canonicalName));
  }

  /// Whether an expression is a call of an aggregation function.
  public static boolean isAggregation(Expression expression) {
    return expression instanceof FunctionCall call && isAggregation(call.name());
  }

  /// The function of an aggregation call.
  ///
  /// @throws io.pinot.spi.exception.QueryException QUERY_PLANNING for aggregations not implemented yet,
  ///     QUERY_VALIDATION for a wrong number or kind of arguments
  public static AggregationFunction create(FunctionCall call) {
    AggregationFunction parameterized = ParameterizedAggregations.create(call);
    if (parameterized != null) {
      return parameterized;
    }
    Function<Expression, AggregationFunction> factory = FACTORIES.get(call.name());
    if (factory == null) {
      throw QueryErrorCode.QUERY_PLANNING.asException("Function[" + call.name() + "] is not supported yet");
    }
    if (call.arguments().size() != 1) {
      throw QueryErrorCode.QUERY_VALIDATION.asException("Function[" + call.name() + "] expects 1 argument, got "
          + call.arguments().size());
    }
    Expression argument = call.arguments().get(0);
    if (call.name().equals("count")) {
      // Without null handling COUNT(col) and COUNT(literal) count rows: Pinot treats them as COUNT(*).
      return CountFunction.star();
    }
    if (!(argument instanceof Identifier identifier) || identifier.isStar()) {
      throw QueryErrorCode.QUERY_PLANNING.asException("Function[" + call.name() + "] on expression[" + argument
          + "] is not supported yet");
    }
    return factory.apply(argument);
  }

  private static char lastChar(String text) {
    return text.charAt(text.length() - 1);
  }
}
