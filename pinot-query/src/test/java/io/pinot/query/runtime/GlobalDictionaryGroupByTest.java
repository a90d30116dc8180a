// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.response.BrokerResponse;
import io.pinot.query.testing.TestCluster;
import io.pinot.query.testing.TestData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// GROUP BY on one dictionary-encoded column of several segments merges the segments' groups by server-wide global
/// dictionary ids: the groups, counts and sums equal those computed from the rows, for every key type, whether the
/// global dictionary is new, extended by segments a later query adds, or reused; trimming and `numGroupsLimit` keep
/// their meaning.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GlobalDictionaryGroupByTest {
  @TempDir
  static Path dir;

  private List<List<Map<String, Object>>> segments;
  private TestCluster cluster;

  @BeforeAll
  void build() {
    segments = TestData.segments(23, new int[] {700, 500, 900, 400});
    // one server holding all four segments
    cluster = new TestCluster(dir, segments, 1, ServerQueryExecutorConfig.defaults());
  }

  @AfterAll
  void close() throws InterruptedException {
    cluster.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"city", "user_id", "age", "score", "country", "is_new"})
  void groupsEqualThoseOfTheRows(String column) {
    assertGroups(column, "", segments.size());
  }

  @Test
  void segmentsAddedByALaterQueryExtendTheGlobalIds(@TempDir Path ownDir) throws InterruptedException {
    // A server of its own, whose first query maps two dictionaries only: the time filter prunes the last two
    // segments, whose user ids are mostly new.
    try (TestCluster fresh = new TestCluster(ownDir, segments, 1, ServerQueryExecutorConfig.defaults())) {
      long firstTsOfThirdSegment = (Long) segments.get(2).get(0).get("ts");
      assertThat(fresh.server().globalDictionaries().size()).isZero();
      assertGroups(fresh, "user_id", " WHERE ts < " + firstTsOfThirdSegment, 2);
      assertThat(fresh.server().globalDictionaries().size()).isOne();
      assertGroups(fresh, "user_id", "", segments.size());
      assertGroups(fresh, "user_id", " WHERE ts < " + firstTsOfThirdSegment, 2);
    }
  }

  @Test
  void concurrentFirstQueriesShareOneGlobalDictionaryPerColumn(@TempDir Path ownDir) throws Exception {
    try (TestCluster fresh = new TestCluster(ownDir, segments, 1, ServerQueryExecutorConfig.defaults())) {
      List<String> columns = List.of("user_id", "city", "user_id", "city", "age", "user_id");
      List<Future<?>> done = new ArrayList<>();
      ExecutorService clients = Executors.newFixedThreadPool(columns.size());
      try {
        CountDownLatch start = new CountDownLatch(1);
        for (String column : columns) {
          done.add(clients.submit(() -> {
            start.await();
            for (int i = 0; i < 5; i++) {
              assertGroups(fresh, column, "", segments.size());
            }
            return null;
          }));
        }
        start.countDown();
        for (Future<?> future : done) {
          future.get();
        }
      } finally {
        clients.shutdownNow();
      }
      assertThat(fresh.server().globalDictionaries().size()).isEqualTo(3);
    }
  }

  @Test
  void serverTrimAndGroupsLimitStillApply() {
    BrokerResponse limited = cluster.query("SET numGroupsLimit = 100; SELECT user_id, COUNT(*) FROM events "
        + "GROUP BY user_id ORDER BY COUNT(*) DESC, user_id LIMIT 5");
    assertThat(limited.exceptions()).isEmpty();
    assertThat(limited.numGroupsLimitReached()).isTrue();
    assertThat(limited.resultTable().rows()).hasSize(5);

    BrokerResponse trimmed = cluster.query("SET minServerGroupTrimSize = 10; SELECT city, COUNT(*) FROM events "
        + "GROUP BY city ORDER BY COUNT(*) DESC, city LIMIT 3");
    List<Object[]> expected = expectedGroups("city", 0, segments.size());
    assertThat(trimmed.resultTable().rows()).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(trimmed.resultTable().rows().get(i)[0]).isEqualTo(expected.get(i)[0]);
      assertThat(((Number) trimmed.resultTable().rows().get(i)[1]).longValue()).isEqualTo(expected.get(i)[1]);
    }
  }

  private void assertGroups(String column, String where, int numSegments) {
    assertGroups(cluster, column, where, numSegments);
  }

  private void assertGroups(TestCluster target, String column, String where, int numSegments) {
    BrokerResponse response = target.query("SELECT " + column + ", COUNT(*), SUM(quantity) FROM events" + where
        + " GROUP BY " + column + " ORDER BY COUNT(*) DESC, SUM(quantity) DESC, " + column + " LIMIT 100000");
    assertThat(response.exceptions()).isEmpty();
    List<Object[]> expected = expectedGroups(column, 0, numSegments);
    List<Object[]> rows = response.resultTable().rows();
    assertThat(rows).hasSize(expected.size());
    for (int i = 0; i < rows.size(); i++) {
      assertThat(String.valueOf(rows.get(i)[0])).as(column + " group " + i).isEqualTo(expected.get(i)[0]);
      assertThat(((Number) rows.get(i)[1]).longValue()).as(column + " count").isEqualTo(expected.get(i)[1]);
      assertThat(((Number) rows.get(i)[2]).longValue()).as(column + " sum").isEqualTo(expected.get(i)[2]);
    }
  }

  /// `[value as text, count, sum of quantity]` per group of the segments' rows, in the queries' order.
  private List<Object[]> expectedGroups(String column, int fromSegment, int toSegment) {
    Map<String, long[]> groups = new TreeMap<>();
    Map<String, Object> keys = new TreeMap<>();
    for (List<Map<String, Object>> segment : segments.subList(fromSegment, toSegment)) {
      for (Map<String, Object> row : segment) {
        Object value = row.get(column);
        String key = value instanceof Boolean b ? (b ? "true" : "false") : String.valueOf(value);
        long[] aggregates = groups.computeIfAbsent(key, k -> new long[2]);
        aggregates[0]++;
        aggregates[1] += ((Number) row.get("quantity")).longValue();
        keys.put(key, value);
      }
    }
    List<Object[]> expected = new ArrayList<>();
    groups.forEach((key, aggregates) -> expected.add(new Object[] {key, aggregates[0], aggregates[1], keys.get(key)}));
    expected.sort(Comparator.<Object[]>comparingLong(group -> -(long) group[1])
        .thenComparingLong(group -> -(long) group[2])
        .thenComparing((a, b) -> compareValues(a[3], b[3])));
    return expected;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareValues(Object a, Object b) {
    return ((Comparable) a).compareTo(b);
  }
}
