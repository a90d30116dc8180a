// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.routing;

import io.pinot.broker.pruning.SegmentPartitionInfo;
import io.pinot.broker.pruning.TimeInterval;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// The broker's in-memory view of one table half, rebuilt on cluster changes and read lock-free by queries.
///
/// @param segments every segment of the ideal state → the servers where the external view shows it ONLINE
///     (an empty list means no replica can serve it now); segments no replica should serve (all OFFLINE in the
///     ideal state, e.g. one that stopped consuming) are left out, as in Pinot
/// @param schema the table's schema, or null when it could not be read
/// @param partitions the partitions of the segments of a partitioned table (`segmentPartitionConfig`), by segment
///     name, for broker pruning; segments without recorded partitions are absent
/// @param timeIntervals the time column range of each segment of a table with a time column, in epoch milliseconds
///     (from `segment.start.time`/`segment.end.time`), for time pruning; segments without a recorded range are absent
public record TableRoute(String tableNameWithType, Map<String, List<String>> segments, TableConfig tableConfig,
    @Nullable Schema schema, Map<String, SegmentPartitionInfo> partitions, Map<String, TimeInterval> timeIntervals) {

  public TableRoute {
    segments = Map.copyOf(segments);
    partitions = Map.copyOf(partitions);
    timeIntervals = Map.copyOf(timeIntervals);
  }

  public TableRoute(String tableNameWithType, Map<String, List<String>> segments, TableConfig tableConfig,
      @Nullable Schema schema) {
    this(tableNameWithType, segments, tableConfig, schema, Map.of(), Map.of());
  }
}
