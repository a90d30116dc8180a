// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.upsert;

import static java.util.Objects.requireNonNull;

import io.pinot.spi.config.table.DedupConfig;
import io.pinot.spi.config.table.HashFunction;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.config.table.TableType;
import io.pinot.spi.data.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// The resolved dedup settings of a table: its `dedupConfig` checked against its schema with Pinot's rules.
/// Immutable.
///
/// @param tableName the table name with type (for messages)
/// @param schema the table's schema
/// @param config the `dedupConfig` section
/// @param primaryKeyColumns the schema's `primaryKeyColumns`
/// @param dedupTimeColumn `dedupTimeColumn`, else the table's time column; null when neither is set (then
///     `metadataTTL` must be 0)
public record DedupContext(String tableName, Schema schema, DedupConfig config, List<String> primaryKeyColumns,
    @Nullable String dedupTimeColumn) {

  public DedupContext {
    requireNonNull(tableName, "tableName is null");
    requireNonNull(schema, "schema is null");
    requireNonNull(config, "config is null");
    primaryKeyColumns = List.copyOf(primaryKeyColumns);
  }

  /// The settings of a dedup table.
  ///
  /// @throws IllegalArgumentException naming the offending key when the table has no enabled `dedupConfig`, is an
  ///     OFFLINE table, also enables upsert, has no (or multi-value) `primaryKeyColumns`, or sets `metadataTTL`
  ///     without a numeric `dedupTimeColumn` or time column
  public static DedupContext of(TableConfig tableConfig, Schema schema) {
    DedupConfig config = UpsertConfigs.dedup(tableConfig);
    String table = tableConfig.tableName();
    if (config == null || !config.enabled()) {
      throw new IllegalArgumentException("Table[" + table + "] has no enabled dedupConfig");
    }
    if (tableConfig.tableType() == TableType.OFFLINE) {
      throw new IllegalArgumentException("Table[" + table
          + "]: dedup is not supported for OFFLINE table. Only upsert is supported for OFFLINE table");
    }
    if (UpsertConfigs.isUpsertEnabled(tableConfig)) {
      throw new IllegalArgumentException("Table[" + table
          + "]: a table can have either upsertConfig or dedupConfig enabled, but not both");
    }
    List<String> primaryKeys = UpsertContext.primaryKeyColumns(table, schema);
    String timeColumn = config.dedupTimeColumn() != null ? config.dedupTimeColumn()
        : tableConfig.segmentsConfig().timeColumnName();
    if (config.metadataTTL() > 0) {
      if (timeColumn == null) {
        throw new IllegalArgumentException("dedupConfig.metadataTTL needs dedupConfig.dedupTimeColumn or a time "
            + "column in table[" + table + "]");
      }
      UpsertContext.requireColumn(schema, timeColumn, "dedupConfig.dedupTimeColumn");
      UpsertContext.requireNumeric(schema, timeColumn, "dedupConfig.metadataTTL needs a numeric dedupTimeColumn");
    } else if (timeColumn != null && schema.fieldSpec(timeColumn) == null) {
      timeColumn = null;
    }
    return new DedupContext(table, schema, config, primaryKeys, timeColumn);
  }

  /// The primary-key hash function.
  public HashFunction hashFunction() {
    return requireNonNull(config.hashFunction());
  }
}
