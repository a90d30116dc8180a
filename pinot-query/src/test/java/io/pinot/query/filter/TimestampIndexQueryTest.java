// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.common.datatable.DataTable;
import io.pinot.common.response.BrokerResponse;
import io.pinot.common.utils.JsonUtils;
import io.pinot.query.BrokerQueryCompiler;
import io.pinot.query.CompiledQuery;
import io.pinot.query.reduce.BrokerReducer;
import io.pinot.query.runtime.ServerQueryExecutor;
import io.pinot.query.runtime.ServerQueryExecutorConfig;
import io.pinot.query.runtime.ServerQueryRequest;
import io.pinot.query.testing.ResultComparison;
import io.pinot.segment.index.timestamp.TimestampGranularity;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import io.pinot.spi.exception.QueryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/// `DATETRUNC(unit, ts)` with and without a timestamp index, and over a mix of segments with and without its derived
/// columns (segments built before the index was configured): filters read the derived `$ts$DAY` column's dictionary
/// and range index (no entry scanned) where it exists, and every query returns the same rows everywhere, equal to
/// an independent computation.
class TimestampIndexQueryTest {
  private static final long DAY = 86_400_000L;
  private static final long START = 1_704_067_200_000L;
  private static final String SCHEMA = """
      {"schemaName": "ev", "dimensionFieldSpecs": [{"name": "country", "dataType": "STRING"}],
       "metricFieldSpecs": [{"name": "amount", "dataType": "INT"}],
       "dateTimeFieldSpecs": [
         {"name": "ts", "dataType": "TIMESTAMP", "format": "TIMESTAMP", "granularity": "1:MILLISECONDS"},
         {"name": "epoch", "dataType": "LONG", "format": "1:MILLISECONDS:EPOCH", "granularity": "1:MILLISECONDS"}]}""";
  private static final String INDEXED = """
      {"tableName": "ev", "tableType": "OFFLINE", "tableIndexConfig": {"noDictionaryColumns": ["epoch"]},
       "fieldConfigList": [
         {"name": "ts", "indexes": {"timestamp": {"granularities": ["DAY", "WEEK", "MONTH"]}}},
         {"name": "epoch", "indexTypes": ["TIMESTAMP"], "timestampConfig": {"granularities": ["HOUR"]}}]}""";
  private static final String PLAIN = """
      {"tableName": "ev", "tableType": "OFFLINE", "tableIndexConfig": {"noDictionaryColumns": ["epoch"]}}""";

  @TempDir
  static Path dir;

  private static Schema schema;
  private static IndexTestCluster indexed;
  private static IndexTestCluster plain;
  private static final List<long[]> ROWS = new ArrayList<>();
  private static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(2);

  @BeforeAll
  static void setUp() throws Exception {
    Random random = new Random(13);
    List<List<Map<String, Object>>> segments = new ArrayList<>();
    for (int s = 0; s < 4; s++) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int i = 0; i < 2500; i++) {
        long ts = START + random.nextLong(120 * DAY);
        long epoch = START + random.nextLong(3 * DAY);
        int amount = random.nextInt(100);
        ROWS.add(new long[] {ts, epoch, amount});
        Map<String, Object> row = new HashMap<>();
        row.put("country", "c" + random.nextInt(4));
        row.put("ts", ts);
        row.put("epoch", epoch);
        row.put("amount", amount);
        rows.add(row);
      }
      segments.add(rows);
    }
    schema = JsonUtils.fromJson(SCHEMA, Schema.class);
    indexed = new IndexTestCluster(dir.resolve("indexed"), schema, JsonUtils.fromJson(INDEXED, TableConfig.class),
        segments);
    plain = new IndexTestCluster(dir.resolve("plain"), schema, JsonUtils.fromJson(PLAIN, TableConfig.class),
        segments);
  }

  @AfterAll
  static void tearDown() throws Exception {
    indexed.close();
    plain.close();
    EXECUTOR.shutdownNow();
    EXECUTOR.awaitTermination(10, TimeUnit.SECONDS);
  }

  /// The query over the first two indexed segments and the last two plain ones.
  private static BrokerResponse mixed(String sql) {
    List<IndexSegment> segments = new ArrayList<>(indexed.segments().subList(0, 2));
    segments.addAll(plain.segments().subList(2, 4));
    CompiledQuery compiled = new BrokerQueryCompiler().compile(sql).resolve(schema);
    ServerQueryRequest request = ServerQueryRequest.builder(sql, "ev").requestId(1).brokerId("Broker_test_8099")
        .segmentNames(segments.stream().map(IndexSegment::segmentName).toList()).timeoutMs(60_000).schema(schema)
        .build();
    ServerQueryExecutor server = new ServerQueryExecutor(EXECUTOR, ServerQueryExecutorConfig.defaults());
    DataTable response = DataTable.fromBytes(server.execute(request, segments).toBytes());
    return new BrokerReducer().reduce(compiled, List.of(response)).toBrokerResponse().build();
  }

  private static void assertSameEverywhere(String sql, boolean ordered) {
    BrokerResponse withIndex = indexed.query(sql);
    BrokerResponse withoutIndex = plain.query(sql);
    BrokerResponse mixedSegments = mixed(sql);
    assertThat(withIndex.exceptions()).as(sql).isEmpty();
    assertThat(withoutIndex.exceptions()).as(sql).isEmpty();
    assertThat(mixedSegments.exceptions()).as(sql).isEmpty();
    assertThat(ResultComparison.difference(withIndex.resultTable().rows(), withoutIndex.resultTable().rows(),
        ordered)).as(sql).isNull();
    assertThat(ResultComparison.difference(mixedSegments.resultTable().rows(), withoutIndex.resultTable().rows(),
        ordered)).as(sql).isNull();
    assertThat(withIndex.resultTable().dataSchema()).isEqualTo(withoutIndex.resultTable().dataSchema());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "DATETRUNC('DAY', ts) = 1704326400000", "DATETRUNC('day', ts) = 1704326400000",
      "dateTrunc('DAY', ts, 'MILLISECONDS') = 1704326400000", "DATETRUNC('DAY', ts) = 1704326400001",
      "DATETRUNC('DAY', ts) BETWEEN 1704326400000 AND 1705017600000", "DATETRUNC('DAY', ts) > 1709000000000",
      "DATETRUNC('WEEK', ts) IN (1704067200000, 1705276800000)", "DATETRUNC('MONTH', ts) = 1706745600000",
      "DATETRUNC('MONTH', ts) >= 1709251200000 AND country = 'c1'", "DATETRUNC('HOUR', epoch) = 1704070800000",
      "DATETRUNC('HOUR', epoch) < 1704100000000 OR DATETRUNC('DAY', ts) = 1704326400000",
      "NOT DATETRUNC('WEEK', ts) = 1704067200000"})
  void filtersUseTheDerivedColumnsAndMatchTheComputation(String filter) {
    String sql = "SELECT COUNT(*), SUM(amount) FROM ev WHERE " + filter;
    assertSameEverywhere(sql, true);
    long withIndex = indexed.query(sql).numEntriesScannedInFilter();
    long computed = plain.query(sql).numEntriesScannedInFilter();
    if (filter.contains("1704326400001")) {
      // Not the start of a day: no dictionary value matches, with or without the index.
      assertThat(withIndex).isZero();
      assertThat(computed).isZero();
    } else if (filter.contains("country")) {
      // The country column is scanned, over fewer documents with the index.
      assertThat(withIndex).as("with the timestamp index").isLessThan(computed);
    } else {
      assertThat(withIndex).as("with the timestamp index").isZero();
      assertThat(computed).as("computed without the index").isPositive();
    }
  }

  @Test
  void equalityMatchesAnIndependentCount() {
    long day = START + 3 * DAY;
    long expected = ROWS.stream().filter(row -> row[0] >= day && row[0] < day + DAY).count();
    BrokerResponse response = indexed.query("SELECT COUNT(*) FROM ev WHERE DATETRUNC('DAY', ts) = " + day);
    assertThat(((Number) response.resultTable().rows().get(0)[0]).longValue()).isEqualTo(expected).isPositive();
  }

  @Test
  void groupByAndSelectionReadTheSameValues() {
    String groupBy = "SELECT DATETRUNC('WEEK', ts), COUNT(*), SUM(amount) FROM ev GROUP BY DATETRUNC('WEEK', ts) "
        + "ORDER BY DATETRUNC('WEEK', ts) LIMIT 1000";
    assertSameEverywhere(groupBy, true);
    BrokerResponse response = indexed.query(groupBy);
    assertThat(response.resultTable().dataSchema().columnNames()).containsExactly("datetrunc('WEEK',ts)",
        "count(*)", "sum(amount)");
    Map<Long, Long> expected = new TreeMap<>();
    for (long[] row : ROWS) {
      expected.merge(TimestampGranularity.WEEK.truncate(row[0]), 1L, Long::sum);
    }
    assertThat(response.resultTable().rows()).hasSize(expected.size());
    int i = 0;
    for (Map.Entry<Long, Long> entry : expected.entrySet()) {
      Object[] row = response.resultTable().rows().get(i++);
      assertThat(((Number) row[0]).longValue()).isEqualTo(entry.getKey());
      assertThat(((Number) row[1]).longValue()).isEqualTo(entry.getValue());
    }
    assertSameEverywhere("SELECT country, DATETRUNC('DAY', ts) AS d, COUNT(*) FROM ev WHERE "
        + "DATETRUNC('MONTH', ts) = 1706745600000 GROUP BY country, DATETRUNC('DAY', ts) ORDER BY COUNT(*) DESC, d, "
        + "country LIMIT 20", true);
    assertSameEverywhere("SELECT ts, DATETRUNC('MONTH', ts), DATETRUNC('HOUR', epoch) FROM ev "
        + "WHERE DATETRUNC('DAY', ts) = 1704326400000 ORDER BY ts LIMIT 500", true);
    assertSameEverywhere("SELECT DATETRUNC('YEAR', ts), COUNT(*) FROM ev GROUP BY DATETRUNC('YEAR', ts) "
        + "LIMIT 10", false);
    assertSameEverywhere("SELECT DISTINCT DATETRUNC('MONTH', ts) FROM ev ORDER BY DATETRUNC('MONTH', ts) LIMIT 10",
        true);
  }

  @Test
  void invalidCallsFail() {
    assertThatThrownBy(() -> indexed.query("SELECT COUNT(*) FROM ev WHERE DATETRUNC('DAY', country) = 1"))
        .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.errorCode().id()).isEqualTo(700));
    // Without an index for the unit the call runs as a transform, which rejects the unit while executing.
    BrokerResponse decade = indexed.query("SELECT COUNT(*) FROM ev WHERE DATETRUNC('DECADE', ts) = 1");
    assertThat(decade.exceptions()).hasSize(1);
    assertThat(decade.exceptions().get(0).errorCode()).isEqualTo(200);
    assertThat(decade.exceptions().get(0).message()).containsIgnoringCase("decade");
  }
}
