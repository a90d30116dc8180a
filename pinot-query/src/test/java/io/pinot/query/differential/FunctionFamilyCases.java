// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.differential;

import java.util.ArrayList;
import java.util.List;

/// The hand-written cases of [FunctionFamilyDifferentialTest] that H2 can answer: per function family, the
/// engine's SQL and the equivalent H2 SQL (Pinot semantics spelled out in H2: DOUBLE arithmetic, 0-based SUBSTR
/// and STRPOS, UTC date parts through [H2Dialect#timestamp], multi-value columns through the child tables
/// `events_tags` and `events_codes`). Immutable.
final class FunctionFamilyCases {
  /// One case: its family (for the report), the engine's SQL, H2's SQL, whether row order is part of the answer.
  record Case(String family, String sql, String h2Sql, boolean ordered) {
    @Override
    public String toString() {
      return family + ": " + sql;
    }
  }

  private static final String TS = H2Dialect.timestamp("ts");
  private static final String TAGS_OF = "(SELECT %s FROM events_tags t WHERE t.id = events.id)";
  private static final String CODES_OF = "(SELECT %s FROM events_codes c WHERE c.id = events.id)";

  private FunctionFamilyCases() {
  }

  static List<Case> all() {
    List<Case> cases = new ArrayList<>();
    cases.addAll(aggregations());
    cases.addAll(multiValueAggregations());
    cases.addAll(conditionals());
    cases.addAll(dateTime());
    cases.addAll(strings());
    cases.addAll(math());
    cases.addAll(arrays());
    cases.addAll(hashesAndJson());
    cases.addAll(filters());
    return cases;
  }

  private static Case same(String family, String sql) {
    return new Case(family, sql, sql, sql.contains("ORDER BY"));
  }

  private static Case with(String family, String sql, String h2Sql) {
    return new Case(family, sql, h2Sql, sql.contains("ORDER BY"));
  }

  /// `SELECT expr, COUNT(*) ... GROUP BY expr ORDER BY 1`; H2 groups a derived table (it rejects grouping by an
  /// ordinal and by correlated subqueries).
  private static Case grouped(String family, String pinotExpression, String h2Expression, int limit) {
    return new Case(family, "SELECT " + pinotExpression + ", COUNT(*) FROM events GROUP BY " + pinotExpression
        + " ORDER BY 1 LIMIT " + limit, "SELECT k, COUNT(*) FROM (SELECT " + h2Expression + " AS k FROM events) "
        + "GROUP BY k ORDER BY 1 LIMIT " + limit, true);
  }

  private static List<Case> aggregations() {
    String f = "aggregation";
    return List.of(
        same(f, "SELECT COUNT(*), COUNT(country), COUNT(price) FROM events"),
        with(f, "SELECT SUM(age), MIN(age), MAX(age), AVG(age) FROM events",
            "SELECT SUM(age), MIN(age), MAX(age), AVG(CAST(age AS DOUBLE)) FROM events"),
        with(f, "SELECT SUM(big), MIN(big), MAX(big), AVG(big) FROM events",
            "SELECT SUM(big), MIN(big), MAX(big), AVG(CAST(big AS DOUBLE)) FROM events"),
        with(f, "SELECT SUM(score), MIN(score), MAX(score), AVG(score) FROM events",
            "SELECT SUM(CAST(score AS DOUBLE)), MIN(score), MAX(score), AVG(CAST(score AS DOUBLE)) FROM events"),
        same(f, "SELECT SUM(price), MIN(price), MAX(price), AVG(price) FROM events WHERE device = 'tv'"),
        with(f, "SELECT DISTINCTCOUNT(city), COUNT(DISTINCT session), DISTINCTCOUNTBITMAP(user_id) FROM events",
            "SELECT COUNT(DISTINCT city), COUNT(DISTINCT session), COUNT(DISTINCT user_id) FROM events"),
        with(f, "SELECT DISTINCTCOUNT(price), DISTINCTCOUNT(score), DISTINCTCOUNTBITMAP(age) FROM events",
            "SELECT COUNT(DISTINCT price), COUNT(DISTINCT score), COUNT(DISTINCT age) FROM events"),
        with(f, "SELECT MINMAXRANGE(price), MINMAXRANGE(ts), MINMAXRANGE(age) FROM events",
            "SELECT MAX(price) - MIN(price), MAX(ts) - MIN(ts), MAX(age) - MIN(age) FROM events"),
        same(f, "SELECT VAR_POP(price), VAR_SAMP(price), STDDEV_POP(price), STDDEV_SAMP(price) FROM events"),
        with(f, "SELECT VAR_POP(age), VAR_SAMP(quantity), STDDEV_POP(big), STDDEV_SAMP(score) FROM events",
            "SELECT VAR_POP(CAST(age AS DOUBLE)), VAR_SAMP(CAST(quantity AS DOUBLE)), STDDEV_POP(CAST(big AS DOUBLE)), "
                + "STDDEV_SAMP(CAST(score AS DOUBLE)) FROM events"),
        with(f, "SELECT country, VAR_POP(price), STDDEV_SAMP(age) FROM events GROUP BY country ORDER BY country "
            + "LIMIT 20", "SELECT country, VAR_POP(price), STDDEV_SAMP(CAST(age AS DOUBLE)) FROM events "
            + "GROUP BY country ORDER BY country LIMIT 20"),
        with(f, "SELECT MODE(age), MODE(quantity), MODE(price) FROM events",
            "SELECT MODE() WITHIN GROUP (ORDER BY age), MODE() WITHIN GROUP (ORDER BY quantity), "
                + "MODE() WITHIN GROUP (ORDER BY price) FROM events"),
        with(f, "SELECT MODE(age, 'MAX'), MODE(user_id, 'MIN') FROM events WHERE country = 'FR'",
            "SELECT MODE() WITHIN GROUP (ORDER BY age DESC), MODE() WITHIN GROUP (ORDER BY user_id) FROM events "
                + "WHERE country = 'FR'"),
        with(f, "SELECT device, MODE(quantity) FROM events GROUP BY device ORDER BY device LIMIT 10",
            "SELECT device, MODE() WITHIN GROUP (ORDER BY quantity) FROM events GROUP BY device ORDER BY device "
                + "LIMIT 10"),
        with(f, "SELECT COVAR_POP(price, quantity), COVAR_SAMP(revenue, age), COVAR_POP(age, age) FROM events",
            "SELECT COVAR_POP(price, CAST(quantity AS DOUBLE)), COVAR_SAMP(revenue, CAST(age AS DOUBLE)), "
                + "COVAR_POP(CAST(age AS DOUBLE), CAST(age AS DOUBLE)) FROM events"),
        with(f, "SELECT device, COVAR_SAMP(price, revenue) FROM events GROUP BY device ORDER BY device LIMIT 10",
            "SELECT device, COVAR_SAMP(price, revenue) FROM events GROUP BY device ORDER BY device LIMIT 10"),
        same(f, "SELECT country, BOOL_AND(is_new), BOOL_OR(is_new) FROM events GROUP BY country ORDER BY country "
            + "LIMIT 20"),
        same(f, "SELECT BOOL_AND(is_new), BOOL_OR(is_new) FROM events WHERE age = 33 AND quantity = 2"),
        with(f, "SELECT FIRSTWITHTIME(price, ts, 'DOUBLE'), LASTWITHTIME(price, ts, 'DOUBLE') FROM events",
            "SELECT (SELECT price FROM events ORDER BY ts LIMIT 1), (SELECT price FROM events ORDER BY ts DESC "
                + "LIMIT 1)"),
        with(f, "SELECT country, FIRSTWITHTIME(age, ts, 'INT'), LASTWITHTIME(city, ts, 'STRING'), "
                + "LASTWITHTIME(big, ts, 'LONG') FROM events GROUP BY country ORDER BY country LIMIT 20",
            "SELECT e.country, (SELECT x.age FROM events x WHERE x.country = e.country ORDER BY x.ts LIMIT 1), "
                + "(SELECT x.city FROM events x WHERE x.country = e.country ORDER BY x.ts DESC LIMIT 1), "
                + "(SELECT x.big FROM events x WHERE x.country = e.country ORDER BY x.ts DESC LIMIT 1) "
                + "FROM events e GROUP BY e.country ORDER BY e.country LIMIT 20"),
        with(f, "SELECT SUMPRECISION(big), SUMPRECISION(quantity) FROM events",
            "SELECT CAST(SUM(big) AS VARCHAR), CAST(SUM(quantity) AS VARCHAR) FROM events"),
        with(f, "SELECT SUM(price * quantity), MAX(price - revenue), AVG(age + quantity) FROM events",
            "SELECT SUM(price * quantity), MAX(price - revenue), AVG(CAST(age AS DOUBLE) + quantity) FROM events"),
        with(f, "SELECT country, device, COUNT(*), SUM(quantity), MIN(ts) FROM events GROUP BY country, device "
                + "HAVING COUNT(*) > 20 ORDER BY COUNT(*) DESC, country, device LIMIT 15",
            "SELECT country, device, COUNT(*), SUM(quantity), MIN(ts) FROM events GROUP BY country, device "
                + "HAVING COUNT(*) > 20 ORDER BY COUNT(*) DESC, country, device LIMIT 15"));
  }

  private static List<Case> multiValueAggregations() {
    String f = "aggregation-mv";
    String join = " FROM events e JOIN events_codes c ON c.id = e.id";
    return List.of(
        with(f, "SELECT COUNTMV(tags), COUNTMV(codes) FROM events",
            "SELECT (SELECT COUNT(*) FROM events_tags), (SELECT COUNT(*) FROM events_codes)"),
        with(f, "SELECT SUMMV(codes), MINMV(codes), MAXMV(codes), AVGMV(codes), MINMAXRANGEMV(codes) FROM events",
            "SELECT SUM(c.code), MIN(c.code), MAX(c.code), AVG(CAST(c.code AS DOUBLE)), MAX(c.code) - MIN(c.code)"
                + join),
        with(f, "SELECT DISTINCTCOUNTMV(tags), DISTINCTCOUNTMV(codes) FROM events WHERE country = 'DE'",
            "SELECT (SELECT COUNT(DISTINCT t.tag) FROM events e JOIN events_tags t ON t.id = e.id WHERE "
                + "e.country = 'DE'), (SELECT COUNT(DISTINCT c.code)" + join + " WHERE e.country = 'DE')"),
        with(f, "SELECT country, SUMMV(codes), COUNTMV(codes) FROM events GROUP BY country ORDER BY country LIMIT 20",
            "SELECT e.country, SUM(c.code), COUNT(*)" + join + " GROUP BY e.country ORDER BY e.country LIMIT 20"),
        with(f, "SELECT tags, COUNT(*), SUM(price) FROM events GROUP BY tags ORDER BY tags",
            "SELECT t.tag, COUNT(*), SUM(e.price) FROM events e JOIN events_tags t ON t.id = e.id GROUP BY t.tag "
                + "ORDER BY t.tag"));
  }

  private static List<Case> conditionals() {
    String f = "case-cast-coalesce";
    return List.of(
        same(f, "SELECT CASE WHEN age < 30 THEN 'young' WHEN age < 60 THEN 'mid' ELSE 'old' END, ts FROM events "
            + "ORDER BY ts LIMIT 30"),
        with(f, "SELECT CASE WHEN country = 'US' THEN price ELSE revenue END, ts FROM events ORDER BY ts LIMIT 20",
            "SELECT CASE WHEN country = 'US' THEN price ELSE revenue END, ts FROM events ORDER BY ts LIMIT 20"),
        same(f, "SELECT CASE WHEN price > 500 THEN 'high' ELSE 'low' END AS band, COUNT(*) FROM events "
            + "GROUP BY CASE WHEN price > 500 THEN 'high' ELSE 'low' END ORDER BY band"),
        same(f, "SELECT SUM(CASE WHEN is_new = true THEN 1 ELSE 0 END), SUM(CASE WHEN device = 'tv' THEN price "
            + "ELSE 0 END) FROM events"),
        same(f, "SELECT COUNT(*) FROM events WHERE CASE WHEN age > 40 THEN quantity ELSE 10 - quantity END > 5"),
        with(f, "SELECT CAST(price AS INT), CAST(price AS BIGINT), CAST(big AS DOUBLE), ts FROM events ORDER BY ts "
            + "LIMIT 20", "SELECT CAST(TRUNC(price) AS INT), CAST(TRUNC(price) AS BIGINT), CAST(big AS DOUBLE), ts "
            + "FROM events ORDER BY ts LIMIT 20"),
        with(f, "SELECT CAST(age AS VARCHAR), CAST(user_id AS STRING), CAST(is_new AS INT), ts FROM events "
            + "ORDER BY ts LIMIT 20", "SELECT CAST(age AS VARCHAR), CAST(user_id AS VARCHAR), CAST(is_new AS INT), "
            + "ts FROM events ORDER BY ts LIMIT 20"),
        with(f, "SELECT CAST(score AS DOUBLE), CAST(age AS FLOAT), CAST(quantity AS LONG), ts FROM events "
            + "ORDER BY ts LIMIT 20", "SELECT CAST(score AS DOUBLE), CAST(age AS REAL), CAST(quantity AS BIGINT), ts "
            + "FROM events ORDER BY ts LIMIT 20"),
        same(f, "SELECT COALESCE(city, 'none'), COALESCE(price, 0), ts FROM events ORDER BY ts LIMIT 10"),
        same(f, "SELECT COUNT(*) FROM events WHERE COALESCE(country, 'US') = 'US'"));
  }

  private static List<Case> dateTime() {
    String f = "date-time";
    List<Case> cases = new ArrayList<>();
    String[][] parts = {{"YEAR", "YEAR"}, {"QUARTER", "QUARTER"}, {"MONTH", "MONTH"}, {"WEEK", "ISO_WEEK"},
        {"WEEKOFYEAR", "ISO_WEEK"}, {"DAY", "DAY"}, {"DAYOFMONTH", "DAY"}, {"DAYOFWEEK", "ISO_DAY_OF_WEEK"},
        {"DOW", "ISO_DAY_OF_WEEK"}, {"DAYOFYEAR", "DAY_OF_YEAR"}, {"HOUR", "HOUR"}, {"MINUTE", "MINUTE"},
        {"SECOND", "SECOND"}};
    for (String[] part : parts) {
      cases.add(grouped(f, part[0] + "(ts)", "EXTRACT(" + part[1] + " FROM " + TS + ")", 100));
    }
    cases.add(with(f, "SELECT MILLISECOND(ts), ts FROM events ORDER BY ts LIMIT 20",
        "SELECT MOD(ts, 1000), ts FROM events ORDER BY ts LIMIT 20"));
    cases.add(with(f, "SELECT TOEPOCHSECONDS(ts), TOEPOCHMINUTES(ts), TOEPOCHHOURS(ts), TOEPOCHDAYS(ts) FROM events "
        + "ORDER BY ts LIMIT 20", "SELECT ts / 1000, ts / 60000, ts / 3600000, ts / 86400000 FROM events ORDER BY ts "
        + "LIMIT 20"));
    cases.add(with(f, "SELECT TOEPOCHSECONDSBUCKET(ts, 30), TOEPOCHMINUTESBUCKET(ts, 15), TOEPOCHHOURSBUCKET(ts, 6), "
        + "TOEPOCHDAYSBUCKET(ts, 7) FROM events ORDER BY ts LIMIT 20", "SELECT ts / 1000 / 30, ts / 60000 / 15, "
        + "ts / 3600000 / 6, ts / 86400000 / 7 FROM events ORDER BY ts LIMIT 20"));
    cases.add(with(f, "SELECT TOEPOCHSECONDSROUNDED(ts, 30), TOEPOCHMINUTESROUNDED(ts, 15), "
        + "TOEPOCHHOURSROUNDED(ts, 6), TOEPOCHDAYSROUNDED(ts, 7) FROM events ORDER BY ts LIMIT 20",
        "SELECT ts / 1000 / 30 * 30, ts / 60000 / 15 * 15, ts / 3600000 / 6 * 6, ts / 86400000 / 7 * 7 FROM events "
            + "ORDER BY ts LIMIT 20"));
    cases.add(with(f, "SELECT FROMEPOCHSECONDS(TOEPOCHSECONDS(ts)), FROMEPOCHMINUTES(TOEPOCHMINUTES(ts)), "
        + "FROMEPOCHHOURS(TOEPOCHHOURS(ts)), FROMEPOCHDAYS(TOEPOCHDAYS(ts)) FROM events ORDER BY ts LIMIT 20",
        "SELECT ts / 1000 * 1000, ts / 60000 * 60000, ts / 3600000 * 3600000, ts / 86400000 * 86400000 FROM events "
            + "ORDER BY ts LIMIT 20"));
    cases.add(with(f, "SELECT FROMEPOCHSECONDSBUCKET(TOEPOCHSECONDSBUCKET(ts, 60), 60), "
        + "FROMEPOCHDAYSBUCKET(TOEPOCHDAYSBUCKET(ts, 2), 2) FROM events ORDER BY ts LIMIT 10",
        "SELECT ts / 60000 * 60000, ts / 172800000 * 172800000 FROM events ORDER BY ts LIMIT 10"));
    for (String unit : List.of("SECOND", "MINUTE", "HOUR", "DAY", "WEEK", "MONTH", "QUARTER", "YEAR")) {
      String h2 = H2Dialect.scalar("datetrunc", List.of("'" + unit + "'", "ts"));
      cases.add(grouped(f, "DATETRUNC('" + unit + "', ts)", h2, 40));
    }
    cases.add(with(f, "SELECT DATETRUNC('day', ts, 'MILLISECONDS'), ts FROM events ORDER BY ts DESC LIMIT 10",
        "SELECT ts - MOD(ts, 86400000), ts FROM events ORDER BY ts DESC LIMIT 10"));
    cases.add(grouped(f, "TODATETIME(ts, 'yyyy-MM-dd')", "FORMATDATETIME(" + TS + ", 'yyyy-MM-dd')", 40));
    cases.add(with(f, "SELECT TODATETIME(ts, 'yyyy-MM-dd HH:mm:ss.SSS'), ts FROM events ORDER BY ts LIMIT 20",
        "SELECT FORMATDATETIME(" + TS + ", 'yyyy-MM-dd HH:mm:ss.SSS'), ts FROM events ORDER BY ts LIMIT 20"));
    cases.add(with(f, "SELECT FROMDATETIME(TODATETIME(ts, 'yyyy-MM-dd HH:mm:ss'), 'yyyy-MM-dd HH:mm:ss'), ts "
        + "FROM events ORDER BY ts LIMIT 20", "SELECT ts - MOD(ts, 1000), ts FROM events ORDER BY ts LIMIT 20"));
    cases.add(with(f, "SELECT COUNT(*) FROM events WHERE ts >= FROMDATETIME('2023-11-16 00:00:00', "
        + "'yyyy-MM-dd HH:mm:ss')", "SELECT COUNT(*) FROM events WHERE ts >= 1700092800000"));
    cases.add(grouped(f, "DATETIMECONVERT(ts, '1:MILLISECONDS:EPOCH', '1:HOURS:EPOCH', '1:HOURS')",
        "ts / 3600000", 50));
    cases.add(with(f, "SELECT COUNT(*) FROM events WHERE ts < NOW() AND ts < AGO('PT1H')",
        "SELECT COUNT(*) FROM events"));
    cases.add(with(f, "SELECT COUNT(*) FROM events WHERE ts > AGO('P1D')", "SELECT 0"));
    return cases;
  }

  private static List<Case> strings() {
    String f = "string";
    String limit = " FROM events ORDER BY ts LIMIT 25";
    return List.of(
        same(f, "SELECT UPPER(city), LOWER(country), UPPER(device)" + limit),
        with(f, "SELECT CONCAT(country, city), CONCAT(country, city, '/'), CONCAT('x', device)" + limit,
            "SELECT CONCAT(country, city), CONCAT(country, '/', city), CONCAT('x', device)" + limit),
        with(f, "SELECT SUBSTR(city, 5), SUBSTR(city, 0, 4), SUBSTR(session, 1, 3), SUBSTRING(city, 2, 8)" + limit,
            "SELECT SUBSTRING(city, 6), SUBSTRING(city, 1, 4), SUBSTRING(session, 2, 2), SUBSTRING(city, 2, 8)"
                + limit),
        with(f, "SELECT TRIM(CONCAT('  ', city)), LTRIM(CONCAT('  ', device)), RTRIM(CONCAT(device, '  '))" + limit,
            "SELECT city, device, device" + limit),
        same(f, "SELECT LENGTH(city), LENGTH(session), LENGTH(CONCAT(country, device))" + limit),
        same(f, "SELECT REPLACE(city, 'city_', 'c'), REPLACE(session, '1', ''), REPLACE(device, 'xyz', 'q')" + limit),
        with(f, "SELECT STRPOS(city, '1'), STRPOS(session, 's'), STRPOS(device, 'e')" + limit,
            "SELECT LOCATE('1', city) - 1, LOCATE('s', session) - 1, LOCATE('e', device) - 1" + limit),
        with(f, "SELECT COUNT(*) FROM events WHERE STARTSWITH(city, 'city_0') AND ENDSWITH(session, 'a')",
            "SELECT COUNT(*) FROM events WHERE LEFT(city, 6) = 'city_0' AND RIGHT(session, 1) = 'a'"),
        with(f, "SELECT STARTSWITH(device, 'ta'), ENDSWITH(city, '7')" + limit,
            "SELECT LEFT(device, 2) = 'ta', RIGHT(city, 1) = '7'" + limit),
        with(f, "SELECT REGEXP_EXTRACT(city, 'city_(\\d)(\\d+)', 2), REGEXP_EXTRACT(session, '[a-f]+'), "
                + "REGEXP_EXTRACT(device, 'z(.)', 1)" + limit,
            "SELECT REGEXP_SUBSTR(city, 'city_(\\d)(\\d+)', 1, 1, '', 2), COALESCE(REGEXP_SUBSTR(session, "
                + "'[a-f]+'), ''), COALESCE(REGEXP_SUBSTR(device, 'z(.)', 1, 1, '', 1), '')" + limit),
        same(f, "SELECT REGEXP_REPLACE(city, '[0-9]', '#'), REGEXP_REPLACE(session, '^s', 'S'), "
            + "REGEXP_REPLACE(device, '(.)(.)', '$2$1')" + limit),
        same(f, "SELECT LPAD(country, 6, '*'), RPAD(device, 10, '-'), LPAD(city, 12, '0')" + limit),
        same(f, "SELECT LEFT(city, 4), RIGHT(session, 2), REPEAT(country, 3)" + limit),
        same(f, "SELECT UPPER(SUBSTR(city, 0, 1)), COUNT(*) FROM events GROUP BY UPPER(SUBSTR(city, 0, 1)) "
            + "ORDER BY 1"),
        with(f, "SELECT LOWER(country), LENGTH(device), COUNT(*) FROM events GROUP BY LOWER(country), LENGTH(device) "
            + "ORDER BY 3 DESC, 1, 2 LIMIT 10", "SELECT LOWER(country), LENGTH(device), COUNT(*) FROM events "
            + "GROUP BY LOWER(country), LENGTH(device) ORDER BY 3 DESC, 1, 2 LIMIT 10"),
        same(f, "SELECT COUNT(*) FROM events WHERE UPPER(device) = 'TABLET' OR LOWER(country) IN ('us', 'de')"),
        with(f, "SELECT COUNT(*) FROM events WHERE CONTAINS(session, 'ab')",
            "SELECT COUNT(*) FROM events WHERE LOCATE('ab', session) > 0"),
        same(f, "SELECT city FROM events ORDER BY REPLACE(city, '0', 'z') DESC, ts LIMIT 10"));
  }

  private static List<Case> math() {
    String f = "math";
    String limit = " FROM events ORDER BY ts LIMIT 25";
    return List.of(
        same(f, "SELECT ABS(big), ABS(price - revenue), SIGN(big), SIGN(price - 500)" + limit),
        with(f, "SELECT CEIL(price), FLOOR(price), CEIL(score), FLOOR(big / 7)" + limit,
            "SELECT CEIL(price), FLOOR(price), CEIL(score), FLOOR(CAST(big AS DOUBLE) / 7)" + limit),
        same(f, "SELECT EXP(score), LN(price + 1), LOG10(revenue + 1), SQRT(price)" + limit),
        with(f, "SELECT POWER(score, 2), POWER(age, 0.5), POWER(quantity, 3)" + limit,
            "SELECT POWER(CAST(score AS DOUBLE), 2), POWER(age, 0.5), POWER(quantity, 3)" + limit),
        with(f, "SELECT ROUNDDECIMAL(price, 1), ROUNDDECIMAL(revenue), ROUNDDECIMAL(score, 0)" + limit,
            "SELECT ROUND(price, 1), ROUND(revenue), ROUND(CAST(score AS DOUBLE), 0)" + limit),
        with(f, "SELECT TRUNCATE(price, 1), TRUNCATE(revenue), TRUNCATE(big / 1000.0, 2)" + limit,
            "SELECT TRUNC(price, 1), TRUNC(revenue), TRUNC(CAST(big AS DOUBLE) / 1000, 2)" + limit),
        same(f, "SELECT MOD(age, 7), MOD(big, 1000), MOD(quantity, 3)" + limit),
        with(f, "SELECT GREATEST(price, revenue), LEAST(age, quantity, 5), GREATEST(score, 5)" + limit,
            "SELECT GREATEST(price, revenue), LEAST(age, quantity, 5), GREATEST(CAST(score AS DOUBLE), 5)" + limit),
        with(f, "SELECT age + quantity, age - quantity, age * quantity, age / quantity" + limit,
            "SELECT CAST(age AS DOUBLE) + quantity, CAST(age AS DOUBLE) - quantity, CAST(age AS DOUBLE) * quantity, "
                + "CAST(age AS DOUBLE) / quantity" + limit),
        with(f, "SELECT big + user_id, big * 2, ts / 1000" + limit,
            "SELECT CAST(big AS DOUBLE) + user_id, CAST(big AS DOUBLE) * 2, CAST(ts AS DOUBLE) / 1000" + limit),
        with(f, "SELECT ROUND(big, 1000), CBRT(price), LOG2(price + 1)" + limit,
            "SELECT big / 1000 * 1000, POWER(price, 1.0 / 3), LOG(2, price + 1)" + limit),
        same(f, "SELECT FLOOR(price / 100), COUNT(*), AVG(price) FROM events GROUP BY FLOOR(price / 100) ORDER BY 1"),
        same(f, "SELECT COUNT(*) FROM events WHERE ABS(big) < 250000000 AND SQRT(price) > 20"),
        same(f, "SELECT COUNT(*) FROM events WHERE MOD(age, 5) = 0 OR CEIL(score) = 7"),
        same(f, "SELECT SUM(ABS(big)), MAX(LN(price + 1)), MIN(EXP(score / 10)) FROM events"));
  }

  private static List<Case> arrays() {
    String f = "array";
    String limit = " FROM events ORDER BY ts LIMIT 25";
    return List.of(
        with(f, "SELECT ARRAYLENGTH(tags), CARDINALITY(codes), ts" + limit,
            "SELECT " + String.format(TAGS_OF, "COUNT(*)") + ", " + String.format(CODES_OF, "COUNT(*)") + ", ts"
                + limit),
        with(f, "SELECT ARRAYMIN(codes), ARRAYMAX(codes), ARRAYSUM(codes), ts" + limit,
            "SELECT " + String.format(CODES_OF, "MIN(c.code)") + ", " + String.format(CODES_OF, "MAX(c.code)") + ", "
                + String.format(CODES_OF, "SUM(c.code)") + ", ts" + limit),
        with(f, "SELECT ARRAYMIN(tags), ARRAYMAX(tags), ts" + limit,
            "SELECT " + String.format(TAGS_OF, "MIN(t.tag)") + ", " + String.format(TAGS_OF, "MAX(t.tag)") + ", ts"
                + limit),
        grouped(f, "ARRAYLENGTH(tags)", String.format(TAGS_OF, "COUNT(*)"), 10),
        with(f, "SELECT COUNT(*) FROM events WHERE ARRAYCONTAINSSTRING(tags, 'b')",
            "SELECT COUNT(*) FROM events WHERE EXISTS (SELECT 1 FROM events_tags t WHERE t.id = events.id "
                + "AND t.tag = 'b')"),
        with(f, "SELECT COUNT(*) FROM events WHERE ARRAYCONTAINSINT(codes, 7) AND ARRAYLENGTH(codes) = 2",
            "SELECT COUNT(*) FROM events WHERE EXISTS (SELECT 1 FROM events_codes c WHERE c.id = events.id "
                + "AND c.code = 7) AND " + String.format(CODES_OF, "COUNT(*)") + " = 2"),
        with(f, "SELECT SUM(ARRAYSUM(codes)), MAX(ARRAYLENGTH(tags)) FROM events",
            "SELECT (SELECT SUM(code) FROM events_codes), (SELECT MAX(n) FROM (SELECT COUNT(*) n FROM events_tags "
                + "GROUP BY id))"));
  }

  private static List<Case> hashesAndJson() {
    String f = "hash";
    String limit = " FROM events ORDER BY ts LIMIT 25";
    String j = "json";
    String json = "CONCAT(CONCAT('{\"c\":\"', country), CONCAT('\",\"a\":', CONCAT(CAST(age AS VARCHAR), '}')))";
    return List.of(
        with(f, "SELECT MD5(TOUTF8(city)), SHA(TOUTF8(city))" + limit,
            "SELECT RAWTOHEX(HASH('MD5', CAST(city AS VARBINARY))), RAWTOHEX(HASH('SHA-1', CAST(city AS VARBINARY)))"
                + limit),
        with(f, "SELECT SHA256(TOUTF8(session)), SHA512(TOUTF8(country))" + limit,
            "SELECT RAWTOHEX(HASH('SHA-256', CAST(session AS VARBINARY))), RAWTOHEX(HASH('SHA-512', "
                + "CAST(country AS VARBINARY)))" + limit),
        grouped(f, "MD5(TOUTF8(country))", "RAWTOHEX(HASH('MD5', CAST(country AS VARBINARY)))", 20),
        with(j, "SELECT JSONEXTRACTSCALAR(" + json + ", '$.c', 'STRING'), JSONEXTRACTSCALAR(" + json + ", '$.a', "
            + "'INT')" + limit, "SELECT country, age" + limit),
        with(j, "SELECT JSONPATHSTRING(" + json + ", '$.c'), JSONPATHLONG(" + json + ", '$.a'), JSONPATHDOUBLE("
            + json + ", '$.a')" + limit, "SELECT country, age, CAST(age AS DOUBLE)" + limit),
        with(j, "SELECT JSONEXTRACTSCALAR(" + json + ", '$.missing', 'STRING', 'none')" + limit,
            "SELECT 'none'" + limit));
  }

  private static List<Case> filters() {
    String f = "filter";
    String count = "SELECT COUNT(*) FROM events WHERE ";
    return List.of(
        same(f, count + "city LIKE 'city_1_5'"),
        same(f, count + "session LIKE '%a%b%' OR session LIKE 's_0%'"),
        same(f, count + "country NOT LIKE '_S' AND device LIKE '%t'"),
        same(f, count + "UPPER(city) LIKE 'CITY_00%'"),
        same(f, count + "REGEXP_LIKE(city, '^city_(0|1)[2-4]')"),
        same(f, count + "REGEXP_LIKE(session, '[a-f]{2}$') AND NOT REGEXP_LIKE(device, 'o')"),
        same(f, count + "REGEXP_LIKE(country, 'S')"),
        same(f, count + "country IS DISTINCT FROM 'US' AND device IS NOT DISTINCT FROM 'mobile'"),
        same(f, count + "age IS DISTINCT FROM 30 OR price IS NOT DISTINCT FROM revenue"),
        same(f, count + "score IS NOT DISTINCT FROM 4.5 OR big IS DISTINCT FROM 0"),
        same(f, count + "NOT (country IN ('US', 'DE') OR (age BETWEEN 20 AND 30 AND quantity <> 5))"),
        same(f, count + "price * quantity BETWEEN 1000 AND 5000 AND LENGTH(city) = 8"));
  }
}
