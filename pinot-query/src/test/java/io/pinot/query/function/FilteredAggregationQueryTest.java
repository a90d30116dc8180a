// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.response.BrokerResponse;
import io.pinot.common.response.ResultTable;
import io.pinot.query.runtime.ServerQueryExecutorConfig;
import io.pinot.query.testing.H2Oracle;
import io.pinot.query.testing.ResultComparison;
import io.pinot.query.testing.TestCluster;
import io.pinot.query.testing.TestData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// `aggregation FILTER (WHERE condition)` on real segments over two servers against H2, which runs the same SQL:
/// with and without a query filter, with indexed and scanned conditions, several aggregations sharing or not sharing
/// a filter, GROUP BY (groups come from the query's filter), and Pinot's result column names.
class FilteredAggregationQueryTest {
  @TempDir
  static Path dir;

  private static TestCluster cluster;
  private static H2Oracle h2;

  @BeforeAll
  static void setUp() throws Exception {
    List<List<Map<String, Object>>> segments = TestData.segments(29L, new int[]{1500, 1, 1100, 600});
    cluster = new TestCluster(dir, segments, 2, ServerQueryExecutorConfig.defaults());
    h2 = new H2Oracle("filtered_aggregations", segments);
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

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT SUM(price) FILTER (WHERE age > 30), COUNT(*) FROM events",
      "SELECT COUNT(*) FILTER (WHERE country = 'US'), COUNT(*) FILTER (WHERE country <> 'US'), COUNT(*) FROM events",
      "SELECT MAX(price) FILTER (WHERE age BETWEEN 20 AND 30), MIN(price) FILTER (WHERE age BETWEEN 20 AND 30), "
          + "AVG(quantity) FILTER (WHERE device IN ('tv', 'tablet')) FROM events WHERE country IN ('US', 'DE')",
      "SELECT SUM(quantity) FILTER (WHERE city LIKE 'city_1%' AND NOT (device = 'mobile')), SUM(quantity) "
          + "FROM events WHERE age < 60",
      "SELECT COUNT(*) FILTER (WHERE price > 500 OR quantity = 1), MAX(big) FILTER (WHERE ts > 1700050000000) "
          + "FROM events WHERE device = 'desktop'",
      "SELECT COUNT(*) FILTER (WHERE age > 1000), SUM(price) FROM events",
      "SELECT country, COUNT(*) FILTER (WHERE is_new), SUM(quantity) FILTER (WHERE age >= 18), COUNT(*) FROM events "
          + "GROUP BY country ORDER BY country LIMIT 100",
      "SELECT device, COUNT(*) FILTER (WHERE age > 70) FROM events WHERE country = 'JP' GROUP BY device "
          + "ORDER BY device LIMIT 100",
      "SELECT country, device, MAX(price) FILTER (WHERE quantity > 0), COUNT(DISTINCT city) FILTER (WHERE age < 50) "
          + "FROM events GROUP BY country, device ORDER BY country, device LIMIT 1000"})
  void matchesH2(String sql) throws Exception {
    List<Object[]> actual = table(sql).rows();
    String h2Sql = sql.replace("FILTER (WHERE is_new)", "FILTER (WHERE is_new = TRUE)")
        .replace(" LIMIT 1000", "").replace(" LIMIT 100", "");
    List<Object[]> expected = h2.query(h2Sql);
    assertThat(ResultComparison.difference(actual, expected, sql.contains("ORDER BY"))).as(sql).isNull();
  }

  @Test
  void resultColumnNamesFollowPinot() {
    ResultTable result = table("SELECT SUM(price) FILTER (WHERE age > 30), COUNT(*) FILTER (WHERE country = 'US' "
        + "AND device IN ('tv', 'mobile')), COUNT(*), MAX(price) FILTER (WHERE age BETWEEN 20 AND 30) FROM events");
    assertThat(result.dataSchema().columnNames()).containsExactly("sum(price) FILTER(WHERE age > '30')",
        "count(*) FILTER(WHERE (country = 'US' AND device IN ('tv','mobile')))", "count(*)",
        "max(price) FILTER(WHERE age BETWEEN '20' AND '30')");
    assertThat(result.dataSchema().columnDataTypes()).containsExactly(ColumnDataType.DOUBLE, ColumnDataType.LONG,
        ColumnDataType.LONG, ColumnDataType.DOUBLE);
  }

  @Test
  void emptyFilteredAggregationsGiveTheirDefaults() {
    Object[] row = table("SELECT SUM(price) FILTER (WHERE age > 1000), COUNT(*) FILTER (WHERE age > 1000), "
        + "MAX(price) FILTER (WHERE country = 'nowhere'), COUNT(*) FROM events").rows().get(0);
    assertThat(row[0]).isEqualTo(0.0);
    assertThat(row[1]).isEqualTo(0L);
    assertThat(row[2]).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat((Long) row[3]).isPositive();
  }

  @Test
  void unsupportedConditionsFailClearly() {
    BrokerResponse response = cluster.query("SELECT SUM(price) FILTER (WHERE JSON_MATCH(city, '\"$.a\" = 1')) "
        + "FROM events");
    assertThat(response.exceptions()).isNotEmpty();
  }
}
