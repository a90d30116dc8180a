// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.startree;

import io.pinot.segment.spi.startree.AggregationFunctionColumnPair;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.Schema;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/// Checks the star-tree part of a table config against its schema, for the controller to call when a table is
/// created or updated (so that a bad config fails there, not on every segment build). Stateless utilities.
public final class StarTreeValidation {
  private StarTreeValidation() {
  }

  /// Validates `starTreeIndexConfigs`, `enableDefaultStarTree` and `enableDynamicStarTreeCreation`:
  /// - every entry has a split order, and `functionColumnPairs` or `aggregationConfigs`;
  /// - every function is COUNT, SUM, MIN, MAX, AVG or DISTINCTCOUNTBITMAP (Pinot's HLL, theta-sketch and percentile
  ///   pairs are not supported and are rejected);
  /// - split-order dimensions exist, are single-value and dictionary-encoded (not in `noDictionaryColumns`), and no
  ///   dimension is listed twice; `skipStarNodeCreationForDimensions` is a subset of the split order;
  /// - SUM/MIN/MAX/AVG columns are single-value INT, LONG, FLOAT or DOUBLE (also BOOLEAN and TIMESTAMP);
  ///   DISTINCTCOUNTBITMAP columns are single-value and dictionary-encoded;
  /// - the table is not an upsert table (as in Pinot: pre-aggregates cannot follow upserts).
  ///
  /// @throws IllegalArgumentException naming the offending entry, column or function
  public static void validate(TableConfig tableConfig, Schema schema) {
    StarTreeIndexingConfig config = StarTreeIndexingConfig.of(tableConfig);
    if (!config.hasStarTrees()) {
      return;
    }
    if (isUpsert(tableConfig)) {
      throw new IllegalArgumentException("The star-tree index is not supported on upsert table["
          + tableConfig.tableName() + "]");
    }
    Set<String> noDictionary = new HashSet<>(tableConfig.tableIndexConfig().noDictionary());
    List<StarTreeIndexConfig> entries = config.starTreeIndexConfigs();
    for (int i = 0; i < entries.size(); i++) {
      try {
        validate(StarTreeBuilderConfig.fromIndexConfig(entries.get(i)), schema, noDictionary);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Invalid starTreeIndexConfigs[" + i + "]: " + e.getMessage(), e);
      }
    }
  }

  /// Checks one resolved star-tree against the schema and the no-dictionary columns.
  static void validate(StarTreeBuilderConfig config, Schema schema, Set<String> noDictionary) {
    for (String dimension : config.dimensionsSplitOrder()) {
      FieldSpec spec = requireColumn(schema, dimension, "Dimension");
      if (!spec.singleValue()) {
        throw new IllegalArgumentException("Dimension[" + dimension + "] is multi-value; star-tree dimensions must "
            + "be single-value");
      }
      if (noDictionary.contains(dimension)) {
        throw new IllegalArgumentException("Dimension[" + dimension + "] has no dictionary; star-tree dimensions "
            + "must be dictionary-encoded");
      }
    }
    for (AggregationFunctionColumnPair pair : config.functionColumnPairs()) {
      if (!pair.function().readsColumn()) {
        continue;
      }
      FieldSpec spec = requireColumn(schema, pair.column(), "Column of pair[" + pair.toColumnName() + "]");
      if (!spec.singleValue()) {
        throw new IllegalArgumentException("Column[" + pair.column() + "] of pair[" + pair.toColumnName()
            + "] is multi-value");
      }
      switch (pair.function()) {
        case SUM, MIN, MAX, AVG -> {
          if (!aggregatable(spec.dataType())) {
            throw new IllegalArgumentException("Column[" + pair.column() + "] of pair[" + pair.toColumnName()
                + "] has type " + spec.dataType() + "; it must be INT, LONG, FLOAT or DOUBLE");
          }
        }
        case DISTINCTCOUNTBITMAP -> {
          if (noDictionary.contains(pair.column())) {
            throw new IllegalArgumentException("Column[" + pair.column() + "] of pair[" + pair.toColumnName()
                + "] has no dictionary");
          }
        }
        case COUNT -> {
        }
      }
    }
  }

  /// Whether SUM/MIN/MAX/AVG can pre-aggregate values of this type (stored as INT, LONG, FLOAT or DOUBLE).
  static boolean aggregatable(DataType type) {
    DataType stored = type.storedType();
    return stored == DataType.INT || stored == DataType.LONG || stored == DataType.FLOAT || stored == DataType.DOUBLE;
  }

  private static FieldSpec requireColumn(Schema schema, String column, String what) {
    FieldSpec spec = schema.fieldSpec(column);
    if (spec == null) {
      throw new IllegalArgumentException(what + "[" + column + "] is not in schema[" + schema.schemaName() + "]");
    }
    return spec;
  }

  private static boolean isUpsert(TableConfig tableConfig) {
    return tableConfig.otherFields().get("upsertConfig") instanceof Map<?, ?> upsert
        && upsert.get("mode") instanceof String mode && !mode.equalsIgnoreCase("NONE");
  }
}
