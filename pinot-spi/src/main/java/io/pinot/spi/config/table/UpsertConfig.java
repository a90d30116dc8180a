// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.config.table;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// The `upsertConfig` section of a table config, with Pinot's JSON names. The table config keeps the section as
/// untyped JSON in `TableConfig.otherFields()`; `io.pinot.segment.upsert.UpsertConfigs` converts and validates it.
/// Keys not interpreted here (`consistencyMode`, `deletedKeysTTL`, `snapshot`, `preload`, `metadataManagerClass`...)
/// are kept in [#otherFields()] and written back unchanged. Immutable apart from the JSON trees in `otherFields`.
///
/// @param mode `FULL` (default), `PARTIAL` or `NONE`
/// @param hashFunction how primary keys are keyed in memory (default `NONE`)
/// @param comparisonColumns the columns deciding which version of a key is the latest (null: the time column);
///     the deprecated single `comparisonColumn` is converted to a one-element list, as Pinot does
/// @param comparisonColumn always null once constructed (read for compatibility only)
/// @param partialUpsertStrategies per-column merge strategies of PARTIAL mode (null when none)
/// @param defaultPartialUpsertStrategy the strategy of the other columns in PARTIAL mode (default `OVERWRITE`)
/// @param deleteRecordColumn the column whose true value marks a key deleted (soft delete), or null
/// @param metadataTTL keys whose comparison value is older than the largest seen minus this are forgotten (0: never),
///     in the unit of the comparison column
/// @param dropOutOfOrderRecord whether a record older than its key's latest is not indexed at all (default false)
/// @param outOfOrderRecordColumn accepted and kept; out-of-order marking is not implemented
/// @param enableSnapshot accepted and kept (the deprecated form of `snapshot`); metadata is rebuilt from segments
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"mode", "hashFunction", "comparisonColumns", "partialUpsertStrategies",
    "defaultPartialUpsertStrategy", "deleteRecordColumn", "metadataTTL", "dropOutOfOrderRecord"})
public record UpsertConfig(
    @JsonProperty("mode") @Nullable Mode mode,
    @JsonProperty("hashFunction") @Nullable HashFunction hashFunction,
    @JsonProperty("comparisonColumns") @Nullable List<String> comparisonColumns,
    @JsonProperty("comparisonColumn") @Nullable String comparisonColumn,
    @JsonProperty("partialUpsertStrategies") @Nullable Map<String, Strategy> partialUpsertStrategies,
    @JsonProperty("defaultPartialUpsertStrategy") @Nullable Strategy defaultPartialUpsertStrategy,
    @JsonProperty("deleteRecordColumn") @Nullable String deleteRecordColumn,
    @JsonProperty("metadataTTL") double metadataTTL,
    @JsonProperty("dropOutOfOrderRecord") boolean dropOutOfOrderRecord,
    @JsonProperty("outOfOrderRecordColumn") @Nullable String outOfOrderRecordColumn,
    @JsonProperty("enableSnapshot") @Nullable Boolean enableSnapshot,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> otherFields) {

  /// Pinot's upsert modes.
  public enum Mode {
    FULL, PARTIAL, NONE
  }

  /// Pinot's partial-upsert merge strategies. `FORCE_OVERWRITE` takes the new value even when it is null.
  public enum Strategy {
    APPEND, IGNORE, INCREMENT, MAX, MIN, OVERWRITE, FORCE_OVERWRITE, UNION
  }

  public UpsertConfig {
    mode = mode == null ? Mode.FULL : mode;
    hashFunction = hashFunction == null ? HashFunction.NONE : hashFunction;
    if ((comparisonColumns == null || comparisonColumns.isEmpty()) && comparisonColumn != null
        && !comparisonColumn.isEmpty()) {
      comparisonColumns = List.of(comparisonColumn);
    }
    comparisonColumn = null;
    comparisonColumns = comparisonColumns == null || comparisonColumns.isEmpty() ? null
        : List.copyOf(comparisonColumns);
    partialUpsertStrategies = partialUpsertStrategies == null ? null
        : new LinkedHashMap<>(partialUpsertStrategies);
    defaultPartialUpsertStrategy = defaultPartialUpsertStrategy == null ? Strategy.OVERWRITE
        : defaultPartialUpsertStrategy;
    otherFields = otherFields == null ? new LinkedHashMap<>() : new LinkedHashMap<>(otherFields);
  }

  /// A config of the given mode with every other key at Pinot's default.
  public static UpsertConfig of(Mode mode) {
    return new UpsertConfig(mode, null, null, null, null, null, null, 0, false, null, null, Map.of());
  }

  /// The partial strategies, empty when none are configured.
  public Map<String, Strategy> strategies() {
    return partialUpsertStrategies == null ? Map.of() : partialUpsertStrategies;
  }

  @Override
  @JsonAnyGetter
  public Map<String, Object> otherFields() {
    return otherFields;
  }
}
