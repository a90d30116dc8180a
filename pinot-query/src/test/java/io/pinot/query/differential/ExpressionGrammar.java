// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/// Random but valid scalar expressions and filter predicates over the `events` schema of
/// [io.pinot.query.testing.TestData], each in Pinot SQL and in H2 SQL (through [H2Dialect]). Literals are drawn
/// from the columns' value ranges so predicates split the rows. Not thread-safe (one [Random]); the same seed
/// always gives the same expressions.
final class ExpressionGrammar {
  static final String[] COUNTRIES = {"US", "DE", "JP", "FR", "GB", "IN", "BR", "CA", "CN", "ES", "IT", "MX", "XX"};
  static final String[] DEVICES = {"mobile", "desktop", "tablet", "tv"};
  private static final String[] TAGS = {"a", "b", "c", "d", "e", "f"};
  private static final String[] DATE_UNITS = {"SECOND", "MINUTE", "HOUR", "DAY", "WEEK", "MONTH"};
  private static final String[] TIME_PARTS = {"year", "quarter", "month", "week", "day", "dayofweek", "dayofyear",
      "hour", "minute", "second", "millisecond"};

  private final Random random;
  private final long tsLow;
  private final long tsHigh;

  ExpressionGrammar(Random random, long tsLow, long tsHigh) {
    this.random = random;
    this.tsLow = tsLow;
    this.tsHigh = tsHigh;
  }

  // ---- columns

  SqlExpr numericColumn() {
    return switch (random.nextInt(9)) {
      case 0, 1 -> column("age", 18, 80, 63);
      case 2 -> column("quantity", 1, 10, 10);
      case 3, 4 -> column("price", 0, 1000, 0);
      case 5 -> column("revenue", 0, 10_000, 0);
      case 6 -> column("big", -1e9, 1e9, 0);
      case 7 -> column("score", 0, 9.9, 100);
      default -> column("user_id", 1e9, 1e9 + 3000, 3000);
    };
  }

  SqlExpr stringColumn() {
    return switch (random.nextInt(5)) {
      case 0, 1 -> SqlExpr.string("country", "country", 12);
      case 2 -> SqlExpr.string("city", "city", 200);
      case 3 -> SqlExpr.string("device", "device", 4);
      default -> SqlExpr.string("session", "session", 2500);
    };
  }

  static SqlExpr column(String name, double low, double high, int cardinality) {
    return SqlExpr.number(name, name, low, high, cardinality, true);
  }

  SqlExpr ts() {
    return SqlExpr.number("ts", "ts", tsLow, tsHigh, 0, true);
  }

  // ---- numeric expressions

  /// A numeric expression of at most `depth` levels of calls.
  SqlExpr number(int depth) {
    if (depth <= 0 || random.nextInt(3) == 0) {
      return numericColumn();
    }
    return switch (random.nextInt(11)) {
      case 0, 1 -> arithmetic(depth);
      case 2, 9 -> mathFunction(depth);
      case 3 -> timePart();
      case 4 -> epochConversion();
      case 5 -> stringMeasure();
      case 6 -> caseWhen(depth);
      case 7 -> extremum(depth);
      case 8 -> modulo();
      default -> call("castbigint", "CAST(%s AS BIGINT)", List.of(column("price", 0, 1000, 0)), 0, 1000, 0, true);
    };
  }

  private SqlExpr arithmetic(int depth) {
    SqlExpr left = number(depth - 1);
    int op = random.nextInt(4);
    SqlExpr right = op == 3 ? divisor() : random.nextBoolean() ? number(depth - 1) : literal(1, 100, true);
    String[] names = {"plus", "minus", "times", "divide"};
    String[] symbols = {" + ", " - ", " * ", " / "};
    double[] bounds = switch (op) {
      case 0 -> new double[]{left.low() + right.low(), left.high() + right.high()};
      case 1 -> new double[]{left.low() - right.high(), left.high() - right.low()};
      case 2 -> span(left.low() * right.low(), left.low() * right.high(), left.high() * right.low(),
          left.high() * right.high());
      default -> span(left.low() / right.low(), left.low() / right.high(), left.high() / right.low(),
          left.high() / right.high());
    };
    String h2 = H2Dialect.scalar(names[op], List.of(left.h2(), right.h2()));
    boolean small = left.cardinality() > 0 && right.cardinality() > 0 && op < 2;
    return SqlExpr.number("(" + left.pinot() + symbols[op] + right.pinot() + ")", h2, bounds[0], bounds[1],
        small ? Math.min(5000, left.cardinality() * right.cardinality()) : 0, left.exact() && right.exact());
  }

  private SqlExpr divisor() {
    return switch (random.nextInt(3)) {
      case 0 -> column("quantity", 1, 10, 10);
      case 1 -> column("age", 18, 80, 63);
      default -> literal(2, 50, true);
    };
  }

  private SqlExpr mathFunction(int depth) {
    SqlExpr nonNegative = random.nextBoolean() ? column("price", 0, 1000, 0) : column("age", 18, 80, 63);
    return switch (random.nextInt(9)) {
      case 0 -> {
        SqlExpr x = number(depth - 1);
        yield call("abs", "ABS(%s)", List.of(x), 0, Math.max(Math.abs(x.low()), Math.abs(x.high())), 0, true);
      }
      case 1 -> {
        SqlExpr x = number(depth - 1);
        yield call("floor", "FLOOR(%s)", List.of(x), x.low() - 1, x.high(), x.cardinality(), true);
      }
      case 2 -> {
        SqlExpr x = number(depth - 1);
        yield call("ceil", "CEIL(%s)", List.of(x), x.low(), x.high() + 1, x.cardinality(), true);
      }
      case 3 -> call("sqrt", "SQRT(%s)", List.of(nonNegative), 0, Math.sqrt(nonNegative.high()), 0, true);
      case 4 -> call("ln", "LN(%s + 1)", List.of(nonNegative), 0, Math.log(nonNegative.high() + 1), 0, false);
      case 5 -> call("log10", "LOG10(%s + 1)", List.of(nonNegative), 0, 4, 0, false);
      case 6 -> call("exp", "EXP(%s)", List.of(column("score", 0, 9.9, 100)), 1, 2e4, 0, false);
      case 7 -> call("sign", "SIGN(%s)", List.of(column("big", -1e9, 1e9, 0)), -1, 1, 3, true);
      default -> {
        SqlExpr x = random.nextBoolean() ? column("score", 0, 9.9, 100) : column("quantity", 1, 10, 10);
        yield new SqlExpr("POWER(" + x.pinot() + ", 2)", H2Dialect.scalar("power", List.of(x.h2(), "2")),
            SqlExpr.Kind.NUMBER, 0, x.high() * x.high(), x.cardinality(), false);
      }
    };
  }

  /// `ln` and `log10` get `x + 1` so that zero prices stay finite; the `+ 1` is arithmetic, hence DOUBLE.
  private static SqlExpr call(String name, String pinotFormat, List<SqlExpr> arguments, double low, double high,
      int cardinality, boolean exact) {
    List<String> pinotArguments = new ArrayList<>();
    List<String> h2Arguments = new ArrayList<>();
    for (SqlExpr argument : arguments) {
      pinotArguments.add(argument.pinot());
      h2Arguments.add(pinotFormat.contains("+ 1") ? "(CAST(" + argument.h2() + " AS DOUBLE) + 1)" : argument.h2());
    }
    String pinot = String.format(Locale.ROOT, pinotFormat, pinotArguments.toArray());
    return SqlExpr.number(pinot, H2Dialect.scalar(name, h2Arguments), low, high, cardinality, exact);
  }

  SqlExpr timePart() {
    String part = TIME_PARTS[random.nextInt(TIME_PARTS.length)];
    int[] cardinalities = {2, 2, 3, 6, 31, 7, 30, 24, 60, 60, 1000};
    int[] highs = {2025, 4, 12, 53, 31, 7, 366, 23, 59, 59, 999};
    int index = List.of(TIME_PARTS).indexOf(part);
    String pinot = part.toUpperCase(Locale.ROOT) + "(ts)";
    return SqlExpr.number(pinot, H2Dialect.scalar(part, List.of("ts")), part.equals("year") ? 2023 : 0,
        highs[index], cardinalities[index], true);
  }

  private SqlExpr epochConversion() {
    return switch (random.nextInt(6)) {
      case 0 -> epoch("TOEPOCHSECONDS(ts)", "toepochseconds", List.of("ts"), 1000, 0);
      case 1 -> epoch("TOEPOCHMINUTES(ts)", "toepochminutes", List.of("ts"), 60_000, 0);
      case 2 -> epoch("TOEPOCHHOURS(ts)", "toepochhours", List.of("ts"), 3_600_000, 4000);
      case 3 -> epoch("TOEPOCHDAYS(ts)", "toepochdays", List.of("ts"), 86_400_000, 200);
      case 4 -> epoch("TOEPOCHMINUTESBUCKET(ts, 15)", "toepochminutesbucket", List.of("ts", "15"), 900_000, 0);
      default -> {
        String unit = DATE_UNITS[random.nextInt(DATE_UNITS.length)];
        yield SqlExpr.number("DATETRUNC('" + unit + "', ts)", H2Dialect.scalar("datetrunc", List.of("'" + unit + "'",
            "ts")), tsLow - 31L * 86_400_000, tsHigh, unit.equals("SECOND") || unit.equals("MINUTE") ? 0 : 200, true);
      }
    };
  }

  private SqlExpr epoch(String pinot, String name, List<String> h2Arguments, long divisor, int cardinality) {
    return SqlExpr.number(pinot, H2Dialect.scalar(name, h2Arguments), tsLow / divisor, tsHigh / divisor, cardinality,
        true);
  }

  private SqlExpr stringMeasure() {
    SqlExpr s = stringColumn();
    if (random.nextBoolean()) {
      return SqlExpr.number("LENGTH(" + s.pinot() + ")", H2Dialect.scalar("length", List.of(s.h2())), 2, 8, 7,
          true);
    }
    String needle = "'" + random.nextInt(10) + "'";
    return SqlExpr.number("STRPOS(" + s.pinot() + ", " + needle + ")", H2Dialect.scalar("strpos", List.of(s.h2(),
        needle)), -1, 7, 9, true);
  }

  private SqlExpr caseWhen(int depth) {
    SqlExpr condition = predicate(0, false);
    SqlExpr whenTrue = number(depth - 1);
    SqlExpr otherwise = random.nextBoolean() ? number(depth - 1) : literal(0, 100, true);
    String pinot = "CASE WHEN " + condition.pinot() + " THEN " + whenTrue.pinot() + " ELSE " + otherwise.pinot()
        + " END";
    String h2 = "CASE WHEN " + condition.h2() + " THEN CAST(" + whenTrue.h2() + " AS DOUBLE) ELSE CAST("
        + otherwise.h2() + " AS DOUBLE) END";
    int cardinality = whenTrue.cardinality() > 0 && otherwise.cardinality() > 0
        ? whenTrue.cardinality() + otherwise.cardinality() : 0;
    return SqlExpr.number(pinot, h2, Math.min(whenTrue.low(), otherwise.low()),
        Math.max(whenTrue.high(), otherwise.high()), cardinality, whenTrue.exact() && otherwise.exact());
  }

  private SqlExpr extremum(int depth) {
    SqlExpr a = number(depth - 1);
    SqlExpr b = number(depth - 1);
    boolean greatest = random.nextBoolean();
    String name = greatest ? "greatest" : "least";
    return SqlExpr.number(name.toUpperCase(Locale.ROOT) + "(" + a.pinot() + ", " + b.pinot() + ")",
        H2Dialect.scalar(name, List.of("CAST(" + a.h2() + " AS DOUBLE)", "CAST(" + b.h2() + " AS DOUBLE)")),
        greatest ? Math.max(a.low(), b.low()) : Math.min(a.low(), b.low()),
        greatest ? Math.max(a.high(), b.high()) : Math.min(a.high(), b.high()), 0, a.exact() && b.exact());
  }

  SqlExpr modulo() {
    SqlExpr x = random.nextBoolean() ? column("age", 18, 80, 63) : column("quantity", 1, 10, 10);
    int k = 2 + random.nextInt(9);
    return SqlExpr.number("MOD(" + x.pinot() + ", " + k + ")", H2Dialect.scalar("mod", List.of(x.h2(), "" + k)), 0,
        k - 1, k, true);
  }

  // ---- string expressions

  /// A string expression: a column or one string function of a column.
  SqlExpr string() {
    SqlExpr s = stringColumn();
    int maxLength = s.pinot().equals("city") ? 8 : s.pinot().equals("device") ? 7 : 5;
    int minLength = s.pinot().equals("city") ? 8 : s.pinot().equals("session") ? 5 : 2;
    return switch (random.nextInt(12)) {
      case 0 -> stringCall("UPPER(%s)", "upper", s, List.of(), s.cardinality());
      case 1 -> stringCall("LOWER(%s)", "lower", s, List.of(), s.cardinality());
      case 2 -> {
        int end = 1 + random.nextInt(minLength);
        yield stringCall("SUBSTR(%s, 0, " + end + ")", "substr", s, List.of("0", "" + end),
            Math.min(s.cardinality(), end == 1 ? 10 : 200));
      }
      case 3 -> stringCall("SUBSTR(%s, 1)", "substr", s, List.of("1"), s.cardinality());
      case 4 -> {
        SqlExpr other = stringColumn();
        yield SqlExpr.string("CONCAT(" + s.pinot() + ", " + other.pinot() + ", '-')",
            H2Dialect.scalar("concat", List.of(s.h2(), other.h2(), "'-'")), s.cardinality() * other.cardinality());
      }
      case 5 -> stringCall("REPLACE(%s, 'a', 'A')", "replace", s, List.of("'a'", "'A'"), s.cardinality());
      case 6 -> stringCall("LPAD(%s, " + (maxLength + 2) + ", '*')", "lpad", s, List.of("" + (maxLength + 2), "'*'"),
          s.cardinality());
      case 7 -> stringCall("RPAD(%s, " + (maxLength + 1) + ", '#')", "rpad", s, List.of("" + (maxLength + 1), "'#'"),
          s.cardinality());
      case 8 -> stringCall("TRIM(%s)", "trim", s, List.of(), s.cardinality());
      case 9 -> stringCall("REGEXP_REPLACE(%s, '[0-9]', '9')", "regexpreplace", s, List.of("'[0-9]'", "'9'"),
          s.cardinality());
      default -> s;
    };
  }

  private static SqlExpr stringCall(String pinotFormat, String name, SqlExpr s, List<String> rest, int cardinality) {
    List<String> h2Arguments = new ArrayList<>();
    h2Arguments.add(s.h2());
    h2Arguments.addAll(rest);
    return SqlExpr.string(String.format(Locale.ROOT, pinotFormat, s.pinot()), H2Dialect.scalar(name, h2Arguments),
        cardinality);
  }

  // ---- predicates

  /// A filter predicate with at most `depth` levels of AND/OR/NOT.
  SqlExpr predicate(int depth) {
    return predicate(depth, true);
  }

  private SqlExpr predicate(int depth, boolean inFilter) {
    if (depth > 0 && random.nextInt(3) > 0) {
      int kind = random.nextInt(5);
      if (kind == 4) {
        SqlExpr inner = predicate(depth - 1, inFilter);
        return SqlExpr.bool("NOT (" + inner.pinot() + ")", "NOT (" + inner.h2() + ")");
      }
      String op = kind < 2 ? " AND " : " OR ";
      SqlExpr a = predicate(depth - 1, inFilter);
      SqlExpr b = predicate(depth - 1, inFilter);
      return SqlExpr.bool("(" + a.pinot() + op + b.pinot() + ")", "(" + a.h2() + op + b.h2() + ")");
    }
    return PredicateLeaves.leaf(this, random, inFilter);
  }

  /// A literal in [low, high]: an integer, or a number with two decimals (H2 reads it as a DOUBLE).
  SqlExpr literal(double low, double high, boolean integral) {
    double value = low + random.nextDouble() * (high - low);
    if (integral || Math.abs(value) > 1e6) {
      long rounded = Math.round(value);
      return SqlExpr.number("" + rounded, "" + rounded, rounded, rounded, 1, true);
    }
    // the second decimal is 5, so a literal never equals a FLOAT value of `score` (tenths): Pinot converts such a
    // literal to FLOAT before comparing, H2 compares as DOUBLE, and the two only differ at equality
    String text = String.format(Locale.ROOT, "%.1f5", value);
    return SqlExpr.number(text, "CAST(" + text + " AS DOUBLE PRECISION)", value, value, 1, true);
  }

  String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  String tag() {
    return pick(TAGS);
  }

  long tsLow() {
    return tsLow;
  }

  long tsHigh() {
    return tsHigh;
  }

  private static double[] span(double... values) {
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (double value : values) {
      low = Math.min(low, value);
      high = Math.max(high, value);
    }
    return new double[]{low, high};
  }
}
