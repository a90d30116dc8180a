// SPDX-License-Identifier: Apache-2.0
package io.pinot.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.response.BrokerResponse;
import io.pinot.query.runtime.ServerQueryExecutorConfig;
import io.pinot.query.testing.TestCluster;
import io.pinot.query.testing.TestData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Transforms with a multi-value (array) result in SELECT lists and as arguments of other functions, through the
/// servers' DataTables and the broker: values checked against the same computation on the input rows.
class ArrayTransformQueryTest {
  @TempDir
  static Path dir;

  private static TestCluster cluster;
  private static List<Map<String, Object>> byTs;

  @BeforeAll
  static void setUp() {
    List<List<Map<String, Object>>> segments = TestData.segments(31L, new int[]{400, 300, 200});
    byTs = new ArrayList<>();
    segments.forEach(byTs::addAll);
    byTs.sort(Comparator.comparingLong(row -> (Long) row.get("ts")));
    cluster = new TestCluster(dir, segments, 2, ServerQueryExecutorConfig.defaults());
  }

  @AfterAll
  static void tearDown() throws Exception {
    cluster.close();
  }

  private static BrokerResponse query(String sql) {
    BrokerResponse response = cluster.query(sql);
    assertThat(response.exceptions()).as(sql).isEmpty();
    return response;
  }

  @Test
  void splitReturnsAStringArrayPerRow() {
    BrokerResponse response = query("SELECT split(city, '_'), ts FROM events ORDER BY ts LIMIT 25");
    assertThat(response.resultTable().dataSchema().columnDataTypes().get(0).toString()).isEqualTo("STRING_ARRAY");
    List<Object[]> rows = response.resultTable().rows();
    assertThat(rows).hasSize(25);
    for (int i = 0; i < rows.size(); i++) {
      String city = (String) byTs.get(i).get("city");
      assertThat(rows.get(i)[0]).as(city).isEqualTo(city.split("_"));
    }
  }

  @Test
  void arrayResultsOfMultiValueColumnsAndNestedCalls() {
    List<Object[]> rows = query("SELECT arraySort(tags), arrayDistinct(codes), arrayLength(split(city, '_')), ts "
        + "FROM events ORDER BY ts DESC LIMIT 30").resultTable().rows();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = byTs.get(byTs.size() - 1 - i);
      String[] tags = Arrays.copyOf((Object[]) row.get("tags"), ((Object[]) row.get("tags")).length, String[].class);
      Arrays.sort(tags);
      assertThat(rows.get(i)[0]).isEqualTo(tags);
      int[] codes = Arrays.stream((Object[]) row.get("codes")).mapToInt(code -> (Integer) code).distinct().toArray();
      assertThat(rows.get(i)[1]).isEqualTo(codes);
      assertThat(rows.get(i)[2]).isEqualTo(2);
    }
  }

  @Test
  void groupingOrAggregatingAnArrayResultFailsNamingIt() {
    BrokerResponse response = cluster.query("SELECT split(city, '_'), COUNT(*) FROM events "
        + "GROUP BY split(city, '_') LIMIT 10");
    assertThat(response.exceptions()).isNotEmpty();
    assertThat(response.exceptions().get(0).message()).contains("split(city,'_')");
  }
}
