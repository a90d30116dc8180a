// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.config.table;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// The `dedupConfig` section of a table config, with Pinot's JSON names: a record whose primary key was already
/// ingested is dropped. Kept as untyped JSON in `TableConfig.otherFields()`; `io.pinot.segment.upsert.UpsertConfigs`
/// converts and validates it. Keys not interpreted here (`preload`, `metadataManagerClass`...) are kept in
/// [#otherFields()]. Immutable apart from the JSON trees in `otherFields`.
///
/// @param dedupEnabled whether dedup is on (default true when the section is present)
/// @param hashFunction how primary keys are keyed in memory (default `NONE`)
/// @param metadataTTL keys whose dedup time is older than the largest seen minus this are forgotten (0: never), in
///     the unit of the dedup time column
/// @param dedupTimeColumn the numeric column the TTL is measured on (null: the table's time column)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"dedupEnabled", "hashFunction", "metadataTTL", "dedupTimeColumn"})
public record DedupConfig(
    @JsonProperty("dedupEnabled") @Nullable Boolean dedupEnabled,
    @JsonProperty("hashFunction") @Nullable HashFunction hashFunction,
    @JsonProperty("metadataTTL") double metadataTTL,
    @JsonProperty("dedupTimeColumn") @Nullable String dedupTimeColumn,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> otherFields) {

  public DedupConfig {
    dedupEnabled = dedupEnabled == null ? Boolean.TRUE : dedupEnabled;
    hashFunction = hashFunction == null ? HashFunction.NONE : hashFunction;
    dedupTimeColumn = dedupTimeColumn == null || dedupTimeColumn.isEmpty() ? null : dedupTimeColumn;
    otherFields = otherFields == null ? new LinkedHashMap<>() : new LinkedHashMap<>(otherFields);
  }

  /// Whether dedup is on.
  public boolean enabled() {
    return Boolean.TRUE.equals(dedupEnabled);
  }

  @Override
  @JsonAnyGetter
  public Map<String, Object> otherFields() {
    return otherFields;
  }
}
