// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.table;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.config.table.TableType;
import io.pinot.spi.data.Schema;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// Apache Pinot's `TableConfigs`: a table's schema and its OFFLINE and REALTIME configs as one JSON document,
/// `{"tableName": raw name, "schema": {...}, "offline": {...}, "realtime": {...}}` (absent halves are omitted).
/// Immutable.
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"tableName", "schema", "offline", "realtime"})
public record TableConfigs(
    @JsonProperty("tableName") String tableName,
    @JsonProperty("schema") Schema schema,
    @JsonProperty("offline") @Nullable TableConfig offline,
    @JsonProperty("realtime") @Nullable TableConfig realtime) {

  public TableConfigs {
    if (tableName == null || tableName.isBlank()) {
      throw new IllegalArgumentException("'tableName' cannot be null or empty in TableConfigs");
    }
    if (schema == null) {
      throw new IllegalArgumentException("'schema' cannot be null in TableConfigs");
    }
  }

  /// The halves present, OFFLINE first.
  public List<TableConfig> halves() {
    List<TableConfig> halves = new ArrayList<>(2);
    if (offline != null) {
      halves.add(offline);
    }
    if (realtime != null) {
      halves.add(realtime);
    }
    return halves;
  }

  /// Checks the document on its own, as Pinot's `validateConfig` does: at least one half, the schema named after
  /// the table, each half named after the table, of its slot's type and using that schema, each half valid against
  /// the schema ([TableConfigValidator]), and both halves of a hybrid table consistent.
  ///
  /// @return notes about accepted settings that are not acted on yet
  /// @throws IllegalArgumentException naming the first problem
  public List<String> validate() {
    if (offline == null && realtime == null) {
      throw new IllegalArgumentException("Must provide at least one of 'realtime' or 'offline' table configs for "
          + "adding TableConfigs: " + tableName);
    }
    if (!tableName.equals(schema.schemaName())) {
      throw new IllegalArgumentException("'tableName': " + tableName + " must be equal to 'schemaName' from "
          + "'schema': " + schema.schemaName());
    }
    List<String> notes = new ArrayList<>();
    notes.addAll(validateHalf("offline", offline, TableType.OFFLINE));
    notes.addAll(validateHalf("realtime", realtime, TableType.REALTIME));
    if (offline != null && realtime != null) {
      TableConfigValidator.validateHybrid(offline, realtime);
    }
    return notes;
  }

  private List<String> validateHalf(String slot, @Nullable TableConfig config, TableType type) {
    if (config == null) {
      return List.of();
    }
    if (!config.rawTableName().equals(tableName)) {
      throw new IllegalArgumentException("Name in '" + slot + "' table config: " + config.rawTableName()
          + " must be equal to 'tableName': " + tableName);
    }
    if (config.tableType() != type) {
      throw new IllegalArgumentException("'" + slot + "' table config must have tableType " + type + ", not "
          + config.tableType());
    }
    if (!config.schemaName().equals(tableName)) {
      throw new IllegalArgumentException("Schema name in '" + slot + "' table config: " + config.schemaName()
          + " must be equal to 'tableName': " + tableName);
    }
    return TableConfigValidator.validate(config, schema);
  }
}
