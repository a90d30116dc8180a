// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.config.table;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// The `tableIndexConfig` section of a table config (Pinot's `IndexingConfig`): which columns get which
/// index. Keys not interpreted yet (star-tree configs, partition config...) are kept in [#otherFields()].
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
    @JsonAnySetter @JsonAnyGetter Map<String, Object> otherFields) {

  public IndexingConfig {
    sortedColumn = copy(sortedColumn);
    invertedIndexColumns = copy(invertedIndexColumns);
    rangeIndexColumns = copy(rangeIndexColumns);
    bloomFilterColumns = copy(bloomFilterColumns);
    noDictionaryColumns = copy(noDictionaryColumns);
    jsonIndexColumns = copy(jsonIndexColumns);
    otherFields = otherFields == null ? Map.of() : new LinkedHashMap<>(otherFields);
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

  /// Every column an index list names, for validation against the schema.
  public List<String> allReferencedColumns() {
    List<String> all = new ArrayList<>();
    all.addAll(sortedColumns());
    all.addAll(invertedIndexes());
    all.addAll(rangeIndexes());
    all.addAll(bloomFilters());
    all.addAll(noDictionary());
    all.addAll(jsonIndexes());
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
