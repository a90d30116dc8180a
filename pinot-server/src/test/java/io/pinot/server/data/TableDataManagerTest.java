// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.segment.spi.SegmentMetadata;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TableDataManagerTest {
  /// A segment that only records whether it was closed.
  private static final class FakeSegment implements IndexSegment {
    private final String name;
    private int closed;

    FakeSegment(String name) {
      this.name = name;
    }

    @Override
    public String segmentName() {
      return name;
    }

    @Override
    public SegmentMetadata metadata() {
      throw new UnsupportedOperationException();
    }

    @Override
    public int numDocs() {
      return 10;
    }

    @Override
    public Set<String> columnNames() {
      return Set.of();
    }

    @Override
    public DataSource dataSource(String column) {
      return null;
    }

    @Override
    public void close() {
      closed++;
    }
  }

  @Test
  void replacedSegmentStaysOpenUntilItsLastQueryReleasesIt() {
    TableDataManager table = new TableDataManager("t_OFFLINE");
    FakeSegment first = new FakeSegment("s");
    table.addOrReplace(first);
    AcquiredSegments running = table.acquire(List.of("s", "missing"));
    assertThat(running.segments()).containsExactly(first);
    assertThat(running.missing()).containsExactly("missing");

    FakeSegment second = new FakeSegment("s");
    table.addOrReplace(second);
    assertThat(first.closed).as("in use by a query").isZero();
    assertThat(table.acquire(List.of("s")).segments()).containsExactly(second);
    table.release(running);
    assertThat(first.closed).isEqualTo(1);
  }

  @Test
  void removedSegmentClosesOnceAndCannotBeAcquired() {
    TableDataManager table = new TableDataManager("t_OFFLINE");
    FakeSegment segment = new FakeSegment("s");
    table.addOrReplace(segment);
    assertThat(table.remove("s")).isTrue();
    assertThat(table.remove("s")).isFalse();
    assertThat(segment.closed).isEqualTo(1);
    assertThat(table.acquire(List.of("s")).missing()).containsExactly("s");
  }

  @Test
  void reloadStatusCountsSegmentsLoadedSinceTheJobAndFailedReloads() throws InterruptedException {
    TableDataManager table = new TableDataManager("t_OFFLINE");
    table.addOrReplace(new FakeSegment("a"));
    table.addOrReplace(new FakeSegment("b"));
    table.addOrReplace(new FakeSegment("c"));
    Thread.sleep(5);
    long submitted = System.currentTimeMillis();
    assertThat(table.reloadStatus(null, submitted)).isEqualTo(new TableDataManager.ReloadStatus(3, 0, 0));
    assertThat(table.reloadStatus(null, 0)).isEqualTo(new TableDataManager.ReloadStatus(3, 3, 0));

    table.addOrReplace(new FakeSegment("a"));
    table.markReloaded("b");
    table.recordReloadFailure("c");
    assertThat(table.reloadStatus(null, submitted)).isEqualTo(new TableDataManager.ReloadStatus(3, 2, 1));
    // Named segments: a missing one counts in the total, not as done.
    assertThat(table.reloadStatus(List.of("a", "c", "gone"), submitted))
        .isEqualTo(new TableDataManager.ReloadStatus(3, 1, 1));
    // A later successful load clears the failure.
    table.addOrReplace(new FakeSegment("c"));
    assertThat(table.reloadStatus(List.of("c"), submitted)).isEqualTo(new TableDataManager.ReloadStatus(1, 1, 0));
    // A job submitted after all of this sees nothing done yet.
    assertThat(table.reloadStatus(null, System.currentTimeMillis() + 60_000).successCount()).isZero();
  }
}
