// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.response.BrokerResponse;
import io.pinot.query.testing.H2Oracle;
import io.pinot.query.testing.ResultComparison;
import io.pinot.query.testing.TestCluster;
import io.pinot.query.testing.TestData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// A selection ordered by a column with segment min/max skips the segments that cannot hold a top row, and answers
/// as H2 does. The test segments cover increasing, disjoint `ts` ranges; one server holds all of them.
class SelectionSegmentOrderTest {
  @TempDir
  static Path dir;

  private static TestCluster cluster;
  private static H2Oracle h2;

  @BeforeAll
  static void setUp() throws Exception {
    List<List<Map<String, Object>>> segments = TestData.segments(7L, new int[]{400, 300, 500, 200, 300, 100});
    cluster = new TestCluster(dir, segments, 1, ServerQueryExecutorConfig.defaults());
    h2 = new H2Oracle("segmentorder", segments);
  }

  @AfterAll
  static void tearDown() throws Exception {
    cluster.close();
    h2.close();
  }

  private static BrokerResponse matches(String sql, String h2Sql) throws Exception {
    BrokerResponse response = cluster.query(sql);
    assertThat(response.exceptions()).isEmpty();
    assertThat(ResultComparison.difference(response.resultTable().rows(), h2.query(h2Sql), true)).as(sql).isNull();
    return response;
  }

  @Test
  void ascendingSkipsLaterSegments() throws Exception {
    BrokerResponse response = matches("SELECT ts, country, age FROM events ORDER BY ts, age LIMIT 15",
        "SELECT ts, country, age FROM events ORDER BY ts, age LIMIT 15");
    assertThat(response.numSegmentsQueried()).isEqualTo(6);
    assertThat(response.numSegmentsProcessed()).isLessThan(6);
  }

  @Test
  void descendingSkipsEarlierSegments() throws Exception {
    BrokerResponse response = matches("SELECT ts, city FROM events WHERE age > 30 ORDER BY ts DESC LIMIT 12",
        "SELECT ts, city FROM events WHERE age > 30 ORDER BY ts DESC LIMIT 12");
    assertThat(response.numSegmentsProcessed()).isLessThan(6);
  }

  @Test
  void aLimitLargerThanASegmentReadsOnAndOffsetsCount() throws Exception {
    matches("SELECT ts, device FROM events ORDER BY ts LIMIT 20 OFFSET 590",
        "SELECT ts, device FROM events ORDER BY ts LIMIT 20 OFFSET 590");
    matches("SELECT ts FROM events WHERE country = 'DE' ORDER BY ts DESC LIMIT 700",
        "SELECT ts FROM events WHERE country = 'DE' ORDER BY ts DESC LIMIT 700");
  }

  @Test
  void unsortedColumnsStillMatch() throws Exception {
    BrokerResponse response = matches("SELECT price, ts FROM events ORDER BY price DESC, ts LIMIT 10",
        "SELECT price, ts FROM events ORDER BY price DESC, ts LIMIT 10");
    assertThat(response.numSegmentsProcessed()).isLessThanOrEqualTo(6);
  }
}
