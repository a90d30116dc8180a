// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.differential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.pinot.common.response.BrokerResponse;
import io.pinot.query.differential.NullHandlingCases.Case;
import io.pinot.query.runtime.ServerQueryExecutorConfig;
import io.pinot.query.testing.H2Oracle;
import io.pinot.query.testing.ResultComparison;
import io.pinot.query.testing.TestCluster;
import io.pinot.query.testing.TestData;
import io.pinot.spi.data.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Differential test of advanced null handling (`SET enableNullHandling=true;`) against H2, which has true SQL
/// nulls: the [TestData] rows with about 15% nulls (fixed seed) in `country`, `city`, `age`, `price`, `quantity`,
/// `revenue`, `user_id`, `score` and `is_new`, in four real segments built with `enableColumnBasedNullHandling`
/// (so the nulls land in the null value vectors) and served by two in-JVM servers. Segment 2 has `revenue`
/// entirely null, segment 3 has no null `city`. The queries are the table in [NullHandlingCases]; each test runs
/// all of its queries and then fails with the list of every mismatch. A Java null in a result row is a SQL null;
/// it never equals the string `"null"` (the legacy default value of STRING dimensions).
class NullHandlingDifferentialTest {
  static final long DATA_SEED = 20_261_215L;
  static final int NULL_PERCENT = 15;
  static final String[] NULLABLE = {"country", "city", "age", "price", "quantity", "revenue", "user_id", "score",
      "is_new"};
  static final int ALL_NULL_REVENUE_SEGMENT = 2;
  static final int NON_NULL_CITY_SEGMENT = 3;
  /// Stands for a SQL null in compared rows, so that a null never matches the string "null".
  private static final String NULL = "<SQL NULL>";

  @TempDir
  static Path dir;

  private static TestCluster cluster;
  private static H2Oracle h2;
  private static String segment2;

  @BeforeAll
  static void setUp() throws Exception {
    List<List<Map<String, Object>>> segments = withNulls(TestData.segments(DATA_SEED, new int[]{350, 300, 300, 300}));
    Schema base = TestData.schema();
    Schema schema = new Schema(base.schemaName(), true, base.dimensionFieldSpecs(), base.metricFieldSpecs(),
        base.dateTimeFieldSpecs(), base.timeFieldSpec(), base.primaryKeyColumns());
    cluster = new TestCluster(dir, schema, TestData.tableConfig(), segments, 2, ServerQueryExecutorConfig.defaults());
    h2 = new H2Oracle("null_handling", segments);
    List<Map<String, Object>> allNull = segments.get(ALL_NULL_REVENUE_SEGMENT);
    segment2 = "ts BETWEEN " + allNull.getFirst().get("ts") + " AND " + allNull.getLast().get("ts");
  }

  @AfterAll
  static void tearDown() throws Exception {
    cluster.close();
    h2.close();
  }

  /// Copies of the rows with nulls: each nullable value is null with probability [#NULL_PERCENT]%, except that
  /// `revenue` is null in the whole segment [#ALL_NULL_REVENUE_SEGMENT] and `city` is never null in segment
  /// [#NON_NULL_CITY_SEGMENT].
  static List<List<Map<String, Object>>> withNulls(List<List<Map<String, Object>>> segments) {
    Random random = new Random(DATA_SEED + 1);
    List<List<Map<String, Object>>> result = new ArrayList<>();
    for (int s = 0; s < segments.size(); s++) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Map<String, Object> source : segments.get(s)) {
        Map<String, Object> row = new LinkedHashMap<>(source);
        for (String column : NULLABLE) {
          boolean isNull = random.nextInt(100) < NULL_PERCENT;
          if (column.equals("revenue") && s == ALL_NULL_REVENUE_SEGMENT) {
            isNull = true;
          } else if (column.equals("city") && s == NON_NULL_CITY_SEGMENT) {
            isNull = false;
          }
          if (isNull) {
            row.put(column, null);
          }
        }
        rows.add(row);
      }
      result.add(rows);
    }
    return result;
  }

  @Test
  void nullsReachTheSegments() throws Exception {
    for (String column : NULLABLE) {
      String sql = "SELECT COUNT(*) FROM events WHERE " + column + " IS NULL";
      List<Object[]> expected = h2.query(sql);
      assertThat(((Number) expected.getFirst()[0]).longValue()).as(sql).isPositive();
      assertThat(ResultComparison.difference(rows(sql), expected, false)).as(sql).isNull();
    }
  }

  @Test
  void advancedNullHandlingMatchesH2() {
    List<Case> cases = NullHandlingCases.advanced(segment2);
    assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
    assertAllMatch(cases);
  }

  @Test
  void legacyNullHandlingMatchesH2() {
    assertAllMatch(NullHandlingCases.legacy(segment2));
  }

  /// Runs every case, then fails once with all mismatches (engine errors included).
  /// Null skipping happens inside the aggregations: `numDocsScanned` stays the number of rows the filter matched.
  @Test
  void docsScannedCountsTheFilteredRowsNotTheNullSkippingPasses() throws Exception {
    String[] filters = {"", " WHERE price IS NULL", " WHERE country = 'US'", " WHERE age > 40 OR price IS NULL"};
    for (String filter : filters) {
      long matched = ((Number) h2.query("SELECT COUNT(*) FROM events" + filter).get(0)[0]).longValue();
      BrokerResponse plain = cluster.query("SET enableNullHandling=true; SELECT SUM(price), COUNT(age), "
          + "AVG(revenue) FROM events" + filter);
      assertThat(plain.exceptions()).isEmpty();
      assertThat(plain.numDocsScanned()).as(filter).isEqualTo(matched);
      BrokerResponse grouped = cluster.query("SET enableNullHandling=true; SELECT device, SUM(price), COUNT(age) "
          + "FROM events" + filter + " GROUP BY device LIMIT 100");
      assertThat(grouped.numDocsScanned()).as(filter).isEqualTo(matched);
    }
  }

  private static void assertAllMatch(List<Case> cases) {
    List<String> failures = new ArrayList<>();
    for (Case query : cases) {
      String problem;
      try {
        problem = difference(query);
      } catch (Exception | AssertionError e) {
        problem = "threw " + e;
      }
      if (problem != null) {
        failures.add(query + "\n    H2 SQL: " + query.h2Sql() + "\n    " + problem);
      }
    }
    if (!failures.isEmpty()) {
      fail(failures.size() + " of " + cases.size() + " queries differ from H2:\n" + String.join("\n", failures));
    }
  }

  private static String difference(Case query) throws Exception {
    BrokerResponse response = cluster.query(query.sql());
    if (!response.exceptions().isEmpty()) {
      return "engine error " + response.exceptions();
    }
    List<Object[]> actual = normalized(response.resultTable().rows());
    List<Object[]> expected = normalized(h2.query(query.h2Sql()));
    return ResultComparison.difference(actual, expected, query.ordered());
  }

  private static List<Object[]> rows(String sql) {
    BrokerResponse response = cluster.query(sql);
    assertThat(response.exceptions()).as("engine errors for " + sql).isEmpty();
    return response.resultTable().rows();
  }

  /// Nulls become [#NULL]; booleans become 1/0 (the engine may return either form), so that unordered
  /// comparisons sort both sides alike.
  private static List<Object[]> normalized(List<Object[]> rows) {
    List<Object[]> result = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      Object[] copy = new Object[row.length];
      for (int c = 0; c < row.length; c++) {
        Object value = row[c];
        copy[c] = value == null ? NULL : value instanceof Boolean b ? (b ? 1 : 0) : value;
      }
      result.add(copy);
    }
    return result;
  }
}
