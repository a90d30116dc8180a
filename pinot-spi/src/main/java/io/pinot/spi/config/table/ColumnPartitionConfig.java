// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.config.table;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// How one column is partitioned (Pinot's `ColumnPartitionConfig`): the partition function's name (`Murmur`,
/// `Modulo`, `HashCode`, `ByteArray`...), the number of partitions and the function's optional settings. Immutable.
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ColumnPartitionConfig(
    @JsonProperty("functionName") String functionName,
    @JsonProperty("numPartitions") int numPartitions,
    @JsonProperty("functionConfig") @Nullable Map<String, String> functionConfig,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> otherFields) {

  public ColumnPartitionConfig {
    if (functionName == null || functionName.isBlank()) {
      throw new IllegalArgumentException("Column partition config is missing 'functionName'");
    }
    if (numPartitions <= 0) {
      throw new IllegalArgumentException("Column partition config needs a positive 'numPartitions', got "
          + numPartitions);
    }
    functionConfig = functionConfig == null ? null : new LinkedHashMap<>(functionConfig);
    otherFields = otherFields == null ? Map.of() : new LinkedHashMap<>(otherFields);
  }

  public static ColumnPartitionConfig of(String functionName, int numPartitions) {
    return new ColumnPartitionConfig(functionName, numPartitions, null, Map.of());
  }

  @Override
  @JsonAnyGetter
  public Map<String, Object> otherFields() {
    return otherFields;
  }
}
