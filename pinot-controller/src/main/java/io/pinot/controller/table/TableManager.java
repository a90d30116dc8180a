// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.table;

import io.pinot.common.http.RestException;
import io.pinot.controller.deepstore.SegmentDeepStore;
import io.pinot.controller.helix.IdealStateManager;
import io.pinot.controller.helix.InstanceManager;
import io.pinot.controller.helix.MetadataStore;
import io.pinot.controller.realtime.RealtimeSegmentManager;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.config.table.TableType;
import io.pinot.spi.data.Schema;
import io.pinot.spi.stream.StreamException;
import io.pinot.spi.utils.TableNameBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Creates, updates and deletes schemas and tables, keeping the property store, the table's ideal state,
/// `brokerResource` and the deep store consistent. Methods are synchronized: the controller serialises
/// metadata changes so that concurrent REST calls cannot interleave half-done updates.
public final class TableManager {
  private static final Logger LOGGER = LoggerFactory.getLogger(TableManager.class);

  private final MetadataStore store;
  private final IdealStateManager idealStates;
  private final InstanceManager instances;
  private final SegmentDeepStore deepStore;
  private final RealtimeSegmentManager realtime;

  public TableManager(MetadataStore store, IdealStateManager idealStates, InstanceManager instances,
      SegmentDeepStore deepStore, RealtimeSegmentManager realtime) {
    this.store = store;
    this.idealStates = idealStates;
    this.instances = instances;
    this.deepStore = deepStore;
    this.realtime = realtime;
  }

  /// Adds a schema, or replaces it when `override` and the change is backward compatible (or `force`).
  public synchronized boolean putSchema(Schema schema, boolean override, boolean force) {
    Schema existing = store.schema(schema.schemaName());
    if (existing != null) {
      if (!override) {
        throw RestException.conflict("Schema " + schema.schemaName() + " already exists");
      }
      String problem = SchemaCompatibility.incompatibility(existing, schema);
      if (problem != null && !force) {
        throw RestException.badRequest("Schema " + schema.schemaName() + " is not backward compatible: " + problem
            + " (use force=true to override)");
      }
    }
    store.putSchema(schema);
    return existing == null;
  }

  public synchronized void deleteSchema(String schemaName) {
    if (store.schema(schemaName) == null) {
      throw RestException.notFound("Schema " + schemaName + " not found");
    }
    for (String table : store.tableNamesWithType()) {
      TableConfig config = store.tableConfig(table);
      if (config != null && config.schemaName().equals(schemaName)) {
        throw RestException.conflict("Cannot delete schema " + schemaName + ", as it is associated with table "
            + table);
      }
    }
    store.deleteSchema(schemaName);
  }

  /// Adds a table; returns notes about accepted settings that are not built yet.
  public synchronized List<String> addTable(TableConfig config) {
    Schema schema = store.schema(config.schemaName());
    if (schema == null) {
      throw RestException.badRequest("Schema " + config.schemaName() + " does not exist: add the schema of table "
          + config.rawTableName() + " before the table");
    }
    List<String> notes = TableConfigValidator.validate(config, schema);
    validateHybrid(config);
    if (store.tableConfig(config.tableName()) != null) {
      throw RestException.conflict("Table " + config.tableName() + " already exists");
    }
    requireServers(config);
    store.putTableConfig(config);
    try {
      idealStates.createTableResource(config.tableName(), config.segmentsConfig().replicationNumber());
    } catch (RuntimeException e) {
      store.deleteTableConfig(config.tableName());
      throw e;
    }
    updateBrokers(config);
    if (config.tableType() == TableType.REALTIME) {
      startConsuming(config);
    }
    LOGGER.info("Added table {}", config.tableName());
    return notes;
  }

  private void requireServers(TableConfig config) {
    String serverTag = config.tenants().serverTag(config.tableType());
    if (instances.instancesWithTag(serverTag).isEmpty()) {
      throw RestException.badRequest("Failed to find servers with tag " + serverTag + " for table "
          + config.tableName() + ": start a server first");
    }
  }

  /// Pinot's `POST /tableConfigs`: creates the schema and the table halves of `configs`. Everything is checked
  /// before anything is written (the document, that nothing of that name exists, servers for each half); should a
  /// write still fail (a stream that cannot be read), whatever was written is removed again.
  public synchronized List<String> addTableConfigs(TableConfigs configs) {
    String raw = configs.tableName();
    if (store.tableConfig(TableNameBuilder.offline(raw)) != null
        || store.tableConfig(TableNameBuilder.realtime(raw)) != null || store.schema(raw) != null) {
      throw RestException.badRequest("TableConfigs: " + raw + " already exists. Use PUT to update existing config");
    }
    List<String> notes = validated(configs);
    for (TableConfig half : configs.halves()) {
      requireServers(half);
    }
    store.putSchema(configs.schema());
    try {
      for (TableConfig half : configs.halves()) {
        addTable(half);
      }
    } catch (RuntimeException e) {
      try {
        deleteTable(raw, null);
        store.deleteSchema(raw);
      } catch (IOException | RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    LOGGER.info("Added TableConfigs {}", raw);
    return notes;
  }

  /// Pinot's `PUT /tableConfigs/{tableName}`: replaces the schema (backward compatible unless `force`), updates the
  /// halves that exist and creates the ones that do not. Checked as a whole before anything is written.
  public synchronized List<String> updateTableConfigs(TableConfigs configs, boolean force) {
    String raw = configs.tableName();
    if (tableConfigs(raw).isEmpty()) {
      throw RestException.badRequest("TableConfigs: " + raw + " does not exist. Use POST to create it first.");
    }
    List<String> notes = validated(configs);
    Schema existing = store.schema(raw);
    String problem = existing == null ? null : SchemaCompatibility.incompatibility(existing, configs.schema());
    if (problem != null && !force) {
      throw RestException.badRequest("Invalid TableConfigs for: " + raw + ", schema is not backward compatible: "
          + problem + " (use forceTableSchemaUpdate=true to override)");
    }
    List<TableConfig> added = new ArrayList<>();
    List<TableConfig> updated = new ArrayList<>();
    for (TableConfig half : configs.halves()) {
      (store.tableConfig(half.tableName()) == null ? added : updated).add(half);
    }
    try {
      for (TableConfig half : configs.halves()) {
        if (configs.offline() == null || configs.realtime() == null) {
          validateHybrid(half);
        }
      }
    } catch (IllegalArgumentException e) {
      throw RestException.badRequest("Invalid TableConfigs: " + raw + ". " + e.getMessage());
    }
    for (TableConfig half : added) {
      requireServers(half);
    }
    store.putSchema(configs.schema());
    // Existing halves first, so that a new half is checked against its counterpart's new config.
    for (TableConfig half : updated) {
      store.putTableConfig(half);
      updateBrokers(half);
    }
    for (TableConfig half : added) {
      addTable(half);
    }
    return notes;
  }

  /// Pinot's `DELETE /tableConfigs/{tableName}`: both halves and the schema. Returns whether anything existed.
  public synchronized boolean deleteTableConfigs(String rawTableName) throws IOException {
    boolean tables = !deleteTable(rawTableName, null).isEmpty();
    boolean schema = store.schema(rawTableName) != null && store.deleteSchema(rawTableName);
    return tables || schema;
  }

  /// The schema and halves of a table, or null when it has no schema.
  public @Nullable TableConfigs tableConfigsOf(String tableName) {
    String raw = TableNameBuilder.rawTableName(tableName);
    Schema schema = store.schema(raw);
    if (schema == null) {
      return null;
    }
    return new TableConfigs(raw, schema, store.tableConfig(TableNameBuilder.offline(raw)),
        store.tableConfig(TableNameBuilder.realtime(raw)));
  }

  private static List<String> validated(TableConfigs configs) {
    try {
      return configs.validate();
    } catch (IllegalArgumentException e) {
      throw RestException.badRequest("Invalid TableConfigs: " + configs.tableName() + ". " + e.getMessage());
    }
  }

  /// When the other half of the table exists, both halves must agree on what a hybrid table needs.
  private void validateHybrid(TableConfig config) {
    String other = TableNameBuilder.tableNameWithType(config.rawTableName(),
        config.tableType() == TableType.OFFLINE ? TableType.REALTIME : TableType.OFFLINE);
    TableConfig counterpart = store.tableConfig(other);
    if (counterpart != null) {
      TableConfigValidator.validateHybrid(config.tableType() == TableType.OFFLINE ? config : counterpart,
          config.tableType() == TableType.OFFLINE ? counterpart : config);
    }
  }

  /// Creates the first consuming segment of each stream partition; a stream that cannot be read undoes the
  /// table creation and says why.
  private void startConsuming(TableConfig config) {
    try {
      realtime.setUpNewTable(config);
    } catch (StreamException | RuntimeException e) {
      idealStates.setTableBrokers(config.tableName(), new TreeSet<>());
      idealStates.dropTableResource(config.tableName());
      store.deleteAllSegments(config.tableName());
      store.deleteTableConfig(config.tableName());
      throw RestException.badRequest("Cannot consume the stream of table " + config.tableName() + ": "
          + e.getMessage());
    }
  }

  public synchronized List<String> updateTable(TableConfig config) {
    if (store.tableConfig(config.tableName()) == null) {
      throw RestException.notFound("Table " + config.tableName() + " does not exist");
    }
    Schema schema = store.schema(config.schemaName());
    if (schema == null) {
      throw RestException.badRequest("Schema " + config.schemaName() + " does not exist");
    }
    List<String> notes = TableConfigValidator.validate(config, schema);
    validateHybrid(config);
    store.putTableConfig(config);
    updateBrokers(config);
    return notes;
  }

  /// Deletes the OFFLINE and/or REALTIME halves of a table; returns the names deleted.
  public synchronized List<String> deleteTable(String tableName, @Nullable TableType type) throws IOException {
    List<String> deleted = new ArrayList<>();
    for (String tableNameWithType : namesWithType(tableName, type)) {
      if (store.tableConfig(tableNameWithType) == null && !idealStates.resourceExists(tableNameWithType)) {
        continue;
      }
      idealStates.setTableBrokers(tableNameWithType, new TreeSet<>());
      idealStates.dropTableResource(tableNameWithType);
      store.deleteAllSegments(tableNameWithType);
      store.deleteTableConfig(tableNameWithType);
      deleted.add(tableNameWithType);
    }
    if (!deleted.isEmpty() && tableConfigs(TableNameBuilder.rawTableName(tableName)).isEmpty()) {
      deepStore.deleteTable(TableNameBuilder.rawTableName(tableName));
    }
    return deleted;
  }

  /// The configs of a table's halves (OFFLINE first).
  public List<TableConfig> tableConfigs(String tableName) {
    List<TableConfig> configs = new ArrayList<>();
    for (String tableNameWithType : namesWithType(tableName, null)) {
      TableConfig config = store.tableConfig(tableNameWithType);
      if (config != null) {
        configs.add(config);
      }
    }
    return configs;
  }

  /// Raw names of all tables, sorted.
  public List<String> rawTableNames() {
    TreeSet<String> names = new TreeSet<>();
    for (String table : store.tableNamesWithType()) {
      names.add(TableNameBuilder.rawTableName(table));
    }
    return new ArrayList<>(names);
  }

  /// Makes every table served by all brokers of its broker tenant (after brokers join or leave).
  public synchronized void reconcileBrokerResource() {
    for (String table : store.tableNamesWithType()) {
      TableConfig config = store.tableConfig(table);
      if (config != null) {
        updateBrokers(config);
      }
    }
  }

  private void updateBrokers(TableConfig config) {
    idealStates.setTableBrokers(config.tableName(),
        new LinkedHashSet<>(instances.instancesWithTag(config.tenants().brokerTag())));
  }

  private static List<String> namesWithType(String tableName, @Nullable TableType type) {
    TableType suffixType = TableNameBuilder.tableType(tableName);
    String raw = TableNameBuilder.rawTableName(tableName);
    TableType effective = suffixType != null ? suffixType : type;
    if (effective != null) {
      return List.of(TableNameBuilder.tableNameWithType(raw, effective));
    }
    return List.of(TableNameBuilder.offline(raw), TableNameBuilder.realtime(raw));
  }
}
