// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.explain;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.response.BrokerResponse;
import io.pinot.query.runtime.ServerQueryExecutorConfig;
import io.pinot.query.testing.TestCluster;
import io.pinot.query.testing.TestData;
import io.pinot.spi.config.table.IndexingConfig;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.config.table.TableType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// EXPLAIN PLAN FOR over real segments on two in-JVM servers: Pinot's result shape (`Operator`, `Operator_Id`,
/// `Parent_Id`), one row per operator, and plans that name the index each predicate really uses — checked against
/// the statistics of running the same query where it matters.
///
/// Table: `ts` sorted, `country`/`device`/`age`/`tags` inverted, `score` with a range index, `city` without index;
/// 4 segments of 1000 rows covering increasing time ranges; segments 0 and 2 on server 0, 1 and 3 on server 1.
class ExplainPlanQueryTest {
  private static final int ROWS = 1000;

  @TempDir
  static Path dir;

  private static TestCluster cluster;
  private static List<List<Map<String, Object>>> segments;

  @BeforeAll
  static void setUp() {
    IndexingConfig indexing = new IndexingConfig(null, List.of("ts"), List.of("country", "device", "age", "tags"),
        List.of("score"), null, List.of("session", "price", "quantity", "big"), null, true, Map.of());
    TableConfig table = TableConfig.of(TestData.TABLE, TableType.OFFLINE, "ts", indexing);
    segments = TestData.segments(7, new int[]{ROWS, ROWS, ROWS, ROWS});
    cluster = new TestCluster(dir, table, segments, 2, ServerQueryExecutorConfig.defaults());
  }

  @AfterAll
  static void tearDown() throws Exception {
    cluster.close();
  }

  /// The rows as `operator|id|parent` lines.
  private static List<String> explain(String sql) {
    BrokerResponse response = cluster.query(sql);
    assertThat(response.exceptions()).as(sql).isEmpty();
    assertThat(response.resultTable().dataSchema().columnNames()).containsExactly("Operator", "Operator_Id",
        "Parent_Id");
    assertThat(response.resultTable().dataSchema().columnDataTypes()).containsExactly(ColumnDataType.STRING,
        ColumnDataType.INT, ColumnDataType.INT);
    List<String> lines = new ArrayList<>();
    for (Object[] row : response.resultTable().rows()) {
      lines.add(row[0] + "|" + row[1] + "|" + row[2]);
    }
    return lines;
  }

  private static long ts(int segment, int row) {
    return ((Number) segments.get(segment).get(row).get("ts")).longValue();
  }

  @Test
  void countStarIsAnsweredFromMetadata() {
    assertThat(explain("EXPLAIN PLAN FOR SELECT COUNT(*) FROM events")).containsExactly(
        "BROKER_REDUCE(limit:10)|1|0",
        "COMBINE_AGGREGATE|2|1",
        "PLAN_START(numSegmentsForThisPlan:4)|-1|-1",
        "AGGREGATE_NO_SCAN|3|2");
  }

  @Test
  void invertedIndexFilter() {
    assertThat(explain("EXPLAIN PLAN FOR SELECT SUM(price) FROM events WHERE country = 'DE'")).containsExactly(
        "BROKER_REDUCE(limit:10)|1|0",
        "COMBINE_AGGREGATE|2|1",
        "PLAN_START(numSegmentsForThisPlan:4)|-1|-1",
        "AGGREGATE(aggregations:sum(price))|3|2",
        "PROJECT(price)|4|3",
        "DOC_ID_SET|5|4",
        "FILTER_INVERTED_INDEX(indexLookUp:inverted_index,operator:EQ,predicate:country = 'DE')|6|5");
    // COUNT over an index-only filter counts the bitmap, reading no document.
    assertThat(explain("EXPLAIN PLAN FOR SELECT COUNT(*) FROM events WHERE country IN ('DE', 'JP')")).containsExactly(
        "BROKER_REDUCE(limit:10)|1|0",
        "COMBINE_AGGREGATE|2|1",
        "PLAN_START(numSegmentsForThisPlan:4)|-1|-1",
        "FAST_FILTERED_COUNT|3|2",
        "FILTER_INVERTED_INDEX(indexLookUp:inverted_index,operator:IN,predicate:country IN ('DE','JP'))|4|3");
    assertThat(cluster.query("SELECT SUM(price) FROM events WHERE country = 'DE'")
        .numEntriesScannedInFilter()).isZero();
  }

  @Test
  void sortedFilterWithPrunedAndFullyMatchingSegments() {
    long threshold = ts(1, ROWS / 2);
    String query = "EXPLAIN PLAN FOR SELECT SUM(price) FROM events WHERE ts >= " + threshold;
    String sorted = "FILTER_SORTED_INDEX(indexLookUp:sorted_index,operator:RANGE,predicate:ts >= '" + threshold
        + "')|6|5";
    // Segment 0 is pruned (max ts below), segment 1 uses the sorted index, segments 2 and 3 match entirely.
    assertThat(explain(query)).containsExactly(
        "BROKER_REDUCE(limit:10)|1|0",
        "COMBINE_AGGREGATE|2|1",
        "PLAN_START(numSegmentsForThisPlan:1)|-1|-1",
        "AGGREGATE(aggregations:sum(price))|3|2",
        "PROJECT(price)|4|3",
        "DOC_ID_SET|5|4",
        sorted);
    assertThat(explain("SET explainPlanVerbose=true; " + query)).containsExactly(
        "BROKER_REDUCE(limit:10)|1|0",
        "COMBINE_AGGREGATE|2|1",
        "PLAN_START(numSegmentsForThisPlan:2)|-1|-1",
        "AGGREGATE(aggregations:sum(price))|3|2",
        "PROJECT(price)|4|3",
        "DOC_ID_SET|5|4",
        "FILTER_MATCH_ENTIRE_SEGMENT(docs:" + ROWS + ")|6|5",
        "PLAN_START(numSegmentsForThisPlan:1)|-1|-1",
        "AGGREGATE(aggregations:sum(price))|3|2",
        "PROJECT(price)|4|3",
        "DOC_ID_SET|5|4",
        sorted);
    BrokerResponse response = cluster.query(query);
    assertThat(response.explainPlanNumMatchAllFilterSegments()).isEqualTo(2);
    assertThat(response.explainPlanNumEmptyFilterSegments()).isZero();
  }

  @Test
  void rangeIndexFilter() {
    assertThat(explain("EXPLAIN PLAN FOR SELECT MAX(price) FROM events WHERE score > 5")).containsExactly(
        "BROKER_REDUCE(limit:10)|1|0",
        "COMBINE_AGGREGATE|2|1",
        "PLAN_START(numSegmentsForThisPlan:4)|-1|-1",
        "AGGREGATE(aggregations:max(price))|3|2",
        "PROJECT(price)|4|3",
        "DOC_ID_SET|5|4",
        "FILTER_RANGE_INDEX(indexLookUp:range_index,operator:RANGE,predicate:score > '5')|6|5");
    assertThat(cluster.query("SELECT MAX(price) FROM events WHERE score > 5").numEntriesScannedInFilter())
        .isZero();
  }

  @Test
  void fullScanUnderAnd() {
    String query = "SELECT SUM(quantity) FROM events WHERE country = 'DE' AND city > 'city_100'";
    assertThat(explain("EXPLAIN PLAN FOR " + query)).containsExactly(
        "BROKER_REDUCE(limit:10)|1|0",
        "COMBINE_AGGREGATE|2|1",
        "PLAN_START(numSegmentsForThisPlan:4)|-1|-1",
        "AGGREGATE(aggregations:sum(quantity))|3|2",
        "PROJECT(quantity)|4|3",
        "DOC_ID_SET|5|4",
        "FILTER_AND|6|5",
        "FILTER_INVERTED_INDEX(indexLookUp:inverted_index,operator:EQ,predicate:country = 'DE')|7|6",
        "FILTER_FULL_SCAN(operator:RANGE,predicate:city > 'city_100')|8|6");
    assertThat(cluster.query(query).numEntriesScannedInFilter()).isPositive();
  }

  @Test
  void groupByWithOrderBy() {
    assertThat(explain("EXPLAIN PLAN FOR SELECT country, COUNT(*), SUM(price) FROM events GROUP BY country "
        + "ORDER BY COUNT(*) DESC LIMIT 5")).containsExactly(
        "BROKER_REDUCE(sort:[count(*) DESC],limit:5)|1|0",
        "COMBINE_GROUP_BY|2|1",
        "PLAN_START(numSegmentsForThisPlan:4)|-1|-1",
        "GROUP_BY(groupKeys:country, aggregations:count(*), sum(price))|3|2",
        "PROJECT(country, price)|4|3",
        "DOC_ID_SET|5|4",
        "FILTER_MATCH_ENTIRE_SEGMENT(docs:" + ROWS + ")|6|5");
  }

  @Test
  void selectionWithAndWithoutOrderBy() {
    assertThat(explain("EXPLAIN PLAN FOR SELECT city, price FROM events ORDER BY price DESC, city LIMIT 3"))
        .containsExactly(
            "BROKER_REDUCE(sort:[price DESC, city ASC],limit:3)|1|0",
            "COMBINE_SELECT_ORDERBY|2|1",
            "PLAN_START(numSegmentsForThisPlan:4)|-1|-1",
            "SELECT_ORDERBY(selectList:city, price)|3|2",
            "PROJECT(city, price)|4|3",
            "DOC_ID_SET|5|4",
            "FILTER_MATCH_ENTIRE_SEGMENT(docs:" + ROWS + ")|6|5");
    // Without ORDER BY one segment per server fills the LIMIT: the others are pruned and not in the plan.
    assertThat(explain("EXPLAIN PLAN FOR SELECT city FROM events LIMIT 5")).containsExactly(
        "BROKER_REDUCE(limit:5)|1|0",
        "COMBINE_SELECT|2|1",
        "PLAN_START(numSegmentsForThisPlan:2)|-1|-1",
        "SELECT(selectList:city)|3|2",
        "PROJECT(city)|4|3",
        "DOC_ID_SET|5|4",
        "FILTER_MATCH_ENTIRE_SEGMENT(docs:" + ROWS + ")|6|5");
  }

  @Test
  void distinctAndEmptyFilter() {
    assertThat(explain("EXPLAIN PLAN FOR SELECT DISTINCT device FROM events WHERE country = 'DD'"))
        .containsExactly(
            "BROKER_REDUCE(limit:10)|1|0",
            "COMBINE_DISTINCT|2|1",
            "PLAN_START(numSegmentsForThisPlan:4)|-1|-1",
            "DISTINCT(keyColumns:device)|3|2",
            "PROJECT(device)|4|3",
            "DOC_ID_SET|5|4",
            "FILTER_EMPTY|6|5");
    assertThat(cluster.query("EXPLAIN PLAN FOR SELECT DISTINCT device FROM events WHERE country = 'DD'")
        .explainPlanNumEmptyFilterSegments()).isEqualTo(4);
  }

  @Test
  void allSegmentsPruned() {
    assertThat(explain("EXPLAIN PLAN FOR SELECT city FROM events WHERE ts < 1000")).containsExactly(
        "BROKER_REDUCE(limit:10)|1|0",
        "PLAN_START(numSegmentsForThisPlan:4)|-1|-1",
        "ALL_SEGMENTS_PRUNED_ON_SERVER|2|1");
  }

  @Test
  void explainDoesNotRunTheQuery() {
    BrokerResponse response = cluster.query("EXPLAIN PLAN FOR SELECT SUM(price) FROM events WHERE city > 'city_1'");
    assertThat(response.numDocsScanned()).isZero();
    assertThat(response.numEntriesScannedPostFilter()).isZero();
    assertThat(response.totalDocs()).isEqualTo(4L * ROWS);
  }
}
