// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.config.table;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/// A JSON index's settings (Pinot's `JsonIndexConfig`, in `tableIndexConfig.jsonIndexConfigs[column]` or
/// `fieldConfigList[].indexes.json`), with Pinot's keys and defaults:
/// - `maxLevels`: levels of nesting to flatten (an array counts as a level); 0 or negative means unlimited;
/// - `excludeArray`: skip arrays altogether;
/// - `disableCrossArrayUnnest`: flatten sibling arrays one after the other instead of their cross product;
/// - `includePaths` / `excludePaths`: JSON paths (`$.a.b`, `$.a[*]`) to keep or drop, with everything below them
///   (at most one of the two);
/// - `excludeFields`: field names dropped at any depth;
/// - `maxValueLength`: values longer than this many characters are indexed as `$SKIPPED$` (0: no limit);
/// - `skipInvalidJson`: index a document that is not JSON as `$SKIPPED$` instead of failing the build.
///
/// Pinot's `indexPaths` and `maxBytesSize` are accepted and ignored (the index is built as if absent). Immutable.
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JsonIndexConfig(
    @JsonProperty("maxLevels") @Nullable Integer maxLevels,
    @JsonProperty("excludeArray") @Nullable Boolean excludeArray,
    @JsonProperty("disableCrossArrayUnnest") @Nullable Boolean disableCrossArrayUnnest,
    @JsonProperty("includePaths") @Nullable Set<String> includePaths,
    @JsonProperty("excludePaths") @Nullable Set<String> excludePaths,
    @JsonProperty("excludeFields") @Nullable Set<String> excludeFields,
    @JsonProperty("maxValueLength") @Nullable Integer maxValueLength,
    @JsonProperty("skipInvalidJson") @Nullable Boolean skipInvalidJson,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> otherFields) {

  public JsonIndexConfig {
    if (includePaths != null && excludePaths != null) {
      throw new IllegalArgumentException("JSON index: cannot configure both includePaths and excludePaths");
    }
    if (includePaths != null && includePaths.isEmpty()) {
      throw new IllegalArgumentException("JSON index: includePaths cannot be empty");
    }
    includePaths = copy(includePaths);
    excludePaths = copy(excludePaths);
    excludeFields = copy(excludeFields);
    otherFields = otherFields == null ? Map.of() : new LinkedHashMap<>(otherFields);
  }

  /// The default settings (everything flattened, nothing skipped).
  public static JsonIndexConfig defaults() {
    return new JsonIndexConfig(null, null, null, null, null, null, null, null, Map.of());
  }

  /// Settings read from a parsed JSON object (the `indexes.json` and `jsonIndexConfigs` forms); missing keys take
  /// the defaults, unknown keys are kept in [#otherFields()].
  ///
  /// @throws IllegalArgumentException when a value has the wrong shape
  public static JsonIndexConfig fromMap(Map<String, Object> json) {
    Map<String, Object> others = new LinkedHashMap<>(json);
    for (String key : new String[] {"maxLevels", "excludeArray", "disableCrossArrayUnnest", "includePaths",
        "excludePaths", "excludeFields", "maxValueLength", "skipInvalidJson", "disabled"}) {
      others.remove(key);
    }
    return new JsonIndexConfig(integer(json.get("maxLevels")), bool(json.get("excludeArray")),
        bool(json.get("disableCrossArrayUnnest")), strings(json.get("includePaths")),
        strings(json.get("excludePaths")), strings(json.get("excludeFields")), integer(json.get("maxValueLength")),
        bool(json.get("skipInvalidJson")), others);
  }

  /// Nesting levels to flatten; 0 means unlimited.
  public int effectiveMaxLevels() {
    return maxLevels == null || maxLevels < 0 ? 0 : maxLevels;
  }

  public boolean effectiveExcludeArray() {
    return excludeArray != null && excludeArray;
  }

  public boolean effectiveDisableCrossArrayUnnest() {
    return disableCrossArrayUnnest != null && disableCrossArrayUnnest;
  }

  /// The longest value indexed as is; 0 means no limit.
  public int effectiveMaxValueLength() {
    return maxValueLength == null || maxValueLength < 0 ? 0 : maxValueLength;
  }

  public boolean effectiveSkipInvalidJson() {
    return skipInvalidJson != null && skipInvalidJson;
  }

  @Override
  @JsonAnyGetter
  public Map<String, Object> otherFields() {
    return otherFields;
  }

  private static @Nullable Set<String> copy(@Nullable Set<String> values) {
    return values == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(values));
  }

  private static @Nullable Integer integer(@Nullable Object value) {
    return value == null ? null : Integer.valueOf(value.toString().trim());
  }

  private static @Nullable Boolean bool(@Nullable Object value) {
    return value == null ? null : Boolean.valueOf(value.toString().trim());
  }

  private static @Nullable Set<String> strings(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof Collection<?> collection)) {
      throw new IllegalArgumentException("JSON index: expected a list of paths or fields, got " + value);
    }
    Set<String> result = new LinkedHashSet<>();
    for (Object item : collection) {
      result.add(String.valueOf(item));
    }
    return result;
  }
}
