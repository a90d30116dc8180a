// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.config.table;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// One entry of a table config's `fieldConfigList` (Pinot's `FieldConfig`): per-column encoding, raw compression
/// codec and indexes, in both the legacy form (`encodingType`, `indexType`/`indexTypes`, `properties`) and the
/// newer `indexes` object (`{"inverted": {}, "range": {}, "bloom": {"fpp": 0.01}, "forward":
/// {"compressionCodec": "ZSTANDARD"}}`). `indexes`, `timestampConfig` and `tierOverwrites` stay as parsed JSON
/// (maps, lists, strings, numbers, booleans); unknown keys are kept in [#otherFields()]. Immutable apart from the
/// JSON trees, which callers must not modify.
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "encodingType", "indexType", "indexTypes", "compressionCodec", "indexes", "properties",
    "timestampConfig", "tierOverwrites"})
public record FieldConfig(
    @JsonProperty("name") String name,
    @JsonProperty("encodingType") @Nullable EncodingType encodingType,
    @JsonProperty("indexType") @Nullable String indexType,
    @JsonProperty("indexTypes") @Nullable List<String> indexTypes,
    @JsonProperty("compressionCodec") @Nullable CompressionCodec compressionCodec,
    @JsonProperty("indexes") @Nullable Map<String, Object> indexes,
    @JsonProperty("properties") @Nullable Map<String, String> properties,
    @JsonProperty("timestampConfig") @Nullable Map<String, Object> timestampConfig,
    @JsonProperty("tierOverwrites") @Nullable Map<String, Object> tierOverwrites,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> otherFields) {

  /// Legacy `properties` key asking for a bloom filter (`"createBloomFilter": "true"`).
  public static final String CREATE_BLOOM_FILTER_PROPERTY = "createBloomFilter";
  /// Legacy `properties` key that disables the forward index.
  public static final String FORWARD_INDEX_DISABLED_PROPERTY = "forwardIndexDisabled";

  /// How the forward index stores values: dictionary ids (the default) or raw values.
  public enum EncodingType {
    RAW, DICTIONARY
  }

  /// Pinot's raw forward index codecs. PASS_THROUGH, SNAPPY, ZSTANDARD, LZ4 and GZIP are built; the others are
  /// accepted in configs and fall back to the column's default codec.
  public enum CompressionCodec {
    PASS_THROUGH, SNAPPY, ZSTANDARD, LZ4, GZIP, DELTA, DELTADELTA, MV_ENTRY_DICT, CLP, CLPV2, CLPV2_ZSTD, CLPV2_LZ4
  }

  public FieldConfig {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("fieldConfigList entry is missing 'name'");
    }
    indexTypes = indexTypes == null ? null : List.copyOf(indexTypes);
    indexes = indexes == null ? null : new LinkedHashMap<>(indexes);
    properties = properties == null ? null : new LinkedHashMap<>(properties);
    otherFields = otherFields == null ? Map.of() : new LinkedHashMap<>(otherFields);
  }

  /// A field config with only a name, an encoding and a codec (for tests and programmatic configs).
  public static FieldConfig of(String name, @Nullable EncodingType encodingType,
      @Nullable CompressionCodec compressionCodec) {
    return new FieldConfig(name, encodingType, null, null, compressionCodec, null, null, null, null, Map.of());
  }

  /// A field config with an `indexes` object.
  public static FieldConfig withIndexes(String name, Map<String, Object> indexes) {
    return new FieldConfig(name, null, null, null, null, indexes, null, null, null, Map.of());
  }

  /// The legacy index types (`indexType` and `indexTypes`), upper-cased.
  public List<String> allIndexTypes() {
    List<String> all = new ArrayList<>();
    if (indexType != null) {
      all.add(indexType.toUpperCase(Locale.ROOT));
    }
    if (indexTypes != null) {
      for (String type : indexTypes) {
        all.add(type.toUpperCase(Locale.ROOT));
      }
    }
    return all;
  }

  /// The object configuring index `key` in `indexes` (`"inverted"`, `"range"`, `"bloom"`, `"forward"`...), or null
  /// when absent or disabled (`"disabled": true` or `"enabled": false`). An index given as `true` or `null`
  /// counts as enabled with no settings.
  @SuppressWarnings("unchecked")
  public @Nullable Map<String, Object> indexConfig(String key) {
    if (indexes == null || !indexes.containsKey(key)) {
      return null;
    }
    Object value = indexes.get(key);
    if (value == null || Boolean.TRUE.equals(value)) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      return null;
    }
    if (truthy(map.get("disabled")) || Boolean.FALSE.equals(map.get("enabled"))
        || "false".equals(String.valueOf(map.get("enabled")))) {
      return null;
    }
    return (Map<String, Object>) map;
  }

  /// Whether `indexes` disables index `key` explicitly.
  public boolean indexDisabled(String key) {
    if (indexes == null || !(indexes.get(key) instanceof Map<?, ?> map)) {
      return indexes != null && Boolean.FALSE.equals(indexes.get(key));
    }
    return truthy(map.get("disabled")) || Boolean.FALSE.equals(map.get("enabled"));
  }

  /// A legacy `properties` value, or null.
  public @Nullable String property(String key) {
    return properties == null ? null : properties.get(key);
  }

  private static boolean truthy(@Nullable Object value) {
    return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
  }

  @Override
  @JsonAnyGetter
  public Map<String, Object> otherFields() {
    return otherFields;
  }
}
