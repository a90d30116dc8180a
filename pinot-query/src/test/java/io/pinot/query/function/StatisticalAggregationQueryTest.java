// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.response.BrokerResponse;
import io.pinot.common.response.ResultTable;
import io.pinot.query.runtime.ServerQueryExecutorConfig;
import io.pinot.query.testing.TestCluster;
import io.pinot.query.testing.TestData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// MINMAXRANGE, VAR_POP, VAR_SAMP, STDDEV_POP and STDDEV_SAMP on real segments over two servers, against a
/// two-pass computation over the same rows (relative tolerance 1e-9: merge order differs), at 0, 1 and many rows
/// and per group.
class StatisticalAggregationQueryTest {
  private static final String SELECT = "SELECT MINMAXRANGE(%1$s), VAR_POP(%1$s), VAR_SAMP(%1$s), STDDEV_POP(%1$s), "
      + "STDDEV_SAMP(%1$s)";

  @TempDir
  static Path dir;

  private static List<Map<String, Object>> allRows;
  private static TestCluster cluster;

  @BeforeAll
  static void setUp() {
    List<List<Map<String, Object>>> segments = TestData.segments(5L, new int[]{900, 1, 700, 400});
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
    ResultTable result = table(String.format(SELECT, "price") + ", stddevPop(age) FROM events");
    assertThat(result.dataSchema().columnNames()).containsExactly("minmaxrange(price)", "varpop(price)",
        "varsamp(price)", "stddevpop(price)", "stddevsamp(price)", "stddevpop(age)");
    assertThat(result.dataSchema().columnDataTypes()).containsOnly(ColumnDataType.DOUBLE);
  }

  @Test
  void emptyAndSingleRowUsePinotDefaults() {
    Object[] empty = table(String.format(SELECT, "price") + " FROM events WHERE country = 'nowhere'").rows().get(0);
    assertThat(empty).containsOnly(Double.NEGATIVE_INFINITY);
    Map<String, Object> only = allRows.get(900);
    Object[] one = table(String.format(SELECT, "big") + " FROM events WHERE ts = " + only.get("ts")).rows().get(0);
    assertThat(one).containsExactly(0.0, 0.0, Double.NEGATIVE_INFINITY, 0.0, Double.NEGATIVE_INFINITY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"price", "quantity", "big", "age", "score", "user_id", "ts", "revenue"})
  void matchesATwoPassComputation(String column) {
    Object[] row = table(String.format(SELECT, column) + " FROM events").rows().get(0);
    assertMatches(row, 0, allRows, column);
  }

  @Test
  void matchesPerGroup() {
    List<Object[]> rows = table(String.format(SELECT, "price").replace("SELECT ", "SELECT city, ")
        + " FROM events GROUP BY city ORDER BY city LIMIT 1000").rows();
    Map<Object, List<Map<String, Object>>> groups = new LinkedHashMap<>();
    for (Map<String, Object> row : allRows) {
      groups.computeIfAbsent(row.get("city"), k -> new ArrayList<>()).add(row);
    }
    assertThat(rows).hasSize(groups.size());
    for (Object[] row : rows) {
      assertMatches(row, 1, groups.get(row[0]), "price");
    }
  }

  private static void assertMatches(Object[] row, int offset, List<Map<String, Object>> rows, String column) {
    int n = rows.size();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (Map<String, Object> r : rows) {
      double v = ((Number) r.get(column)).doubleValue();
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
    }
    double mean = sum / n;
    double m2 = 0;
    for (Map<String, Object> r : rows) {
      double d = ((Number) r.get(column)).doubleValue() - mean;
      m2 += d * d;
    }
    double[] expected = {max - min, m2 / n, n > 1 ? m2 / (n - 1) : Double.NEGATIVE_INFINITY, Math.sqrt(m2 / n),
        n > 1 ? Math.sqrt(m2 / (n - 1)) : Double.NEGATIVE_INFINITY};
    for (int i = 0; i < expected.length; i++) {
      double actual = (Double) row[offset + i];
      if (Double.isInfinite(expected[i])) {
        assertThat(actual).isEqualTo(expected[i]);
      } else {
        assertThat(actual).as("%s column %s", column, i)
            .isCloseTo(expected[i], within(Math.abs(expected[i]) * 1e-9 + 1e-12));
      }
    }
  }
}
