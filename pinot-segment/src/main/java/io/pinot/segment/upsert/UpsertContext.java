// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.upsert;

import static java.util.Objects.requireNonNull;

import io.pinot.spi.config.table.HashFunction;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.config.table.UpsertConfig;
import io.pinot.spi.config.table.UpsertConfig.Strategy;
import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.FieldType;
import io.pinot.spi.data.Schema;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// The resolved upsert settings of a table: its config checked against its schema with Pinot's rules. Immutable.
///
/// @param tableName the table name with type (for messages)
/// @param schema the table's schema
/// @param config the `upsertConfig` section
/// @param primaryKeyColumns the schema's `primaryKeyColumns`
/// @param comparisonColumns `comparisonColumns`, or the table's time column when unset
/// @param strategies PARTIAL mode: the strategy of every column other than the primary key and comparison columns
///     (configured, else the default strategy); empty in FULL mode
public record UpsertContext(String tableName, Schema schema, UpsertConfig config, List<String> primaryKeyColumns,
    List<String> comparisonColumns, Map<String, Strategy> strategies) {

  public UpsertContext {
    requireNonNull(tableName, "tableName is null");
    requireNonNull(schema, "schema is null");
    requireNonNull(config, "config is null");
    primaryKeyColumns = List.copyOf(primaryKeyColumns);
    comparisonColumns = List.copyOf(comparisonColumns);
    strategies = Collections.unmodifiableMap(new LinkedHashMap<>(strategies));
  }

  /// The settings of an upsert table.
  ///
  /// @throws IllegalArgumentException naming the offending key when the table has no enabled `upsertConfig`, or the
  ///     config breaks one of Pinot's rules: `primaryKeyColumns` missing or multi-value, upsert together with dedup,
  ///     a star-tree index, a comparison column not in the schema (or no comparison column and no time column), a
  ///     `deleteRecordColumn` missing, multi-value or of another type than BOOLEAN/STRING/numeric, `metadataTTL` with
  ///     several or non-numeric comparison columns, and for PARTIAL: null handling disabled, a strategy for a primary
  ///     key, comparison or unknown column, INCREMENT on a non-numeric or date-time column, APPEND/UNION on a
  ///     single-value column
  public static UpsertContext of(TableConfig tableConfig, Schema schema) {
    UpsertConfig config = UpsertConfigs.upsert(tableConfig);
    String table = tableConfig.tableName();
    if (config == null || config.mode() == UpsertConfig.Mode.NONE) {
      throw new IllegalArgumentException("Table[" + table + "] has no enabled upsertConfig");
    }
    if (UpsertConfigs.isDedupEnabled(tableConfig)) {
      throw new IllegalArgumentException("Table[" + table
          + "]: a table can have either upsertConfig or dedupConfig enabled, but not both");
    }
    List<String> primaryKeys = primaryKeyColumns(table, schema);
    Map<String, Object> indexing = tableConfig.tableIndexConfig().otherFields();
    if (indexing.get("starTreeIndexConfigs") instanceof List<?> starTrees && !starTrees.isEmpty()
        || Boolean.TRUE.equals(indexing.get("enableDefaultStarTree"))) {
      throw new IllegalArgumentException("Table[" + table + "]: the upsert table cannot have star-tree index");
    }
    List<String> comparisons = config.comparisonColumns();
    if (comparisons == null) {
      String timeColumn = tableConfig.segmentsConfig().timeColumnName();
      if (timeColumn == null) {
        throw new IllegalArgumentException("Table[" + table
            + "]: upsertConfig.comparisonColumns is not set and the table has no time column");
      }
      comparisons = List.of(timeColumn);
    }
    for (String column : comparisons) {
      requireColumn(schema, column, "upsertConfig.comparisonColumns");
    }
    validateDeleteColumn(schema, config.deleteRecordColumn());
    if (config.metadataTTL() > 0) {
      if (comparisons.size() != 1) {
        throw new IllegalArgumentException("upsertConfig.metadataTTL does not work with multiple comparison columns");
      }
      requireNumeric(schema, comparisons.get(0), "upsertConfig.metadataTTL needs a numeric comparison column");
    }
    Map<String, Strategy> strategies = new LinkedHashMap<>();
    if (config.mode() == UpsertConfig.Mode.PARTIAL) {
      strategies = partialStrategies(tableConfig, schema, config, primaryKeys, comparisons);
    }
    return new UpsertContext(table, schema, config, primaryKeys, comparisons, strategies);
  }

  /// The delete marker column, or null.
  public @Nullable String deleteRecordColumn() {
    return config.deleteRecordColumn();
  }

  /// The primary-key hash function.
  public HashFunction hashFunction() {
    return requireNonNull(config.hashFunction());
  }

  /// Whether the table merges rows (PARTIAL mode).
  public boolean partial() {
    return config.mode() == UpsertConfig.Mode.PARTIAL;
  }

  /// The schema's primary-key columns, checked: present, non-empty, in the schema and single-value.
  static List<String> primaryKeyColumns(String table, Schema schema) {
    List<String> primaryKeys = schema.primaryKeyColumns();
    if (primaryKeys == null || primaryKeys.isEmpty()) {
      throw new IllegalArgumentException("Table[" + table
          + "]: upsert/dedup table must have primaryKeyColumns in the schema[" + schema.schemaName() + "]");
    }
    for (String column : primaryKeys) {
      if (!requireColumn(schema, column, "primaryKeyColumns").singleValue()) {
        throw new IllegalArgumentException("Upsert/dedup primary key column[" + column
            + "] cannot be of multi-value type");
      }
    }
    return primaryKeys;
  }

  static FieldSpec requireColumn(Schema schema, String column, String key) {
    FieldSpec spec = schema.fieldSpec(column);
    if (spec == null) {
      throw new IllegalArgumentException(key + ": column[" + column + "] is not in schema[" + schema.schemaName()
          + "]");
    }
    return spec;
  }

  static void requireNumeric(Schema schema, String column, String message) {
    DataType type = schema.fieldSpec(column).dataType();
    if (!type.isNumeric() && !type.storedType().isNumeric()) {
      throw new IllegalArgumentException(message + ": column[" + column + "] is " + type);
    }
  }

  private static void validateDeleteColumn(Schema schema, @Nullable String column) {
    if (column == null) {
      return;
    }
    FieldSpec spec = requireColumn(schema, column, "upsertConfig.deleteRecordColumn");
    DataType type = spec.dataType();
    if (!spec.singleValue()) {
      throw new IllegalArgumentException("upsertConfig.deleteRecordColumn[" + column + "] must be single-valued");
    }
    if (type != DataType.BOOLEAN && type != DataType.STRING && !type.isNumeric()) {
      throw new IllegalArgumentException("upsertConfig.deleteRecordColumn[" + column
          + "] must be of type BOOLEAN, STRING or numeric, got " + type);
    }
  }

  private static Map<String, Strategy> partialStrategies(TableConfig tableConfig, Schema schema,
      UpsertConfig config, List<String> primaryKeys, List<String> comparisons) {
    if (!schema.enableColumnBasedNullHandling() && !tableConfig.tableIndexConfig().nullHandling()) {
      throw new IllegalArgumentException("Table[" + tableConfig.tableName()
          + "]: null handling must be enabled for partial upsert tables (tableIndexConfig.nullHandlingEnabled or "
          + "the schema's enableColumnBasedNullHandling)");
    }
    for (Map.Entry<String, Strategy> entry : config.strategies().entrySet()) {
      String column = entry.getKey();
      String key = "upsertConfig.partialUpsertStrategies." + column;
      if (primaryKeys.contains(column)) {
        throw new IllegalArgumentException(key + ": merger cannot be applied to primary key columns");
      }
      if (comparisons.contains(column)) {
        throw new IllegalArgumentException(key + ": merger cannot be applied to comparison column");
      }
      FieldSpec spec = schema.fieldSpec(column);
      if (spec == null) {
        throw new IllegalArgumentException(key + ": merger cannot be applied to non-existing column[" + column + "]");
      }
      Strategy strategy = requireNonNull(entry.getValue(), key + " is null");
      if (strategy == Strategy.INCREMENT && (!spec.dataType().storedType().isNumeric()
          || spec.category() == FieldType.DATE_TIME || spec.category() == FieldType.TIME)) {
        throw new IllegalArgumentException(key + ": INCREMENT merger cannot be applied to non-numeric or date time "
            + "column[" + column + "]");
      }
      if ((strategy == Strategy.APPEND || strategy == Strategy.UNION) && spec.singleValue()) {
        throw new IllegalArgumentException(key + ": " + strategy + " merger cannot be applied to single-value column["
            + column + "]");
      }
    }
    Map<String, Strategy> strategies = new LinkedHashMap<>();
    for (FieldSpec spec : schema.allFieldSpecs()) {
      String column = spec.name();
      if (!primaryKeys.contains(column) && !comparisons.contains(column)) {
        strategies.put(column, config.strategies().getOrDefault(column, config.defaultPartialUpsertStrategy()));
      }
    }
    return strategies;
  }
}
