// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.startree;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.query.BrokerQueryCompiler;
import io.pinot.query.context.FilterNode;
import io.pinot.query.context.QueryContext;
import io.pinot.query.context.QueryDeadline;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.segment.spi.startree.AggregationFunctionColumnPair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/// Which star-tree answers which query, and how filters become per-dimension dictionary ids.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StarTreePlannerTest {
  private final BrokerQueryCompiler compiler = new BrokerQueryCompiler();
  private ExecutorService executor;
  private StarTreeTestTable table;

  @BeforeAll
  void build(@TempDir Path dir) throws IOException {
    executor = Executors.newFixedThreadPool(1);
    table = new StarTreeTestTable(dir, "\"starTreeIndexConfigs\": ["
        + "{\"dimensionsSplitOrder\": [\"country\", \"device\"], \"functionColumnPairs\": [\"SUM__clicks\"]}, "
        + "{\"dimensionsSplitOrder\": [\"year\", \"country\", \"device\"], \"functionColumnPairs\": "
        + "[\"MAX__revenue\", \"AVG__clicks\"]}]", StarTreeTestTable.rows(7, 1, 3000), executor);
  }

  @AfterAll
  void close() {
    table.close();
    executor.shutdownNow();
  }

  private StarTreePlan plan(String sql) {
    QueryContext query = compiler.compile(sql).resolve(StarTreeTestTable.SCHEMA).context();
    IndexSegment segment = table.segments().get(0);
    return StarTreePlanner.plan(query, segment, QueryDeadline.none());
  }

  private static List<String> dimensions(StarTreePlan plan) {
    return plan.starTree().metadata().dimensionsSplitOrder();
  }

  @Test
  void picksTheFirstTreeThatCoversTheQuery() {
    StarTreePlan first = plan("SELECT device, SUM(clicks) FROM sales WHERE country = 'c1' GROUP BY device");
    assertThat(dimensions(first)).containsExactly("country", "device");
    assertThat(first.metricColumns()).containsExactly("sum__clicks");
    assertThat(first.groupByDimensions()).containsExactly(1);
    // The first tree has no year and no max__revenue; AVG reads the second tree's sums; COUNT needs no pair.
    StarTreePlan second = plan("SELECT year, MAX(revenue), AVG(clicks), SUM(clicks), COUNT(*) FROM sales "
        + "GROUP BY year");
    assertThat(dimensions(second)).containsExactly("year", "country", "device");
    assertThat(second.metricColumns()).containsExactly("max__revenue", "avg__clicks", "avg__clicks", null);
  }

  @Test
  void declinesQueriesNoTreeCovers() {
    assertThat(plan("SELECT channel, SUM(clicks) FROM sales GROUP BY channel")).isNull();
    assertThat(plan("SELECT SUM(clicks) FROM sales WHERE channel = 'ch1'")).isNull();
    assertThat(plan("SELECT MIN(clicks) FROM sales WHERE country = 'c1'")).isNull();
    assertThat(plan("SELECT DISTINCTCOUNT(browser) FROM sales WHERE country = 'c1'")).isNull();
    assertThat(plan("SELECT SUM(clicks) FROM sales WHERE country = 'c1' OR device = 'tv'")).isNull();
    assertThat(plan("SELECT SUM(clicks) FROM sales WHERE clicks > 3")).isNull();
    assertThat(plan("SELECT country FROM sales WHERE country = 'c1' LIMIT 3")).isNull();
  }

  @Test
  void filtersBecomeDictionaryIdsPerDimension() {
    StarTreePlan plan = plan("SELECT SUM(clicks) FROM sales WHERE (country = 'c1' OR country IN ('c3', 'c2')) "
        + "AND NOT (device = 'tv') AND country <> 'c2' AND device LIKE '%e%'");
    IndexSegment segment = table.segments().get(0);
    var countries = segment.dataSource("country").dictionary();
    var devices = segment.dataSource("device").dictionary();
    assertThat(plan.predicateIds()[0]).containsExactly(countries.indexOf("c1"), countries.indexOf("c3"));
    // desktop, mobile, tablet contain an 'e'; tv does not and is excluded anyway.
    assertThat(plan.predicateIds()[1]).containsExactly(devices.indexOf("desktop"), devices.indexOf("mobile"),
        devices.indexOf("tablet"));
    assertThat(plan.predicateMask()).isEqualTo(0b11);
    assertThat(plan.empty()).isFalse();
  }

  @Test
  void literalsConvertAsInTheRegularPlan() {
    StarTreePlan plan = plan("SELECT MAX(revenue) FROM sales WHERE year > 2021.5 AND year <> '2024'");
    var years = table.segments().get(0).dataSource("year").dictionary();
    assertThat(plan.predicateIds()[0]).containsExactly(years.indexOf(2022), years.indexOf(2023));
  }

  @Test
  void predicatesMatchingEveryValueOrNoneNeedNoTraversal() {
    StarTreePlan all = plan("SELECT SUM(clicks) FROM sales WHERE country LIKE 'c%' GROUP BY device");
    assertThat(all.predicateMask()).isZero();
    assertThat(all.groupByMask()).isEqualTo(0b10);
    StarTreePlan none = plan("SELECT SUM(clicks) FROM sales WHERE country = 'nope'");
    assertThat(none.empty()).isTrue();
  }

  @Test
  void groupByDimensionsWithPredicatesAreTraversedByValue() {
    StarTreePlan plan = plan("SELECT country, device, SUM(clicks) FROM sales WHERE country = 'c2' "
        + "GROUP BY country, device");
    assertThat(plan.predicateMask()).isEqualTo(0b01);
    assertThat(plan.groupByMask()).isEqualTo(0b10);
  }

  @Test
  void splitsAndedFiltersByColumn() {
    QueryContext query = compiler.compile("SELECT COUNT(*) FROM sales WHERE country = 'a' AND (device = 'x' OR "
        + "device = 'y') AND NOT (country = 'b') AND (year > 1 AND year < 5)").context();
    Map<String, List<FilterNode>> parts = new LinkedHashMap<>();
    assertThat(StarTreePlanner.splitByColumn(query.filter(), parts)).isTrue();
    assertThat(parts.keySet()).containsExactlyInAnyOrder("country", "device", "year");
    assertThat(parts.get("country")).hasSize(2);
    assertThat(parts.get("year")).hasSize(2);
    QueryContext mixed = compiler.compile("SELECT COUNT(*) FROM sales WHERE country = 'a' AND "
        + "NOT (device = 'x' OR country = 'y')").context();
    assertThat(StarTreePlanner.splitByColumn(mixed.filter(), new LinkedHashMap<>())).isFalse();
  }

  @Test
  void optionParsing() {
    assertThat(StarTreeExecutor.enabled(Map.of())).isTrue();
    assertThat(StarTreeExecutor.enabled(Map.of("useStarTree", "true"))).isTrue();
    assertThat(StarTreeExecutor.enabled(Map.of("useStarTree", " FALSE "))).isFalse();
    assertThat(AggregationFunctionColumnPair.COUNT_STAR.toColumnName()).isEqualTo("count__*");
  }
}
