// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.response.BrokerResponse;
import io.pinot.common.response.ResultTable;
import io.pinot.common.utils.JsonUtils;
import io.pinot.query.runtime.ServerQueryExecutorConfig;
import io.pinot.query.testing.TestCluster;
import io.pinot.query.testing.TestData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// DISTINCTCOUNTHLL, PERCENTILE, PERCENTILEEST and PERCENTILETDIGEST on real segments spread over two servers
/// (intermediates cross a serialized DataTable and merge across segments and servers): exact PERCENTILE
/// against a straightforward computation over the same rows, the approximate ones against their documented
/// error bounds, on dictionary and raw columns, with and without GROUP BY, and at 0 and 1 rows.
class SketchAndPercentileQueryTest {
  /// Three standard errors of an HLL with log2m = 8: 3 × 1.04 / sqrt(256).
  private static final double HLL_TOLERANCE_LOG2M_8 = 3 * 1.04 / 16;
  /// Rank error allowed for the t-digest with compression 100 (documented as typically well under 1%).
  private static final double TDIGEST_RANK_ERROR = 0.01;

  @TempDir
  static Path dir;

  private static List<Map<String, Object>> allRows;
  private static TestCluster cluster;

  @BeforeAll
  static void setUp() {
    List<List<Map<String, Object>>> segments = TestData.segments(11L, new int[]{1500, 1, 1200, 300});
    allRows = new ArrayList<>();
    segments.forEach(allRows::addAll);
    cluster = new TestCluster(dir, segments, 2, ServerQueryExecutorConfig.defaults());
  }

  @AfterAll
  static void tearDown() throws Exception {
    cluster.close();
  }

  private static ResultTable table(String sql) {
    BrokerResponse response = cluster.query(sql);
    assertThat(response.exceptions()).as(sql).isEmpty();
    return response.resultTable();
  }

  @Test
  void resultColumnNamesAndTypesFollowPinot() {
    ResultTable result = table("SELECT DISTINCTCOUNTHLL(user_id), PERCENTILE(price, 95), PERCENTILE95(price), "
        + "PERCENTILEEST(quantity, 50), PERCENTILEEST50(quantity), PERCENTILETDIGEST(price, 99.9), "
        + "PERCENTILETDIGEST99(price), percentile(age, '50'), DISTINCTCOUNTHLL(city, 12) AS cities FROM events");
    assertThat(result.dataSchema().columnNames()).containsExactly("distinctcounthll(user_id)",
        "percentile(price, 95.0)", "percentile95(price)", "percentileest(quantity, 50.0)", "percentileest50(quantity)",
        "percentiletdigest(price, 99.9)", "percentiletdigest99(price)", "percentile(age, 50.0)", "cities");
    assertThat(result.dataSchema().columnDataTypes()).containsExactly(ColumnDataType.LONG, ColumnDataType.DOUBLE,
        ColumnDataType.DOUBLE, ColumnDataType.LONG, ColumnDataType.LONG, ColumnDataType.DOUBLE,
        ColumnDataType.DOUBLE, ColumnDataType.DOUBLE, ColumnDataType.LONG);
    Object[] row = result.rows().get(0);
    assertThat(row[1]).isEqualTo(row[2]);
    assertThat(row[3]).isEqualTo(row[4]).isInstanceOf(Long.class);
    assertThat(row[0]).isInstanceOf(Long.class);
  }

  @Test
  void emptySelectionUsesPinotDefaults() {
    BrokerResponse response = cluster.query("SELECT DISTINCTCOUNTHLL(user_id), DISTINCTCOUNTHLL(session), "
        + "PERCENTILE(price, 50), PERCENTILE(age, 50), PERCENTILEEST(big, 50), PERCENTILEEST(age, 50), "
        + "PERCENTILETDIGEST(price, 50), PERCENTILETDIGEST(age, 50) FROM events WHERE country = 'nowhere'");
    assertThat(response.exceptions()).isEmpty();
    Object[] row = response.resultTable().rows().get(0);
    assertThat(row[0]).isEqualTo(0L);
    assertThat(row[1]).isEqualTo(0L);
    assertThat(row[2]).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(row[3]).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(row[4]).isEqualTo(Long.MIN_VALUE);
    assertThat(row[5]).isEqualTo(Long.MIN_VALUE);
    assertThat((Double) row[6]).isNaN();
    assertThat((Double) row[7]).isNaN();
    assertThat(JsonUtils.toJson(response)).contains("[[0,0,\"-Infinity\",\"-Infinity\",-9223372036854775808,"
        + "-9223372036854775808,\"NaN\",\"NaN\"]]");
  }

  @Test
  void singleRowGivesItsValue() {
    Map<String, Object> only = allRows.get(1500);
    ResultTable result = table("SELECT DISTINCTCOUNTHLL(session), PERCENTILE(price, 30), PERCENTILEEST(price, 99), "
        + "PERCENTILETDIGEST(price, 1), PERCENTILE(age, 100), PERCENTILEEST(age, 0) FROM events WHERE ts = "
        + only.get("ts"));
    double price = (Double) only.get("price");
    assertThat(result.rows().get(0)).containsExactly(1L, price, (long) price, price,
        ((Integer) only.get("age")).doubleValue(), ((Integer) only.get("age")).longValue());
  }

  @ParameterizedTest
  @ValueSource(strings = {"price", "quantity", "big", "age", "score", "user_id", "ts", "revenue"})
  void percentileIsExactOnRawAndDictionaryColumns(String column) {
    double[] percentiles = {0, 1, 10, 25, 33.3, 50, 75, 90, 95, 99, 99.9, 100};
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < percentiles.length; i++) {
      sql.append(i == 0 ? "" : ", ").append("PERCENTILE(").append(column).append(", ").append(percentiles[i])
          .append(')');
    }
    Object[] row = table(sql + " FROM events").rows().get(0);
    double[] values = values(column, r -> true);
    for (int i = 0; i < percentiles.length; i++) {
      assertThat(row[i]).as("%s p%s", column, percentiles[i]).isEqualTo(exactPercentile(values, percentiles[i]));
    }
    Object[] filtered = table("SELECT PERCENTILE(" + column + ", 50), PERCENTILE90(" + column
        + ") FROM events WHERE device = 'tablet'").rows().get(0);
    double[] tablet = values(column, r -> r.get("device").equals("tablet"));
    assertThat(filtered).containsExactly(exactPercentile(tablet, 50), exactPercentile(tablet, 90));
  }

  @Test
  void percentilePerGroupIsExactForManyGroups() {
    List<Object[]> rows = table("SELECT user_id, PERCENTILE(price, 50), PERCENTILE(age, 75), COUNT(*) FROM events "
        + "GROUP BY user_id ORDER BY user_id LIMIT 100000").rows();
    Map<Long, List<Map<String, Object>>> byUser = groupBy("user_id");
    assertThat(rows).hasSize(byUser.size()).hasSizeGreaterThan(1000);
    for (Object[] row : rows) {
      List<Map<String, Object>> group = byUser.get((Long) row[0]);
      assertThat(row[1]).isEqualTo(exactPercentile(values(group, "price"), 50));
      assertThat(row[2]).isEqualTo(exactPercentile(values(group, "age"), 75));
    }
  }

  @Test
  void groupsOrderAndFilterByPercentiles() {
    List<Object[]> rows = table("SELECT country, PERCENTILE(price, 50) AS median FROM events GROUP BY country "
        + "HAVING PERCENTILE(price, 50) > 400 ORDER BY PERCENTILE(price, 50) DESC, country LIMIT 3").rows();
    List<Object[]> expected = new ArrayList<>();
    groupByAny("country").forEach((country, group) -> {
      double median = exactPercentile(values(group, "price"), 50);
      if (median > 400) {
        expected.add(new Object[]{country, median});
      }
    });
    expected.sort((a, b) -> Double.compare((Double) b[1], (Double) a[1]));
    assertThat(rows).hasSize(Math.min(3, expected.size()));
    for (int i = 0; i < rows.size(); i++) {
      assertThat(rows.get(i)).containsExactly(expected.get(i));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"user_id", "session", "city", "price", "age", "score", "big"})
  void distinctCountHllIsWithinThreeStandardErrors(String column) {
    long estimate = (Long) table("SELECT DISTINCTCOUNTHLL(" + column + ") FROM events").rows().get(0)[0];
    long exact = distinct(allRows, column);
    assertThat((double) estimate).as(column).isCloseTo(exact, org.assertj.core.data.Offset.offset(
        exact * HLL_TOLERANCE_LOG2M_8));
    long precise = (Long) table("SELECT DISTINCTCOUNTHLL(" + column + ", 14) FROM events").rows().get(0)[0];
    assertThat((double) precise).as(column).isCloseTo(exact, org.assertj.core.data.Offset.offset(
        exact * 3 * 1.04 / 128));
  }

  /// Without a filter the dictionary answers (every value once); with a filter matching every row the documents do:
  /// both add the same values, so the sketches, and estimates, are equal.
  @ParameterizedTest
  @ValueSource(strings = {"user_id", "city", "age", "score"})
  void distinctCountHllFromDictionariesEqualsTheScan(String column) {
    BrokerResponse response = cluster.query("SELECT DISTINCTCOUNTHLL(" + column + "), DISTINCTCOUNTHLL(" + column
        + ", 12) FROM events");
    assertThat(response.numEntriesScannedPostFilter()).as("entries read").isZero();
    Object fromDictionary = response.resultTable().rows().get(0)[0];
    Object scanned = table("SELECT DISTINCTCOUNTHLL(" + column + "), DISTINCTCOUNTHLL(" + column
        + ", 12) FROM events WHERE ts > 0").rows().get(0)[0];
    assertThat(fromDictionary).as(column).isEqualTo(scanned);
  }

  @Test
  void distinctCountHllPerGroupIsWithinThreeStandardErrors() {
    for (String key : List.of("device", "country", "age")) {
      List<Object[]> rows = table("SELECT " + key + ", DISTINCTCOUNTHLL(session), DISTINCTCOUNTHLL(user_id) "
          + "FROM events GROUP BY " + key + " LIMIT 1000").rows();
      Map<Object, List<Map<String, Object>>> groups = groupByAny(key);
      assertThat(rows).hasSize(groups.size());
      for (Object[] row : rows) {
        List<Map<String, Object>> group = groups.get(row[0]);
        for (int c = 1; c <= 2; c++) {
          long exact = distinct(group, c == 1 ? "session" : "user_id");
          assertThat(((Long) row[c]).doubleValue()).as("%s=%s", key, row[0])
              .isCloseTo(exact, org.assertj.core.data.Offset.offset(Math.max(1, exact * HLL_TOLERANCE_LOG2M_8)));
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"price", "big", "age", "ts", "quantity"})
  void estimatedPercentilesAreWithinTheirRankErrors(String column) {
    double[] percentiles = {0, 5, 50, 95, 99, 100};
    double[] values = values(column, r -> true);
    for (double p : percentiles) {
      Object[] row = table("SELECT PERCENTILEEST(" + column + ", " + p + "), PERCENTILETDIGEST(" + column + ", " + p
          + ") FROM events").rows().get(0);
      double[] asLongs = Arrays.stream(values).map(v -> (long) v).toArray();
      assertWithinRank(asLongs, ((Long) row[0]).doubleValue(), p, PercentileEstFunction.RANK_ERROR,
          column + " est p" + p);
      assertWithinRank(values, (Double) row[1], p, TDIGEST_RANK_ERROR, column + " tdigest p" + p);
      Object[] kll = table("SELECT PERCENTILEKLL(" + column + ", " + p + "), PERCENTILE_KLL(" + column + ", " + p
          + ", 1000) FROM events").rows().get(0);
      assertWithinRank(values, (Double) kll[0], p, PercentileEstFunction.RANK_ERROR, column + " kll p" + p);
      assertWithinRank(values, (Double) kll[1], p, PercentileEstFunction.RANK_ERROR, column + " kll1000 p" + p);
      assertThat(values).contains((Double) kll[0]);
    }
  }

  @Test
  void estimatedPercentilesPerGroupAreWithinTheirRankErrors() {
    List<Object[]> rows = table("SELECT device, PERCENTILEEST(price, 95), PERCENTILETDIGEST(price, 50), "
        + "PERCENTILEEST95(age) FROM events GROUP BY device ORDER BY device").rows();
    Map<Object, List<Map<String, Object>>> groups = groupByAny("device");
    assertThat(rows).hasSize(groups.size());
    for (Object[] row : rows) {
      double[] prices = values(groups.get(row[0]), "price");
      double[] longPrices = Arrays.stream(prices).map(v -> (long) v).toArray();
      assertWithinRank(longPrices, ((Long) row[1]).doubleValue(), 95, PercentileEstFunction.RANK_ERROR, "est");
      assertWithinRank(prices, (Double) row[2], 50, TDIGEST_RANK_ERROR, "tdigest");
      assertWithinRank(values(groups.get(row[0]), "age"), ((Long) row[3]).doubleValue(), 95,
          PercentileEstFunction.RANK_ERROR, "est age");
    }
  }

  @Test
  void percentileKllFollowsPinotNamingAndIsNanOverNoRows() {
    ResultTable result = table("SELECT PERCENTILEKLL(price, 90), PERCENTILE_KLL(age, 99.5, 400) FROM events");
    assertThat(result.dataSchema().columnNames()).containsExactly("percentilekll(price, 90.0)",
        "percentilekll(age, 99.5)");
    assertThat(result.dataSchema().columnDataTypes()).containsExactly(ColumnDataType.DOUBLE, ColumnDataType.DOUBLE);
    Object[] empty = table("SELECT PERCENTILEKLL(price, 90), PERCENTILEKLL(age, 10) FROM events "
        + "WHERE country = 'nowhere'").rows().get(0);
    assertThat((Double) empty[0]).isNaN();
    assertThat((Double) empty[1]).isNaN();
    List<Object[]> groups = table("SELECT device, PERCENTILEKLL(price, 50) FROM events GROUP BY device").rows();
    Map<Object, List<Map<String, Object>>> byDevice = groupByAny("device");
    assertThat(groups).hasSize(byDevice.size());
    for (Object[] row : groups) {
      assertWithinRank(values(byDevice.get(row[0]), "price"), (Double) row[1], 50, PercentileEstFunction.RANK_ERROR,
          "kll " + row[0]);
    }
  }

  @Test
  void invalidCallsFailWithAnErrorNamingTheFunction() {
    assertError("SELECT PERCENTILE(price, 101) FROM events", 700, "percentile");
    assertError("SELECT PERCENTILE(price) FROM events", 700, "percentile");
    assertError("SELECT PERCENTILEEST(price, city) FROM events", 700, "percentileest");
    assertError("SELECT PERCENTILETDIGEST(city, 50) FROM events", 700, "percentiletdigest");
    assertError("SELECT DISTINCTCOUNTHLL(tags) FROM events", 700, "distinctcounthll");
    assertError("SELECT DISTINCTCOUNTHLL(user_id, 30) FROM events", 700, "distinctcounthll");
    assertError("SELECT PERCENTILERAWEST(price, 50) FROM events", 720, "percentilerawest");
    assertError("SELECT PERCENTILEKLL(price, 50, 4) FROM events", 700, "percentilekll");
    assertError("SELECT PERCENTILEKLL(price) FROM events", 700, "percentilekll");
    assertError("SELECT DISTINCTCOUNTBITMAP(tags) FROM events", 700, "distinctcountbitmap");
    assertError("SELECT MINMAXRANGE(city) FROM events", 700, "minmaxrange");
    assertError("SELECT VAR_POP(price, 2) FROM events", 700, "varpop");
    assertError("SELECT STDDEV_SAMP(codes) FROM events", 700, "stddevsamp");
  }

  private static void assertError(String sql, int code, String function) {
    BrokerResponse response = cluster.query(sql);
    assertThat(response.exceptions()).as(sql).hasSize(1);
    assertThat(response.exceptions().get(0).errorCode()).as(sql).isEqualTo(code);
    assertThat(response.exceptions().get(0).message()).as(sql).containsIgnoringCase(function);
  }

  /// Checks that `value` sits at rank `p`% of `values` within `rankError` × n positions. A value between two
  /// data values (a t-digest interpolates) takes the ranks of both neighbours.
  private static void assertWithinRank(double[] values, double value, double p, double rankError, String what) {
    double previous = Arrays.stream(values).filter(v -> v <= value).max().orElse(value);
    double next = Arrays.stream(values).filter(v -> v >= value).min().orElse(value);
    long below = Arrays.stream(values).filter(v -> v < previous).count();
    long atOrBelow = Arrays.stream(values).filter(v -> v <= next).count();
    double target = p / 100 * values.length;
    double slack = rankError * values.length + 1;
    assertThat(target).as("%s: value %s has ranks [%s, %s] of %s", what, value, below, atOrBelow, values.length)
        .isBetween(below - slack, atOrBelow + slack);
  }

  static double exactPercentile(double[] values, double percentile) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return percentile == 100 ? sorted[sorted.length - 1] : sorted[(int) ((long) sorted.length * percentile / 100)];
  }

  private static double[] values(String column, Predicate<Map<String, Object>> filter) {
    return values(allRows.stream().filter(filter).toList(), column);
  }

  private static double[] values(List<Map<String, Object>> rows, String column) {
    double[] values = new double[rows.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = ((Number) rows.get(i).get(column)).doubleValue();
    }
    return values;
  }

  private static long distinct(List<Map<String, Object>> rows, String column) {
    Set<Object> seen = new HashSet<>();
    for (Map<String, Object> row : rows) {
      seen.add(row.get(column));
    }
    return seen.size();
  }

  private static Map<Long, List<Map<String, Object>>> groupBy(String column) {
    Map<Long, List<Map<String, Object>>> groups = new LinkedHashMap<>();
    for (Map<String, Object> row : allRows) {
      groups.computeIfAbsent((Long) row.get(column), k -> new ArrayList<>()).add(row);
    }
    return groups;
  }

  private static Map<Object, List<Map<String, Object>>> groupByAny(String column) {
    Map<Object, List<Map<String, Object>>> groups = new LinkedHashMap<>();
    for (Map<String, Object> row : allRows) {
      groups.computeIfAbsent(row.get(column), k -> new ArrayList<>()).add(row);
    }
    return groups;
  }
}
