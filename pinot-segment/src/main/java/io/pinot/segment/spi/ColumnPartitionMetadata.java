// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/// The partitions a segment's values of one column fall in, as recorded in `metadata.properties`
/// (`column.<c>.partitionFunction`, `.numPartitions`, `.partitionValues`, `.partitionFunctionConfig`), for broker
/// segment pruning: a query `c = v` can skip the segment when `v`'s partition is not among [#partitions()].
///
/// @param functionName Pinot's partition function name (`Murmur`, `Modulo`, `HashCode`, `ByteArray`)
/// @param numPartitions number of partitions of the function
/// @param partitions the partition ids of the segment's values, ascending
/// @param functionConfig the function's settings from the table config (may be empty)
public record ColumnPartitionMetadata(String functionName, int numPartitions, SortedSet<Integer> partitions,
    Map<String, String> functionConfig) {
  public ColumnPartitionMetadata {
    Objects.requireNonNull(functionName, "functionName is null");
    partitions = Collections.unmodifiableSortedSet(new TreeSet<>(partitions));
    functionConfig = Collections.unmodifiableMap(new LinkedHashMap<>(functionConfig));
  }

  public static ColumnPartitionMetadata of(String functionName, int numPartitions, SortedSet<Integer> partitions,
      @Nullable Map<String, String> functionConfig) {
    return new ColumnPartitionMetadata(functionName, numPartitions, partitions,
        functionConfig == null ? Map.of() : functionConfig);
  }
}
