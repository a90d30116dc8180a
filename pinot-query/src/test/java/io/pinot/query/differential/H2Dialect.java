// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.differential;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/// The one translation table from Pinot's functions to H2: for each Pinot function name the generator uses, how
/// to write the same computation in H2, given the H2 text of the arguments. It encodes every semantic difference
/// the differential suites rely on:
///
/// - Pinot's single-stage arithmetic is DOUBLE: operands are cast to DOUBLE in H2 (H2 would divide integers).
/// - `SUBSTR(s, begin[, end])` is 0-based with an exclusive end in Pinot; `STRPOS` is 0-based with -1 for "not
///   found"; `CONCAT(a, b, separator)` puts the separator between a and b; `REGEXP_EXTRACT` gives '' without a
///   match; `CAST(double AS BIGINT)` truncates toward zero.
/// - Date-time functions read epoch milliseconds in UTC; H2 gets a `TIMESTAMP` (without time zone, so no session
///   time zone is involved) built from the epoch; Pinot's weeks start on Monday (ISO).
/// - Aggregations over no rows (or, for the sample statistics, one row) return Pinot's values without null
///   handling — 0 for SUM, +Infinity for MIN, -Infinity for MAX, AVG, MINMAXRANGE, MODE and the variance family,
///   true for BOOL_AND — where H2 returns NULL, hence the COALESCE around each H2 aggregate.
///
/// Stateless and thread-safe.
final class H2Dialect {
  static final String POSITIVE_INFINITY = "CAST('Infinity' AS DOUBLE PRECISION)";
  static final String NEGATIVE_INFINITY = "CAST('-Infinity' AS DOUBLE PRECISION)";
  private static final String EPOCH = "TIMESTAMP '1970-01-01 00:00:00'";

  private static final Map<String, Function<List<String>, String>> SCALARS = Map.ofEntries(
      Map.entry("plus", a -> "(" + dbl(a.get(0)) + " + " + dbl(a.get(1)) + ")"),
      Map.entry("minus", a -> "(" + dbl(a.get(0)) + " - " + dbl(a.get(1)) + ")"),
      Map.entry("times", a -> "(" + dbl(a.get(0)) + " * " + dbl(a.get(1)) + ")"),
      Map.entry("divide", a -> "(" + dbl(a.get(0)) + " / " + dbl(a.get(1)) + ")"),
      Map.entry("mod", a -> "MOD(" + a.get(0) + ", " + a.get(1) + ")"),
      Map.entry("abs", a -> "ABS(" + dbl(a.get(0)) + ")"),
      Map.entry("floor", a -> "FLOOR(" + dbl(a.get(0)) + ")"),
      Map.entry("ceil", a -> "CEIL(" + dbl(a.get(0)) + ")"),
      Map.entry("sqrt", a -> "SQRT(" + dbl(a.get(0)) + ")"),
      Map.entry("ln", a -> "LN(" + dbl(a.get(0)) + ")"),
      Map.entry("log10", a -> "LOG10(" + dbl(a.get(0)) + ")"),
      Map.entry("exp", a -> "EXP(" + dbl(a.get(0)) + ")"),
      Map.entry("power", a -> "POWER(" + dbl(a.get(0)) + ", " + a.get(1) + ")"),
      Map.entry("sign", a -> "SIGN(" + a.get(0) + ")"),
      Map.entry("greatest", a -> "GREATEST(" + String.join(", ", a) + ")"),
      Map.entry("least", a -> "LEAST(" + String.join(", ", a) + ")"),
      Map.entry("upper", a -> "UPPER(" + a.get(0) + ")"),
      Map.entry("lower", a -> "LOWER(" + a.get(0) + ")"),
      Map.entry("length", a -> "LENGTH(" + a.get(0) + ")"),
      Map.entry("trim", a -> "TRIM(" + a.get(0) + ")"),
      Map.entry("ltrim", a -> "LTRIM(" + a.get(0) + ")"),
      Map.entry("rtrim", a -> "RTRIM(" + a.get(0) + ")"),
      Map.entry("replace", a -> "REPLACE(" + a.get(0) + ", " + a.get(1) + ", " + a.get(2) + ")"),
      Map.entry("concat", a -> a.size() == 2 ? "CONCAT(" + a.get(0) + ", " + a.get(1) + ")"
          : "CONCAT(" + a.get(0) + ", " + a.get(2) + ", " + a.get(1) + ")"),
      Map.entry("substr", H2Dialect::substr),
      Map.entry("strpos", a -> "(LOCATE(" + a.get(1) + ", " + a.get(0) + ") - 1)"),
      Map.entry("startswith", a -> "(LEFT(" + a.get(0) + ", LENGTH(" + a.get(1) + ")) = " + a.get(1) + ")"),
      Map.entry("endswith", a -> "(RIGHT(" + a.get(0) + ", LENGTH(" + a.get(1) + ")) = " + a.get(1) + ")"),
      Map.entry("lpad", a -> "LPAD(" + a.get(0) + ", " + a.get(1) + ", " + a.get(2) + ")"),
      Map.entry("rpad", a -> "RPAD(" + a.get(0) + ", " + a.get(1) + ", " + a.get(2) + ")"),
      Map.entry("regexplike", a -> "REGEXP_LIKE(" + a.get(0) + ", " + a.get(1) + ")"),
      Map.entry("regexpreplace", a -> "REGEXP_REPLACE(" + a.get(0) + ", " + a.get(1) + ", " + a.get(2) + ")"),
      Map.entry("regexpextract", a -> "COALESCE(REGEXP_SUBSTR(" + a.get(0) + ", " + a.get(1) + ", 1, 1, '', "
          + a.get(2) + "), '')"),
      Map.entry("year", a -> extract("YEAR", a.get(0))),
      Map.entry("quarter", a -> extract("QUARTER", a.get(0))),
      Map.entry("month", a -> extract("MONTH", a.get(0))),
      Map.entry("week", a -> extract("ISO_WEEK", a.get(0))),
      Map.entry("day", a -> extract("DAY", a.get(0))),
      Map.entry("dayofweek", a -> extract("ISO_DAY_OF_WEEK", a.get(0))),
      Map.entry("dayofyear", a -> extract("DAY_OF_YEAR", a.get(0))),
      Map.entry("hour", a -> extract("HOUR", a.get(0))),
      Map.entry("minute", a -> extract("MINUTE", a.get(0))),
      Map.entry("second", a -> extract("SECOND", a.get(0))),
      Map.entry("millisecond", a -> "MOD(" + a.get(0) + ", 1000)"),
      Map.entry("toepochseconds", a -> "(" + a.get(0) + " / 1000)"),
      Map.entry("toepochminutes", a -> "(" + a.get(0) + " / 60000)"),
      Map.entry("toepochhours", a -> "(" + a.get(0) + " / 3600000)"),
      Map.entry("toepochdays", a -> "(" + a.get(0) + " / 86400000)"),
      Map.entry("toepochminutesbucket", a -> "(" + a.get(0) + " / 60000 / " + a.get(1) + ")"),
      Map.entry("toepochhoursrounded", a -> "(" + a.get(0) + " / 3600000 / " + a.get(1) + " * " + a.get(1) + ")"),
      Map.entry("fromepochdays", a -> "(" + a.get(0) + " * 86400000)"),
      Map.entry("fromepochseconds", a -> "(" + a.get(0) + " * 1000)"),
      Map.entry("datetrunc", H2Dialect::dateTrunc),
      Map.entry("todatetime", a -> "FORMATDATETIME(" + timestamp(a.get(0)) + ", " + a.get(1) + ")"),
      Map.entry("castbigint", a -> "CAST(TRUNC(" + dbl(a.get(0)) + ") AS BIGINT)"),
      Map.entry("castdouble", a -> "CAST(" + a.get(0) + " AS DOUBLE)"),
      Map.entry("castvarchar", a -> "CAST(" + a.get(0) + " AS VARCHAR)"));

  private H2Dialect() {
  }

  /// The H2 text of a Pinot scalar function call, given the H2 text of its arguments.
  static String scalar(String pinotName, List<String> h2Arguments) {
    Function<List<String>, String> translation = SCALARS.get(pinotName.toLowerCase(Locale.ROOT));
    if (translation == null) {
      throw new IllegalArgumentException("No H2 translation of " + pinotName);
    }
    return translation.apply(h2Arguments);
  }

  /// The H2 text of a Pinot aggregation (by canonical name, as `varpop`), with Pinot's value over no rows.
  static String aggregation(String pinotName, List<String> a) {
    return switch (pinotName) {
      case "count" -> "COUNT(*)";
      case "sum" -> orElse("SUM(" + dbl(a.get(0)) + ")", "0");
      case "min" -> orElse("MIN(" + a.get(0) + ")", POSITIVE_INFINITY);
      case "max" -> orElse("MAX(" + a.get(0) + ")", NEGATIVE_INFINITY);
      case "avg" -> orElse("AVG(" + dbl(a.get(0)) + ")", NEGATIVE_INFINITY);
      case "distinctcount", "countdistinct" -> "COUNT(DISTINCT " + a.get(0) + ")";
      case "minmaxrange" -> orElse("MAX(" + dbl(a.get(0)) + ") - MIN(" + dbl(a.get(0)) + ")", NEGATIVE_INFINITY);
      case "varpop", "varsamp", "stddevpop", "stddevsamp" -> orElse(statistic(pinotName) + "(" + dbl(a.get(0)) + ")",
          NEGATIVE_INFINITY);
      case "covarpop", "covarsamp" -> orElse((pinotName.equals("covarpop") ? "COVAR_POP(" : "COVAR_SAMP(")
          + dbl(a.get(0)) + ", " + dbl(a.get(1)) + ")", NEGATIVE_INFINITY);
      case "mode" -> orElse("MODE() WITHIN GROUP (ORDER BY " + a.get(0) + ")", NEGATIVE_INFINITY);
      case "booland" -> "COALESCE(BOOL_AND(" + a.get(0) + "), TRUE)";
      case "boolor" -> "COALESCE(BOOL_OR(" + a.get(0) + "), FALSE)";
      default -> throw new IllegalArgumentException("No H2 translation of " + pinotName);
    };
  }

  /// The aggregate as a DOUBLE (H2 averages and variances are DECFLOAT, which cannot hold the infinities), or
  /// Pinot's value over no rows.
  private static String orElse(String aggregate, String emptyValue) {
    return "COALESCE(CAST(" + aggregate + " AS DOUBLE PRECISION), " + emptyValue + ")";
  }

  /// H2's TIMESTAMP (no time zone) of an epoch-milliseconds value, read as UTC.
  static String timestamp(String millis) {
    return "DATEADD(MILLISECOND, MOD(" + millis + ", 1000), DATEADD(SECOND, " + millis + " / 1000, " + EPOCH + "))";
  }

  private static String statistic(String pinotName) {
    return switch (pinotName) {
      case "varpop" -> "VAR_POP";
      case "varsamp" -> "VAR_SAMP";
      case "stddevpop" -> "STDDEV_POP";
      default -> "STDDEV_SAMP";
    };
  }

  private static String dbl(String h2) {
    return "CAST(" + h2 + " AS DOUBLE)";
  }

  private static String extract(String field, String millis) {
    return "EXTRACT(" + field + " FROM " + timestamp(millis) + ")";
  }

  /// Pinot's 0-based `SUBSTR(s, begin[, end])` (end exclusive) as H2's 1-based `SUBSTRING(s, start[, length])`.
  private static String substr(List<String> a) {
    int begin = Integer.parseInt(a.get(1).trim());
    if (a.size() == 2) {
      return "SUBSTRING(" + a.get(0) + ", " + (begin + 1) + ")";
    }
    int end = Integer.parseInt(a.get(2).trim());
    return "SUBSTRING(" + a.get(0) + ", " + (begin + 1) + ", " + (end - begin) + ")";
  }

  /// `DATETRUNC(unit, millis)` in UTC: fixed-length units by arithmetic on the epoch (weeks start on Monday,
  /// 1970-01-05), calendar units through H2's DATE_TRUNC.
  private static String dateTrunc(List<String> a) {
    String unit = a.get(0).replace("'", "").toUpperCase(Locale.ROOT);
    String millis = a.get(1);
    long length = switch (unit) {
      case "SECOND" -> 1000L;
      case "MINUTE" -> 60_000L;
      case "HOUR" -> 3_600_000L;
      case "DAY" -> 86_400_000L;
      default -> 0L;
    };
    if (length > 0) {
      return "(" + millis + " - MOD(" + millis + ", " + length + "))";
    }
    if (unit.equals("WEEK")) {
      return "(" + millis + " - MOD(" + millis + " - 345600000, 604800000))";
    }
    return "DATEDIFF(MILLISECOND, " + EPOCH + ", DATE_TRUNC('" + unit + "', " + timestamp(millis) + "))";
  }
}
