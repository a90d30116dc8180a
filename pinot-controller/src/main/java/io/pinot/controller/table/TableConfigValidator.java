// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.table;

import io.pinot.segment.index.startree.StarTreeValidation;
import io.pinot.spi.config.table.FieldConfig;
import io.pinot.spi.config.table.IndexingConfig;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.config.table.TableType;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.FieldType;
import io.pinot.spi.data.Schema;
import io.pinot.spi.stream.StreamConfig;
import java.util.ArrayList;
import java.util.List;

/// Checks a table config against its schema before it is stored: every column an index list or the
/// time column names must exist, as must `fieldConfigList` columns; star-tree configs must fit the schema
/// (`StarTreeValidation`); options this version cannot honour are either rejected with a clear message or
/// reported as accepted-but-not-built. Stateless.
public final class TableConfigValidator {
  private TableConfigValidator() {
  }

  /// @return notes for the user about accepted settings that are not acted on yet (never errors)
  /// @throws IllegalArgumentException naming the first problem
  public static List<String> validate(TableConfig config, Schema schema) {
    if (config.tableType() == TableType.REALTIME) {
      StreamConfig.of(config);
    }
    String timeColumn = config.segmentsConfig().timeColumnName();
    if (timeColumn != null && !timeColumn.isBlank()) {
      FieldSpec spec = schema.fieldSpec(timeColumn);
      if (spec == null) {
        throw new IllegalArgumentException("Time column[" + timeColumn + "] of table[" + config.tableName()
            + "] is not in schema[" + schema.schemaName() + "]");
      }
      if (spec.category() != FieldType.DATE_TIME && spec.category() != FieldType.TIME) {
        throw new IllegalArgumentException("Time column[" + timeColumn + "] must be a dateTimeFieldSpec in schema["
            + schema.schemaName() + "]");
      }
    }
    IndexingConfig indexing = config.tableIndexConfig();
    checkColumns("sortedColumn", indexing.sortedColumns(), schema, config);
    checkColumns("invertedIndexColumns", indexing.invertedIndexes(), schema, config);
    checkColumns("rangeIndexColumns", indexing.rangeIndexes(), schema, config);
    checkColumns("bloomFilterColumns", indexing.bloomFilters(), schema, config);
    checkColumns("noDictionaryColumns", indexing.noDictionary(), schema, config);
    checkColumns("jsonIndexColumns", indexing.jsonIndexes(), schema, config);
    if (indexing.sortedColumns().size() > 1) {
      throw new IllegalArgumentException("tableIndexConfig.sortedColumn may name at most one column");
    }
    for (String column : indexing.noDictionary()) {
      if (indexing.invertedIndexes().contains(column) || indexing.sortedColumns().contains(column)) {
        throw new IllegalArgumentException("Column[" + column + "] is in noDictionaryColumns and cannot have a "
            + "sorted or inverted index");
      }
    }
    for (FieldConfig field : config.fieldConfigs()) {
      if (!schema.hasColumn(field.name())) {
        throw new IllegalArgumentException("Column[" + field.name() + "] in fieldConfigList of table["
            + config.tableName() + "] is not in schema[" + schema.schemaName() + "]");
      }
    }
    StarTreeValidation.validate(config, schema);
    return notBuiltNotes(indexing);
  }

  /// Checks the two halves of a hybrid table (an OFFLINE and a REALTIME config with one raw name), as Apache Pinot
  /// does (`verifyHybridTableConfigs`): both need the same `timeColumnName`, which the broker's time boundary splits
  /// queries on, and the same broker tenant, since one broker answers for both halves.
  ///
  /// @throws IllegalArgumentException naming the raw table and both values when they differ
  public static void validateHybrid(TableConfig offline, TableConfig realtime) {
    String raw = offline.rawTableName();
    String offlineTime = offline.segmentsConfig().timeColumnName();
    String realtimeTime = realtime.segmentsConfig().timeColumnName();
    if (offlineTime == null || realtimeTime == null) {
      throw new IllegalArgumentException("'timeColumnName' cannot be null for hybrid table[" + raw
          + "]: OFFLINE time column[" + offlineTime + "], REALTIME time column[" + realtimeTime + "]");
    }
    if (!offlineTime.equals(realtimeTime)) {
      throw new IllegalArgumentException("Time column names are different for hybrid table[" + raw
          + "]: OFFLINE time column[" + offlineTime + "], REALTIME time column[" + realtimeTime + "]");
    }
    if (!offline.tenants().brokerTenant().equals(realtime.tenants().brokerTenant())) {
      throw new IllegalArgumentException("Broker tenants are different for hybrid table[" + raw + "]: OFFLINE["
          + offline.tenants().brokerTenant() + "], REALTIME[" + realtime.tenants().brokerTenant() + "]");
    }
  }

  private static List<String> notBuiltNotes(IndexingConfig indexing) {
    // Every index of tableIndexConfig is built now, JSON indexes included: nothing to note.
    List<String> notes = new ArrayList<>();
    return notes;
  }

  private static void checkColumns(String key, List<String> columns, Schema schema, TableConfig config) {
    for (String column : columns) {
      if (!schema.hasColumn(column)) {
        throw new IllegalArgumentException("Column[" + column + "] in tableIndexConfig." + key + " of table["
            + config.tableName() + "] is not in schema[" + schema.schemaName() + "]");
      }
    }
  }
}
