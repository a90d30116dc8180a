// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.response.BrokerResponse;
import io.pinot.query.testing.TestData;
import io.pinot.spi.data.readers.GenericRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/// A writer indexes rows into a consuming segment while reader threads query it through [ServerQueryExecutor] and
/// [io.pinot.query.reduce.BrokerReducer]. Each query runs on a snapshot taken at query start, and every result must
/// be exactly the answer for the snapshot's first rows (computed from the input), so counts never decrease and
/// filters, inverted indexes, multi-value columns, group-by and DISTINCTCOUNT all agree on one prefix.
class MutableSegmentConcurrentQueryTest {
  private static final int NUM_ROWS = 40_000;

  private static QueryHarness harness;
  private static List<GenericRow> rows;
  private static long[] quantitySums;
  private static int[] germanRows;
  private static int[] rowsTaggedA;
  private static int[] distinctCities;

  @BeforeAll
  static void setUp() {
    harness = new QueryHarness();
    rows = QueryHarness.genericRows(TestData.segments(99L, new int[] {NUM_ROWS}).get(0));
    quantitySums = new long[NUM_ROWS + 1];
    germanRows = new int[NUM_ROWS + 1];
    rowsTaggedA = new int[NUM_ROWS + 1];
    distinctCities = new int[NUM_ROWS + 1];
    Set<Object> cities = new HashSet<>();
    for (int i = 0; i < NUM_ROWS; i++) {
      GenericRow row = rows.get(i);
      quantitySums[i + 1] = quantitySums[i] + (Integer) row.getValue("quantity");
      germanRows[i + 1] = germanRows[i] + ("DE".equals(row.getValue("country")) ? 1 : 0);
      rowsTaggedA[i + 1] = rowsTaggedA[i] + (List.of((Object[]) row.getValue("tags")).contains("a") ? 1 : 0);
      cities.add(row.getValue("city"));
      distinctCities[i + 1] = cities.size();
    }
  }

  @AfterAll
  static void tearDown() throws Exception {
    harness.close();
  }

  @Test
  void queriesSeeConsistentGrowingPrefixes() throws Exception {
    MutableSegment segment = new MutableSegment(MutableSegmentConfig.builder()
        .tableConfig(QueryHarness.REALTIME_TABLE).schema(harness.schema())
        .segmentName(LlcSegmentName.of("events", 0, 0, 1_700_000_000_000L).toString()).capacity(NUM_ROWS).build());
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger checks = new AtomicInteger();
    ExecutorService readers = Executors.newFixedThreadPool(2);
    try {
      List<Future<int[]>> futures = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        futures.add(readers.submit(() -> readUntilDone(segment, done, checks)));
      }
      for (int i = 0; i < NUM_ROWS; i++) {
        assertThat(segment.index(rows.get(i))).isTrue();
        if (i % 2000 == 1999) {
          awaitChecks(checks, checks.get() + 2);
        }
      }
      done.set(true);
      for (Future<int[]> future : futures) {
        int[] counts = future.get(120, TimeUnit.SECONDS);
        assertThat(counts[0]).as("queries on snapshots").isPositive();
        assertThat(counts[1]).as("queries that saw a partial segment").isGreaterThanOrEqualTo(5);
      }
    } finally {
      readers.shutdownNow();
    }
    checkSnapshot(segment.snapshot());
  }

  /// Paces the writer (two cores): waits until the readers completed `target` checks, at most 10 s.
  private static void awaitChecks(AtomicInteger checks, int target) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (checks.get() < target && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
  }

  /// Queries until the writer is done; returns the number of checks and of checks on a partial segment.
  private static int[] readUntilDone(MutableSegment segment, AtomicBoolean done, AtomicInteger completed) {
    int previous = 0;
    int checks = 0;
    int partial = 0;
    while (!done.get()) {
      int numDocs = checkSnapshot(segment.snapshot());
      assertThat(numDocs).as("document count never decreases").isGreaterThanOrEqualTo(previous);
      previous = numDocs;
      long live = count(harness.query("SELECT COUNT(*) FROM events", List.of(segment)));
      assertThat(live).as("live segment count").isGreaterThanOrEqualTo(numDocs).isLessThanOrEqualTo(NUM_ROWS);
      checks++;
      partial += numDocs < NUM_ROWS ? 1 : 0;
      completed.incrementAndGet();
    }
    return new int[] {checks, partial};
  }

  private static int checkSnapshot(MutableSegmentSnapshot snapshot) {
    int n = snapshot.numDocs();
    List<io.pinot.segment.spi.IndexSegment> segments = List.of(snapshot);
    if (n == 0) {
      assertThat(harness.query("SELECT COUNT(*) FROM events", segments).exceptions()).isEmpty();
      return 0;
    }
    Object[] totals = single(harness.query("SELECT COUNT(*), SUM(quantity), MAX(ts), DISTINCTCOUNT(city) "
        + "FROM events", segments));
    assertThat(((Number) totals[0]).longValue()).isEqualTo(n);
    assertThat(((Number) totals[1]).longValue()).isEqualTo(quantitySums[n]);
    assertThat(((Number) totals[2]).longValue()).isEqualTo((Long) rows.get(n - 1).getValue("ts"));
    assertThat(((Number) totals[3]).intValue()).isEqualTo(distinctCities[n]);
    assertThat(count(harness.query("SELECT COUNT(*) FROM events WHERE country = 'DE'", segments)))
        .isEqualTo(germanRows[n]);
    assertThat(count(harness.query("SELECT COUNT(*) FROM events WHERE tags = 'a'", segments)))
        .isEqualTo(rowsTaggedA[n]);
    assertThat(count(harness.query("SELECT COUNT(*) FROM events WHERE country <> 'DE' AND tags <> 'a'",
        segments))).isLessThanOrEqualTo(n - germanRows[n]);
    Map<String, Long> byCountry = new HashMap<>();
    long grouped = 0;
    for (Object[] row : harness.query("SELECT country, COUNT(*) FROM events GROUP BY country LIMIT 100",
        segments).resultTable().rows()) {
      byCountry.put((String) row[0], ((Number) row[1]).longValue());
      grouped += ((Number) row[1]).longValue();
    }
    assertThat(grouped).isEqualTo(n);
    assertThat(byCountry.getOrDefault("DE", 0L)).isEqualTo(germanRows[n]);
    return n;
  }

  private static Object[] single(BrokerResponse response) {
    assertThat(response.exceptions()).isEmpty();
    return response.resultTable().rows().get(0);
  }

  private static long count(BrokerResponse response) {
    return ((Number) single(response)[0]).longValue();
  }
}
