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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/// The differential tier: the same generated rows in four real segments (sorted, inverted, dictionary, raw
/// and multi-value columns) served by two in-JVM servers, and in H2; every query's rows must match H2's.
/// Multi-value columns are checked against H2 child tables (`events_tags`, `events_codes`). Doubles compare
/// with a relative tolerance of 1e-9 (summation order differs); queries with LIMIT order by a unique
/// tie-breaker so the expected rows are well defined.
class DifferentialQueryTest {
  @TempDir
  static Path dir;

  private static TestCluster cluster;
  private static H2Oracle h2;
  private static long someTs;
  private static long tsLow;
  private static long tsHigh;

  @BeforeAll
  static void setUp() throws Exception {
    List<List<Map<String, Object>>> segments = TestData.segments(20_260_101L, new int[]{3000, 2500, 2000, 500});
    cluster = new TestCluster(dir, segments, 2, ServerQueryExecutorConfig.defaults());
    h2 = new H2Oracle("differential", segments);
    someTs = (Long) segments.get(1).get(1234).get("ts");
    tsLow = (Long) segments.get(0).get(2500).get("ts");
    tsHigh = (Long) segments.get(2).get(100).get("ts");
  }

  @AfterAll
  static void tearDown() throws Exception {
    cluster.close();
    h2.close();
  }

  /// One query: the SQL for the engine, the equivalent H2 SQL, and whether row order matters.
  record Case(String sql, String h2Sql, boolean ordered) {
    @Override
    public String toString() {
      return sql;
    }
  }

  private static Case same(String sql) {
    return new Case(sql, sql, sql.contains("ORDER BY"));
  }

  private static Case with(String sql, String h2Sql) {
    return new Case(sql, h2Sql, sql.contains("ORDER BY"));
  }

  static Stream<Arguments> cases() {
    List<Case> cases = new ArrayList<>();
    cases.addAll(filterCases());
    cases.addAll(aggregationCases());
    cases.addAll(groupByCases());
    cases.addAll(selectionCases());
    cases.addAll(multiValueCases());
    return cases.stream().map(Arguments::of);
  }

  private static List<Case> filterCases() {
    String count = "SELECT COUNT(*) FROM events WHERE ";
    return List.of(
        same("SELECT COUNT(*) FROM events"),
        same(count + "country = 'DE'"),
        same(count + "country <> 'DE'"),
        same(count + "country != 'US' AND device = 'mobile'"),
        same(count + "country IN ('US', 'JP', 'XX')"),
        same(count + "country NOT IN ('US', 'JP')"),
        same(count + "age BETWEEN 30 AND 40"),
        same(count + "age NOT BETWEEN 30 AND 40"),
        same(count + "age > 50 OR country = 'FR'"),
        same(count + "NOT (age > 50 OR country = 'FR')"),
        same(count + "city LIKE 'city_1%'"),
        same(count + "city NOT LIKE '%5'"),
        same(count + "session LIKE 's1%'"),
        same(count + "price > 500"),
        same(count + "price BETWEEN 100.5 AND 200.25 AND quantity >= 5"),
        same(count + "quantity IN (1, 3, 5)"),
        same(count + "quantity NOT IN (1, 3, 5)"),
        same(count + "big < 0"),
        same(count + "big >= -500000000 AND big <= 500000000 AND quantity <> 7"),
        same(count + "ts >= " + tsLow + " AND ts < " + tsHigh),
        same(count + "ts = " + someTs),
        same(count + "ts > " + tsHigh + " OR ts <= " + tsLow),
        same(count + "age > 30.5"),
        same(count + "age = 30.5"),
        same(count + "age <= 19.9"),
        same(count + "is_new = true"),
        same(count + "revenue >= 1000 AND revenue < 2000"),
        same(count + "user_id IN (1000000001, 1000000002, 1000000003)"),
        same(count + "country = 'DE' AND (age < 25 OR age > 70) AND device <> 'tv'"),
        same(count + "5 < quantity AND 30 >= age"),
        same(count + "country = 'nowhere'"),
        same(count + "score > 8.5"),
        same(count + "price < 10 OR session = 's1234' OR city = 'city_007'"),
        same(count + "NOT city IN ('city_001', 'city_002') AND NOT (price > 100)"));
  }

  private static List<Case> aggregationCases() {
    return List.of(
        same("SELECT COUNT(*), COUNT(country) FROM events"),
        same("SELECT SUM(price), MIN(price), MAX(price), AVG(price) FROM events"),
        with("SELECT SUM(age), MIN(age), MAX(age), AVG(age) FROM events WHERE country = 'JP'",
            "SELECT SUM(age), MIN(age), MAX(age), AVG(CAST(age AS DOUBLE)) FROM events WHERE country = 'JP'"),
        same("SELECT MIN(ts), MAX(ts) FROM events"),
        same("SELECT MIN(revenue), MAX(revenue), SUM(revenue) FROM events WHERE device = 'tv'"),
        with("SELECT DISTINCTCOUNT(user_id), DISTINCTCOUNT(country), DISTINCTCOUNT(session) FROM events",
            "SELECT COUNT(DISTINCT user_id), COUNT(DISTINCT country), COUNT(DISTINCT session) FROM events"),
        same("SELECT COUNT(DISTINCT city) FROM events WHERE age < 40"),
        same("SELECT SUM(big), SUM(quantity), MAX(big) FROM events WHERE price < 300"),
        with("SELECT COUNT(*), SUM(price) FROM events WHERE country = 'nowhere'",
            "SELECT COUNT(*), COALESCE(SUM(price), 0) FROM events WHERE country = 'nowhere'"),
        with("SELECT DISTINCTCOUNT(score), SUM(score), MAX(score) FROM events",
            "SELECT COUNT(DISTINCT score), SUM(CAST(score AS DOUBLE)), MAX(score) FROM events"),
        with("SELECT AVG(quantity), DISTINCTCOUNT(price) FROM events WHERE country IN ('US', 'DE') AND is_new = false",
            "SELECT AVG(CAST(quantity AS DOUBLE)), COUNT(DISTINCT price) FROM events WHERE country IN ('US', 'DE') "
                + "AND is_new = false"));
  }

  private static List<Case> groupByCases() {
    return List.of(
        with("SELECT country, COUNT(*) FROM events GROUP BY country ORDER BY COUNT(*) DESC, country",
            "SELECT country, COUNT(*) FROM events GROUP BY country ORDER BY COUNT(*) DESC, country LIMIT 10"),
        same("SELECT device, COUNT(*) AS c, SUM(price) AS s FROM events GROUP BY device ORDER BY c DESC, device"),
        with("SELECT country, device, COUNT(*) FROM events WHERE age > 40 GROUP BY country, device "
                + "ORDER BY 3 DESC, 1, 2 LIMIT 20",
            "SELECT country, device, COUNT(*) FROM events WHERE age > 40 GROUP BY country, device "
                + "ORDER BY 3 DESC, 1, 2 LIMIT 20"),
        same("SELECT city, SUM(revenue) FROM events GROUP BY city ORDER BY SUM(revenue) DESC, city LIMIT 15"),
        same("SELECT user_id, COUNT(*) FROM events GROUP BY user_id ORDER BY COUNT(*) DESC, user_id LIMIT 10"),
        same("SELECT session, COUNT(*), MAX(price) FROM events GROUP BY session ORDER BY COUNT(*) DESC, session "
            + "LIMIT 10"),
        with("SELECT quantity, AVG(price), MIN(big) FROM events GROUP BY quantity ORDER BY quantity",
            "SELECT quantity, AVG(price), MIN(big) FROM events GROUP BY quantity ORDER BY quantity LIMIT 10"),
        same("SELECT price, COUNT(*) FROM events WHERE price < 50 GROUP BY price ORDER BY price LIMIT 25"),
        same("SELECT age, COUNT(*) FROM events GROUP BY age HAVING COUNT(*) > 130 ORDER BY age LIMIT 100"),
        with("SELECT country, AVG(age) FROM events GROUP BY country HAVING AVG(age) > 48 AND COUNT(*) >= 50 "
                + "ORDER BY country",
            "SELECT country, AVG(CAST(age AS DOUBLE)) FROM events GROUP BY country "
                + "HAVING AVG(CAST(age AS DOUBLE)) > 48 AND COUNT(*) >= 50 ORDER BY country LIMIT 10"),
        with("SELECT country, MIN(age), MAX(age), DISTINCTCOUNT(city) FROM events GROUP BY country ORDER BY country "
                + "LIMIT 20",
            "SELECT country, MIN(age), MAX(age), COUNT(DISTINCT city) FROM events GROUP BY country ORDER BY country "
                + "LIMIT 20"),
        same("SELECT is_new, COUNT(*) FROM events GROUP BY is_new ORDER BY is_new"),
        with("SELECT score, COUNT(*) FROM events WHERE score > 8.5 GROUP BY score ORDER BY score",
            "SELECT score, COUNT(*) FROM events WHERE score > 8.5 GROUP BY score ORDER BY score LIMIT 10"),
        same("SELECT country, city, device, COUNT(*) FROM events GROUP BY country, city, device "
            + "ORDER BY COUNT(*) DESC, country, city, device LIMIT 10"),
        same("SELECT user_id, session, COUNT(*) FROM events GROUP BY user_id, session ORDER BY 3 DESC, 1, 2 LIMIT 10"),
        same("SELECT device, COUNT(*) FROM events GROUP BY device ORDER BY device DESC"),
        with("SELECT DISTINCT country FROM events ORDER BY country",
            "SELECT DISTINCT country FROM events ORDER BY country LIMIT 10"),
        same("SELECT DISTINCT country, device FROM events WHERE age < 20 ORDER BY country, device LIMIT 100"),
        same("SELECT country FROM events GROUP BY country ORDER BY country LIMIT 5"),
        same("SELECT COUNT(*) FROM events GROUP BY device ORDER BY COUNT(*)"),
        same("SELECT country, SUM(quantity) FROM events GROUP BY country ORDER BY SUM(quantity) DESC, country LIMIT 3"),
        same("SELECT Country, count(*) AS n FROM events WHERE AGE > 60 GROUP BY Country ORDER BY n DESC, COUNTRY "
            + "LIMIT 20"),
        same("SELECT city, COUNT(*) FROM events WHERE ts >= " + tsLow + " GROUP BY city HAVING MAX(price) < 900 "
            + "ORDER BY COUNT(*) DESC, city LIMIT 7"));
  }

  private static List<Case> selectionCases() {
    return List.of(
        with("SELECT country, age, price FROM events WHERE age > 75 ORDER BY ts",
            "SELECT country, age, price FROM events WHERE age > 75 ORDER BY ts LIMIT 10"),
        same("SELECT ts, city, price FROM events ORDER BY price DESC, ts LIMIT 20"),
        same("SELECT ts, country FROM events WHERE country = 'MX' ORDER BY ts DESC LIMIT 5 OFFSET 3"),
        same("SELECT country, COUNT(*) FROM events GROUP BY country ORDER BY COUNT(*) DESC, country LIMIT 3 OFFSET 2"),
        with("SELECT ts, country FROM events ORDER BY ts LIMIT 4, 6",
            "SELECT ts, country FROM events ORDER BY ts LIMIT 6 OFFSET 4"),
        same("SELECT session, big FROM events WHERE big > 900000000 ORDER BY big DESC, ts LIMIT 10"),
        same("SELECT city, ts FROM events ORDER BY city, ts DESC LIMIT 12"),
        with("SELECT Country, AGE FROM events WHERE COUNTRY = 'FR' ORDER BY TS LIMIT 5",
            "SELECT country, age FROM events WHERE country = 'FR' ORDER BY ts LIMIT 5"),
        with("SELECT \"country\", \"age\" FROM events WHERE \"country\" = 'IT' ORDER BY \"ts\" LIMIT 5",
            "SELECT country, age FROM events WHERE country = 'IT' ORDER BY ts LIMIT 5"),
        same("SELECT price, revenue, quantity FROM events WHERE revenue > 9000 ORDER BY revenue DESC, ts LIMIT 50"),
        same("SELECT is_new, score FROM events WHERE score >= 9.5 ORDER BY ts LIMIT 10"),
        same("SELECT ts FROM events WHERE country = 'DE' AND city = 'city_010' ORDER BY ts LIMIT 100"),
        same("SELECT user_id, age FROM events WHERE session = 's1a2b' ORDER BY age, ts LIMIT 30"),
        same("SELECT ts, age FROM events WHERE ts BETWEEN " + tsLow + " AND " + tsHigh
            + " ORDER BY age DESC, ts LIMIT 15 OFFSET 40"),
        same("SELECT country, price FROM events ORDER BY price, ts LIMIT 7"));
  }

  private static List<Case> multiValueCases() {
    String count = "SELECT COUNT(*) FROM events e WHERE ";
    String hasTag = "EXISTS (SELECT 1 FROM events_tags t WHERE t.id = e.id AND ";
    String hasCode = "EXISTS (SELECT 1 FROM events_codes c WHERE c.id = e.id AND ";
    return List.of(
        with("SELECT COUNT(*) FROM events WHERE tags = 'a'", count + hasTag + "t.tag = 'a')"),
        with("SELECT COUNT(*) FROM events WHERE tags IN ('a', 'b')", count + hasTag + "t.tag IN ('a', 'b'))"),
        with("SELECT COUNT(*) FROM events WHERE tags <> 'a'", count + "NOT " + hasTag + "t.tag = 'a')"),
        with("SELECT COUNT(*) FROM events WHERE tags NOT IN ('a', 'b')",
            count + "NOT " + hasTag + "t.tag IN ('a', 'b'))"),
        with("SELECT COUNT(*) FROM events WHERE codes > 15", count + hasCode + "c.code > 15)"),
        with("SELECT COUNT(*) FROM events WHERE codes = 3 AND tags = 'f' AND country = 'US'",
            count + hasCode + "c.code = 3) AND " + hasTag + "t.tag = 'f') AND e.country = 'US'"),
        with("SELECT COUNT(*) FROM events WHERE tags LIKE '%c%'", count + hasTag + "t.tag LIKE '%c%')"),
        with("SELECT tags, COUNT(*) FROM events GROUP BY tags ORDER BY tags",
            "SELECT t.tag, COUNT(*) FROM events e JOIN events_tags t ON t.id = e.id GROUP BY t.tag ORDER BY t.tag"),
        with("SELECT tags, device, SUM(price) FROM events WHERE age > 50 GROUP BY tags, device "
                + "ORDER BY tags, device LIMIT 30",
            "SELECT t.tag, e.device, SUM(e.price) FROM events e JOIN events_tags t ON t.id = e.id WHERE e.age > 50 "
                + "GROUP BY t.tag, e.device ORDER BY t.tag, e.device LIMIT 30"),
        with("SELECT codes, COUNT(*) FROM events WHERE tags = 'c' GROUP BY codes ORDER BY COUNT(*) DESC, codes "
                + "LIMIT 5",
            "SELECT c.code, COUNT(*) FROM events e JOIN events_codes c ON c.id = e.id WHERE " + hasTag
                + "t.tag = 'c') GROUP BY c.code ORDER BY COUNT(*) DESC, c.code LIMIT 5"),
        with("SELECT DISTINCTCOUNT(tags), DISTINCTCOUNT(codes) FROM events WHERE country = 'US'",
            "SELECT (SELECT COUNT(DISTINCT t.tag) FROM events e JOIN events_tags t ON t.id = e.id "
                + "WHERE e.country = 'US'), (SELECT COUNT(DISTINCT c.code) FROM events e JOIN events_codes c "
                + "ON c.id = e.id WHERE e.country = 'US')"),
        with("SELECT tags, codes, COUNT(*) FROM events GROUP BY tags, codes ORDER BY 3 DESC, 1, 2 LIMIT 10",
            "SELECT t.tag, c.code, COUNT(*) FROM events e JOIN events_tags t ON t.id = e.id JOIN events_codes c "
                + "ON c.id = e.id GROUP BY t.tag, c.code ORDER BY 3 DESC, 1, 2 LIMIT 10"),
        with("SELECT country, DISTINCTCOUNT(tags) FROM events GROUP BY country ORDER BY country LIMIT 20",
            "SELECT e.country, COUNT(DISTINCT t.tag) FROM events e JOIN events_tags t ON t.id = e.id "
                + "GROUP BY e.country ORDER BY e.country LIMIT 20"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesH2(Case query) throws Exception {
    BrokerResponse response = cluster.query(query.sql());
    assertThat(response.exceptions()).as("exceptions").isEmpty();
    assertThat(response.resultTable()).isNotNull();
    List<Object[]> expected = h2.query(query.h2Sql());
    String difference = ResultComparison.difference(response.resultTable().rows(), expected, query.ordered());
    assertThat(difference).as(query.sql()).isNull();
  }
}
