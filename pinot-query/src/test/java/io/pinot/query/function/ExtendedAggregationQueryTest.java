// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.response.BrokerResponse;
import io.pinot.common.response.ResultTable;
import io.pinot.query.runtime.ServerQueryExecutorConfig;
import io.pinot.query.testing.H2Oracle;
import io.pinot.query.testing.ResultComparison;
import io.pinot.query.testing.TestCluster;
import io.pinot.query.testing.TestData;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// MODE, BOOL_AND/OR, SUMPRECISION, COVAR_*, FIRST/LASTWITHTIME, DISTINCTCOUNTHLLPLUS, DISTINCTCOUNTTHETASKETCH,
/// SEGMENTPARTITIONEDDISTINCTCOUNT and the MV functions on real segments over two servers, against H2 (which has
/// MODE, BOOL_AND, BOOL_OR, COVAR_POP and COVAR_SAMP, and the MV columns as child tables) or an independent
/// computation over the same rows.
class ExtendedAggregationQueryTest {
  @org.junit.jupiter.api.io.TempDir
  static Path dir;

  private static List<List<Map<String, Object>>> segments;
  private static List<Map<String, Object>> allRows;
  private static TestCluster cluster;
  private static H2Oracle h2;

  @BeforeAll
  static void setUp() throws Exception {
    segments = TestData.segments(11L, new int[]{1200, 1, 900, 700});
    allRows = new ArrayList<>();
    segments.forEach(allRows::addAll);
    cluster = new TestCluster(dir, segments, 2, ServerQueryExecutorConfig.defaults());
    h2 = new H2Oracle("extended_aggregations", segments);
  }

  @AfterAll
  static void tearDown() throws Exception {
    cluster.close();
    h2.close();
  }

  private static ResultTable table(String sql) {
    BrokerResponse response = cluster.query(sql);
    assertThat(response.exceptions()).as(sql).isEmpty();
    return response.resultTable();
  }

  private static void assertSameAsH2(String sql, String h2Sql) throws Exception {
    List<Object[]> actual = table(sql).rows();
    List<Object[]> expected = h2.query(h2Sql);
    assertThat(ResultComparison.difference(actual, expected, sql.contains("ORDER BY"))).as(sql).isNull();
  }

  @Test
  void namesAndTypes() {
    ResultTable result = table("SELECT MODE(age), BOOL_AND(is_new), BOOL_OR(is_new), SUMPRECISION(quantity), "
        + "COVAR_POP(price, quantity), COVAR_SAMP(age, big), FIRSTWITHTIME(city, ts, 'STRING'), "
        + "LASTWITHTIME(price, ts, 'DOUBLE'), DISTINCTCOUNTHLLPLUS(city), DISTINCTCOUNTTHETASKETCH(city), "
        + "SEGMENTPARTITIONEDDISTINCTCOUNT(city), COUNTMV(codes), SUMMV(codes) FROM events");
    assertThat(result.dataSchema().columnNames()).containsExactly("mode(age)", "booland(is_new)", "boolor(is_new)",
        "sumprecision(quantity)", "covarpop(price,quantity)", "covarsamp(age,big)",
        "firstwithtime(city,ts,'STRING')", "lastwithtime(price,ts,'DOUBLE')", "distinctcounthllplus(city)",
        "distinctcountthetasketch(city)", "segmentpartitioneddistinctcount(city)", "countmv(codes)", "summv(codes)");
    assertThat(result.dataSchema().columnDataTypes()).containsExactly(ColumnDataType.DOUBLE, ColumnDataType.BOOLEAN,
        ColumnDataType.BOOLEAN, ColumnDataType.STRING, ColumnDataType.DOUBLE, ColumnDataType.DOUBLE,
        ColumnDataType.STRING, ColumnDataType.DOUBLE, ColumnDataType.LONG, ColumnDataType.LONG, ColumnDataType.LONG,
        ColumnDataType.LONG, ColumnDataType.DOUBLE);
  }

  @Test
  void emptyInputGivesPinotDefaults() {
    Object[] row = table("SELECT MODE(age), BOOL_AND(is_new), BOOL_OR(is_new), SUMPRECISION(quantity), "
        + "COVAR_POP(price, quantity), FIRSTWITHTIME(age, ts, 'INT'), LASTWITHTIME(city, ts, 'STRING'), "
        + "DISTINCTCOUNTHLLPLUS(city), DISTINCTCOUNTTHETASKETCH(city), SEGMENTPARTITIONEDDISTINCTCOUNT(city), "
        + "COUNTMV(codes), SUMMV(codes) FROM events WHERE country = 'nowhere'").rows().get(0);
    assertThat(row).containsExactly(Double.NEGATIVE_INFINITY, true, false, "0", Double.NEGATIVE_INFINITY,
        Integer.MIN_VALUE, "", 0L, 0L, 0L, 0L, 0.0);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "MODE(age)|MODE() WITHIN GROUP (ORDER BY age)",
      "MODE(age, 'MAX')|MODE() WITHIN GROUP (ORDER BY age DESC)",
      "MODE(score)|MODE() WITHIN GROUP (ORDER BY score)",
      "MODE(quantity, 'MIN')|MODE() WITHIN GROUP (ORDER BY quantity)",
      "BOOL_AND(is_new)|BOOL_AND(is_new)",
      "BOOL_OR(is_new)|BOOL_OR(is_new)",
      "COVAR_POP(price, quantity)|COVAR_POP(price, quantity)",
      "COVAR_SAMP(age, big)|COVAR_SAMP(age, big)",
      "COVAR_POP(price * quantity, age + 1)|COVAR_POP(price * quantity, age + 1)",
      "MODE(age * 2)|MODE() WITHIN GROUP (ORDER BY age * 2)",
      "SUM(DISTINCT quantity)|SUM(DISTINCT quantity)",
      "DISTINCTAVG(price)|AVG(DISTINCT price)",
      "DISTINCTSUMMV(codes)|(SELECT SUM(DISTINCT code) FROM events_codes c WHERE c.id IN "
          + "(SELECT id FROM events e WHERE #))",
      "DISTINCTAVGMV(codes)|(SELECT AVG(DISTINCT CAST(code AS DOUBLE)) FROM events_codes c WHERE c.id IN "
          + "(SELECT id FROM events e WHERE #))",
      "COUNTMV(codes)|(SELECT COUNT(*) FROM events_codes c WHERE c.id IN (SELECT id FROM events e WHERE #))",
      "SUMMV(codes)|(SELECT SUM(code) FROM events_codes c WHERE c.id IN (SELECT id FROM events e WHERE #))",
      "MINMV(codes)|(SELECT MIN(code) FROM events_codes c WHERE c.id IN (SELECT id FROM events e WHERE #))",
      "MAXMV(codes)|(SELECT MAX(code) FROM events_codes c WHERE c.id IN (SELECT id FROM events e WHERE #))",
      "AVGMV(codes)|(SELECT AVG(CAST(code AS DOUBLE)) FROM events_codes c WHERE c.id IN "
          + "(SELECT id FROM events e WHERE #))",
      "DISTINCTCOUNTMV(tags)|(SELECT COUNT(DISTINCT tag) FROM events_tags t WHERE t.id IN "
          + "(SELECT id FROM events e WHERE #))",
      "DISTINCTCOUNTBITMAPMV(codes)|(SELECT COUNT(DISTINCT code) FROM events_codes c WHERE c.id IN "
          + "(SELECT id FROM events e WHERE #))"})
  void matchesH2(String expression, String h2Expression) throws Exception {
    for (String filter : List.of("age > 0", "country = 'DE'", "device = 'tv' AND age > 70")) {
      String h2Sql = "SELECT " + h2Expression.replace("#", filter.replace("country", "e.country")
          .replace("device", "e.device").replace("age", "e.age")) + (h2Expression.startsWith("(") ? ""
          : " FROM events WHERE " + filter);
      if (h2Expression.startsWith("(")) {
        h2Sql = h2Sql + " FROM (VALUES 1)";
      }
      assertSameAsH2("SELECT " + expression + " FROM events WHERE " + filter, h2Sql);
    }
  }

  @Test
  void groupByMatchesH2() throws Exception {
    assertSameAsH2("SELECT country, MODE(age), BOOL_OR(is_new), COVAR_POP(price, age) FROM events GROUP BY country "
        + "ORDER BY country LIMIT 100", "SELECT country, MODE() WITHIN GROUP (ORDER BY age), BOOL_OR(is_new), "
        + "COVAR_POP(price, age) FROM events GROUP BY country ORDER BY country");
    assertSameAsH2("SELECT device, SUMMV(codes), COUNTMV(tags), DISTINCTCOUNTMV(codes) FROM events GROUP BY device "
        + "ORDER BY device LIMIT 100", "SELECT e.device, (SELECT SUM(code) FROM events_codes c JOIN events x ON "
        + "x.id = c.id WHERE x.device = e.device), (SELECT COUNT(*) FROM events_tags t JOIN events x ON x.id = t.id "
        + "WHERE x.device = e.device), (SELECT COUNT(DISTINCT code) FROM events_codes c JOIN events x ON x.id = c.id "
        + "WHERE x.device = e.device) FROM events e GROUP BY e.device ORDER BY e.device");
    assertSameAsH2("SELECT tags, SUM(quantity), MODE(quantity, 'MAX') FROM events GROUP BY tags ORDER BY tags "
        + "LIMIT 100", "SELECT t.tag, SUM(e.quantity), MODE() WITHIN GROUP (ORDER BY e.quantity DESC) FROM events e "
        + "JOIN events_tags t ON t.id = e.id GROUP BY t.tag ORDER BY t.tag");
  }

  @Test
  void covarianceOfLargeValuesMatchesAnExactComputation() {
    // H2's textbook formula cancels on epoch-millisecond times; compare with exact decimal arithmetic instead.
    java.math.MathContext context = java.math.MathContext.DECIMAL128;
    BigDecimal n = BigDecimal.valueOf(allRows.size());
    BigDecimal sumX = BigDecimal.ZERO;
    BigDecimal sumY = BigDecimal.ZERO;
    BigDecimal sumXy = BigDecimal.ZERO;
    for (Map<String, Object> row : allRows) {
      BigDecimal x = new BigDecimal((double) (Float) row.get("score"));
      BigDecimal y = BigDecimal.valueOf((Long) row.get("ts"));
      sumX = sumX.add(x);
      sumY = sumY.add(y);
      sumXy = sumXy.add(x.multiply(y));
    }
    double expected = sumXy.subtract(sumX.multiply(sumY).divide(n, context)).divide(n, context).doubleValue();
    double actual = (Double) table("SELECT COVAR_POP(score, ts) FROM events").rows().get(0)[0];
    assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * 1e-9));
  }

  @Test
  void sumPrecisionIsExact() {
    BigDecimal price = BigDecimal.ZERO;
    BigDecimal big = BigDecimal.ZERO;
    for (Map<String, Object> row : allRows) {
      price = price.add(new BigDecimal(row.get("price").toString()));
      big = big.add(BigDecimal.valueOf((Long) row.get("big")));
    }
    Object[] row = table("SELECT SUMPRECISION(price), SUMPRECISION(big), SUMPRECISION(price, 6), "
        + "SUMPRECISION(price, 8, 1) FROM events").rows().get(0);
    assertThat(new BigDecimal((String) row[0])).isEqualByComparingTo(price);
    assertThat(row[1]).isEqualTo(big.toString());
    assertThat(row[2]).isEqualTo(price.round(new java.math.MathContext(6, java.math.RoundingMode.HALF_EVEN))
        .toString());
    assertThat(row[3]).isEqualTo(price.round(new java.math.MathContext(8, java.math.RoundingMode.HALF_EVEN))
        .setScale(1, java.math.RoundingMode.HALF_EVEN).toString());
  }

  @Test
  void firstAndLastWithTimeFollowTheTimeColumn() {
    // Times are unique, so first and last are well defined; per country too.
    Map<String, Map<String, Object>> firsts = new TreeMap<>();
    Map<String, Map<String, Object>> lasts = new TreeMap<>();
    for (Map<String, Object> row : allRows) {
      String country = (String) row.get("country");
      long ts = (Long) row.get("ts");
      if (!firsts.containsKey(country) || (Long) firsts.get(country).get("ts") > ts) {
        firsts.put(country, row);
      }
      if (!lasts.containsKey(country) || (Long) lasts.get(country).get("ts") < ts) {
        lasts.put(country, row);
      }
    }
    List<Object[]> rows = table("SELECT country, FIRSTWITHTIME(city, ts, 'STRING'), LASTWITHTIME(age, ts, 'INT'), "
        + "FIRSTWITHTIME(is_new, ts, 'BOOLEAN'), LASTWITHTIME(score, ts, 'FLOAT'), FIRSTWITHTIME(big, ts, 'LONG') "
        + "FROM events GROUP BY country ORDER BY country LIMIT 100").rows();
    assertThat(rows).hasSize(firsts.size());
    for (Object[] row : rows) {
      Map<String, Object> first = firsts.get((String) row[0]);
      Map<String, Object> last = lasts.get((String) row[0]);
      assertThat(row).containsExactly(row[0], first.get("city"), last.get("age"), first.get("is_new"),
          last.get("score"), first.get("big"));
    }
  }

  @Test
  void sketchesStayWithinTheirErrorBoundsAndPartitionedCountsSumSegments() {
    Set<Object> sessions = new HashSet<>();
    Set<Object> users = new HashSet<>();
    long perSegment = 0;
    for (List<Map<String, Object>> segment : segments) {
      Set<Object> inSegment = new HashSet<>();
      for (Map<String, Object> row : segment) {
        sessions.add(row.get("session"));
        users.add(row.get("user_id"));
        inSegment.add(row.get("session"));
      }
      perSegment += inSegment.size();
    }
    Object[] row = table("SELECT DISTINCTCOUNTHLLPLUS(session), DISTINCTCOUNTHLLPLUS(user_id, 12), "
        + "DISTINCTCOUNTTHETASKETCH(session), DISTINCTCOUNTTHETASKETCH(user_id, 'nominalEntries=1024'), "
        + "SEGMENTPARTITIONEDDISTINCTCOUNT(session), DISTINCTCOUNTHLLPLUSMV(tags) FROM events").rows().get(0);
    // Three standard errors: 1.04/sqrt(2^p) for HLL++; theta is exact below its nominal entries, else 1/sqrt(k).
    assertThat(((Number) row[0]).doubleValue()).isCloseTo(sessions.size(), within(3 * 0.0081 * sessions.size()));
    assertThat(((Number) row[1]).doubleValue()).isCloseTo(users.size(), within(3 * 0.0163 * users.size()));
    assertThat(row[2]).isEqualTo((long) sessions.size());
    assertThat(((Number) row[3]).doubleValue()).isCloseTo(users.size(), within(3 * users.size() / 32.0));
    assertThat(row[4]).isEqualTo(perSegment);
    assertThat(row[5]).isEqualTo(6L);
  }

  @Test
  void plainFunctionsOnMultiValueColumnsAndMvFunctionsOnSingleValueColumnsFail() {
    BrokerResponse sum = cluster.query("SELECT SUM(codes) FROM events");
    assertThat(sum.exceptions()).isNotEmpty();
    assertThat(sum.exceptions().get(0).message()).contains("does not support multi-value column[codes]");
    BrokerResponse mode = cluster.query("SELECT MODE(codes) FROM events");
    assertThat(mode.exceptions()).isNotEmpty();
    BrokerResponse summv = cluster.query("SELECT SUMMV(age) FROM events");
    assertThat(summv.exceptions().get(0).message()).contains("requires a multi-value column");
    BrokerResponse bool = cluster.query("SELECT BOOL_AND(age) FROM events");
    assertThat(bool.exceptions().get(0).message()).contains("Unsupported data type boolAnd for INT");
  }
}
