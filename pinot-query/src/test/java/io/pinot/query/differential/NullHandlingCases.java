// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.differential;

import java.util.ArrayList;
import java.util.List;

/// The queries of [NullHandlingDifferentialTest], as a table of (engine SQL, H2 SQL). With the option
/// `enableNullHandling=true` ([#advanced]) the engine must follow SQL null semantics, which H2 has natively:
///
/// - WHERE: three-valued logic; a comparison, IN, BETWEEN or LIKE on a null value is unknown, NOT(unknown) is
///   unknown, only TRUE rows pass.
/// - Aggregations skip nulls; SUM/MIN/MAX/AVG over no non-null value are null; COUNT over nothing is 0.
/// - GROUP BY: all null keys form one group. ORDER BY: nulls are larger than any value (last for ASC, first for
///   DESC), which H2 is told explicitly with `NULLS LAST`/`NULLS FIRST` (H2 sorts nulls first by default).
/// - Arithmetic on a null is null.
///
/// Without the option ([#legacy]) the engine reads the stored default values: `"null"` for STRING dimensions,
/// the type's minimum for numeric dimensions, 0 for metrics; H2 spells these with COALESCE. `IS NULL` still reads
/// the null value vectors.
///
/// `segment2` is a filter selecting exactly the segment whose `revenue` is entirely null. Immutable.
final class NullHandlingCases {
  /// One query: its group (for the report), the engine's SQL, H2's SQL, whether row order is part of the answer.
  record Case(String group, String sql, String h2Sql, boolean ordered) {
    @Override
    public String toString() {
      return group + ": " + sql;
    }
  }

  static final String OPTION = "SET enableNullHandling=true; ";

  private NullHandlingCases() {
  }

  /// The cases run with `enableNullHandling=true`.
  static List<Case> advanced(String segment2) {
    List<Case> cases = new ArrayList<>();
    cases.addAll(filters());
    cases.addAll(logic());
    cases.addAll(aggregations(segment2));
    cases.addAll(groupBy(segment2));
    cases.addAll(orderBy());
    cases.addAll(arithmetic(segment2));
    return cases;
  }

  private static Case same(String group, String sql) {
    return new Case(group, OPTION + sql, sql, sql.contains("ORDER BY"));
  }

  private static Case with(String group, String sql, String h2Sql) {
    return new Case(group, OPTION + sql, h2Sql, sql.contains("ORDER BY"));
  }

  private static Case count(String group, String where) {
    return same(group, "SELECT COUNT(*) FROM events WHERE " + where);
  }

  private static List<Case> filters() {
    String f = "filter";
    return List.of(
        count(f, "country = 'US'"),
        count(f, "country <> 'US'"),
        count(f, "age < 30"),
        count(f, "age >= 60"),
        count(f, "price BETWEEN 100 AND 500"),
        count(f, "age NOT BETWEEN 30 AND 50"),
        count(f, "country IN ('US', 'DE', 'JP')"),
        count(f, "country NOT IN ('US', 'DE')"),
        count(f, "age NOT IN (20, 30, 40, 50)"),
        count(f, "city LIKE 'city_1%'"),
        count(f, "city NOT LIKE 'city_1%'"),
        count(f, "is_new = true"),
        count(f, "is_new <> true"),
        count(f, "score >= 5"),
        count(f, "user_id < 1000001500"),
        count(f, "revenue > 0"),
        count(f, "price > revenue"),
        count(f, "price + quantity > 500"),
        count(f, "price * quantity < 1000"),
        count(f, "country IS NULL"),
        count(f, "country IS NOT NULL AND city IS NULL"),
        count(f, "price IS NULL OR quantity IS NULL"),
        same(f, "SELECT ts, country, age FROM events WHERE age > 70 OR country = 'MX' ORDER BY ts LIMIT 1000"));
  }

  private static List<Case> logic() {
    String f = "not-and-or";
    return List.of(
        count(f, "NOT (country = 'US')"),
        count(f, "NOT (age > 40)"),
        count(f, "NOT (country IN ('US', 'DE'))"),
        count(f, "NOT (city LIKE 'city_0%')"),
        count(f, "NOT (price IS NULL)"),
        count(f, "NOT (country = 'US' AND age > 30)"),
        count(f, "NOT (country = 'US' OR age > 30)"),
        count(f, "country = 'US' OR age > 60"),
        count(f, "country <> 'US' AND price < 200"),
        count(f, "(country = 'DE' OR city = 'city_010') AND NOT (age < 25 OR quantity > 8)"),
        count(f, "age IN (20, 30, 40) OR country IS NULL"),
        count(f, "NOT (NOT (is_new = true))"));
  }

  private static List<Case> aggregations(String segment2) {
    String f = "aggregation";
    return List.of(
        same(f, "SELECT COUNT(*), COUNT(country), COUNT(price), COUNT(revenue), COUNT(is_new) FROM events"),
        same(f, "SELECT SUM(price), MIN(price), MAX(price), AVG(price) FROM events"),
        with(f, "SELECT SUM(age), MIN(age), MAX(age), AVG(age) FROM events",
            "SELECT SUM(age), MIN(age), MAX(age), AVG(CAST(age AS DOUBLE)) FROM events"),
        with(f, "SELECT SUM(quantity), SUM(score), MIN(score), MAX(score), MIN(user_id), MAX(user_id) FROM events",
            "SELECT SUM(quantity), SUM(CAST(score AS DOUBLE)), MIN(score), MAX(score), MIN(user_id), MAX(user_id) "
                + "FROM events"),
        with(f, "SELECT DISTINCTCOUNT(country), COUNT(DISTINCT city), DISTINCTCOUNT(age) FROM events",
            "SELECT COUNT(DISTINCT country), COUNT(DISTINCT city), COUNT(DISTINCT age) FROM events"),
        with(f, "SELECT DISTINCTCOUNT(city), COUNT(city), COUNT(*) FROM events WHERE country IS NULL",
            "SELECT COUNT(DISTINCT city), COUNT(city), COUNT(*) FROM events WHERE country IS NULL"),
        same(f, "SELECT SUM(revenue), MIN(revenue), MAX(revenue), AVG(revenue), COUNT(revenue), COUNT(*) "
            + "FROM events WHERE " + segment2),
        same(f, "SELECT COUNT(*), COUNT(price), SUM(price), MIN(price), MAX(price), AVG(price) FROM events "
            + "WHERE price > 1000000"),
        same(f, "SELECT SUM(price), MAX(age) FROM events WHERE price IS NULL AND age IS NULL"),
        same(f, "SELECT SUM(price) FILTER (WHERE country = 'US'), COUNT(*) FILTER (WHERE age > 50), "
            + "COUNT(city) FILTER (WHERE NOT (country = 'US')), AVG(price) FILTER (WHERE is_new = true) FROM events"),
        same(f, "SELECT SUM(revenue) FILTER (WHERE " + segment2 + "), COUNT(revenue) FILTER (WHERE " + segment2
            + "), MIN(revenue) FILTER (WHERE " + segment2 + "), SUM(revenue) FROM events"),
        same(f, "SELECT COUNT(*) FILTER (WHERE price IS NULL), COUNT(price) FILTER (WHERE price IS NULL), "
            + "SUM(price) FILTER (WHERE price IS NULL) FROM events"));
  }

  private static List<Case> groupBy(String segment2) {
    String f = "group-by";
    return List.of(
        with(f, "SELECT country, COUNT(*), COUNT(price), SUM(price) FROM events GROUP BY country "
                + "ORDER BY country LIMIT 100",
            "SELECT country, COUNT(*), COUNT(price), SUM(price) FROM events GROUP BY country "
                + "ORDER BY country NULLS LAST LIMIT 100"),
        same(f, "SELECT city, COUNT(*), MAX(age) FROM events GROUP BY city LIMIT 1000"),
        with(f, "SELECT age, COUNT(*), SUM(quantity) FROM events GROUP BY age ORDER BY age DESC LIMIT 100",
            "SELECT age, COUNT(*), SUM(quantity) FROM events GROUP BY age ORDER BY age DESC NULLS FIRST LIMIT 100"),
        with(f, "SELECT country, is_new, COUNT(*), MIN(price), MAX(revenue) FROM events GROUP BY country, is_new "
                + "ORDER BY country, is_new LIMIT 1000",
            "SELECT country, is_new, COUNT(*), MIN(price), MAX(revenue) FROM events GROUP BY country, is_new "
                + "ORDER BY country NULLS LAST, is_new NULLS LAST LIMIT 1000"),
        same(f, "SELECT is_new, device, COUNT(*), SUM(price), AVG(quantity) FROM events GROUP BY is_new, device "
            + "LIMIT 1000"),
        with(f, "SELECT country, SUM(revenue), MIN(revenue), AVG(revenue), COUNT(revenue), COUNT(*) FROM events "
                + "WHERE " + segment2 + " GROUP BY country ORDER BY country LIMIT 100",
            "SELECT country, SUM(revenue), MIN(revenue), AVG(revenue), COUNT(revenue), COUNT(*) FROM events "
                + "WHERE " + segment2 + " GROUP BY country ORDER BY country NULLS LAST LIMIT 100"),
        with(f, "SELECT country, SUM(price), MAX(price), COUNT(*) FROM events WHERE price IS NULL GROUP BY country "
                + "ORDER BY country LIMIT 100",
            "SELECT country, SUM(price), MAX(price), COUNT(*) FROM events WHERE price IS NULL GROUP BY country "
                + "ORDER BY country NULLS LAST LIMIT 100"),
        same(f, "SELECT device, SUM(price) FILTER (WHERE country IS NULL), COUNT(*) FILTER (WHERE age IS NULL), "
            + "COUNT(age) FROM events GROUP BY device ORDER BY device LIMIT 10"),
        with(f, "SELECT device, DISTINCTCOUNT(country), COUNT(DISTINCT age) FROM events GROUP BY device "
                + "ORDER BY device LIMIT 10",
            "SELECT device, COUNT(DISTINCT country), COUNT(DISTINCT age) FROM events GROUP BY device "
                + "ORDER BY device LIMIT 10"),
        with(f, "SELECT country, SUM(price) FROM events GROUP BY country HAVING SUM(price) > 10000 "
                + "ORDER BY country LIMIT 100",
            "SELECT country, SUM(price) FROM events GROUP BY country HAVING SUM(price) > 10000 "
                + "ORDER BY country NULLS LAST LIMIT 100"),
        with(f, "SELECT country, MAX(price) FROM events WHERE price IS NULL OR country = 'US' GROUP BY country "
                + "HAVING NOT (MAX(price) > 100 AND MAX(price) < 99000) ORDER BY country LIMIT 100",
            "SELECT country, MAX(price) FROM events WHERE price IS NULL OR country = 'US' GROUP BY country "
                + "HAVING NOT (MAX(price) > 100 AND MAX(price) < 99000) ORDER BY country NULLS LAST LIMIT 100"),
        with(f, "SELECT device, MIN(age) FROM events WHERE age IS NULL OR device = 'tv' GROUP BY device "
                + "ORDER BY MIN(age), device LIMIT 10",
            "SELECT device, MIN(age) FROM events WHERE age IS NULL OR device = 'tv' GROUP BY device "
                + "ORDER BY MIN(age) NULLS LAST, device LIMIT 10"),
        with(f, "SELECT is_new, COUNT(*), AVG(price) FROM events GROUP BY is_new ORDER BY is_new LIMIT 10",
            "SELECT is_new, COUNT(*), AVG(price) FROM events GROUP BY is_new ORDER BY is_new NULLS LAST LIMIT 10"),
        with(f, "SELECT DISTINCT country FROM events ORDER BY country LIMIT 100",
            "SELECT DISTINCT country FROM events ORDER BY country NULLS LAST LIMIT 100"),
        with(f, "SELECT DISTINCT country, is_new FROM events ORDER BY country DESC, is_new LIMIT 100",
            "SELECT DISTINCT country, is_new FROM events ORDER BY country DESC NULLS FIRST, is_new NULLS LAST "
                + "LIMIT 100"));
  }

  private static List<Case> orderBy() {
    String f = "selection-order-by";
    return List.of(
        same(f, "SELECT country, age, price FROM events WHERE device = 'tv' ORDER BY ts LIMIT 50"),
        same(f, "SELECT country, city, age, price, quantity, revenue, user_id, score, is_new FROM events "
            + "ORDER BY ts LIMIT 60"),
        same(f, "SELECT country, age FROM events WHERE price IS NULL AND age IS NULL LIMIT 1000"),
        with(f, "SELECT age, ts FROM events WHERE country = 'US' ORDER BY age, ts LIMIT 1000",
            "SELECT age, ts FROM events WHERE country = 'US' ORDER BY age NULLS LAST, ts LIMIT 1000"),
        with(f, "SELECT age, ts FROM events ORDER BY age DESC, ts LIMIT 40",
            "SELECT age, ts FROM events ORDER BY age DESC NULLS FIRST, ts LIMIT 40"),
        same(f, "SELECT country, ts FROM events ORDER BY country NULLS FIRST, ts LIMIT 40"),
        same(f, "SELECT country, ts FROM events ORDER BY country DESC NULLS LAST, ts LIMIT 40"),
        same(f, "SELECT price, ts FROM events ORDER BY price NULLS FIRST, ts LIMIT 40"),
        with(f, "SELECT price, ts FROM events WHERE device = 'tv' ORDER BY price, ts LIMIT 1000",
            "SELECT price, ts FROM events WHERE device = 'tv' ORDER BY price NULLS LAST, ts LIMIT 1000"),
        with(f, "SELECT city, ts FROM events ORDER BY city DESC, ts LIMIT 30",
            "SELECT city, ts FROM events ORDER BY city DESC NULLS FIRST, ts LIMIT 30"),
        same(f, "SELECT is_new, score, ts FROM events ORDER BY score DESC NULLS LAST, ts LIMIT 30"),
        with(f, "SELECT is_new, user_id, ts FROM events ORDER BY is_new, user_id DESC, ts LIMIT 1000",
            "SELECT is_new, user_id, ts FROM events ORDER BY is_new NULLS LAST, user_id DESC NULLS FIRST, ts "
                + "LIMIT 1000"));
  }

  private static List<Case> arithmetic(String segment2) {
    String f = "arithmetic";
    return List.of(
        same(f, "SELECT price + 1, quantity * 2, price + quantity, age - quantity, ts FROM events ORDER BY ts "
            + "LIMIT 50"),
        same(f, "SELECT SUM(price + quantity), MAX(price * quantity), MIN(revenue - price), COUNT(*) FROM events"),
        with(f, "SELECT country, SUM(price * quantity), AVG(age + quantity) FROM events GROUP BY country "
                + "ORDER BY country LIMIT 100",
            "SELECT country, SUM(price * quantity), AVG(CAST(age AS DOUBLE) + quantity) FROM events "
                + "GROUP BY country ORDER BY country NULLS LAST LIMIT 100"),
        with(f, "SELECT age + 1, COUNT(*) FROM events GROUP BY age + 1 ORDER BY age + 1 LIMIT 100",
            "SELECT age + 1, COUNT(*) FROM events GROUP BY age + 1 ORDER BY age + 1 NULLS LAST LIMIT 100"),
        same(f, "SELECT COALESCE(country, 'none'), COUNT(*) FROM events GROUP BY COALESCE(country, 'none') "
            + "ORDER BY COALESCE(country, 'none') LIMIT 100"),
        same(f, "SELECT COALESCE(price, 0) + COALESCE(quantity, 0), ts FROM events ORDER BY ts LIMIT 30"),
        same(f, "SELECT SUM(COALESCE(revenue, -1)), COUNT(*) FROM events WHERE " + segment2),
        same(f, "SELECT COUNT(*), SUM(price) FROM events WHERE COALESCE(price, revenue) > 20000"),
        same(f, "SELECT COUNT(*) FROM events WHERE COALESCE(country, 'none') = 'none' OR NOT (COALESCE(price, "
            + "revenue) <= 50000)"),
        same(f, "SELECT MAX(COALESCE(price, revenue)), COUNT(COALESCE(price, revenue)) FROM events"),
        with(f, "SELECT CASE WHEN age > 40 THEN 'old' ELSE 'young' END, COUNT(*) FROM events "
                + "GROUP BY CASE WHEN age > 40 THEN 'old' ELSE 'young' END LIMIT 10",
            "SELECT k, COUNT(*) FROM (SELECT CASE WHEN age > 40 THEN 'old' ELSE 'young' END AS k FROM events) "
                + "GROUP BY k"));
  }

  /// The cases run without the option: the legacy behaviour, where null values read as the stored defaults.
  static List<Case> legacy(String segment2) {
    String f = "legacy";
    String minInt = "-2147483648";
    return List.of(
        new Case(f, "SELECT COUNT(*) FROM events WHERE price IS NULL",
            "SELECT COUNT(*) FROM events WHERE price IS NULL", false),
        new Case(f, "SELECT COUNT(*) FROM events WHERE country IS NOT NULL AND age IS NULL",
            "SELECT COUNT(*) FROM events WHERE country IS NOT NULL AND age IS NULL", false),
        new Case(f, "SELECT COUNT(*) FROM events WHERE revenue IS NULL OR city IS NULL",
            "SELECT COUNT(*) FROM events WHERE revenue IS NULL OR city IS NULL", false),
        new Case(f, "SELECT SUM(price), SUM(quantity), COUNT(price) FROM events",
            "SELECT SUM(COALESCE(price, 0)), SUM(COALESCE(quantity, 0)), COUNT(*) FROM events", false),
        new Case(f, "SELECT SUM(revenue), MAX(revenue), COUNT(revenue) FROM events WHERE " + segment2,
            "SELECT 0.0, 0.0, COUNT(*) FROM events WHERE " + segment2, false),
        new Case(f, "SELECT country, COUNT(*), SUM(price) FROM events GROUP BY country ORDER BY country LIMIT 100",
            "SELECT k, COUNT(*), SUM(COALESCE(price, 0)) FROM (SELECT COALESCE(country, 'null') AS k, price "
                + "FROM events) GROUP BY k ORDER BY k LIMIT 100", true),
        new Case(f, "SELECT COUNT(*) FROM events WHERE country = 'null'",
            "SELECT COUNT(*) FROM events WHERE country IS NULL", false),
        new Case(f, "SELECT MIN(age), MAX(price), MIN(quantity) FROM events",
            "SELECT MIN(COALESCE(age, " + minInt + ")), MAX(COALESCE(price, 0)), MIN(COALESCE(quantity, 0)) "
                + "FROM events", false),
        new Case(f, "SELECT age, COUNT(*) FROM events WHERE age IS NULL GROUP BY age LIMIT 10",
            "SELECT " + minInt + ", COUNT(*) FROM events WHERE age IS NULL", false),
        new Case(f, "SELECT country, age, price, ts FROM events ORDER BY ts LIMIT 30",
            "SELECT COALESCE(country, 'null'), COALESCE(age, " + minInt + "), COALESCE(price, 0), ts FROM events "
                + "ORDER BY ts LIMIT 30", true));
  }
}
