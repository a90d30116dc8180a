// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.config.table;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// The `tableIndexConfig` section of a table config (Pinot's `IndexingConfig`): which columns get which
/// index, with Pinot's key names (`sortedColumn`, `invertedIndexColumns`, `rangeIndexColumns`, `rangeIndexVersion`,
/// `bloomFilterColumns`, `bloomFilterConfigs`, `noDictionaryColumns`, `noDictionaryConfig` (column → raw codec
/// name), `jsonIndexColumns`, `segmentPartitionConfig`, `nullHandlingEnabled`). Keys not interpreted here
/// (star-tree configs, `loadMode` details...) are kept in [#otherFields()] and written back unchanged.
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IndexingConfig(
    @JsonProperty("loadMode") @Nullable String loadMode,
    @JsonProperty("sortedColumn") @Nullable List<String> sortedColumn,
    @JsonProperty("invertedIndexColumns") @Nullable List<String> invertedIndexColumns,
    @JsonProperty("rangeIndexColumns") @Nullable List<String> rangeIndexColumns,
    @JsonProperty("bloomFilterColumns") @Nullable List<String> bloomFilterColumns,
    @JsonProperty("noDictionaryColumns") @Nullable List<String> noDictionaryColumns,
    @JsonProperty("jsonIndexColumns") @Nullable List<String> jsonIndexColumns,
    @JsonProperty("createInvertedIndexDuringSegmentGeneration")
    @Nullable Boolean createInvertedIndexDuringSegmentGeneration,
    @JsonProperty("rangeIndexVersion") @Nullable Integer rangeIndexVersion,
    @JsonProperty("bloomFilterConfigs") @Nullable Map<String, BloomFilterConfig> bloomFilterConfigs,
    @JsonProperty("noDictionaryConfig") @Nullable Map<String, String> noDictionaryConfig,
    @JsonProperty("segmentPartitionConfig") @Nullable SegmentPartitionConfig segmentPartitionConfig,
    @JsonProperty("nullHandlingEnabled") @Nullable Boolean nullHandlingEnabled,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> otherFields) {

  /// Pinot's default `rangeIndexVersion`.
  public static final int DEFAULT_RANGE_INDEX_VERSION = 2;

  public IndexingConfig {
    sortedColumn = copy(sortedColumn);
    invertedIndexColumns = copy(invertedIndexColumns);
    rangeIndexColumns = copy(rangeIndexColumns);
    bloomFilterColumns = copy(bloomFilterColumns);
    noDictionaryColumns = copy(noDictionaryColumns);
    jsonIndexColumns = copy(jsonIndexColumns);
    bloomFilterConfigs = bloomFilterConfigs == null ? null
        : Collections.unmodifiableMap(new LinkedHashMap<>(bloomFilterConfigs));
    noDictionaryConfig = noDictionaryConfig == null ? null
        : Collections.unmodifiableMap(new LinkedHashMap<>(noDictionaryConfig));
    otherFields = otherFields == null ? Map.of() : new LinkedHashMap<>(otherFields);
  }

  /// The config with the keys of the first version of this record (the newer keys unset).
  @SuppressWarnings("checkstyle:ParameterNumber")
  public IndexingConfig(@Nullable String loadMode, @Nullable List<String> sortedColumn,
      @Nullable List<String> invertedIndexColumns, @Nullable List<String> rangeIndexColumns,
      @Nullable List<String> bloomFilterColumns, @Nullable List<String> noDictionaryColumns,
      @Nullable List<String> jsonIndexColumns, @Nullable Boolean createInvertedIndexDuringSegmentGeneration,
      Map<String, Object> otherFields) {
    this(loadMode, sortedColumn, invertedIndexColumns, rangeIndexColumns, bloomFilterColumns, noDictionaryColumns,
        jsonIndexColumns, createInvertedIndexDuringSegmentGeneration, null, null, null, null, null, otherFields);
  }

  /// An indexing config with no indexes.
  public static IndexingConfig empty() {
    return new IndexingConfig(null, null, null, null, null, null, null, null, Map.of());
  }

  public List<String> sortedColumns() {
    return orEmpty(sortedColumn);
  }

  public List<String> invertedIndexes() {
    return orEmpty(invertedIndexColumns);
  }

  public List<String> rangeIndexes() {
    return orEmpty(rangeIndexColumns);
  }

  public List<String> bloomFilters() {
    return orEmpty(bloomFilterColumns);
  }

  public List<String> noDictionary() {
    return orEmpty(noDictionaryColumns);
  }

  public List<String> jsonIndexes() {
    return orEmpty(jsonIndexColumns);
  }

  /// `bloomFilterConfigs`, empty when unset.
  public Map<String, BloomFilterConfig> bloomFilterConfigMap() {
    return bloomFilterConfigs == null ? Map.of() : bloomFilterConfigs;
  }

  /// `noDictionaryConfig` (column → raw compression codec name), empty when unset.
  public Map<String, String> noDictionaryConfigMap() {
    return noDictionaryConfig == null ? Map.of() : noDictionaryConfig;
  }

  /// `rangeIndexVersion`, or Pinot's default (2).
  public int effectiveRangeIndexVersion() {
    return rangeIndexVersion == null ? DEFAULT_RANGE_INDEX_VERSION : rangeIndexVersion;
  }

  /// The legacy table-wide null handling switch (`nullHandlingEnabled`).
  public boolean nullHandling() {
    return nullHandlingEnabled != null && nullHandlingEnabled;
  }

  /// Every column an index list names, for validation against the schema.
  public List<String> allReferencedColumns() {
    List<String> all = new ArrayList<>();
    all.addAll(sortedColumns());
    all.addAll(invertedIndexes());
    all.addAll(rangeIndexes());
    all.addAll(bloomFilters());
    all.addAll(noDictionary());
    all.addAll(jsonIndexes());
    all.addAll(bloomFilterConfigMap().keySet());
    all.addAll(noDictionaryConfigMap().keySet());
    if (segmentPartitionConfig != null) {
      all.addAll(segmentPartitionConfig.columnPartitionMap().keySet());
    }
    return all;
  }

  @Override
  @JsonAnyGetter
  public Map<String, Object> otherFields() {
    return otherFields;
  }

  private static @Nullable List<String> copy(@Nullable List<String> list) {
    return list == null ? null : List.copyOf(list);
  }

  private static List<String> orEmpty(@Nullable List<String> list) {
    return list == null ? List.of() : list;
  }
}
