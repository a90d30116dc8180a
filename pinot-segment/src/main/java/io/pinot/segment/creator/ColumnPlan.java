// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator;

import io.pinot.spi.config.table.IndexingConfig;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// What to build for one column, decided from the schema and the table's `tableIndexConfig`.
///
/// @param spec the schema field
/// @param dictionary whether the column is dictionary-encoded (all columns except single-value columns listed in
///     `noDictionaryColumns`; multi-value columns always have a dictionary)
/// @param invertedIndex whether a bitmap inverted index is requested (`invertedIndexColumns`, dictionary only)
/// @param sortedRequested whether the column is listed in `sortedColumn`
record ColumnPlan(FieldSpec spec, boolean dictionary, boolean invertedIndex, boolean sortedRequested) {
  private static final Logger LOGGER = LoggerFactory.getLogger(ColumnPlan.class);

  String name() {
    return spec.name();
  }

  /// The plans of all schema columns, in schema order. Index kinds not built yet (range, bloom filter, JSON) and
  /// settings that cannot apply are logged once at INFO; they are never errors.
  static List<ColumnPlan> plan(TableConfig tableConfig, Schema schema) {
    IndexingConfig indexing = tableConfig.tableIndexConfig();
    Set<String> noDictionary = new HashSet<>(indexing.noDictionary());
    Set<String> inverted = new HashSet<>(indexing.invertedIndexes());
    Set<String> sorted = new HashSet<>(indexing.sortedColumns());
    logNotBuilt("range index", indexing.rangeIndexes());
    logNotBuilt("bloom filter", indexing.bloomFilters());
    logNotBuilt("json index", indexing.jsonIndexes());
    for (String column : indexing.allReferencedColumns()) {
      if (!schema.hasColumn(column)) {
        LOGGER.info("Column[{}] named in tableIndexConfig of table[{}] is not in the schema", column,
            tableConfig.tableName());
      }
    }
    List<ColumnPlan> plans = new ArrayList<>();
    for (FieldSpec spec : schema.allFieldSpecs()) {
      String name = spec.name();
      boolean dictionary = !noDictionary.contains(name) || !spec.singleValue();
      if (noDictionary.contains(name) && !spec.singleValue()) {
        LOGGER.info("Multi-value column[{}] keeps its dictionary: raw multi-value columns are not supported yet",
            name);
      }
      boolean invertedIndex = inverted.contains(name) && dictionary;
      if (inverted.contains(name) && !dictionary) {
        LOGGER.info("Column[{}] has no dictionary: its inverted index is not built", name);
      }
      plans.add(new ColumnPlan(spec, dictionary, invertedIndex, sorted.contains(name)));
    }
    return plans;
  }

  private static void logNotBuilt(String index, List<String> columns) {
    for (String column : columns) {
      LOGGER.info("{} on column {} is not built yet", index, column);
    }
  }
}
