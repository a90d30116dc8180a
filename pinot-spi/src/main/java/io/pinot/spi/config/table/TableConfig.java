// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.config.table;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.pinot.spi.utils.TableNameBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// A table config in Apache Pinot's JSON. `tableName` is normalised to the name with type
/// (`events_OFFLINE`), as Pinot stores and returns it. Sections the engine interprets are typed
/// (`segmentsConfig`, `tenants`, `tableIndexConfig`, `fieldConfigList`); every other section (`metadata`,
/// `routing`, `quota`, `ingestionConfig`, `upsertConfig`...) is kept as parsed JSON in [#otherFields()] and
/// written back unchanged.
/// Immutable apart from the JSON trees inside `otherFields`, which callers must not modify.
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"tableName", "tableType", "segmentsConfig", "tenants", "tableIndexConfig", "fieldConfigList"})
public record TableConfig(
    @JsonProperty("tableName") String tableName,
    @JsonProperty("tableType") TableType tableType,
    @JsonProperty("segmentsConfig") SegmentsConfig segmentsConfig,
    @JsonProperty("tenants") TenantConfig tenants,
    @JsonProperty("tableIndexConfig") IndexingConfig tableIndexConfig,
    @JsonProperty("fieldConfigList") @Nullable List<FieldConfig> fieldConfigList,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> otherFields) {

  public TableConfig {
    if (tableName == null || tableName.isBlank()) {
      throw new IllegalArgumentException("Table config is missing 'tableName'");
    }
    if (tableType == null) {
      throw new IllegalArgumentException("Table config is missing 'tableType' (OFFLINE or REALTIME)");
    }
    String raw = TableNameBuilder.rawTableName(tableName);
    TableType suffixType = TableNameBuilder.tableType(tableName);
    if (suffixType != null && suffixType != tableType) {
      throw new IllegalArgumentException("Table name[" + tableName + "] does not match tableType[" + tableType + "]");
    }
    if (!raw.matches("[A-Za-z0-9_.\\-]+") || raw.contains("__")) {
      throw new IllegalArgumentException("Invalid tableName[" + raw
          + "]: use letters, digits, '_', '-' and '.' only, and no double underscore");
    }
    tableName = TableNameBuilder.tableNameWithType(raw, tableType);
    segmentsConfig = segmentsConfig == null
        ? new SegmentsConfig(null, null, null, null, null, null, null, null, Map.of()) : segmentsConfig;
    tenants = tenants == null ? new TenantConfig(null, null, Map.of()) : tenants;
    tableIndexConfig = tableIndexConfig == null ? IndexingConfig.empty() : tableIndexConfig;
    fieldConfigList = fieldConfigList == null ? null : List.copyOf(fieldConfigList);
    otherFields = otherFields == null ? Map.of() : new LinkedHashMap<>(otherFields);
  }

  /// A config without `fieldConfigList`.
  public TableConfig(String tableName, TableType tableType, @Nullable SegmentsConfig segmentsConfig,
      @Nullable TenantConfig tenants, @Nullable IndexingConfig tableIndexConfig, Map<String, Object> otherFields) {
    this(tableName, tableType, segmentsConfig, tenants, tableIndexConfig, null, otherFields);
  }

  /// A minimal config for tests and quickstarts.
  public static TableConfig of(String rawTableName, TableType type, @Nullable String timeColumn,
      IndexingConfig indexing) {
    SegmentsConfig segments = new SegmentsConfig(rawTableName, timeColumn, timeColumn == null ? null : "MILLISECONDS",
        "1", null, null, null, "APPEND", Map.of());
    return new TableConfig(rawTableName, type, segments, null, indexing, Map.of());
  }

  /// The same config with another `tableIndexConfig`.
  public TableConfig withIndexingConfig(IndexingConfig indexing) {
    return new TableConfig(tableName, tableType, segmentsConfig, tenants, indexing, fieldConfigList, otherFields);
  }

  /// The same config with another `fieldConfigList`.
  public TableConfig withFieldConfigs(@Nullable List<FieldConfig> fieldConfigs) {
    return new TableConfig(tableName, tableType, segmentsConfig, tenants, tableIndexConfig, fieldConfigs,
        otherFields);
  }

  /// `fieldConfigList`, empty when unset.
  public List<FieldConfig> fieldConfigs() {
    return fieldConfigList == null ? List.of() : fieldConfigList;
  }

  /// The `fieldConfigList` entry of a column, or null.
  public @Nullable FieldConfig fieldConfig(String column) {
    for (FieldConfig config : fieldConfigs()) {
      if (config.name().equals(column)) {
        return config;
      }
    }
    return null;
  }

  /// The table name without the type suffix.
  public String rawTableName() {
    return TableNameBuilder.rawTableName(tableName);
  }

  /// The schema this table uses: `segmentsConfig.schemaName` when set, else the raw table name.
  public String schemaName() {
    String name = segmentsConfig.schemaName();
    return name == null || name.isBlank() ? rawTableName() : name;
  }

  @Override
  @JsonAnyGetter
  public Map<String, Object> otherFields() {
    return otherFields;
  }
}
