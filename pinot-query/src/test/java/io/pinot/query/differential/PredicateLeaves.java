// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/// The leaves of generated filters: comparisons, BETWEEN, IN / NOT IN, LIKE / NOT LIKE, IS [NOT] DISTINCT FROM,
/// REGEXP_LIKE, STARTSWITH / ENDSWITH, boolean columns and multi-value columns (H2 checks those through its child
/// tables `events_tags` and `events_codes`), on columns and on transforms. Stateless; the randomness is the
/// caller's.
final class PredicateLeaves {
  private static final String[] COMPARISONS = {"=", "<>", "<", "<=", ">", ">="};
  private static final String[] LIKE_PATTERNS = {"city_1%", "%5", "%0_", "s1%", "%a%", "m%", "_E", "%b%c%", "t%"};
  private static final String[] REGEXPS = {"^city_1[0-4]", "[05]$", "^s1[a-f]", "e", "^(US|DE|JP)$", "t.b"};

  private PredicateLeaves() {
  }

  /// A leaf predicate; `inFilter` allows multi-value columns, whose predicates only mean "any value matches" in
  /// a WHERE clause (not inside a transform such as CASE WHEN).
  static SqlExpr leaf(ExpressionGrammar grammar, Random random, boolean inFilter) {
    int kind = random.nextInt(16);
    if (kind == 12 && !inFilter) {
      kind = 0;
    }
    return switch (kind) {
      case 0, 1, 2 -> numericComparison(grammar, random, grammar.numericColumn());
      case 3, 4 -> numericComparison(grammar, random, grammar.number(2));
      case 5 -> between(grammar, random);
      case 6, 7 -> inList(grammar, random);
      case 8 -> stringEquality(grammar, random);
      case 9 -> like(grammar, random);
      case 10 -> distinctFrom(grammar, random);
      case 11 -> pattern(grammar, random);
      case 12 -> multiValue(grammar, random);
      case 13 -> timeRange(grammar, random);
      case 14 -> {
        String text = "is_new = " + random.nextBoolean();
        yield SqlExpr.bool(text, text);
      }
      default -> columnComparison(random);
    };
  }

  private static SqlExpr numericComparison(ExpressionGrammar grammar, Random random, SqlExpr x) {
    String op = COMPARISONS[random.nextInt(COMPARISONS.length)];
    boolean integral = x.exact() && x.cardinality() > 0 && !x.pinot().equals("score");
    SqlExpr value = grammar.literal(x.low(), x.high(), integral);
    if (random.nextInt(5) == 0) {
      // literal on the left
      return SqlExpr.bool(value.pinot() + " " + op + " " + x.pinot(), value.h2() + " " + op + " " + x.h2());
    }
    return SqlExpr.bool(x.pinot() + " " + op + " " + value.pinot(), x.h2() + " " + op + " " + value.h2());
  }

  private static SqlExpr between(ExpressionGrammar grammar, Random random) {
    SqlExpr x = random.nextBoolean() ? grammar.numericColumn() : grammar.number(1);
    boolean integral = x.exact() && x.cardinality() > 0 && !x.pinot().equals("score");
    SqlExpr a = grammar.literal(x.low(), x.high(), integral);
    SqlExpr b = grammar.literal(a.low(), x.high(), integral);
    String not = random.nextInt(4) == 0 ? "NOT " : "";
    return SqlExpr.bool(x.pinot() + " " + not + "BETWEEN " + a.pinot() + " AND " + b.pinot(),
        x.h2() + " " + not + "BETWEEN " + a.h2() + " AND " + b.h2());
  }

  private static SqlExpr inList(ExpressionGrammar grammar, Random random) {
    List<String> values = new ArrayList<>();
    SqlExpr x;
    int size = 1 + random.nextInt(4);
    switch (random.nextInt(4)) {
      case 0 -> {
        x = SqlExpr.string("country", "country", 12);
        for (int i = 0; i < size; i++) {
          values.add("'" + grammar.pick(ExpressionGrammar.COUNTRIES) + "'");
        }
      }
      case 1 -> {
        x = SqlExpr.string("device", "device", 4);
        for (int i = 0; i < size; i++) {
          values.add("'" + grammar.pick(ExpressionGrammar.DEVICES) + "'");
        }
      }
      case 2 -> {
        x = ExpressionGrammar.column("age", 18, 80, 63);
        for (int i = 0; i < size + 3; i++) {
          values.add("" + (18 + random.nextInt(63)));
        }
      }
      default -> {
        x = grammar.modulo();
        for (int i = 0; i < size; i++) {
          values.add("" + random.nextInt(5));
        }
      }
    }
    String not = random.nextInt(3) == 0 ? "NOT " : "";
    String list = String.join(", ", values);
    return SqlExpr.bool(x.pinot() + " " + not + "IN (" + list + ")", x.h2() + " " + not + "IN (" + list + ")");
  }

  private static SqlExpr stringEquality(ExpressionGrammar grammar, Random random) {
    String op = random.nextInt(3) == 0 ? "<>" : "=";
    return switch (random.nextInt(4)) {
      case 0 -> {
        String text = "UPPER(device) " + op + " '" + grammar.pick(ExpressionGrammar.DEVICES).toUpperCase(Locale.ROOT)
            + "'";
        yield SqlExpr.bool(text, text);
      }
      case 1 -> {
        String city = String.format(Locale.ROOT, "'city_%03d'", random.nextInt(200));
        yield SqlExpr.bool("city " + op + " " + city, "city " + op + " " + city);
      }
      case 2 -> {
        String prefix = "'" + random.nextInt(2) + "'";
        yield SqlExpr.bool("SUBSTR(city, 5, 6) " + op + " " + prefix,
            H2Dialect.scalar("substr", List.of("city", "5", "6")) + " " + op + " " + prefix);
      }
      default -> {
        String country = "'" + grammar.pick(ExpressionGrammar.COUNTRIES) + "'";
        String text = "country " + op + " " + country;
        yield SqlExpr.bool(text, text);
      }
    };
  }

  private static SqlExpr like(ExpressionGrammar grammar, Random random) {
    SqlExpr s = grammar.stringColumn();
    String pattern = "'" + LIKE_PATTERNS[random.nextInt(LIKE_PATTERNS.length)] + "'";
    String not = random.nextInt(3) == 0 ? "NOT " : "";
    return SqlExpr.bool(s.pinot() + " " + not + "LIKE " + pattern, s.h2() + " " + not + "LIKE " + pattern);
  }

  private static SqlExpr distinctFrom(ExpressionGrammar grammar, Random random) {
    String not = random.nextBoolean() ? "NOT " : "";
    String text = random.nextBoolean() ? "country IS " + not + "DISTINCT FROM '"
        + grammar.pick(ExpressionGrammar.COUNTRIES) + "'" : "quantity IS " + not + "DISTINCT FROM "
        + (1 + random.nextInt(10));
    return SqlExpr.bool(text, text);
  }

  private static SqlExpr pattern(ExpressionGrammar grammar, Random random) {
    SqlExpr s = grammar.stringColumn();
    return switch (random.nextInt(3)) {
      case 0 -> {
        String regexp = "'" + REGEXPS[random.nextInt(REGEXPS.length)] + "'";
        yield SqlExpr.bool("REGEXP_LIKE(" + s.pinot() + ", " + regexp + ")",
            H2Dialect.scalar("regexplike", List.of(s.h2(), regexp)));
      }
      case 1 -> {
        String prefix = "'" + grammar.pick(new String[]{"city_1", "s1", "m", "D", "US", "ta"}) + "'";
        yield SqlExpr.bool("STARTSWITH(" + s.pinot() + ", " + prefix + ")",
            H2Dialect.scalar("startswith", List.of(s.h2(), prefix)));
      }
      default -> {
        String suffix = "'" + random.nextInt(10) + "'";
        yield SqlExpr.bool("ENDSWITH(" + s.pinot() + ", " + suffix + ")",
            H2Dialect.scalar("endswith", List.of(s.h2(), suffix)));
      }
    };
  }

  private static SqlExpr multiValue(ExpressionGrammar grammar, Random random) {
    boolean tags = random.nextBoolean();
    String h2Exists = tags ? "EXISTS (SELECT 1 FROM events_tags t WHERE t.id = events.id AND t.tag "
        : "EXISTS (SELECT 1 FROM events_codes c WHERE c.id = events.id AND c.code ";
    String column = tags ? "tags" : "codes";
    String value = tags ? "'" + grammar.tag() + "'" : "" + (1 + random.nextInt(20));
    return switch (random.nextInt(4)) {
      case 0 -> SqlExpr.bool(column + " = " + value, h2Exists + "= " + value + ")");
      case 1 -> SqlExpr.bool(column + " <> " + value, "NOT " + h2Exists + "= " + value + ")");
      case 2 -> {
        String other = tags ? "'" + grammar.tag() + "'" : "" + (1 + random.nextInt(20));
        yield SqlExpr.bool(column + " IN (" + value + ", " + other + ")",
            h2Exists + "IN (" + value + ", " + other + "))");
      }
      default -> tags ? SqlExpr.bool("tags NOT IN (" + value + ")", "NOT " + h2Exists + "IN (" + value + "))")
          : SqlExpr.bool("codes > " + value, h2Exists + "> " + value + ")");
    };
  }

  private static SqlExpr timeRange(ExpressionGrammar grammar, Random random) {
    long low = grammar.tsLow() + (long) (random.nextDouble() * (grammar.tsHigh() - grammar.tsLow()));
    return switch (random.nextInt(3)) {
      case 0 -> SqlExpr.bool("ts >= " + low, "ts >= " + low);
      case 1 -> {
        long high = low + (long) (random.nextDouble() * (grammar.tsHigh() - low));
        yield SqlExpr.bool("ts BETWEEN " + low + " AND " + high, "ts BETWEEN " + low + " AND " + high);
      }
      default -> {
        SqlExpr part = grammar.timePart();
        SqlExpr value = grammar.literal(part.low(), part.high(), true);
        yield SqlExpr.bool(part.pinot() + " <= " + value.pinot(), part.h2() + " <= " + value.h2());
      }
    };
  }

  private static SqlExpr columnComparison(Random random) {
    String[] pairs = {"price > revenue", "age > quantity * 5", "price < quantity * 100", "score * 10 >= age - 18"};
    String pinot = pairs[random.nextInt(pairs.length)];
    String h2 = pinot.replace("quantity * ", "CAST(quantity AS DOUBLE) * ").replace("score * 10",
        "CAST(score AS DOUBLE) * 10");
    return SqlExpr.bool(pinot, h2);
  }
}
