// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.query.context.Expression;
import io.pinot.query.context.FunctionCall;
import io.pinot.query.context.Identifier;
import io.pinot.spi.exception.QueryErrorCode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/// The registry of aggregation functions: which canonical names are aggregations (every name Pinot
/// knows, so that GROUP BY validation treats them as Pinot does) and which are implemented. An
/// implemented function is added by one entry in [#FACTORIES], in [ParameterizedAggregations] for functions
/// with literal parameters and the statistical family, or in [ExtendedAggregations] (MODE, BOOL_AND/OR, SUMPRECISION,
/// COVAR_*, FIRST/LASTWITHTIME, the HLL++ and theta sketches, DISTINCTSUM/AVG and the MV forms). A `FILTER (WHERE ...)`
/// clause compiles to the call [#FILTER] and becomes a [FilteredAggregationFunction]. Immutable and thread-safe.
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

  /// The name of the call a `FILTER (WHERE ...)` clause compiles to: `filter(aggregation, condition)`.
  public static final String FILTER = "filter";

  private AggregationFunctions() {
  }

  /// Whether a canonical function name is an aggregation (implemented or not).
  public static boolean isAggregation(String canonicalName) {
    String name = canonicalName.endsWith("mv") ? canonicalName.substring(0, canonicalName.length() - 2)
        : canonicalName;
    return PINOT_AGGREGATIONS.contains(canonicalName) || canonicalName.equals(FILTER)
        || name.startsWith("percentile") && !name.isEmpty() && Character.isDigit(lastChar(name));
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
    if (call.name().equals(FILTER)) {
      return filtered(call);
    }
    AggregationFunction parameterized = ParameterizedAggregations.create(call);
    if (parameterized != null) {
      return parameterized;
    }
    AggregationFunction extended = ExtendedAggregations.create(call);
    if (extended != null) {
      return extended;
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
    if (argument instanceof Identifier identifier && identifier.isStar()) {
      throw QueryErrorCode.QUERY_VALIDATION.asException("Function[" + call.name() + "] does not take '*'");
    }
    return factory.apply(argument);
  }

  /// `filter(aggregation, condition)`, the compiled `aggregation FILTER (WHERE condition)`.
  private static AggregationFunction filtered(FunctionCall call) {
    if (call.arguments().size() != 2 || !(call.arguments().get(0) instanceof FunctionCall inner)
        || !isAggregation(inner.name()) || inner.name().equals(FILTER)) {
      throw QueryErrorCode.SQL_PARSING.asException("FILTER (WHERE ...) must follow an aggregation function: " + call);
    }
    return new FilteredAggregationFunction(create(inner), FilterExpressions.toFilter(call.arguments().get(1)));
  }

  /// Computes the slots of a function's [AggregationFunction#extraArguments] with `slots` (the block's slot lookup)
  /// and binds them to a new holder; does nothing for functions of one argument.
  public static void bindExtraSlots(AggregationFunction function, ResultHolder holder,
      ToIntFunction<Expression> slots) {
    List<Expression> extra = function.extraArguments();
    if (extra.isEmpty()) {
      return;
    }
    int[] extraSlots = new int[extra.size()];
    for (int i = 0; i < extraSlots.length; i++) {
      extraSlots[i] = slots.applyAsInt(extra.get(i));
    }
    holder.bindExtraSlots(extraSlots);
  }

  private static char lastChar(String text) {
    return text.charAt(text.length() - 1);
  }
}
