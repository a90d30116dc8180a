// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.config.table;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.pinot.spi.utils.TableNameBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// A table config in Apache Pinot's JSON. `tableName` is normalised to the name with type
/// (`events_OFFLINE`), as Pinot stores and returns it. Sections the engine interprets are typed;
/// every other section (`metadata`, `routing`, `quota`, `ingestionConfig`, `fieldConfigList`,
/// `upsertConfig`...) is kept as parsed JSON in [#otherFields()] and written back unchanged.
/// Immutable apart from the JSON trees inside `otherFields`, which callers must not modify.
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"tableName", "tableType", "segmentsConfig", "tenants", "tableIndexConfig"})
public record TableConfig(
    @JsonProperty("tableName") String tableName,
    @JsonProperty("tableType") TableType tableType,
    @JsonProperty("segmentsConfig") SegmentsConfig segmentsConfig,
    @JsonProperty("tenants") TenantConfig tenants,
    @JsonProperty("tableIndexConfig") IndexingConfig tableIndexConfig,
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
    otherFields = otherFields == null ? Map.of() : new LinkedHashMap<>(otherFields);
  }

  /// A minimal config for tests and quickstarts.
  public static TableConfig of(String rawTableName, TableType type, @Nullable String timeColumn,
      IndexingConfig indexing) {
    SegmentsConfig segments = new SegmentsConfig(rawTableName, timeColumn, timeColumn == null ? null : "MILLISECONDS",
        "1", null, null, null, "APPEND", Map.of());
    return new TableConfig(rawTableName, type, segments, null, indexing, Map.of());
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
