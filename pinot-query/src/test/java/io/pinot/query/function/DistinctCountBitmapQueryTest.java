// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.response.BrokerResponse;
import io.pinot.common.response.ResultTable;
import io.pinot.query.runtime.ServerQueryExecutorConfig;
import io.pinot.query.testing.TestCluster;
import io.pinot.query.testing.TestData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// DISTINCTCOUNTBITMAP on real segments over two servers against Pinot's definition computed over the same rows:
/// the number of distinct INT values, or of distinct Java hash codes of other values.
class DistinctCountBitmapQueryTest {
  @TempDir
  static Path dir;

  private static List<Map<String, Object>> allRows;
  private static TestCluster cluster;

  @BeforeAll
  static void setUp() {
    List<List<Map<String, Object>>> segments = TestData.segments(3L, new int[]{1200, 1, 900});
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
  void namesTypesAndEmptyResultFollowPinot() {
    ResultTable result = table("SELECT DISTINCTCOUNTBITMAP(city), DISTINCT_COUNT_BITMAP(age) FROM events "
        + "WHERE country = 'nowhere'");
    assertThat(result.dataSchema().columnNames()).containsExactly("distinctcountbitmap(city)",
        "distinctcountbitmap(age)");
    assertThat(result.dataSchema().columnDataTypes()).containsExactly(ColumnDataType.INT, ColumnDataType.INT);
    assertThat(result.rows().get(0)).containsExactly(0, 0);
    Map<String, Object> only = allRows.get(1200);
    assertThat(table("SELECT DISTINCTCOUNTBITMAP(session), DISTINCTCOUNTBITMAP(age) FROM events WHERE ts = "
        + only.get("ts")).rows().get(0)).containsExactly(1, 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"age", "quantity", "user_id", "big", "price", "score", "city", "session"})
  void matchesPinotsDefinition(String column) {
    Object[] row = table("SELECT DISTINCTCOUNTBITMAP(" + column + ") FROM events").rows().get(0);
    assertThat(row[0]).isEqualTo(pinotCount(allRows, column));
  }

  @Test
  void matchesPerGroup() {
    List<Object[]> rows = table("SELECT country, DISTINCTCOUNTBITMAP(user_id), DISTINCTCOUNTBITMAP(session), "
        + "DISTINCTCOUNTBITMAP(age) FROM events GROUP BY country LIMIT 100").rows();
    Map<Object, List<Map<String, Object>>> groups = new LinkedHashMap<>();
    for (Map<String, Object> row : allRows) {
      groups.computeIfAbsent(row.get("country"), k -> new ArrayList<>()).add(row);
    }
    assertThat(rows).hasSize(groups.size());
    for (Object[] row : rows) {
      List<Map<String, Object>> group = groups.get(row[0]);
      assertThat(row).containsExactly(row[0], pinotCount(group, "user_id"), pinotCount(group, "session"),
          pinotCount(group, "age"));
    }
  }

  private static int pinotCount(List<Map<String, Object>> rows, String column) {
    Set<Integer> hashes = new HashSet<>();
    for (Map<String, Object> row : rows) {
      Object value = row.get(column);
      hashes.add(value instanceof Integer i ? i : value.hashCode());
    }
    return hashes.size();
  }
}
