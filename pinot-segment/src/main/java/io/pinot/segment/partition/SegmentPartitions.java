// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.partition;

import io.pinot.segment.spi.ColumnPartitionMetadata;
import io.pinot.segment.spi.Dictionary;
import io.pinot.spi.config.table.ColumnPartitionConfig;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Computes the partitions a segment's values of a column fall in, from the column's sorted distinct values (each
/// partitioned by its text form, [Dictionary#getStringValue]: Java's text of numbers, lower-case hex of BYTES).
/// Stateless utilities.
public final class SegmentPartitions {
  private static final Logger LOGGER = LoggerFactory.getLogger(SegmentPartitions.class);

  private SegmentPartitions() {
  }

  /// The partition metadata of the distinct values, or null (logged) when the function cannot partition them.
  public static @Nullable ColumnPartitionMetadata compute(String column, ColumnPartitionConfig config,
      Dictionary distinctValues) {
    PartitionFunction function;
    try {
      function = PartitionFunction.of(config);
    } catch (IllegalArgumentException e) {
      LOGGER.warn("Column[{}] is not partitioned: {}", column, e.getMessage());
      return null;
    }
    SortedSet<Integer> partitions = new TreeSet<>();
    int cardinality = distinctValues.length();
    try {
      for (int id = 0; id < cardinality && partitions.size() < function.numPartitions(); id++) {
        partitions.add(function.partition(distinctValues.getStringValue(id)));
      }
    } catch (IllegalArgumentException e) {
      LOGGER.warn("Column[{}] is not partitioned by {}: {}", column, function.name(), e.getMessage());
      return null;
    }
    return ColumnPartitionMetadata.of(function.name(), function.numPartitions(), partitions,
        config.functionConfig());
  }
}
