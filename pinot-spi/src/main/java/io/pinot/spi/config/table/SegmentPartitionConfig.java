// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.config.table;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/// `tableIndexConfig.segmentPartitionConfig` (Pinot's `SegmentPartitionConfig`):
/// `{"columnPartitionMap": {"memberId": {"functionName": "Murmur", "numPartitions": 4}}}`. Segment creation
/// records the partitions each segment's values fall in, for broker pruning. Immutable.
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SegmentPartitionConfig(
    @JsonProperty("columnPartitionMap") Map<String, ColumnPartitionConfig> columnPartitionMap,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> otherFields) {

  public SegmentPartitionConfig {
    columnPartitionMap = columnPartitionMap == null ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(columnPartitionMap));
    otherFields = otherFields == null ? Map.of() : new LinkedHashMap<>(otherFields);
  }

  public static SegmentPartitionConfig of(Map<String, ColumnPartitionConfig> columnPartitionMap) {
    return new SegmentPartitionConfig(columnPartitionMap, Map.of());
  }

  @Override
  @JsonAnyGetter
  public Map<String, Object> otherFields() {
    return otherFields;
  }
}
