// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.data;

import io.pinot.segment.mutable.LlcSegmentName;
import io.pinot.segment.mutable.MutableSegment;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.segment.upsert.PartitionDedupMetadataManager;
import io.pinot.segment.upsert.PartitionUpsertMetadataManager;
import io.pinot.segment.upsert.TableDedupMetadataManager;
import io.pinot.segment.upsert.TableUpsertMetadataManager;
import io.pinot.segment.upsert.UpsertConfigs;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.GenericRow;
import org.jspecify.annotations.Nullable;

/// The primary-key metadata of an upsert or dedup table half on this server, kept in step with the segments the
/// server serves: every segment added, replaced (a consuming segment by its committed copy, a reloaded segment) or
/// removed is reported to the table's metadata manager, per stream partition (taken from the LLC segment name;
/// other segments count as partition 0). Thread-safe, as the managers are.
public sealed interface PrimaryKeyTracker {
  /// The tracker of the table, or null when it is neither an upsert nor a dedup table.
  ///
  /// @throws IllegalArgumentException naming the offending key when the upsert or dedup config is invalid
  static @Nullable PrimaryKeyTracker of(TableConfig tableConfig, Schema schema) {
    if (UpsertConfigs.isUpsertEnabled(tableConfig)) {
      return new Upsert(TableUpsertMetadataManager.of(tableConfig, schema));
    }
    if (UpsertConfigs.isDedupEnabled(tableConfig)) {
      return new Dedup(TableDedupMetadataManager.of(tableConfig, schema));
    }
    return null;
  }

  /// A segment starts being served (before queries can see it).
  void add(IndexSegment segment);

  /// `segment` replaces `previous` of the same name (before queries move to it; `previous` is still open).
  void replace(IndexSegment segment, IndexSegment previous);

  /// A segment stops being served (before it is closed).
  void remove(IndexSegment segment);

  /// What a consumer of `partition` does with each row.
  PartitionKeys partition(int partition);

  /// The stream partition of a segment.
  static int partitionOf(IndexSegment segment) {
    String name = segment.segmentName();
    return LlcSegmentName.isLlcSegmentName(name) ? LlcSegmentName.parse(name).partitionGroupId() : 0;
  }

  /// The upsert metadata of a table.
  record Upsert(TableUpsertMetadataManager manager) implements PrimaryKeyTracker {
    @Override
    public void add(IndexSegment segment) {
      PartitionUpsertMetadataManager partition = manager.partition(partitionOf(segment));
      if (segment instanceof MutableSegment consuming && consuming.numDocs() == 0) {
        partition.trackConsumingSegment(consuming);
      } else {
        partition.addSegment(segment);
      }
    }

    @Override
    public void replace(IndexSegment segment, IndexSegment previous) {
      manager.partition(partitionOf(segment)).replaceSegment(segment, previous);
    }

    @Override
    public void remove(IndexSegment segment) {
      manager.partition(partitionOf(segment)).removeSegment(segment);
    }

    @Override
    public PartitionKeys partition(int partition) {
      return new UpsertKeys(manager.partition(partition), manager.context().partial());
    }
  }

  /// The dedup metadata of a table.
  record Dedup(TableDedupMetadataManager manager) implements PrimaryKeyTracker {
    @Override
    public void add(IndexSegment segment) {
      manager.partition(partitionOf(segment)).addSegment(segment);
    }

    @Override
    public void replace(IndexSegment segment, IndexSegment previous) {
      manager.partition(partitionOf(segment)).replaceSegment(segment, previous);
    }

    @Override
    public void remove(IndexSegment segment) {
      manager.partition(partitionOf(segment)).removeSegment(segment);
    }

    @Override
    public PartitionKeys partition(int partition) {
      return new DedupKeys(manager.partition(partition));
    }
  }

  /// The per-row steps of a consumer of one partition: [#admit] before a row is indexed, [#indexed] after.
  /// Called by the consuming thread only.
  sealed interface PartitionKeys {
    /// Whether consumption must wait until every committed segment of the table is loaded (dedup and partial upsert
    /// need the earlier versions of their keys; Pinot waits the same way).
    boolean waitsForLoadedSegments();

    /// Forgets keys past the metadata TTL (before a new consuming segment starts).
    void removeExpiredPrimaryKeys();

    /// Prepares `row` (partial upsert merges it with its key's latest version); false when the row must be
    /// dropped (dedup: its key was already ingested).
    boolean admit(GenericRow row, MutableSegment segment);

    /// Records `row`, just indexed as document `docId` of `segment`.
    void indexed(MutableSegment segment, int docId, GenericRow row);
  }

  /// Upsert: merge before indexing (PARTIAL), then make the new document its key's valid version.
  record UpsertKeys(PartitionUpsertMetadataManager manager, boolean partial) implements PartitionKeys {
    @Override
    public boolean waitsForLoadedSegments() {
      return partial;
    }

    @Override
    public void removeExpiredPrimaryKeys() {
      manager.removeExpiredPrimaryKeys();
    }

    @Override
    public boolean admit(GenericRow row, MutableSegment segment) {
      manager.updateRecord(row);
      return true;
    }

    @Override
    public void indexed(MutableSegment segment, int docId, GenericRow row) {
      manager.addRecord(segment, docId, row);
    }
  }

  /// Dedup: drop a row whose key is present.
  record DedupKeys(PartitionDedupMetadataManager manager) implements PartitionKeys {
    @Override
    public boolean waitsForLoadedSegments() {
      return true;
    }

    @Override
    public void removeExpiredPrimaryKeys() {
      manager.removeExpiredPrimaryKeys();
    }

    @Override
    public boolean admit(GenericRow row, MutableSegment segment) {
      return !manager.checkRecordPresentOrUpdate(row, segment);
    }

    @Override
    public void indexed(MutableSegment segment, int docId, GenericRow row) {
    }
  }
}
