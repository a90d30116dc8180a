// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.upsert;

import static java.util.Objects.requireNonNull;

import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import java.util.concurrent.ConcurrentHashMap;

/// The dedup metadata of a table on one server: one [PartitionDedupMetadataManager] per stream partition.
/// Thread-safe.
public final class TableDedupMetadataManager {
  private final DedupContext context;
  private final ConcurrentHashMap<Integer, PartitionDedupMetadataManager> partitions = new ConcurrentHashMap<>();

  public TableDedupMetadataManager(DedupContext context) {
    this.context = requireNonNull(context, "context is null");
  }

  /// The manager of a dedup table.
  ///
  /// @throws IllegalArgumentException naming the offending key when the dedup config is invalid (see
  ///     [DedupContext#of])
  public static TableDedupMetadataManager of(TableConfig tableConfig, Schema schema) {
    return new TableDedupMetadataManager(DedupContext.of(tableConfig, schema));
  }

  public DedupContext context() {
    return context;
  }

  /// The manager of one partition, created on first use.
  public PartitionDedupMetadataManager partition(int partitionId) {
    return partitions.computeIfAbsent(partitionId, id -> new PartitionDedupMetadataManager(context, id));
  }

  /// The number of primary keys over all partitions.
  public long numPrimaryKeys() {
    long total = 0;
    for (PartitionDedupMetadataManager partition : partitions.values()) {
      total += partition.numPrimaryKeys();
    }
    return total;
  }
}
