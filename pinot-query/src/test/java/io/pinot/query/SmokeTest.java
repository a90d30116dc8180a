// SPDX-License-Identifier: Apache-2.0
package io.pinot.query;

import io.pinot.common.utils.JsonUtils;
import io.pinot.query.runtime.ServerQueryExecutorConfig;
import io.pinot.query.testing.TestCluster;
import io.pinot.query.testing.TestData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class SmokeTest {
  private static final Logger LOG = LoggerFactory.getLogger(SmokeTest.class);

  @Test
  void smoke(@TempDir Path dir) throws Exception {
    try (TestCluster cluster = new TestCluster(dir, TestData.segments(42, new int[]{300, 200, 100}), 2,
        ServerQueryExecutorConfig.defaults())) {
      for (String sql : new String[]{"SELECT COUNT(*) FROM events", "SELECT country, COUNT(*), SUM(price), "
          + "AVG(age), DISTINCTCOUNT(user_id) FROM events WHERE device = 'mobile' GROUP BY country ORDER BY 2 DESC",
          "SELECT * FROM events ORDER BY ts DESC LIMIT 3", "SELECT tags, COUNT(*) FROM events GROUP BY tags",
          "SELECT MIN(ts), MAX(price), SUM(quantity) FROM events WHERE tags = 'a' AND age > 30",
          "SELECT nosuch FROM events"}) {
        LOG.info("{} -> {}", sql, JsonUtils.toJson(cluster.query(sql)));
      }
    }
  }
}
