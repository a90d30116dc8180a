// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.upsert;

import static java.util.Objects.requireNonNull;

import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import java.util.concurrent.ConcurrentHashMap;

/// The upsert metadata of a table on one server: one [PartitionUpsertMetadataManager] per stream partition (upsert
/// keys never cross partitions, because the stream is partitioned by primary key). Thread-safe.
public final class TableUpsertMetadataManager {
  private final UpsertContext context;
  private final ConcurrentHashMap<Integer, PartitionUpsertMetadataManager> partitions = new ConcurrentHashMap<>();

  public TableUpsertMetadataManager(UpsertContext context) {
    this.context = requireNonNull(context, "context is null");
  }

  /// The manager of an upsert table.
  ///
  /// @throws IllegalArgumentException naming the offending key when the upsert config is invalid (see
  ///     [UpsertContext#of])
  public static TableUpsertMetadataManager of(TableConfig tableConfig, Schema schema) {
    return new TableUpsertMetadataManager(UpsertContext.of(tableConfig, schema));
  }

  public UpsertContext context() {
    return context;
  }

  /// The manager of one partition, created on first use.
  public PartitionUpsertMetadataManager partition(int partitionId) {
    return partitions.computeIfAbsent(partitionId, id -> new PartitionUpsertMetadataManager(context, id));
  }

  /// The number of primary keys over all partitions (Pinot's `upsertPrimaryKeysCount` gauge).
  public long numPrimaryKeys() {
    long total = 0;
    for (PartitionUpsertMetadataManager partition : partitions.values()) {
      total += partition.numPrimaryKeys();
    }
    return total;
  }
}
