// SPDX-License-Identifier: Apache-2.0
package io.pinot.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.response.BrokerResponse;
import io.pinot.common.response.ResultTable;
import io.pinot.common.utils.JsonUtils;
import io.pinot.query.runtime.ServerQueryExecutorConfig;
import io.pinot.query.runtime.ServerQueryRequest;
import io.pinot.query.testing.TestCluster;
import io.pinot.query.testing.TestData;
import io.pinot.segment.spi.IndexSegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Hand-checked behaviour on real segments: result names and types, multi-value values, Pinot's defaults
/// (LIMIT 10, empty aggregations, OFFSET for ordered selections and groups), statistics and pruning.
class QueryFeaturesTest {
  @TempDir
  static Path dir;

  private static List<List<Map<String, Object>>> segments;
  private static List<Map<String, Object>> allRows;
  private static TestCluster cluster;

  @BeforeAll
  static void setUp() {
    segments = TestData.segments(7L, new int[]{1000, 800, 200});
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
    ResultTable aggregation = table("SELECT COUNT(*), COUNT(age), SUM(age), MIN(price), MAX(ts), AVG(quantity), "
        + "DISTINCTCOUNT(user_id), COUNT(DISTINCT city), SUM(price) AS total FROM events");
    assertThat(aggregation.dataSchema().columnNames()).containsExactly("count(*)", "count(*)", "sum(age)",
        "min(price)", "max(ts)", "avg(quantity)", "distinctcount(user_id)", "distinctcount(city)", "total");
    assertThat(aggregation.dataSchema().columnDataTypes()).containsExactly(ColumnDataType.LONG, ColumnDataType.LONG,
        ColumnDataType.DOUBLE, ColumnDataType.DOUBLE, ColumnDataType.DOUBLE, ColumnDataType.DOUBLE,
        ColumnDataType.INT, ColumnDataType.INT, ColumnDataType.DOUBLE);
    assertThat(aggregation.rows().get(0)[0]).isEqualTo(2000L);

    ResultTable groupBy = table("SELECT is_new, Score AS s, COUNT(*) FROM events GROUP BY is_new, Score "
        + "ORDER BY 3 DESC, 1, 2 LIMIT 3");
    assertThat(groupBy.dataSchema().columnNames()).containsExactly("is_new", "s", "count(*)");
    assertThat(groupBy.dataSchema().columnDataTypes()).containsExactly(ColumnDataType.BOOLEAN, ColumnDataType.FLOAT,
        ColumnDataType.LONG);
    assertThat(groupBy.rows().get(0)[0]).isInstanceOf(Boolean.class);

    ResultTable star = table("SELECT * FROM events ORDER BY ts LIMIT 1");
    assertThat(star.dataSchema().columnNames()).containsExactly("age", "big", "city", "codes", "country", "device",
        "is_new", "price", "quantity", "revenue", "score", "session", "tags", "ts", "user_id");
    assertThat(star.dataSchema().columnDataTypes()).containsExactly(ColumnDataType.INT, ColumnDataType.LONG,
        ColumnDataType.STRING, ColumnDataType.INT_ARRAY, ColumnDataType.STRING, ColumnDataType.STRING,
        ColumnDataType.BOOLEAN, ColumnDataType.DOUBLE, ColumnDataType.INT, ColumnDataType.DOUBLE,
        ColumnDataType.FLOAT, ColumnDataType.STRING, ColumnDataType.STRING_ARRAY, ColumnDataType.LONG,
        ColumnDataType.LONG);
  }

  @Test
  void multiValueColumnsSelectAsArrays() {
    ResultTable result = table("SELECT tags, codes, ts FROM events ORDER BY ts LIMIT 5");
    List<Map<String, Object>> expected = new ArrayList<>(allRows);
    expected.sort(Comparator.comparingLong(row -> (Long) row.get("ts")));
    for (int i = 0; i < 5; i++) {
      Object[] row = result.rows().get(i);
      Object[] tags = (Object[]) expected.get(i).get("tags");
      Object[] codes = (Object[]) expected.get(i).get("codes");
      assertThat(new HashSet<>(List.of((String[]) row[0]))).isEqualTo(new HashSet<>(List.of(tags)));
      assertThat((int[]) row[1]).hasSize(codes.length);
      assertThat(row[2]).isEqualTo(expected.get(i).get("ts"));
    }
    JsonNode json = JsonUtils.toJsonNode(cluster.query("SELECT tags FROM events ORDER BY ts LIMIT 1"));
    assertThat(json.at("/resultTable/rows/0/0").isArray()).isTrue();
  }

  @Test
  void emptyAggregationUsesPinotDefaults() {
    BrokerResponse response = cluster.query("SELECT COUNT(*), SUM(price), MIN(price), MAX(price), AVG(price), "
        + "DISTINCTCOUNT(city) FROM events WHERE country = 'nowhere'");
    assertThat(response.resultTable().rows().get(0)).containsExactly(0L, 0.0, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, 0);
    assertThat(response.numDocsScanned()).isZero();
    assertThat(JsonUtils.toJson(response)).contains("\"rows\":[[0,0.0,\"Infinity\",\"-Infinity\",\"-Infinity\",0]]");
  }

  @Test
  void defaultLimitIsTenForSelectionAndGroupBy() {
    assertThat(table("SELECT ts FROM events").rows()).hasSize(10);
    assertThat(table("SELECT city, COUNT(*) FROM events GROUP BY city").rows()).hasSize(10);
    assertThat(table("SELECT ts FROM events WHERE country = 'US' LIMIT 3").rows()).hasSize(3);
    assertThat(table("SELECT ts FROM events LIMIT 0").rows()).isEmpty();
    assertThat(table("SELECT ts FROM events LIMIT 0").dataSchema().columnDataTypes())
        .containsExactly(ColumnDataType.LONG);
  }

  @Test
  void unorderedSelectionReturnsMatchingRows() {
    ResultTable result = table("SELECT ts, country FROM events WHERE country = 'CA' LIMIT 25");
    Set<Long> caTimestamps = new HashSet<>();
    for (Map<String, Object> row : allRows) {
      if (row.get("country").equals("CA")) {
        caTimestamps.add((Long) row.get("ts"));
      }
    }
    assertThat(result.rows()).hasSize(Math.min(25, caTimestamps.size()));
    for (Object[] row : result.rows()) {
      assertThat(caTimestamps).contains((Long) row[0]);
      assertThat(row[1]).isEqualTo("CA");
    }
  }

  @Test
  void offsetPagesOrderedSelectionsAndGroups() {
    List<Object[]> page = table("SELECT ts FROM events ORDER BY ts LIMIT 5 OFFSET 10").rows();
    List<Object[]> all = table("SELECT ts FROM events ORDER BY ts LIMIT 15").rows();
    assertThat(page.get(0)[0]).isEqualTo(all.get(10)[0]);
    // Pinot's single-stage engine ignores OFFSET for GROUP BY; we page ordered groups as SQL says.
    List<Object[]> groups = table("SELECT device, COUNT(*) FROM events GROUP BY device ORDER BY device LIMIT 2 "
        + "OFFSET 1").rows();
    List<Object[]> allGroups = table("SELECT device, COUNT(*) FROM events GROUP BY device ORDER BY device LIMIT 3")
        .rows();
    assertThat(groups).hasSize(2);
    assertThat(groups.get(0)[0]).isEqualTo(allGroups.get(1)[0]);
    assertThat(groups.get(1)[0]).isEqualTo(allGroups.get(2)[0]);
  }

  @Test
  void statisticsFollowPinot() {
    BrokerResponse count = cluster.query("SELECT COUNT(*) FROM events");
    assertThat(count.numDocsScanned()).isEqualTo(2000);
    assertThat(count.totalDocs()).isEqualTo(2000);
    assertThat(count.numEntriesScannedPostFilter()).isZero();
    assertThat(count.numSegmentsQueried()).isEqualTo(3);
    assertThat(count.numSegmentsMatched()).isEqualTo(3);

    BrokerResponse indexed = cluster.query("SELECT COUNT(*) FROM events WHERE country = 'US'");
    assertThat(indexed.numEntriesScannedInFilter()).isZero();
    assertThat(indexed.numEntriesScannedPostFilter()).isZero();
    long us = allRows.stream().filter(row -> row.get("country").equals("US")).count();
    assertThat(indexed.numDocsScanned()).isEqualTo(us);

    BrokerResponse scanned = cluster.query("SELECT SUM(price) FROM events WHERE city = 'city_001'");
    assertThat(scanned.numEntriesScannedInFilter()).isEqualTo(2000);
    long matching = allRows.stream().filter(row -> row.get("city").equals("city_001")).count();
    assertThat(scanned.numDocsScanned()).isEqualTo(matching);
    assertThat(scanned.numEntriesScannedPostFilter()).isEqualTo(matching);

    BrokerResponse grouped = cluster.query("SELECT country, SUM(price) FROM events GROUP BY country");
    assertThat(grouped.numEntriesScannedPostFilter()).isEqualTo(4000);
  }

  @Test
  void segmentsOutsideAFilterRangeArePrunedByValue() {
    long firstSegmentEnd = (Long) segments.get(0).get(999).get("ts");
    BrokerResponse response = cluster.query("SELECT COUNT(*) FROM events WHERE ts <= " + firstSegmentEnd);
    assertThat(response.resultTable().rows().get(0)[0]).isEqualTo(1000L);
    assertThat(response.numSegmentsPrunedByValue()).isEqualTo(2);
    assertThat(response.numSegmentsPrunedByServer()).isEqualTo(2);
    assertThat(response.numSegmentsProcessed()).isEqualTo(1);
    assertThat(response.totalDocs()).isEqualTo(2000);

    BrokerResponse limited = cluster.query("SELECT ts FROM events LIMIT 5");
    assertThat(limited.numSegmentsPrunedByLimit()).isEqualTo(1);
  }

  @Test
  void numGroupsLimitIsEnforcedPerSegment() throws Exception {
    try (TestCluster small = new TestCluster(dir.resolve("limited"), segments, 1,
        ServerQueryExecutorConfig.defaults().withNumGroupsLimit(50))) {
      BrokerResponse response = small.query("SELECT city, COUNT(*) FROM events GROUP BY city ORDER BY city LIMIT 500");
      assertThat(response.numGroupsLimitReached()).isTrue();
      assertThat(response.partialResult()).isTrue();
      assertThat(response.resultTable().rows().size()).isLessThanOrEqualTo(150);
    }
    BrokerResponse option = cluster.query("SELECT city, COUNT(*) FROM events GROUP BY city OPTION(numGroupsLimit=5)");
    assertThat(option.numGroupsLimitReached()).isTrue();
    assertThat(cluster.query("SELECT city, COUNT(*) FROM events GROUP BY city").numGroupsLimitReached()).isFalse();
  }

  @Test
  void serverReportsMissingSegmentsAndExpiredDeadlines() {
    List<IndexSegment> segmentsOfServer = cluster.segments(0);
    ServerQueryRequest missing = ServerQueryRequest.builder("SELECT COUNT(*) FROM events", "events_OFFLINE")
        .missingSegments(List.of("events_9")).schema(TestData.schema()).build();
    DataTable table = cluster.server().execute(missing, segmentsOfServer);
    assertThat(table.exceptions()).containsKey(235);
    assertThat(table.numRows()).isEqualTo(1);

    ServerQueryRequest late = ServerQueryRequest.builder("SELECT COUNT(*) FROM events", "events_OFFLINE")
        .timeoutMs(1).receivedAtNanos(System.nanoTime() - 5_000_000_000L).build();
    DataTable timedOut = cluster.server().execute(late, segmentsOfServer);
    assertThat(timedOut.exceptions()).containsKey(250);
    assertThat(timedOut.dataSchema()).isNull();
  }

  @Test
  void serverResolvesColumnsFromSegmentsWithoutASchema() {
    ServerQueryRequest request = ServerQueryRequest.builder("SELECT COUNTRY, count(*) FROM events_OFFLINE "
        + "WHERE Device = 'tv' GROUP BY COUNTRY ORDER BY COUNTRY LIMIT 1", "events_OFFLINE").build();
    DataTable table = cluster.server().execute(request, cluster.segments(0));
    assertThat(table.exceptions()).isEmpty();
    assertThat(table.dataSchema().columnNames()).containsExactly("country", "count(*)");
    assertThat(table.metadata()).containsKeys("numDocsScanned", "numSegmentsQueried", "timeUsedMs", "requestId");
  }

  @Test
  void serverTurnsQueryErrorsIntoExceptions() {
    Map<String, Integer> expected = Map.of("SELECT a FROMM events", 150, "SELECT nosuch FROM events", 710,
        "SELECT SUM(country) FROM events", 700, "SELECT *, country FROM events", 720);
    for (Map.Entry<String, Integer> entry : expected.entrySet()) {
      ServerQueryRequest request = ServerQueryRequest.builder(entry.getKey(), "events_OFFLINE")
          .schema(TestData.schema()).build();
      DataTable table = DataTable.fromBytes(cluster.server().execute(request, cluster.segments(0)).toBytes());
      assertThat(table.exceptions()).as(entry.getKey()).containsOnlyKeys(entry.getValue());
    }
  }

  @Test
  void brokerErrorsCarryPinotCodesAndMessages() {
    BrokerResponse parse = cluster.query("SELECT * FROMM events");
    assertThat(parse.exceptions().get(0).errorCode()).isEqualTo(150);
    assertThat(parse.exceptions().get(0).message()).startsWith("SQLParsingError: Encountered");
    assertThat(parse.resultTable()).isNull();
    BrokerResponse unknown = cluster.query("SELECT nosuch FROM events");
    assertThat(unknown.exceptions().get(0).message())
        .isEqualTo("UnknownColumnError: Unknown columnName 'nosuch' found in the query for table 'events'");
    assertThat(cluster.query("SELECT SUM(tags) FROM events").exceptions().get(0).errorCode()).isEqualTo(700);
    assertThat(cluster.query("SELECT lowercase(city) FROM events").exceptions().get(0).message())
        .isEqualTo("QueryValidationError: Unsupported function: lowercase in expression[lowercase(city)]");
    assertThat(cluster.query("SELECT Country, COUNT(*) FROM events GROUP BY COUNTRY").exceptions().get(0)
        .errorCode()).isEqualTo(150);
  }
}
