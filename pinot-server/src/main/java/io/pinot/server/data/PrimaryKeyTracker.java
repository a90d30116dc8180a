// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.data;

import io.pinot.segment.mutable.LlcSegmentName;
import io.pinot.segment.mutable.MutableSegment;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.segment.upsert.PartitionDedupMetadataManager;
import io.pinot.segment.upsert.PartitionKeyMetadata;
import io.pinot.segment.upsert.PartitionUpsertMetadataManager;
import io.pinot.segment.upsert.TableDedupMetadataManager;
import io.pinot.segment.upsert.TableUpsertMetadataManager;
import io.pinot.segment.upsert.UpsertConfigs;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.GenericRow;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/// The primary-key metadata of an upsert or dedup table half on this server, kept in step with the segments the
/// server serves: every segment added, replaced (a consuming segment by its committed copy, a reloaded segment) or
/// removed is reported to its partition's metadata (the partition is taken from the LLC segment name; other
/// segments count as partition 0). Thread-safe, as the metadata managers are.
///
/// @param partitions the metadata of each partition, created on first use
/// @param consumers what a consumer of each partition does with its rows
public record PrimaryKeyTracker(IntFunction<? extends PartitionKeyMetadata> partitions,
    IntFunction<PartitionKeys> consumers) {

  /// The tracker of the table, or null when it is neither an upsert nor a dedup table.
  ///
  /// @throws IllegalArgumentException naming the offending key when the upsert or dedup config is invalid
  public static @Nullable PrimaryKeyTracker of(TableConfig tableConfig, Schema schema) {
    if (UpsertConfigs.isUpsertEnabled(tableConfig)) {
      TableUpsertMetadataManager manager = TableUpsertMetadataManager.of(tableConfig, schema);
      boolean partial = manager.context().partial();
      return new PrimaryKeyTracker(manager::partition,
          partition -> new UpsertKeys(manager.partition(partition), partial));
    }
    if (UpsertConfigs.isDedupEnabled(tableConfig)) {
      TableDedupMetadataManager manager = TableDedupMetadataManager.of(tableConfig, schema);
      return new PrimaryKeyTracker(manager::partition, partition -> new DedupKeys(manager.partition(partition)));
    }
    return null;
  }

  /// A segment starts being served (before queries can see it).
  public void add(IndexSegment segment) {
    partitions.apply(partitionOf(segment)).addSegment(segment);
  }

  /// `segment` replaces `previous` of the same name (before queries move to it; `previous` is still open).
  public void replace(IndexSegment segment, IndexSegment previous) {
    partitions.apply(partitionOf(segment)).replaceSegment(segment, previous);
  }

  /// A segment stops being served (before it is closed).
  public void remove(IndexSegment segment) {
    partitions.apply(partitionOf(segment)).removeSegment(segment);
  }

  /// What a consumer of `partition` does with each row.
  public PartitionKeys partition(int partition) {
    return consumers.apply(partition);
  }

  private static int partitionOf(IndexSegment segment) {
    String name = segment.segmentName();
    return LlcSegmentName.isLlcSegmentName(name) ? LlcSegmentName.parse(name).partitionGroupId() : 0;
  }

  /// The per-row steps of a consumer of one partition: [#admit] before a row is indexed, [#indexed] after.
  /// Called by the consuming thread only.
  public sealed interface PartitionKeys {
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
