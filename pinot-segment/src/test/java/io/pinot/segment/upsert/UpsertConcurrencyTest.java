// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.upsert;

import static io.pinot.segment.upsert.UpsertTestData.ingest;
import static io.pinot.segment.upsert.UpsertTestData.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.segment.mutable.MutableSegment;
import io.pinot.segment.mutable.MutableSegmentSnapshot;
import io.pinot.spi.config.table.TableConfig;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/// Query threads taking snapshots of a consuming segment while the consuming thread updates its keys always see
/// exactly one queryable version of every key.
class UpsertConcurrencyTest {
  @Test
  void snapshotsSeeExactlyOneVersionPerKeyWhileRowsArrive() throws Exception {
    TableConfig table = UpsertTestData.full();
    PartitionUpsertMetadataManager manager = TableUpsertMetadataManager.of(table, UpsertTestData.SCHEMA).partition(0);
    MutableSegment segment = UpsertTestData.consuming(table, 0, 60_000);
    manager.trackConsumingSegment(segment);
    for (int id = 0; id < 1000; id++) {
      ingest(manager, segment, row(id, 0, 0));
    }
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong checks = new AtomicLong();
    AtomicReference<String> failure = new AtomicReference<>();
    Thread[] readers = new Thread[2];
    for (int r = 0; r < readers.length; r++) {
      readers[r] = new Thread(() -> {
        while (!done.get() && failure.get() == null) {
          MutableSegmentSnapshot snapshot = segment.snapshot();
          long visible = snapshot.queryableDocIds().rangeCardinality(0, snapshot.numDocs());
          if (visible != 1000) {
            failure.set(visible + " queryable docs among " + snapshot.numDocs());
          }
          checks.incrementAndGet();
        }
      });
      readers[r].start();
    }
    for (int i = 1; i < 50_000; i++) {
      ingest(manager, segment, row(i % 1000, i, i));
    }
    done.set(true);
    for (Thread reader : readers) {
      reader.join();
    }
    assertThat(failure.get()).isNull();
    assertThat(checks.get()).isPositive();
    assertThat(segment.validDocIds().numQueryable()).isEqualTo(1000);
  }
}
