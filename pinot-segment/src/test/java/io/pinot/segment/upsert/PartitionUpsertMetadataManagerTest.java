// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.upsert;

import static io.pinot.segment.upsert.UpsertTestData.ingest;
import static io.pinot.segment.upsert.UpsertTestData.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.segment.mutable.MutableSegment;
import io.pinot.segment.mutable.MutableSegmentSnapshot;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.segment.spi.ValidDocIds;
import io.pinot.segment.testing.SegmentValues;
import io.pinot.spi.config.table.TableConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/// Full upsert over real consuming and committed segments: the newest comparison value wins, out-of-order rows never
/// become valid, deletes hide their key until a newer row revives it, and committing, adding and removing segments
/// keeps exactly one valid version per key.
class PartitionUpsertMetadataManagerTest {
  @TempDir
  Path dir;

  private final TableConfig table = UpsertTestData.full();
  private final PartitionUpsertMetadataManager manager =
      TableUpsertMetadataManager.of(table, UpsertTestData.SCHEMA).partition(0);

  @Test
  void hundredThousandUpdatesOverTenThousandKeysLeaveOneLatestVersionPerKey() throws Exception {
    MutableSegment segment = UpsertTestData.consuming(table, 0, 100_000);
    manager.trackConsumingSegment(segment);
    Random random = new Random(42);
    Map<Integer, long[]> latest = new HashMap<>();
    for (int i = 0; i < 100_000; i++) {
      int id = i < 10_000 ? i : random.nextInt(10_000);
      long ts = random.nextInt(1_000_000);
      long value = random.nextLong(1000);
      ingest(manager, segment, row(id, ts, value));
      long[] current = latest.get(id);
      // Ties go to the later row, as in Pinot.
      if (current == null || ts >= current[0]) {
        latest.put(id, new long[] {ts, value});
      }
    }
    assertThat(manager.numPrimaryKeys()).isEqualTo(10_000);
    assertThat(manager.numOutOfOrderRecords()).isPositive();
    MutableSegmentSnapshot snapshot = segment.snapshot();
    assertThat(snapshot.queryableDocIds().getCardinality()).isEqualTo(10_000);
    assertThat(latestValues(snapshot)).isEqualTo(toValues(latest));

    // Commit: the committed copy (sorted differently or not) takes over every key; the old bitmaps stay intact.
    IndexSegment committed = UpsertTestData.commit(segment, dir);
    manager.replaceSegment(committed, segment);
    assertThat(committed.queryableDocIds().getCardinality()).isEqualTo(10_000);
    assertThat(segment.validDocIds().numValid()).isEqualTo(10_000);
    assertThat(latestValues(committed)).isEqualTo(toValues(latest));
    manager.removeSegment(segment);
    assertThat(manager.numPrimaryKeys()).isEqualTo(10_000);
    committed.close();
  }

  @Test
  void outOfOrderRowsAreIndexedButNeverValid() {
    MutableSegment segment = UpsertTestData.consuming(table, 0, 100);
    assertThat(ingest(manager, segment, row(1, 100, 10))).isTrue();
    assertThat(ingest(manager, segment, row(1, 50, 20))).isFalse();
    assertThat(ingest(manager, segment, row(1, 100, 30))).as("a tie goes to the later row").isTrue();
    assertThat(segment.numDocs()).isEqualTo(3);
    assertThat(docs(segment.validDocIds().validSnapshot())).containsExactly(2);
    assertThat(manager.numOutOfOrderRecords()).isEqualTo(1);
  }

  @Test
  void deleteHidesItsKeyAndANewerRowRevivesIt() {
    MutableSegment segment = UpsertTestData.consuming(table, 0, 100);
    ingest(manager, segment, row(1, 100, 10));
    ingest(manager, segment, row(2, 100, 10));
    ingest(manager, segment, row(Map.of("id", 1, "ts", 200L, "deleted", true)));
    ValidDocIds docIds = segment.validDocIds();
    assertThat(docs(docIds.validSnapshot())).containsExactly(1, 2);
    assertThat(docs(docIds.queryableSnapshot())).containsExactly(1);
    // An older row arriving late is decided by the delete's comparison value: it stays hidden.
    assertThat(ingest(manager, segment, row(1, 150, 99))).isFalse();
    assertThat(docs(docIds.queryableSnapshot())).containsExactly(1);
    ingest(manager, segment, row(Map.of("id", 1, "ts", 300L, "value", 7L, "deleted", false)));
    assertThat(docs(docIds.queryableSnapshot())).containsExactly(1, 4);
    assertThat(manager.numPrimaryKeys()).isEqualTo(2);
  }

  @Test
  void committedSegmentsResolveKeysAcrossSegmentsWithPinotsTieRule() throws Exception {
    MutableSegment first = UpsertTestData.consuming(table, 0, 100);
    MutableSegment second = UpsertTestData.consuming(table, 1, 100);
    PartitionUpsertMetadataManager scratch = TableUpsertMetadataManager.of(table, UpsertTestData.SCHEMA).partition(0);
    ingest(scratch, first, row(1, 100, 1));
    ingest(scratch, first, row(2, 300, 2));
    ingest(scratch, first, row(3, 100, 3));
    ingest(scratch, second, row(1, 200, 11));
    ingest(scratch, second, row(2, 100, 12));
    ingest(scratch, second, row(3, 100, 13));
    IndexSegment seq0 = UpsertTestData.commit(first, dir.resolve("a"));
    IndexSegment seq1 = UpsertTestData.commit(second, dir.resolve("b"));

    // A restarted server loads the committed segments in any order and rebuilds the same state.
    manager.addSegment(seq1);
    manager.addSegment(seq0);
    assertThat(latestValues(seq0)).isEqualTo(Map.of(2, 2L));
    assertThat(latestValues(seq1)).as("key 3 ties: the higher sequence number wins")
        .isEqualTo(Map.of(1, 11L, 3, 13L));
    manager.removeSegment(seq1);
    assertThat(manager.numPrimaryKeys()).isEqualTo(1);
    seq0.close();
    seq1.close();
  }

  @Test
  void snapshotsNeverMissAKeyWhileItMovesBetweenSegments() throws Exception {
    MutableSegment first = UpsertTestData.consuming(table, 0, 100);
    ingest(manager, first, row(1, 100, 1));
    IndexSegment committed = UpsertTestData.commit(first, dir);
    manager.replaceSegment(committed, first);
    MutableSegment next = UpsertTestData.consuming(table, 1, 100);
    manager.trackConsumingSegment(next);
    MutableSegmentSnapshot before = next.snapshot();
    assertThat(before.queryableDocIds().isEmpty()).isTrue();
    ingest(manager, next, row(1, 200, 2));
    assertThat(committed.queryableDocIds().isEmpty()).isTrue();
    assertThat(docs(next.snapshot().queryableDocIds())).containsExactly(0);
    committed.close();
  }

  private static Map<Integer, Long> latestValues(IndexSegment segment) {
    List<Object> ids = SegmentValues.column(segment, "id");
    List<Object> values = SegmentValues.column(segment, "value");
    Map<Integer, Long> result = new HashMap<>();
    for (int docId : docs(segment.queryableDocIds())) {
      if (docId < segment.numDocs()) {
        assertThat(result.put((Integer) ids.get(docId), (Long) values.get(docId))).isNull();
      }
    }
    return result;
  }

  private static Map<Integer, Long> toValues(Map<Integer, long[]> latest) {
    Map<Integer, Long> result = new HashMap<>();
    latest.forEach((id, tsAndValue) -> result.put(id, tsAndValue[1]));
    return result;
  }

  static List<Integer> docs(ImmutableRoaringBitmap bitmap) {
    List<Integer> docs = new java.util.ArrayList<>();
    IntIterator iterator = bitmap.getIntIterator();
    while (iterator.hasNext()) {
      docs.add(iterator.next());
    }
    return docs;
  }
}
