// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator;

import io.pinot.segment.index.forward.ChunkCodec;
import io.pinot.segment.index.fst.FstIndexes;
import io.pinot.segment.index.json.JsonIndexes;
import io.pinot.segment.index.text.TextIndexConfig;
import io.pinot.segment.index.text.TextIndexes;
import io.pinot.spi.config.table.BloomFilterConfig;
import io.pinot.spi.config.table.ColumnPartitionConfig;
import io.pinot.spi.config.table.FieldConfig;
import io.pinot.spi.config.table.IndexingConfig;
import io.pinot.spi.config.table.JsonIndexConfig;
import io.pinot.spi.config.table.SegmentPartitionConfig;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.FieldType;
import io.pinot.spi.data.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// What to build for one column, resolved from the schema, the table's `tableIndexConfig` and its
/// `fieldConfigList` (both the legacy keys and the `indexes` object).
///
/// Resolution rules, per column:
/// - raw (no dictionary) when listed in `noDictionaryColumns`, when `encodingType` is `RAW`, or when
///   `indexes.dictionary` is disabled; otherwise dictionary-encoded (also for multi-value columns);
/// - raw codec: `compressionCodec`, else `indexes.forward.compressionCodec`, else `noDictionaryConfig[column]`,
///   else Pinot's default: PASS_THROUGH for metrics and LZ4 for every other column; Pinot codecs that are not chunk
///   codecs (DELTA, CLP...) fall back to the default;
/// - inverted index: `invertedIndexColumns`, `indexTypes` INVERTED or `indexes.inverted` (dictionary columns only);
/// - range index: `rangeIndexColumns`, `indexTypes` RANGE or `indexes.range` (single-value dictionary columns and
///   single-value raw numeric columns);
/// - bloom filter: `bloomFilterColumns`, `bloomFilterConfigs`, `indexes.bloom` or the legacy property
///   `createBloomFilter`, with the settings of `bloomFilterConfigs[column]` or `indexes.bloom`;
/// - sorted column: `sortedColumn` or `indexTypes` SORTED (sortedness is detected from the data; this only logs);
/// - null value vector: with the schema's `enableColumnBasedNullHandling`, every column not `notNull`; otherwise
///   every column when `tableIndexConfig.nullHandlingEnabled`;
/// - partitions: `segmentPartitionConfig.columnPartitionMap[column]`;
/// - JSON index: `jsonIndexColumns`, `jsonIndexConfigs[column]`, `indexTypes` JSON or `indexes.json`, with the
///   settings of `indexes.json` or `jsonIndexConfigs[column]` (single-value STRING and JSON columns; see
///   [JsonIndexes#plan]);
/// - text index: `indexType`/`indexTypes` TEXT or `indexes.text`, STRING columns (see [TextIndexes#plan]);
/// - FST index: `indexType`/`indexTypes` FST or `indexes.fst`, dictionary-encoded STRING columns (see
///   [FstIndexes#plan]).
///
/// An index explicitly disabled in `indexes` (`{"disabled": true}`) is not built even when a legacy list names the
/// column. Settings that cannot apply are logged at INFO, never errors.
///
/// @param spec the schema field
/// @param dictionary whether the column is dictionary-encoded
/// @param rawCodec the chunk codec of a raw forward index
/// @param invertedIndex whether a bitmap inverted index is built
/// @param rangeIndex whether a range index is built
/// @param bloomFilter the bloom filter settings, or null for none
/// @param sortedRequested whether the column is declared sorted
/// @param nullHandling whether the column records a null value vector
/// @param partition the partition function settings, or null
/// @param jsonIndex the JSON index settings, or null for none
/// @param textIndex the text index settings, or null for none
/// @param fstIndex whether an FST index is built
public record ColumnPlan(FieldSpec spec, boolean dictionary, ChunkCodec rawCodec, boolean invertedIndex,
    boolean rangeIndex, @Nullable BloomFilterConfig bloomFilter, boolean sortedRequested, boolean nullHandling,
    @Nullable ColumnPartitionConfig partition, @Nullable JsonIndexConfig jsonIndex,
    @Nullable TextIndexConfig textIndex, boolean fstIndex) {
  private static final Logger LOGGER = LoggerFactory.getLogger(ColumnPlan.class);

  public ColumnPlan {
    Objects.requireNonNull(spec, "spec is null");
    Objects.requireNonNull(rawCodec, "rawCodec is null");
  }

  /// A plan with only the dictionary choice (no indexes, default codec, no nulls, no partitions).
  public static ColumnPlan basic(FieldSpec spec, boolean dictionary) {
    return new ColumnPlan(spec, dictionary, defaultCodec(spec), false, false, null, false, false, null, null, null,
        false);
  }

  /// The plan of a column derived from other columns (a timestamp index's `$ts$DAY`): dictionary-encoded, default
  /// codec, a range index when `rangeIndex`, nulls recorded when `nullHandling`, no other index.
  public static ColumnPlan derived(FieldSpec spec, boolean rangeIndex, boolean nullHandling) {
    ColumnPlan basic = basic(spec, true);
    return new ColumnPlan(spec, true, basic.rawCodec(), false, rangeIndex, null, false, nullHandling, null,
        basic.jsonIndex(), basic.textIndex(), basic.fstIndex());
  }

  public String name() {
    return spec.name();
  }

  /// The plans of all schema columns, in schema order.
  public static List<ColumnPlan> plan(TableConfig tableConfig, Schema schema) {
    IndexingConfig indexing = tableConfig.tableIndexConfig();
    for (String column : indexing.allReferencedColumns()) {
      if (!schema.hasColumn(column)) {
        LOGGER.info("Column[{}] named in tableIndexConfig of table[{}] is not in the schema", column,
            tableConfig.tableName());
      }
    }
    List<ColumnPlan> plans = new ArrayList<>();
    for (FieldSpec spec : schema.allFieldSpecs()) {
      plans.add(of(spec, tableConfig, schema));
    }
    return plans;
  }

  /// The plan of one column.
  public static ColumnPlan of(FieldSpec spec, TableConfig tableConfig, Schema schema) {
    IndexingConfig indexing = tableConfig.tableIndexConfig();
    String name = spec.name();
    FieldConfig field = tableConfig.fieldConfig(name);
    List<String> indexTypes = field == null ? List.of() : field.allIndexTypes();
    boolean raw = indexing.noDictionary().contains(name)
        || field != null && (field.encodingType() == FieldConfig.EncodingType.RAW || field.indexDisabled("dictionary"));
    boolean dictionary = !raw;
    boolean inverted = requested(name, indexing.invertedIndexes(), indexTypes, "INVERTED", field, "inverted");
    if (inverted && !dictionary) {
      LOGGER.info("Column[{}] has no dictionary: its inverted index is not built", name);
      inverted = false;
    }
    boolean range = requested(name, indexing.rangeIndexes(), indexTypes, "RANGE", field, "range");
    if (range && !spec.singleValue()) {
      LOGGER.info("Column[{}] is multi-valued: its range index is not built (range filters use the inverted "
          + "index or a scan)", name);
      range = false;
    }
    if (range && !dictionary && !spec.dataType().storedType().isNumeric()) {
      LOGGER.info("Raw column[{}] of type {} gets no range index (numeric types only)", name, spec.dataType());
      range = false;
    }
    boolean sorted = indexing.sortedColumns().contains(name) || indexTypes.contains("SORTED");
    SegmentPartitionConfig partitioning = indexing.segmentPartitionConfig();
    ColumnPartitionConfig partition = partitioning == null ? null : partitioning.columnPartitionMap().get(name);
    return new ColumnPlan(spec, dictionary, codec(spec, indexing, field), inverted, range,
        bloomFilter(name, indexing, field), sorted, nullHandling(spec, tableConfig, schema), partition,
        JsonIndexes.plan(spec, tableConfig), TextIndexes.plan(spec, tableConfig),
        FstIndexes.plan(spec, dictionary, tableConfig));
  }

  private static boolean requested(String name, List<String> legacyColumns, List<String> indexTypes,
      String indexType, @Nullable FieldConfig field, String indexKey) {
    if (field != null && field.indexDisabled(indexKey)) {
      return false;
    }
    return legacyColumns.contains(name) || indexTypes.contains(indexType)
        || field != null && field.indexConfig(indexKey) != null;
  }

  private static @Nullable BloomFilterConfig bloomFilter(String name, IndexingConfig indexing,
      @Nullable FieldConfig field) {
    if (field != null && field.indexDisabled("bloom")) {
      return null;
    }
    Map<String, Object> fromIndexes = field == null ? null : field.indexConfig("bloom");
    if (fromIndexes != null) {
      return BloomFilterConfig.fromMap(fromIndexes);
    }
    BloomFilterConfig configured = indexing.bloomFilterConfigMap().get(name);
    if (configured != null) {
      return configured;
    }
    boolean legacy = field != null && Boolean.parseBoolean(field.property(FieldConfig.CREATE_BLOOM_FILTER_PROPERTY));
    return indexing.bloomFilters().contains(name) || legacy ? BloomFilterConfig.defaults() : null;
  }

  private static boolean nullHandling(FieldSpec spec, TableConfig tableConfig, Schema schema) {
    if (schema.enableColumnBasedNullHandling()) {
      return !spec.nonNullable();
    }
    return tableConfig.tableIndexConfig().nullHandling();
  }

  private static ChunkCodec codec(FieldSpec spec, IndexingConfig indexing, @Nullable FieldConfig field) {
    String configured = null;
    if (field != null && field.compressionCodec() != null) {
      configured = field.compressionCodec().name();
    } else if (field != null && field.indexConfig("forward") != null) {
      Map<String, Object> forward = field.indexConfig("forward");
      Object codec = forward.get("compressionCodec");
      configured = codec != null ? codec.toString()
          : forward.get("chunkCompressionType") == null ? null : forward.get("chunkCompressionType").toString();
    }
    if (configured == null) {
      configured = indexing.noDictionaryConfigMap().get(spec.name());
    }
    if (configured == null) {
      return defaultCodec(spec);
    }
    try {
      ChunkCodec codec = ChunkCodec.of(FieldConfig.CompressionCodec.valueOf(configured.trim()
          .toUpperCase(Locale.ROOT)));
      if (codec != null) {
        return codec;
      }
    } catch (IllegalArgumentException e) {
      // Unknown codec name: logged below.
    }
    LOGGER.info("Column[{}]: compression codec {} is not supported for raw chunks; using {}", spec.name(),
        configured, defaultCodec(spec));
    return defaultCodec(spec);
  }

  /// Pinot's default raw codec: PASS_THROUGH for metric columns, LZ4 for the others.
  public static ChunkCodec defaultCodec(FieldSpec spec) {
    return spec.category() == FieldType.METRIC ? ChunkCodec.PASS_THROUGH : ChunkCodec.LZ4;
  }

  /// The `maxLength` values are truncated to: the field's `maxLength` (default 512) for STRING and BYTES; JSON is
  /// truncated only with an explicit `maxLength`, since a cut JSON document is no longer JSON.
  public int maxLength() {
    if (spec.dataType() == DataType.JSON && spec.maxLength() == null) {
      return Integer.MAX_VALUE;
    }
    return spec.effectiveMaxLength();
  }
}
