// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.startree;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.response.ResultTable;
import io.pinot.query.reduce.ReducedResult;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.segment.spi.startree.StarTree;
import io.pinot.spi.data.readers.GenericRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The star-tree acceptance: on 200,000 rows (two segments) with four low-cardinality dimensions, a battery of
/// aggregation and group-by queries with filters gives exactly the same results with the star-tree, with
/// `useStarTree=false` on the same segments, and on a table without star-tree; the queries the star-tree answers
/// scan at least 10x fewer documents (`numDocsScanned` counts pre-aggregated documents). Queries it cannot answer
/// run the regular plan (same `numDocsScanned` as without it). Two more trees (leaves of one document with a
/// skipped star dimension and another split order; leaves of every size) must give the same results.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StarTreeQueryTest {
  private static final Logger LOGGER = LoggerFactory.getLogger(StarTreeQueryTest.class);
  private static final int ROWS_PER_SEGMENT = 100_000;
  private static final String PAIRS = "\"functionColumnPairs\": [\"COUNT__*\", \"SUM__clicks\", \"MIN__clicks\", "
      + "\"MAX__clicks\", \"SUM__impressions\", \"AVG__revenue\", \"MAX__revenue\", \"MIN__revenue\", "
      + "\"DISTINCTCOUNTBITMAP__browser\"]";

  /// Queries the star-tree answers.
  static final List<String> STAR_TREE_QUERIES = List.of(
      "SELECT COUNT(*) FROM sales WHERE country = 'c3'",
      "SELECT SUM(clicks), MIN(clicks), MAX(clicks) FROM sales WHERE year = 2022",
      "SELECT country, COUNT(*), SUM(clicks) FROM sales GROUP BY country ORDER BY country LIMIT 100",
      "SELECT device, SUM(impressions), AVG(revenue) FROM sales GROUP BY device ORDER BY device",
      "SELECT year, channel, MAX(revenue), MIN(revenue) FROM sales GROUP BY year, channel ORDER BY year, channel "
          + "LIMIT 100",
      "SELECT country, SUM(revenue) FROM sales WHERE device IN ('mobile', 'tv') GROUP BY country ORDER BY country "
          + "LIMIT 100",
      "SELECT device, COUNT(*) FROM sales WHERE year BETWEEN 2021 AND 2023 GROUP BY device ORDER BY device",
      "SELECT channel, SUM(clicks) FROM sales WHERE country <> 'c1' AND year > 2020 GROUP BY channel "
          + "ORDER BY channel",
      "SELECT country, device, COUNT(*), MIN(clicks) FROM sales WHERE year = 2024 AND channel NOT IN ('ch0', 'ch1') "
          + "GROUP BY country, device ORDER BY country, device LIMIT 1000",
      "SELECT year, AVG(revenue), COUNT(*) FROM sales WHERE country = 'c0' OR country = 'c5' GROUP BY year "
          + "ORDER BY year",
      "SELECT COUNT(*), SUM(revenue) FROM sales WHERE country LIKE 'c1%'",
      "SELECT device, DISTINCTCOUNT(browser) FROM sales GROUP BY device ORDER BY device",
      "SELECT DISTINCTCOUNT(browser), COUNT(*) FROM sales WHERE year = 2023 AND channel = 'ch4'",
      "SELECT year, SUM(clicks) FROM sales WHERE NOT (device = 'tv') GROUP BY year ORDER BY year",
      "SELECT country, SUM(clicks) FROM sales GROUP BY country ORDER BY SUM(clicks) DESC, country LIMIT 5",
      "SELECT device, year, channel, country, COUNT(*), SUM(impressions) FROM sales "
          + "GROUP BY device, year, channel, country ORDER BY device, year, channel, country LIMIT 5000",
      "SELECT country, SUM(clicks) FROM sales WHERE year IN (2020, 2024) AND device = 'desktop' GROUP BY country "
          + "HAVING SUM(clicks) > 1000 ORDER BY country LIMIT 100",
      "SELECT MAX(revenue), MIN(clicks) FROM sales WHERE channel = 'ch2' AND year < 2022",
      "SELECT channel, COUNT(*) FROM sales WHERE country IN ('c2', 'c3', 'c4') AND year >= 2022 GROUP BY channel "
          + "ORDER BY channel",
      "SELECT year, COUNT(*) FROM sales WHERE device = 'mobile' OR device = 'desktop' GROUP BY year ORDER BY year",
      "SELECT country, AVG(revenue) FROM sales WHERE year = 2023 AND device <> 'tv' GROUP BY country "
          + "ORDER BY country LIMIT 100",
      "SELECT year, MAX(clicks) FROM sales WHERE year > 2021.5 AND country BETWEEN 'c10' AND 'c15' GROUP BY year "
          + "ORDER BY year",
      "SELECT COUNT(*) FROM sales WHERE year > 2020",
      "SELECT channel, MIN(revenue) FROM sales WHERE (channel = 'ch1' OR channel = 'ch3') AND NOT (year = 2020) "
          + "GROUP BY channel ORDER BY channel");

  /// Queries it cannot answer: a column outside the split order, a filter on a metric, an OR across dimensions,
  /// an aggregation without a pair, and an unfiltered COUNT(*) (answered from metadata, as in Pinot).
  static final List<String> REGULAR_QUERIES = List.of(
      "SELECT browser, COUNT(*) FROM sales GROUP BY browser ORDER BY browser LIMIT 100",
      "SELECT COUNT(*) FROM sales WHERE clicks > 500",
      "SELECT country, SUM(clicks) FROM sales WHERE country = 'c1' OR device = 'tv' GROUP BY country "
          + "ORDER BY country",
      "SELECT device, SUM(big) FROM sales GROUP BY device ORDER BY device",
      "SELECT COUNT(*) FROM sales");

  private ExecutorService executor;
  private StarTreeTestTable starTree;
  private StarTreeTestTable deepTree;
  private StarTreeTestTable wideLeaves;
  private StarTreeTestTable plain;

  @BeforeAll
  void build(@TempDir Path dir) throws IOException {
    executor = Executors.newFixedThreadPool(2);
    List<List<GenericRow>> rows = StarTreeTestTable.rows(42, 2, ROWS_PER_SEGMENT);
    starTree = new StarTreeTestTable(dir.resolve("star"), "\"starTreeIndexConfigs\": [{\"dimensionsSplitOrder\": "
        + "[\"country\", \"device\", \"year\", \"channel\"], " + PAIRS + "}]", rows, executor);
    deepTree = new StarTreeTestTable(dir.resolve("deep"), "\"starTreeIndexConfigs\": [{\"dimensionsSplitOrder\": "
        + "[\"year\", \"channel\", \"device\", \"country\"], \"skipStarNodeCreationForDimensions\": [\"device\"], "
        + "\"maxLeafRecords\": 1, " + PAIRS + "}]", rows, executor);
    wideLeaves = new StarTreeTestTable(dir.resolve("wide"), "\"starTreeIndexConfigs\": [{\"dimensionsSplitOrder\": "
        + "[\"device\", \"country\", \"channel\", \"year\"], \"maxLeafRecords\": 1000000, " + PAIRS + "}]", rows,
        executor);
    plain = new StarTreeTestTable(dir.resolve("plain"), "", rows, executor);
  }

  @AfterAll
  void close() {
    for (StarTreeTestTable table : Arrays.asList(starTree, deepTree, wideLeaves, plain)) {
      if (table != null) {
        table.close();
      }
    }
    executor.shutdownNow();
  }

  @Test
  void everySegmentHasItsStarTree() {
    assertThat(starTree.segments()).allSatisfy(segment -> assertThat(segment.starTrees()).hasSize(1));
    assertThat(plain.segments()).allSatisfy(segment -> assertThat(segment.starTrees()).isEmpty());
  }

  @Test
  void starTreeAnswersEqualTheRegularPlanAndScanTenTimesFewerDocuments() {
    assertThat(STAR_TREE_QUERIES).hasSizeGreaterThanOrEqualTo(20);
    List<String> ratios = new ArrayList<>();
    for (String sql : STAR_TREE_QUERIES) {
      ReducedResult withTree = starTree.query(sql);
      ReducedResult without = starTree.query("SET useStarTree = false; " + sql);
      ReducedResult reference = plain.query(sql);
      assertSameRows(sql, withTree, reference);
      assertSameRows(sql, without, reference);
      long treeDocs = withTree.stats().numDocsScanned();
      long rowDocs = without.stats().numDocsScanned();
      assertThat(rowDocs).as(sql).isEqualTo(reference.stats().numDocsScanned()).isPositive();
      assertThat(treeDocs * 10).as("documents scanned with the star-tree for %s", sql).isLessThanOrEqualTo(rowDocs)
          .isPositive();
      ratios.add(String.format("%6.0fx (%d vs %d) %s", (double) rowDocs / treeDocs, treeDocs, rowDocs, sql));
    }
    LOGGER.info("numDocsScanned without / with the star-tree:\n{}", String.join("\n", ratios));
  }

  @Test
  void queriesTheStarTreeCannotAnswerRunTheRegularPlan() {
    for (String sql : REGULAR_QUERIES) {
      ReducedResult withTree = starTree.query(sql);
      ReducedResult reference = plain.query(sql);
      assertSameRows(sql, withTree, reference);
      assertThat(withTree.stats().numDocsScanned()).as(sql).isEqualTo(reference.stats().numDocsScanned());
      assertThat(withTree.stats().numEntriesScannedPostFilter()).as(sql)
          .isEqualTo(reference.stats().numEntriesScannedPostFilter());
    }
  }

  @Test
  void otherTreeShapesGiveTheSameResults() {
    List<String> all = new ArrayList<>(STAR_TREE_QUERIES);
    all.addAll(REGULAR_QUERIES);
    for (String sql : all) {
      ReducedResult reference = plain.query(sql);
      assertSameRows("deep tree: " + sql, deepTree.query(sql), reference);
      assertSameRows("wide leaves: " + sql, wideLeaves.query(sql), reference);
    }
  }

  @Test
  void segmentsWithAndWithoutStarTreesMerge() {
    // Segment 0 with its star-tree, segment 1 (other rows) without: together they hold every row once.
    List<IndexSegment> mixed = List.of(starTree.segments().get(0), plain.segments().get(1));
    for (String sql : STAR_TREE_QUERIES) {
      ReducedResult result = starTree.query(sql, mixed);
      assertSameRows("mixed: " + sql, result, plain.query(sql));
      assertThat(result.stats().numDocsScanned()).as(sql).isLessThan(plain.query(sql).stats().numDocsScanned());
    }
  }

  @Test
  void aFilterMatchingNoValueScansNothing() {
    String sql = "SELECT device, COUNT(*), SUM(clicks) FROM sales WHERE year = 1999 GROUP BY device";
    ReducedResult withTree = starTree.query(sql);
    assertSameRows(sql, withTree, plain.query(sql));
    assertThat(withTree.resultTable().rows()).isEmpty();
    assertThat(withTree.stats().numDocsScanned()).isZero();
  }

  @Test
  void useStarTreeFalseScansTheRows() {
    ReducedResult result = starTree.query("SET useStarTree = false; SELECT device, COUNT(*) FROM sales "
        + "GROUP BY device");
    assertThat(result.stats().numDocsScanned()).isEqualTo(2L * ROWS_PER_SEGMENT);
    String sql = "SET useStarTree = true; SELECT device, COUNT(*) FROM sales GROUP BY device";
    // Under the default leaf size the root's star child (country = *) is a leaf: its documents are scanned.
    long expected = 0;
    for (IndexSegment segment : starTree.segments()) {
      StarTree tree = segment.starTrees().get(0).tree();
      int star = tree.starChild(StarTree.ROOT);
      assertThat(tree.isLeaf(star)).isTrue();
      expected += tree.endDocId(star) - tree.startDocId(star);
    }
    ReducedResult withTree = starTree.query(sql);
    assertThat(withTree.stats().numDocsScanned()).isEqualTo(expected);
    assertThat(withTree.stats().totalDocs()).isEqualTo(2L * ROWS_PER_SEGMENT);
    // With leaves of one document, star year and channel nodes lead to one aggregated document per device.
    assertThat(deepTree.query(sql).stats().numDocsScanned()).isEqualTo(2L * 4);
  }

  private static void assertSameRows(String sql, ReducedResult actual, ReducedResult expected) {
    assertThat(actual.exceptions()).as(sql).isEmpty();
    assertThat(expected.exceptions()).as(sql).isEmpty();
    ResultTable a = actual.resultTable();
    ResultTable e = expected.resultTable();
    assertThat(a.dataSchema()).as(sql).isEqualTo(e.dataSchema());
    assertThat(a.rows()).as(sql).hasSameSizeAs(e.rows());
    for (int i = 0; i < a.rows().size(); i++) {
      assertThat(Arrays.asList(a.rows().get(i))).as("%s row %s", sql, i)
          .isEqualTo(Arrays.asList(e.rows().get(i)));
    }
  }
}
