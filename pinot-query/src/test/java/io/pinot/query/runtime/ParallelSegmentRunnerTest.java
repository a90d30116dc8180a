// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.query.context.QueryDeadline;
import io.pinot.query.operator.SegmentStats;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.segment.spi.SegmentMetadata;
import io.pinot.spi.exception.QueryErrorCode;
import io.pinot.spi.exception.QueryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelSegmentRunnerTest {
  private final ExecutorService executor = Executors.newFixedThreadPool(2);

  @AfterEach
  void tearDown() throws InterruptedException {
    executor.shutdownNow();
    executor.awaitTermination(5, TimeUnit.SECONDS);
  }

  /// Counts the segments it sees; sleeps per segment when asked to.
  private static final class CountingWork implements ParallelSegmentRunner.Work<AtomicInteger> {
    private final long sleepMs;

    CountingWork(long sleepMs) {
      this.sleepMs = sleepMs;
    }

    @Override
    public AtomicInteger newAccumulator() {
      return new AtomicInteger();
    }

    @Override
    public void process(IndexSegment segment, AtomicInteger accumulator, SegmentStats stats) {
      if (sleepMs > 0) {
        try {
          Thread.sleep(sleepMs);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw QueryErrorCode.QUERY_CANCELLATION.asException("interrupted");
        }
      }
      accumulator.incrementAndGet();
      stats.addTotalDocs(segment.numDocs());
    }

    @Override
    public void merge(AtomicInteger into, AtomicInteger from) {
      into.addAndGet(from.get());
    }
  }

  private static List<IndexSegment> segments(int count) {
    List<IndexSegment> segments = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      segments.add(new EmptySegment("s" + i));
    }
    return segments;
  }

  @Test
  void processesEverySegmentOnce() {
    SegmentStats stats = new SegmentStats();
    AtomicInteger count = ParallelSegmentRunner.run(executor, 4, segments(25), new CountingWork(1),
        QueryDeadline.none(), stats);
    assertThat(count.get()).isEqualTo(25);
    assertThat(stats.totalDocs()).isEqualTo(25 * 7);
  }

  @Test
  void stopsAtTheDeadlineWithExecutionTimeout() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> ParallelSegmentRunner.run(executor, 2, segments(20), new CountingWork(100),
        QueryDeadline.afterMillis(150), new SegmentStats()))
        .isInstanceOf(QueryException.class)
        .satisfies(e -> assertThat(((QueryException) e).errorCode()).isEqualTo(QueryErrorCode.EXECUTION_TIMEOUT));
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1500);
  }

  @Test
  void doesNotWaitForAPoolThatIsBusy() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    for (int i = 0; i < 2; i++) {
      executor.submit(() -> {
        release.await();
        return null;
      });
    }
    try {
      AtomicInteger count = ParallelSegmentRunner.run(executor, 3, segments(6), new CountingWork(0),
          QueryDeadline.afterMillis(10_000), new SegmentStats());
      assertThat(count.get()).isEqualTo(6);
    } finally {
      release.countDown();
    }
  }

  /// A segment with no columns and 7 documents.
  private record EmptySegment(String segmentName) implements IndexSegment {
    @Override
    public SegmentMetadata metadata() {
      return new SegmentMetadata(segmentName, "t", 7, null, -1, -1, null, "v1", 0, 0, Map.of(), Map.of());
    }

    @Override
    public int numDocs() {
      return 7;
    }

    @Override
    public Set<String> columnNames() {
      return Set.of();
    }

    @Override
    public @Nullable DataSource dataSource(String column) {
      return null;
    }

    @Override
    public void close() {
    }
  }
}
