// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.upsert;

import static io.pinot.segment.upsert.UpsertTestData.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.segment.mutable.MutableSegment;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.readers.GenericRow;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// Dedup: repeated primary keys are dropped, the TTL on the dedup time column lets old keys in again, and a restarted
/// server rebuilds the key set from its committed segments.
class PartitionDedupMetadataManagerTest {
  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"NONE", "MD5", "MURMUR3", "UUID", "XXHASH"})
  void repeatsAreDroppedWithEveryHashFunction(String hashFunction) {
    TableConfig table = UpsertTestData.table("\"dedupConfig\": {\"hashFunction\": \"" + hashFunction + "\"}");
    PartitionDedupMetadataManager manager = TableDedupMetadataManager.of(table, UpsertTestData.SCHEMA).partition(0);
    MutableSegment segment = UpsertTestData.consuming(table, 0, 1000);
    int indexed = 0;
    for (int i = 0; i < 300; i++) {
      // The same key arrives as an Integer and as a String: both are key 3 once converted.
      GenericRow row = row(i % 100, i, i);
      if (i % 7 == 0) {
        row.putValue("id", String.valueOf(i % 100));
      }
      if (!manager.checkRecordPresentOrUpdate(row, segment)) {
        segment.index(row);
        indexed++;
      }
    }
    assertThat(indexed).isEqualTo(100);
    assertThat(manager.numPrimaryKeys()).isEqualTo(100);
  }

  @Test
  void metadataTtlLetsKeysOlderThanTheLargestTimeMinusTtlIn() {
    TableConfig table = UpsertTestData.table("\"dedupConfig\": {\"metadataTTL\": 100}");
    PartitionDedupMetadataManager manager = TableDedupMetadataManager.of(table, UpsertTestData.SCHEMA).partition(0);
    MutableSegment segment = UpsertTestData.consuming(table, 0, 100);
    assertThat(manager.checkRecordPresentOrUpdate(row(1, 1000, 0), segment)).isFalse();
    assertThat(manager.checkRecordPresentOrUpdate(row(1, 1050, 0), segment)).isTrue();
    assertThat(manager.checkRecordPresentOrUpdate(row(2, 1101, 0), segment)).isFalse();
    assertThat(manager.checkRecordPresentOrUpdate(row(1, 1102, 0), segment))
        .as("key 1 (time 1000) is older than 1101 - 100").isFalse();
    assertThat(manager.checkRecordPresentOrUpdate(row(3, 2000, 0), segment)).isFalse();
    manager.removeExpiredPrimaryKeys();
    assertThat(manager.numPrimaryKeys()).isEqualTo(1);
  }

  @Test
  void aRestartedServerRebuildsTheKeysFromItsSegments() throws Exception {
    TableConfig table = UpsertTestData.table("\"dedupConfig\": {}");
    PartitionDedupMetadataManager before = TableDedupMetadataManager.of(table, UpsertTestData.SCHEMA).partition(0);
    MutableSegment segment = UpsertTestData.consuming(table, 0, 100);
    for (int i = 0; i < 50; i++) {
      GenericRow row = row(i, i, i);
      if (!before.checkRecordPresentOrUpdate(row, segment)) {
        segment.index(row);
      }
    }
    IndexSegment committed = UpsertTestData.commit(segment, dir);
    before.replaceSegment(committed, segment);
    assertThat(before.numPrimaryKeys()).isEqualTo(50);

    PartitionDedupMetadataManager after = TableDedupMetadataManager.of(table, UpsertTestData.SCHEMA).partition(0);
    after.addSegment(committed);
    MutableSegment next = UpsertTestData.consuming(table, 1, 100);
    assertThat(after.checkRecordPresentOrUpdate(row(7, 99, 0), next)).isTrue();
    assertThat(after.checkRecordPresentOrUpdate(row(77, 99, 0), next)).isFalse();
    after.removeSegment(committed);
    assertThat(after.numPrimaryKeys()).isEqualTo(1);
    assertThat(after.checkRecordPresentOrUpdate(row(7, 99, 0), next)).isFalse();
    committed.close();
  }
}
