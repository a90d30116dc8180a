// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.query.context.Expression;
import io.pinot.query.context.FunctionCall;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.Literal;
import io.pinot.spi.exception.QueryErrorCode;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/// Parses the calls of MODE, BOOL_AND, BOOL_OR, SUMPRECISION, COVAR_POP, COVAR_SAMP, FIRSTWITHTIME, LASTWITHTIME,
/// DISTINCTSUM, DISTINCTAVG,
/// DISTINCTCOUNTHLLPLUS, DISTINCTCOUNTTHETASKETCH and SEGMENTPARTITIONEDDISTINCTCOUNT with Pinot's arguments, and
/// the MV forms of the single-value functions ([MultiValueFunction]).
/// Stateless and thread-safe.
final class ExtendedAggregations {
  private static final Set<String> MV_NAMES = Set.of("countmv", "summv", "minmv", "maxmv", "avgmv", "minmaxrangemv",
      "distinctcountmv", "distinctcountbitmapmv", "distinctcounthllmv", "distinctcounthllplusmv", "percentilemv",
      "percentileestmv", "percentiletdigestmv", "percentilekllmv", "distinctsummv", "distinctavgmv");
  private static final Pattern LEGACY_PERCENTILE_MV = Pattern.compile("percentile(est|tdigest)?[0-9]+mv");

  private ExtendedAggregations() {
  }

  /// The function of a call handled here, or null when the call's name is not one of these functions.
  ///
  /// @throws io.pinot.spi.exception.QueryException QUERY_VALIDATION for wrong arguments, QUERY_PLANNING for an
  ///     form not supported
  static @Nullable AggregationFunction create(FunctionCall call) {
    return switch (call.name()) {
      case "mode" -> {
        arguments(call, 1, 2);
        ModeFunction.Reducer reducer = ModeFunction.Reducer.MIN;
        if (call.arguments().size() == 2) {
          String text = text(call, call.arguments().get(1)).toUpperCase(Locale.ROOT);
          try {
            reducer = ModeFunction.Reducer.valueOf(text);
          } catch (IllegalArgumentException e) {
            throw QueryErrorCode.QUERY_VALIDATION.asException("Function[mode] expects a reducer MIN, MAX or AVG, got "
                + call.arguments().get(1));
          }
        }
        yield new ModeFunction(column(call, 0), reducer);
      }
      case "booland", "boolor" -> {
        arguments(call, 1, 1);
        yield new BoolFunction(column(call, 0), call.name().equals("booland"));
      }
      case "sumprecision" -> {
        arguments(call, 1, 3);
        Integer precision = call.arguments().size() > 1 ? integer(call, call.arguments().get(1), 1) : null;
        Integer scale = call.arguments().size() > 2 ? integer(call, call.arguments().get(2), Integer.MIN_VALUE) : null;
        yield new SumPrecisionFunction(column(call, 0), precision, scale);
      }
      case "covarpop", "covarsamp" -> {
        arguments(call, 2, 2);
        yield new CovarianceFunction(column(call, 0), column(call, 1), call.name().equals("covarsamp"));
      }
      case "firstwithtime", "lastwithtime" -> withTime(call);
      case "distinctcounthllplus" -> hllPlus(call);
      case "distinctcountthetasketch" -> thetaSketch(call);
      case "distinctsum", "distinctavg" -> {
        arguments(call, 1, 1);
        yield new DistinctSumAvgFunction(column(call, 0), call.name().equals("distinctavg"));
      }
      case "segmentpartitioneddistinctcount" -> {
        arguments(call, 1, 1);
        yield new SegmentPartitionedDistinctCountFunction(column(call, 0));
      }
      default -> multiValue(call);
    };
  }

  /// The MV form of a single-value function (`summv`, `percentile95mv`), or null for other names.
  static @Nullable AggregationFunction multiValue(FunctionCall call) {
    String name = call.name();
    if (!name.endsWith("mv") || !(MV_NAMES.contains(name) || LEGACY_PERCENTILE_MV.matcher(name).matches())) {
      return null;
    }
    if (call.arguments().isEmpty()) {
      throw QueryErrorCode.QUERY_VALIDATION.asException("Function[" + name + "] expects a column argument");
    }
    Expression column = column(call, 0);
    String base = name.substring(0, name.length() - 2);
    AggregationFunction inner;
    if (base.equals("count")) {
      arguments(call, 1, 1);
      inner = CountFunction.star();
    } else {
      inner = AggregationFunctions.create(new FunctionCall(base, call.arguments()));
    }
    return new MultiValueFunction(name, column, inner, base.equals("count") || base.startsWith("distinctcount"));
  }

  private static AggregationFunction withTime(FunctionCall call) {
    boolean last = call.name().equals("lastwithtime");
    String spelled = last ? "LAST_WITH_TIME" : "FIRST_WITH_TIME";
    String usage = ". The function can be used as " + (last ? "lastWithTime" : "firstWithTime")
        + "(dataColumn, timeColumn, 'dataType')";
    if (call.arguments().size() != 3) {
      throw QueryErrorCode.QUERY_VALIDATION.asException(spelled + " expects 3 arguments, got: "
          + call.arguments().size() + usage);
    }
    if (!(call.arguments().get(2) instanceof Literal literal)) {
      throw QueryErrorCode.QUERY_VALIDATION.asException(spelled + " expects the 3rd argument to be literal" + usage);
    }
    ColumnDataType type = switch (literal.text().toUpperCase(Locale.ROOT)) {
      case "INT" -> ColumnDataType.INT;
      case "LONG" -> ColumnDataType.LONG;
      case "FLOAT" -> ColumnDataType.FLOAT;
      case "DOUBLE" -> ColumnDataType.DOUBLE;
      case "STRING" -> ColumnDataType.STRING;
      case "BOOLEAN" -> ColumnDataType.BOOLEAN;
      default -> throw QueryErrorCode.QUERY_VALIDATION.asException("Unsupported data type for " + spelled + ": "
          + literal.text());
    };
    return new FirstLastWithTimeFunction(column(call, 0), column(call, 1), type, last);
  }

  private static AggregationFunction hllPlus(FunctionCall call) {
    arguments(call, 1, 3);
    int p = DistinctCountHllPlusFunction.DEFAULT_P;
    int sp = DistinctCountHllPlusFunction.DEFAULT_SP;
    if (call.arguments().size() > 1) {
      p = integer(call, call.arguments().get(1), DistinctCountHllPlusFunction.MIN_P);
      if (p > DistinctCountHllPlusFunction.MAX_P) {
        throw QueryErrorCode.QUERY_VALIDATION.asException("Function[" + call.name() + "] expects p between "
            + DistinctCountHllPlusFunction.MIN_P + " and " + DistinctCountHllPlusFunction.MAX_P + ", got " + p);
      }
    }
    if (call.arguments().size() > 2) {
      sp = integer(call, call.arguments().get(2), 0);
      if (sp != 0 && (sp < p || sp > DistinctCountHllPlusFunction.MAX_SP)) {
        throw QueryErrorCode.QUERY_VALIDATION.asException("Function[" + call.name()
            + "] expects sp 0 or between p and " + DistinctCountHllPlusFunction.MAX_SP + ", got " + sp);
      }
    }
    return new DistinctCountHllPlusFunction(column(call, 0), p, sp);
  }

  private static AggregationFunction thetaSketch(FunctionCall call) {
    int size = call.arguments().size();
    if (size > 2) {
      throw QueryErrorCode.QUERY_PLANNING.asException("Function[" + call.name() + "] with filter expressions and a "
          + "post-aggregation expression (DISTINCTCOUNTTHETASKETCH(col, params, filter..., postAggregation)) is not "
          + "supported yet");
    }
    arguments(call, 1, 2);
    int nominalEntries = DistinctCountThetaSketchFunction.DEFAULT_NOMINAL_ENTRIES;
    if (size == 2) {
      nominalEntries = DistinctCountThetaSketchFunction.parseNominalEntries(text(call, call.arguments().get(1)));
    }
    return new DistinctCountThetaSketchFunction(column(call, 0), nominalEntries);
  }

  static void arguments(FunctionCall call, int min, int max) {
    int size = call.arguments().size();
    if (size < min || size > max) {
      String expected = min == max ? Integer.toString(min) : min + " to " + max;
      throw QueryErrorCode.QUERY_VALIDATION.asException("Function[" + call.name() + "] expects " + expected
          + " argument" + (max == 1 ? "" : "s") + ", got " + size);
    }
  }

  /// A column or transform argument (not `*`).
  static Expression column(FunctionCall call, int index) {
    Expression argument = call.arguments().get(index);
    if (argument instanceof Identifier identifier && identifier.isStar()) {
      throw QueryErrorCode.QUERY_VALIDATION.asException("Function[" + call.name() + "] does not take '*'");
    }
    return argument;
  }

  private static String text(FunctionCall call, Expression expression) {
    if (expression instanceof Literal literal) {
      return literal.text();
    }
    throw QueryErrorCode.QUERY_VALIDATION.asException("Function[" + call.name() + "] expects a literal, got "
        + expression);
  }

  /// An integral literal (numeric, or a string holding one) of at least `min`.
  private static int integer(FunctionCall call, Expression expression, int min) {
    String text = text(call, expression).trim();
    try {
      int value = Integer.parseInt(text);
      if (value >= min) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw QueryErrorCode.QUERY_VALIDATION.asException("Function[" + call.name() + "] expects an integer literal"
        + (min > Integer.MIN_VALUE ? " of at least " + min : "") + ", got " + expression);
  }
}
