// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.response.BrokerResponse;
import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `IS NULL` / `IS NOT NULL` read the null value vector of columns with null handling enabled (here the schema's
/// `enableColumnBasedNullHandling`), in WHERE, in CASE and in SELECT; a column without a null vector has no nulls.
class NullPredicateQueryTest {
  private static final String SCHEMA = """
      {"schemaName": "readings", "enableColumnBasedNullHandling": true,
       "dimensionFieldSpecs": [{"name": "id", "dataType": "INT", "notNull": true},
         {"name": "city", "dataType": "STRING"}, {"name": "plain", "dataType": "STRING", "notNull": true}],
       "metricFieldSpecs": [{"name": "reading", "dataType": "DOUBLE"}]}""";
  private static final String TABLE = """
      {"tableName": "readings", "tableType": "OFFLINE", "segmentsConfig": {"replication": "1"},
       "tableIndexConfig": {"invertedIndexColumns": ["city"]}}""";

  @TempDir
  static Path dir;

  private static IndexTestCluster cluster;
  private static final List<Map<String, Object>> ROWS = new ArrayList<>();

  @BeforeAll
  static void setUp() throws Exception {
    List<List<Map<String, Object>>> segments = new ArrayList<>();
    int id = 0;
    for (int s = 0; s < 2; s++) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int i = 0; i < 700; i++, id++) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("city", id % 3 == 0 ? null : "c" + id % 5);
        row.put("plain", id % 7 == 0 ? null : "p");
        row.put("reading", id % 4 == 0 ? null : id * 0.5);
        rows.add(row);
        ROWS.add(row);
      }
      segments.add(rows);
    }
    cluster = new IndexTestCluster(dir, JsonUtils.fromJson(SCHEMA, Schema.class),
        JsonUtils.fromJson(TABLE, TableConfig.class), segments);
  }

  @AfterAll
  static void tearDown() throws Exception {
    cluster.close();
  }

  private static long count(String where) {
    BrokerResponse response = cluster.query("SELECT COUNT(*) FROM readings WHERE " + where);
    assertThat(response.exceptions()).as(where).isEmpty();
    return ((Number) response.resultTable().rows().get(0)[0]).longValue();
  }

  private static long expected(String column, boolean isNull) {
    return ROWS.stream().filter(row -> (row.get(column) == null) == isNull).count();
  }

  @Test
  void nullPredicatesUseTheNullVector() {
    assertThat(count("city IS NULL")).isEqualTo(expected("city", true)).isPositive();
    assertThat(count("city IS NOT NULL")).isEqualTo(expected("city", false));
    assertThat(count("reading IS NULL")).isEqualTo(expected("reading", true)).isPositive();
    assertThat(count("reading IS NULL AND city IS NULL")).isEqualTo(ROWS.stream()
        .filter(row -> row.get("reading") == null && row.get("city") == null).count());
    assertThat(count("NOT (reading IS NOT NULL) OR city = 'c1'")).isEqualTo(ROWS.stream()
        .filter(row -> row.get("reading") == null || "c1".equals(row.get("city"))).count());
  }

  @Test
  void notNullColumnsAndExpressionsHaveNoNulls() {
    assertThat(count("plain IS NULL")).isZero();
    assertThat(count("plain IS NOT NULL")).isEqualTo(ROWS.size());
    assertThat(count("UPPER(city) IS NULL")).isZero();
  }

  @Test
  void nullFlagsInSelectAndCase() {
    BrokerResponse response = cluster.query("SELECT SUM(CASE WHEN reading IS NULL THEN 1 ELSE 0 END), "
        + "COUNT(*) FROM readings");
    assertThat(response.exceptions()).isEmpty();
    assertThat(((Number) response.resultTable().rows().get(0)[0]).longValue()).isEqualTo(expected("reading", true));
    BrokerResponse flags = cluster.query("SELECT id, city IS NULL FROM readings ORDER BY id LIMIT 4");
    assertThat(flags.resultTable().rows()).extracting(row -> row[1]).containsExactly(true, false, false, true);
  }
}
