// SPDX-License-Identifier: Apache-2.0
package io.pinot.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pinot.common.datatable.DataTable;
import io.pinot.query.context.FilterNode;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.Predicate;
import io.pinot.query.context.QueryContext;
import io.pinot.query.reduce.BrokerReducer;
import io.pinot.query.runtime.ServerQueryRequest;
import io.pinot.query.testing.TestCluster;
import io.pinot.query.testing.TestData;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.spi.config.table.TableType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The hybrid-table rewrite: the broker's time boundary options make a server read only its half's side of the
/// boundary, and the two halves' answers reduce to the answer over the whole table.
class TimeBoundaryFilterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Identifier TS = new Identifier("ts");

  @TempDir
  static Path dir;

  private static TestCluster cluster;
  private final BrokerQueryCompiler compiler = new BrokerQueryCompiler();

  @BeforeAll
  static void setUp() {
    cluster = new TestCluster(dir, TestData.segments(5, new int[]{500, 500, 500}), 1,
        io.pinot.query.runtime.ServerQueryExecutorConfig.defaults());
  }

  @AfterAll
  static void tearDown() throws Exception {
    cluster.close();
  }

  @Test
  void eachHalfGetsItsComparisonAndedOntoTheWhereClause() {
    TimeBoundaryFilter boundary = new TimeBoundaryFilter("ts", "1700");
    assertThat(boundary.predicate(TableType.OFFLINE)).isEqualTo(new Predicate.Range(TS, null, false, "1700", true));
    assertThat(boundary.predicate(TableType.REALTIME)).isEqualTo(new Predicate.Range(TS, "1700", false, null, false));
    assertThat(boundary.and(null, TableType.OFFLINE)).isEqualTo(boundary.predicate(TableType.OFFLINE));
    Predicate city = new Predicate.Eq(new Identifier("city"), "x");
    Predicate country = new Predicate.Eq(new Identifier("country"), "y");
    assertThat(boundary.and(new FilterNode.And(List.of(city, country)), TableType.REALTIME))
        .isEqualTo(new FilterNode.And(List.of(city, country, boundary.predicate(TableType.REALTIME))));
    FilterNode or = new FilterNode.Or(List.of(city, country));
    assertThat(boundary.and(or, TableType.OFFLINE))
        .isEqualTo(new FilterNode.And(List.of(or, boundary.predicate(TableType.OFFLINE))));
  }

  @Test
  void optionsCarryTheBoundaryAndUsersCannotSmuggleOne() {
    TimeBoundaryFilter boundary = new TimeBoundaryFilter("ts", "1700");
    Map<String, String> options = boundary.addTo(Map.of("timeoutMs", "5", TimeBoundaryFilter.VALUE_OPTION, "9"));
    assertThat(options).containsEntry("timeoutMs", "5").containsEntry("timeBoundaryColumn", "ts")
        .containsEntry("timeBoundaryValue", "1700");
    assertThat(TimeBoundaryFilter.fromOptions(options)).isEqualTo(boundary);
    assertThat(TimeBoundaryFilter.strip(options)).containsOnlyKeys("timeoutMs");
    assertThat(TimeBoundaryFilter.fromOptions(Map.of(TimeBoundaryFilter.VALUE_OPTION, "1"))).isNull();
    QueryContext query = compiler.compile("SELECT COUNT(*) FROM events WHERE city = 'x'").context();
    assertThat(TimeBoundaryFilter.apply(query, Map.of(), "events_OFFLINE")).isSameAs(query);
    assertThat(TimeBoundaryFilter.apply(query, options, "events")).isSameAs(query);
    assertThat(TimeBoundaryFilter.apply(query, options, "events_REALTIME").filter())
        .isEqualTo(boundary.and(query.filter(), TableType.REALTIME));
  }

  @Test
  void theTwoHalvesReduceToTheWholeTable() {
    List<IndexSegment> segments = cluster.segments(0);
    long middle = TestData.segments(5, new int[]{500, 500, 500}).get(1).stream()
        .mapToLong(row -> ((Number) row.get("ts")).longValue()).min().orElseThrow() + 1;
    TimeBoundaryFilter boundary = new TimeBoundaryFilter("ts", Long.toString(middle));
    for (String sql : List.of("SELECT COUNT(*), SUM(quantity), MAX(ts), MIN(ts) FROM events",
        "SELECT country, COUNT(*) FROM events WHERE device <> 'tv' GROUP BY country ORDER BY country LIMIT 100",
        "SELECT user_id, ts FROM events ORDER BY ts DESC, user_id LIMIT 7",
        "SELECT DISTINCT device FROM events ORDER BY device")) {
      CompiledQuery query = compiler.compile(sql).resolve(TestData.schema());
      List<DataTable> halves = new ArrayList<>();
      for (String table : List.of("events_OFFLINE", "events_REALTIME")) {
        ServerQueryRequest request = ServerQueryRequest.builder(sql, table).schema(TestData.schema())
            .queryOptions(boundary.addTo(query.queryOptions())).build();
        halves.add(DataTable.fromBytes(cluster.server().execute(request, segments).toBytes()));
      }
      JsonNode merged = JSON.valueToTree(new BrokerReducer().reduce(query, halves).toBrokerResponse().build()
          .resultTable());
      JsonNode whole = JSON.valueToTree(cluster.query(sql).resultTable());
      assertThat(merged).as(sql).isEqualTo(whole);
      assertThat(merged.get("rows").size()).as(sql).isPositive();
    }
    // The OFFLINE half alone sees only rows up to the boundary.
    String sql = "SELECT COUNT(*) FROM events";
    DataTable offline = cluster.server().execute(ServerQueryRequest.builder(sql, "events_OFFLINE")
        .schema(TestData.schema()).queryOptions(boundary.addTo(Map.of())).build(), segments);
    JsonNode count = JSON.valueToTree(new BrokerReducer().reduce(compiler.compile(sql).resolve(TestData.schema()),
        List.of(DataTable.fromBytes(offline.toBytes()))).toBrokerResponse().build().resultTable());
    assertThat(count.at("/rows/0/0").asLong()).isEqualTo(501);
  }
}
