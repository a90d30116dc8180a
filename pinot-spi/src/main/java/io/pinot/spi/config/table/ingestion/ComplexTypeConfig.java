// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.config.table.ingestion;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// `ingestionConfig.complexTypeConfig` (Pinot 0.8+): how nested input records become flat rows. Nested maps are
/// flattened into `parent<delimiter>child` columns; the collections named in `fieldsToUnnest` are exploded into one
/// row per element; collections that are not unnested become multi-value columns or JSON text depending on
/// `collectionNotUnnestedToJson`; `prefixesToRename` then renames flattened columns. Immutable.
///
/// @param fieldsToUnnest the (flattened) names of the collections to explode into rows, or null for none
/// @param delimiter joins parent and child names (default `.`)
/// @param collectionNotUnnestedToJson what becomes JSON text among collections that are not unnested (default
///     `NON_PRIMITIVE`)
/// @param prefixesToRename prefix to replacement, applied to flattened column names (a replacement may be empty)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"fieldsToUnnest", "delimiter", "collectionNotUnnestedToJson", "prefixesToRename"})
public record ComplexTypeConfig(
    @JsonProperty("fieldsToUnnest") @Nullable List<String> fieldsToUnnest,
    @JsonProperty("delimiter") @Nullable String delimiter,
    @JsonProperty("collectionNotUnnestedToJson") @Nullable CollectionNotUnnestedToJson collectionNotUnnestedToJson,
    @JsonProperty("prefixesToRename") @Nullable Map<String, String> prefixesToRename) {

  /// Pinot's default delimiter between parent and child names.
  public static final String DEFAULT_DELIMITER = ".";

  /// Which collections that are not unnested are turned into JSON text.
  public enum CollectionNotUnnestedToJson {
    /// None: collections stay arrays (multi-value columns).
    NONE,
    /// Collections of maps or collections become JSON; collections of primitives stay arrays (the default).
    NON_PRIMITIVE,
    /// Every collection becomes JSON text.
    ALL
  }

  public ComplexTypeConfig {
    fieldsToUnnest = fieldsToUnnest == null ? null : List.copyOf(fieldsToUnnest);
    prefixesToRename = prefixesToRename == null ? null : new LinkedHashMap<>(prefixesToRename);
  }

  /// The unnest fields, empty when none are configured.
  public List<String> unnestFields() {
    return fieldsToUnnest == null ? List.of() : fieldsToUnnest;
  }

  /// The delimiter, `.` when not configured.
  public String effectiveDelimiter() {
    return delimiter == null ? DEFAULT_DELIMITER : delimiter;
  }

  /// The collection-to-JSON mode, `NON_PRIMITIVE` when not configured.
  public CollectionNotUnnestedToJson effectiveCollectionNotUnnestedToJson() {
    return collectionNotUnnestedToJson == null ? CollectionNotUnnestedToJson.NON_PRIMITIVE
        : collectionNotUnnestedToJson;
  }

  /// The renames in configuration order, empty when none are configured.
  public Map<String, String> renames() {
    return prefixesToRename == null ? Map.of() : prefixesToRename;
  }
}
