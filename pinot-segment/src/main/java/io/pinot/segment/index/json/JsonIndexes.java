// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.json;

import io.pinot.segment.format.SegmentFileWriter;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.spi.config.table.FieldConfig;
import io.pinot.spi.config.table.IndexingConfig;
import io.pinot.spi.config.table.JsonIndexConfig;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Which columns get a JSON index, with which settings, and building it from a loaded column (for reloads).
///
/// A column gets one when `tableIndexConfig.jsonIndexColumns` names it, `tableIndexConfig.jsonIndexConfigs` has an
/// entry for it, its `fieldConfigList` entry lists `JSON` in `indexTypes` or has `indexes.json`; settings come from
/// `indexes.json`, else `jsonIndexConfigs[column]`, else the defaults. `indexes.json.disabled` wins over the legacy
/// lists. As in Pinot, only single-value STRING and JSON columns can have one; others are logged and skipped.
/// Stateless utilities.
public final class JsonIndexes {
  private static final Logger LOGGER = LoggerFactory.getLogger(JsonIndexes.class);
  private static final int BLOCK = 4096;

  private JsonIndexes() {
  }

  /// The JSON index settings of a column, or null when it gets no JSON index.
  ///
  /// @throws IllegalArgumentException when the column's settings are malformed
  public static @Nullable JsonIndexConfig plan(FieldSpec spec, TableConfig tableConfig) {
    String name = spec.name();
    FieldConfig field = tableConfig.fieldConfig(name);
    if (field != null && field.indexDisabled("json")) {
      return null;
    }
    IndexingConfig indexing = tableConfig.tableIndexConfig();
    JsonIndexConfig config;
    try {
      config = configured(name, indexing, field);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Column[" + name + "]: invalid JSON index config: " + e.getMessage(), e);
    }
    if (config == null) {
      return null;
    }
    if (!spec.singleValue() || spec.dataType().storedType() != DataType.STRING) {
      LOGGER.info("Column[{}] of type {}{} gets no JSON index (single-value STRING and JSON columns only)", name,
          spec.dataType(), spec.singleValue() ? "" : " (multi-value)");
      return null;
    }
    if (!config.otherFields().isEmpty()) {
      LOGGER.info("Column[{}]: JSON index settings {} are not supported and ignored", name,
          config.otherFields().keySet());
    }
    return config;
  }

  private static @Nullable JsonIndexConfig configured(String name, IndexingConfig indexing,
      @Nullable FieldConfig field) {
    Map<String, Object> fromIndexes = field == null ? null : field.indexConfig("json");
    if (fromIndexes != null) {
      return JsonIndexConfig.fromMap(fromIndexes);
    }
    Map<String, Object> fromTable = tableConfigs(indexing).get(name);
    if (fromTable != null) {
      return JsonIndexConfig.fromMap(fromTable);
    }
    boolean listed = indexing.jsonIndexes().contains(name)
        || field != null && field.allIndexTypes().contains("JSON");
    return listed ? JsonIndexConfig.defaults() : null;
  }

  /// `tableIndexConfig.jsonIndexConfigs` (column → settings), empty when absent.
  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> tableConfigs(IndexingConfig indexing) {
    Object configs = indexing.otherFields().get("jsonIndexConfigs");
    if (configs == null) {
      return Map.of();
    }
    if (!(configs instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("tableIndexConfig.jsonIndexConfigs must be an object, got " + configs);
    }
    for (Object value : map.values()) {
      if (!(value instanceof Map<?, ?>)) {
        throw new IllegalArgumentException("tableIndexConfig.jsonIndexConfigs entries must be objects, got "
            + value);
      }
    }
    return (Map<String, Map<String, Object>>) map;
  }

  /// Writes the JSON index of a column from its distinct values and each document's value id.
  public static void write(SegmentFileWriter out, String column, JsonIndexConfig config, Dictionary values,
      int[] valueIds, int numDocs) throws IOException {
    JsonIndexWriter.write(out, column, config, values, valueIds, numDocs);
  }

  /// Writes the JSON index of a column of a loaded segment, reading its forward index block by block.
  public static void rebuild(SegmentFileWriter out, String column, DataSource source, int numDocs,
      JsonIndexConfig config) throws IOException {
    if (!source.metadata().singleValue() || source.metadata().dataType().storedType() != DataType.STRING) {
      throw new IllegalArgumentException("Column[" + column + "]: a JSON index needs a single-value STRING or JSON "
          + "column");
    }
    ForwardIndexReader forward = source.forwardIndex();
    Dictionary dictionary = source.dictionary();
    int[] docIds = new int[BLOCK];
    if (dictionary != null) {
      int[] valueIds = new int[numDocs];
      int[] block = new int[BLOCK];
      for (int first = 0; first < numDocs; first += BLOCK) {
        int length = fill(docIds, first, numDocs);
        forward.readDictIds(docIds, length, block);
        System.arraycopy(block, 0, valueIds, first, length);
      }
      JsonIndexWriter.write(out, column, config, dictionary, valueIds, numDocs);
      return;
    }
    JsonIndexWriter writer = new JsonIndexWriter(column, config);
    String[] values = new String[BLOCK];
    for (int first = 0; first < numDocs; first += BLOCK) {
      int length = fill(docIds, first, numDocs);
      forward.readStringValues(docIds, length, values);
      for (int i = 0; i < length; i++) {
        writer.addDocument(writer.termsOf(values[i], first + i));
      }
    }
    writer.writeTo(out);
  }

  private static int fill(int[] docIds, int first, int numDocs) {
    int length = Math.min(docIds.length, numDocs - first);
    for (int i = 0; i < length; i++) {
      docIds[i] = first + i;
    }
    return length;
  }
}
