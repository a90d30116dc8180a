// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.pruning;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.utils.JsonUtils;
import io.pinot.segment.partition.PartitionFunction;
import io.pinot.spi.config.table.ColumnPartitionConfig;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/// The partitions of one segment's partitioned columns, read from Pinot's `segment.partition.metadata` in the
/// segment's ZooKeeper record (`{"columnPartitionMap": {column: {"functionName", "numPartitions", "partitions",
/// "functionConfig"}}}`). Immutable.
///
/// @param columns partitioned column → its function and the partitions of the segment's values
public record SegmentPartitionInfo(Map<String, ColumnPartitions> columns) {
  /// One partitioned column of a segment.
  public record ColumnPartitions(PartitionFunction function, Set<Integer> partitions) {
    public ColumnPartitions {
      partitions = Set.copyOf(partitions);
    }
  }

  public SegmentPartitionInfo {
    columns = Map.copyOf(columns);
  }

  /// Parses the JSON of `segment.partition.metadata`; null when absent, malformed or naming a partition function
  /// this build does not know (such a segment is never pruned).
  public static @Nullable SegmentPartitionInfo parse(@Nullable String json) {
    if (json == null || json.isBlank()) {
      return null;
    }
    try {
      JsonNode map = JsonUtils.parse(json).path("columnPartitionMap");
      Map<String, ColumnPartitions> columns = new HashMap<>();
      for (Map.Entry<String, JsonNode> field : map.properties()) {
        JsonNode column = field.getValue();
        Map<String, String> functionConfig = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : column.path("functionConfig").properties()) {
          functionConfig.put(entry.getKey(), entry.getValue().asText());
        }
        PartitionFunction function = PartitionFunction.of(new ColumnPartitionConfig(
            column.path("functionName").asText(), column.path("numPartitions").asInt(), functionConfig, Map.of()));
        Set<Integer> partitions = new HashSet<>();
        column.path("partitions").forEach(partition -> partitions.add(partition.asInt()));
        columns.put(field.getKey(), new ColumnPartitions(function, partitions));
      }
      return columns.isEmpty() ? null : new SegmentPartitionInfo(columns);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
