// SPDX-License-Identifier: Apache-2.0
package io.pinot.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.response.BrokerResponse;
import io.pinot.query.runtime.ServerQueryExecutorConfig;
import io.pinot.query.testing.H2Oracle;
import io.pinot.query.testing.ResultComparison;
import io.pinot.query.testing.TestCluster;
import io.pinot.query.testing.TestData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/// Transform (scalar) expressions in every clause — SELECT, aggregation arguments, GROUP BY, ORDER BY, WHERE — on
/// real segments served by two in-JVM servers, compared with H2 on the same rows (doubles with a relative tolerance
/// of 1e-9). Pinot's single-stage arithmetic is DOUBLE, so H2 sides cast to DOUBLE where integer arithmetic would
/// differ.
class TransformQueryTest {
  @TempDir
  static Path dir;

  private static TestCluster cluster;
  private static H2Oracle h2;

  @BeforeAll
  static void setUp() throws Exception {
    List<List<Map<String, Object>>> segments = TestData.segments(20_261_121L, new int[]{1500, 1200, 800});
    cluster = new TestCluster(dir, segments, 2, ServerQueryExecutorConfig.defaults());
    h2 = new H2Oracle("transforms", segments);
  }

  @AfterAll
  static void tearDown() throws Exception {
    cluster.close();
    h2.close();
  }

  record Case(String sql, String h2Sql) {
    @Override
    public String toString() {
      return sql;
    }
  }

  private static Case same(String sql) {
    return new Case(sql, sql);
  }

  private static Case with(String sql, String h2Sql) {
    return new Case(sql, h2Sql);
  }

  static Stream<Arguments> cases() {
    return Stream.concat(selectAndAggregationCases(), filterAndPostAggregationCases()).map(Arguments::of);
  }

  private static Stream<Case> selectAndAggregationCases() {
    return Stream.of(
        // SELECT expressions
        with("SELECT price * quantity, age + 1, ts FROM events ORDER BY ts LIMIT 20",
            "SELECT price * quantity, CAST(age AS DOUBLE) + 1, ts FROM events ORDER BY ts LIMIT 20"),
        with("SELECT price / quantity, price - revenue, MOD(age, 7) FROM events WHERE country = 'JP' ORDER BY ts "
            + "LIMIT 15", "SELECT price / quantity, price - revenue, MOD(age, 7) FROM events WHERE country = 'JP' "
            + "ORDER BY ts LIMIT 15"),
        same("SELECT UPPER(city), LOWER(country), LENGTH(session) FROM events ORDER BY ts LIMIT 10"),
        // Pinot's SUBSTR is 0-based with an exclusive end.
        with("SELECT CONCAT(country, city), SUBSTR(city, 1, 6), REPLACE(city, 'city', 'c') FROM events "
            + "ORDER BY ts LIMIT 10", "SELECT CONCAT(country, city), SUBSTRING(city, 2, 5), REPLACE(city, 'city', 'c') "
            + "FROM events ORDER BY ts LIMIT 10"),
        with("SELECT CASE WHEN age < 30 THEN 'young' WHEN age < 60 THEN 'mid' ELSE 'old' END, age FROM events "
            + "ORDER BY ts LIMIT 25", "SELECT CASE WHEN age < 30 THEN 'young' WHEN age < 60 THEN 'mid' ELSE 'old' END, "
            + "age FROM events ORDER BY ts LIMIT 25"),
        // CAST of a double to an integer truncates, as Java and Pinot.
        with("SELECT CAST(price AS BIGINT), CAST(age AS DOUBLE), CAST(quantity AS VARCHAR) FROM events ORDER BY ts "
            + "LIMIT 10", "SELECT CAST(FLOOR(price) AS BIGINT), CAST(age AS DOUBLE), CAST(quantity AS VARCHAR) "
            + "FROM events ORDER BY ts LIMIT 10"),
        same("SELECT ABS(big), SIGN(big), FLOOR(price), CEIL(price) FROM events ORDER BY ts LIMIT 10"),
        same("SELECT SQRT(price), EXP(score), LN(price + 1), LOG10(price + 1) FROM events ORDER BY ts LIMIT 10"),
        with("SELECT POWER(score, 2), GREATEST(age, quantity), LEAST(age, quantity) FROM events ORDER BY ts LIMIT 10",
            "SELECT POWER(score, 2), GREATEST(age, quantity), LEAST(age, quantity) FROM events ORDER BY ts LIMIT 10"),
        with("SELECT price FROM events ORDER BY price * quantity DESC, ts LIMIT 10",
            "SELECT price FROM events ORDER BY price * quantity DESC, ts LIMIT 10"),
        // aggregations of expressions
        same("SELECT SUM(price * quantity), MAX(price - revenue), MIN(age * 2) FROM events"),
        with("SELECT AVG(age + quantity) FROM events WHERE device = 'tv'",
            "SELECT AVG(CAST(age AS DOUBLE) + quantity) FROM events WHERE device = 'tv'"),
        with("SELECT SUM(CASE WHEN country = 'US' THEN 1 ELSE 0 END), COUNT(*) FROM events",
            "SELECT SUM(CASE WHEN country = 'US' THEN 1 ELSE 0 END), COUNT(*) FROM events"),
        with("SELECT DISTINCTCOUNT(UPPER(city)) FROM events", "SELECT COUNT(DISTINCT UPPER(city)) FROM events"),
        // GROUP BY expressions
        with("SELECT SUBSTR(city, 0, 6), COUNT(*) FROM events GROUP BY SUBSTR(city, 0, 6) ORDER BY 1 LIMIT 50",
            "SELECT SUBSTRING(city, 1, 6), COUNT(*) FROM events GROUP BY SUBSTRING(city, 1, 6) ORDER BY 1 LIMIT 50"),
        with("SELECT FLOOR(age / 10), SUM(price) FROM events GROUP BY FLOOR(age / 10) ORDER BY 1 LIMIT 20",
            "SELECT FLOOR(CAST(age AS DOUBLE) / 10), SUM(price) FROM events GROUP BY FLOOR(CAST(age AS DOUBLE) / 10) "
                + "ORDER BY 1 LIMIT 20"),
        with("SELECT CASE WHEN price > 500 THEN 'high' ELSE 'low' END AS band, device, COUNT(*) FROM events "
                + "GROUP BY CASE WHEN price > 500 THEN 'high' ELSE 'low' END, device ORDER BY band, device",
            "SELECT CASE WHEN price > 500 THEN 'high' ELSE 'low' END AS band, device, COUNT(*) FROM events "
                + "GROUP BY CASE WHEN price > 500 THEN 'high' ELSE 'low' END, device ORDER BY band, device"),
        with("SELECT LOWER(country), MAX(age) FROM events GROUP BY LOWER(country) ORDER BY MAX(age) DESC, "
            + "LOWER(country) LIMIT 5", "SELECT LOWER(country), MAX(age) FROM events GROUP BY LOWER(country) "
            + "ORDER BY MAX(age) DESC, LOWER(country) LIMIT 5"));
  }

  private static Stream<Case> filterAndPostAggregationCases() {
    return Stream.of(
        // WHERE on expressions
        same("SELECT COUNT(*) FROM events WHERE price * quantity > 20000"),
        same("SELECT COUNT(*) FROM events WHERE UPPER(country) = 'DE'"),
        same("SELECT COUNT(*) FROM events WHERE age > quantity * 5"),
        same("SELECT COUNT(*) FROM events WHERE price > revenue"),
        same("SELECT COUNT(*) FROM events WHERE LENGTH(session) = 5 AND country <> 'US'"),
        with("SELECT COUNT(*) FROM events WHERE STARTSWITH(city, 'city_1')",
            "SELECT COUNT(*) FROM events WHERE city LIKE 'city\\_1%'"),
        same("SELECT COUNT(*) FROM events WHERE country IS DISTINCT FROM 'US'"),
        same("SELECT COUNT(*) FROM events WHERE country IS NOT DISTINCT FROM 'US'"),
        same("SELECT COUNT(*) FROM events WHERE CASE WHEN age > 40 THEN price ELSE revenue END > 500"),
        same("SELECT COUNT(*) FROM events WHERE COALESCE(city, 'x') = 'city_010'"),
        same("SELECT city, price FROM events WHERE MOD(age, 10) = 3 AND price > 900 ORDER BY price DESC, ts LIMIT 10"),
        same("SELECT COUNT(*) FROM events WHERE ABS(big) < 100000000"),
        // expressions over aggregation results (evaluated by the broker)
        same("SELECT SUM(price) / COUNT(*), MAX(age) - MIN(age) FROM events WHERE country = 'DE'"),
        same("SELECT country, SUM(revenue) / SUM(quantity) AS r FROM events GROUP BY country ORDER BY r DESC, country "
            + "LIMIT 5"),
        same("SELECT device, MAX(price) - MIN(price) FROM events GROUP BY device HAVING MAX(price) - MIN(price) > 900 "
            + "ORDER BY device"),
        same("SELECT UPPER(country), COUNT(*) FROM events GROUP BY country ORDER BY country LIMIT 5"),
        same("SELECT CASE WHEN COUNT(*) > 500 THEN 'big' ELSE 'small' END, device FROM events GROUP BY device "
            + "ORDER BY device"),
        same("SELECT device, COUNT(*) FROM events GROUP BY device ORDER BY SUM(price) / COUNT(*) DESC, device"),
        same("SELECT COUNT(*), SUM(price) / COUNT(*), 7 FROM events WHERE device = 'tv'"),
        same("SELECT 2, country, ts FROM events ORDER BY ts LIMIT 3"),
        same("SELECT COUNT(*) FROM events WHERE is_new AND NOT is_new = false OR country = 'JP'"),
        // date-time and multi-value functions
        with("SELECT TOEPOCHDAYS(ts), COUNT(*) FROM events GROUP BY TOEPOCHDAYS(ts) ORDER BY 1 LIMIT 100",
            "SELECT ts / 86400000, COUNT(*) FROM events GROUP BY ts / 86400000 ORDER BY 1 LIMIT 100"),
        with("SELECT DATETIMECONVERT(ts, '1:MILLISECONDS:EPOCH', '1:HOURS:EPOCH', '1:HOURS') AS h, SUM(quantity) "
                + "FROM events GROUP BY DATETIMECONVERT(ts, '1:MILLISECONDS:EPOCH', '1:HOURS:EPOCH', '1:HOURS') "
                + "ORDER BY h LIMIT 50",
            "SELECT ts / 3600000 AS h, SUM(quantity) FROM events GROUP BY ts / 3600000 ORDER BY h LIMIT 50"),
        with("SELECT ARRAYLENGTH(tags), COUNT(*) FROM events GROUP BY ARRAYLENGTH(tags) ORDER BY 1",
            "SELECT n, COUNT(*) FROM (SELECT (SELECT COUNT(*) FROM events_tags t WHERE t.id = e.id) AS n "
                + "FROM events e) GROUP BY n ORDER BY 1"),
        with("SELECT VALUEIN(tags, 'a', 'c', 'zz'), COUNT(*) FROM events GROUP BY VALUEIN(tags, 'a', 'c', 'zz') "
                + "ORDER BY 1",
            "SELECT t.tag, COUNT(*) FROM events e JOIN events_tags t ON t.id = e.id WHERE t.tag IN ('a', 'c', 'zz') "
                + "GROUP BY t.tag ORDER BY 1"),
        with("SELECT VALUEIN(codes, 3, 4), device, SUM(price) FROM events GROUP BY VALUEIN(codes, 3, 4), device "
                + "ORDER BY 1, 2",
            "SELECT c.code, e.device, SUM(e.price) FROM events e JOIN events_codes c ON c.id = e.id "
                + "WHERE c.code IN (3, 4) GROUP BY c.code, e.device ORDER BY 1, 2"),
        with("SELECT SUM(ARRAYMAX(codes)) FROM events WHERE country = 'US'",
            "SELECT SUM((SELECT MAX(c.code) FROM events_codes c WHERE c.id = e.id)) FROM events e "
                + "WHERE e.country = 'US'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesH2(Case query) throws Exception {
    BrokerResponse response = cluster.query(query.sql());
    assertThat(response.exceptions()).as("exceptions").isEmpty();
    List<Object[]> expected = h2.query(query.h2Sql());
    String difference = ResultComparison.difference(response.resultTable().rows(), expected,
        query.sql().contains("ORDER BY"));
    assertThat(difference).as(query.sql()).isNull();
  }

  @Test
  void resultColumnsAreNamedAndTypedAsPinot() throws Exception {
    BrokerResponse response = cluster.query("SELECT price * quantity, UPPER(city), CAST(age AS BIGINT) FROM events "
        + "ORDER BY ts LIMIT 1");
    assertThat(response.exceptions()).isEmpty();
    assertThat(response.resultTable().dataSchema().columnNames())
        .containsExactly("times(price,quantity)", "upper(city)", "cast(age,'BIGINT')");
    assertThat(response.resultTable().dataSchema().columnDataTypes().toString()).isEqualTo("[DOUBLE, STRING, LONG]");
  }

  /// Comparisons and null tests are named as Pinot names them (`case(less_than(noIndexCol1,'10'),'less','more')` in
  /// Pinot's own EXPLAIN tests).
  @Test
  void operatorsAreNamedWithPinotsUnderscores() throws Exception {
    BrokerResponse response = cluster.query("SELECT CASE WHEN age < 30 THEN 'young' ELSE 'old' END, age >= 40, "
        + "country <> 'US', city IS NULL FROM events ORDER BY ts LIMIT 1");
    assertThat(response.exceptions()).isEmpty();
    assertThat(response.resultTable().dataSchema().columnNames()).containsExactly(
        "case(less_than(age,'30'),'young','old')", "greater_than_or_equal(age,'40')", "not_equals(country,'US')",
        "is_null(city)");
  }

  @Test
  void unknownFunctionIsNamedInTheError() throws Exception {
    BrokerResponse response = cluster.query("SELECT NOSUCHFUNC(city) FROM events LIMIT 1");
    assertThat(response.exceptions()).hasSize(1);
    assertThat(response.exceptions().get(0).errorCode()).isEqualTo(700);
    assertThat(response.exceptions().get(0).message()).contains("nosuchfunc");
    BrokerResponse arity = cluster.query("SELECT UPPER(city, country) FROM events LIMIT 1");
    assertThat(arity.exceptions().get(0).message()).contains("upper");
    BrokerResponse text = cluster.query("SELECT SUM(age + city) FROM events");
    assertThat(text.exceptions().get(0).errorCode()).isEqualTo(700);
    assertThat(text.exceptions().get(0).message()).contains("plus(age,city)").contains("CAST it to a number");
  }
}
