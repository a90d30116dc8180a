// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.response.BrokerResponse;
import io.pinot.query.differential.QueryGrammar.GeneratedQuery;
import io.pinot.query.runtime.ServerQueryExecutorConfig;
import io.pinot.query.testing.H2Oracle;
import io.pinot.query.testing.ResultComparison;
import io.pinot.query.testing.TestCluster;
import io.pinot.query.testing.TestData;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/// The generated half of the differential suite: [QueryGrammar] queries (fixed seed [#GRAMMAR_SEED]) over the
/// [TestData] rows (fixed seed [#DATA_SEED]) in four real segments on two in-JVM servers, each compared with H2
/// over the same rows through [ResultComparison]: integral values exactly, other numbers with a relative
/// tolerance of 1e-9 (the engines add doubles in different orders). 300 queries over 8,000 rows in CI; 2,000
/// queries over 200,000 rows with `-Dpinot.test.scale=full`. A failure names the query number, the engine's
/// SQL, H2's SQL and the first differing row, enough to replay it by hand.
class GeneratedDifferentialTest {
  static final long DATA_SEED = 20_261_201L;
  static final long GRAMMAR_SEED = 4_004L;

  @TempDir
  static Path dir;

  private static final DifferentialScale SCALE = DifferentialScale.current();
  private static TestCluster cluster;
  private static H2Oracle h2;
  private static long tsLow;
  private static long tsHigh;

  @BeforeAll
  static void setUp() throws Exception {
    List<List<Map<String, Object>>> segments = TestData.segments(DATA_SEED, SCALE.rowsPerSegment());
    cluster = new TestCluster(dir, segments, 2, ServerQueryExecutorConfig.defaults());
    h2 = new H2Oracle("generated", segments);
    tsLow = (Long) segments.getFirst().getFirst().get("ts");
    List<Map<String, Object>> last = segments.getLast();
    tsHigh = (Long) last.getLast().get("ts");
  }

  @AfterAll
  static void tearDown() throws Exception {
    cluster.close();
    h2.close();
  }

  @TestFactory
  Stream<DynamicTest> generatedQueriesMatchH2() {
    QueryGrammar grammar = new QueryGrammar(GRAMMAR_SEED, tsLow, tsHigh, SCALE.numRows());
    return Stream.generate(grammar::next).limit(SCALE.numQueries())
        .map(query -> DynamicTest.dynamicTest(query.toString(), () -> check(query)));
  }

  private static void check(GeneratedQuery query) throws Exception {
    String replay = "\n  query #" + query.number() + ": " + query.sql() + "\n  H2 SQL: " + query.h2Sql();
    BrokerResponse response = cluster.query(query.sql());
    assertThat(response.exceptions()).as("engine errors" + replay).isEmpty();
    List<Object[]> expected;
    try {
      expected = h2.query(query.h2Sql());
    } catch (SQLException e) {
      throw new AssertionError("H2 rejected the translation: " + e.getMessage() + replay, e);
    }
    String difference = ResultComparison.difference(response.resultTable().rows(), expected, query.ordered());
    assertThat(difference).as("result differs from H2" + replay).isNull();
  }
}
