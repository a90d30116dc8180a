// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.config.table;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// The `segmentsConfig` section of a table config (Pinot's `SegmentsValidationAndRetentionConfig`).
/// Keys the engine does not interpret yet are kept in [#otherFields()] and written back unchanged.
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SegmentsConfig(
    @JsonProperty("schemaName") @Nullable String schemaName,
    @JsonProperty("timeColumnName") @Nullable String timeColumnName,
    @JsonProperty("timeType") @Nullable String timeType,
    @JsonProperty("replication") @Nullable String replication,
    @JsonProperty("replicasPerPartition") @Nullable String replicasPerPartition,
    @JsonProperty("retentionTimeUnit") @Nullable String retentionTimeUnit,
    @JsonProperty("retentionTimeValue") @Nullable String retentionTimeValue,
    @JsonProperty("segmentPushType") @Nullable String segmentPushType,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> otherFields) {

  public SegmentsConfig {
    otherFields = otherFields == null ? Map.of() : new LinkedHashMap<>(otherFields);
    if (replication != null) {
      try {
        if (Integer.parseInt(replication.trim()) < 1) {
          throw new IllegalArgumentException("segmentsConfig.replication must be at least 1");
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("segmentsConfig.replication must be an integer", e);
      }
    }
  }

  /// The number of replicas of each segment (`replication`, default 1).
  public int replicationNumber() {
    return replication == null ? 1 : Integer.parseInt(replication.trim());
  }

  @Override
  @JsonAnyGetter
  public Map<String, Object> otherFields() {
    return otherFields;
  }
}
