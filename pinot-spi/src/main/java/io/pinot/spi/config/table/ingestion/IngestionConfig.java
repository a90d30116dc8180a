// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.config.table.ingestion;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// The `ingestionConfig` section of a table config, with Pinot's JSON names. The table config itself keeps this
/// section as untyped JSON in `TableConfig.otherFields()`; readers of the section convert it to this record (see
/// `io.pinot.segment.ingestion.IngestionConfigs`). Keys not interpreted here (`batchIngestionConfig`,
/// `streamIngestionConfig`, `aggregationConfigs`, `enrichmentConfigs`...) are kept in [#otherFields()].
/// Immutable apart from the JSON trees inside `otherFields`.
///
/// @param transformConfigs the columns computed by expressions, in configuration order (empty when none)
/// @param filterConfig the filter dropping records, or null
/// @param complexTypeConfig how nested records are flattened and unnested, or null for no complex-type handling
/// @param continueOnError skip (and count) records that cannot be transformed or converted instead of failing
/// @param rowTimeValueCheck check every time column value is a valid time between 1971 and 2071 (default false)
/// @param segmentTimeValueCheck check the segment's time range is valid (null means Pinot's default, true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"transformConfigs", "filterConfig", "complexTypeConfig", "continueOnError", "rowTimeValueCheck",
    "segmentTimeValueCheck"})
public record IngestionConfig(
    @JsonProperty("transformConfigs") @Nullable List<TransformConfig> transformConfigs,
    @JsonProperty("filterConfig") @Nullable FilterConfig filterConfig,
    @JsonProperty("complexTypeConfig") @Nullable ComplexTypeConfig complexTypeConfig,
    @JsonProperty("continueOnError") @Nullable Boolean continueOnError,
    @JsonProperty("rowTimeValueCheck") @Nullable Boolean rowTimeValueCheck,
    @JsonProperty("segmentTimeValueCheck") @Nullable Boolean segmentTimeValueCheck,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> otherFields) {

  public IngestionConfig {
    transformConfigs = transformConfigs == null ? null : List.copyOf(transformConfigs);
    otherFields = otherFields == null ? new LinkedHashMap<>() : new LinkedHashMap<>(otherFields);
  }

  /// An ingestion config with nothing configured (Pinot's defaults).
  public static IngestionConfig empty() {
    return new IngestionConfig(null, null, null, null, null, null, Map.of());
  }

  /// The transforms, empty when none are configured.
  @JsonIgnore
  public List<TransformConfig> transforms() {
    return transformConfigs == null ? List.of() : transformConfigs;
  }

  /// The filter expression, or null when there is none.
  @JsonIgnore
  public @Nullable String filterFunction() {
    String function = filterConfig == null ? null : filterConfig.filterFunction();
    return function == null || function.isBlank() ? null : function;
  }

  @JsonIgnore
  public boolean continueOnErrorEnabled() {
    return continueOnError != null && continueOnError;
  }

  @JsonIgnore
  public boolean rowTimeValueCheckEnabled() {
    return rowTimeValueCheck != null && rowTimeValueCheck;
  }

  @JsonIgnore
  public boolean segmentTimeValueCheckEnabled() {
    return segmentTimeValueCheck == null || segmentTimeValueCheck;
  }

  @Override
  @JsonAnyGetter
  public Map<String, Object> otherFields() {
    return otherFields;
  }
}
