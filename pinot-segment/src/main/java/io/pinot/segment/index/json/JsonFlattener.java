// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.config.table.JsonIndexConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/// Flattens a JSON document into *flattened records* exactly as Apache Pinot's JSON index does
/// (`JsonUtils.flatten`): each record maps a key to the text of a scalar value, where the key is the value's path
/// with `.field` for object fields and `.` for array elements (`$.addresses[*].country` is stored under
/// `.addresses..country`); each array element also records its position under `<array key>.$index`. An array
/// turns into one record per element (carrying the enclosing object's other fields), sibling arrays into the cross
/// product of their elements (or one after the other with `disableCrossArrayUnnest`), so that conditions joined by
/// AND in `JSON_MATCH` hold in the same element. A top-level scalar is the key `` (empty); nulls and empty arrays or
/// objects give no record.
///
/// Honours `maxLevels`, `excludeArray`, `disableCrossArrayUnnest`, `includePaths`, `excludePaths`,
/// `excludeFields`, `maxValueLength` (longer values become `$SKIPPED$`) and `skipInvalidJson` (an invalid document
/// becomes the single record `{"": "$SKIPPED$"}`). Immutable and thread-safe.
public final class JsonFlattener {
  /// The value indexed in place of a skipped value or document.
  public static final String SKIPPED_VALUE = "$SKIPPED$";
  /// Suffix of the key recording an array element's position.
  public static final String ARRAY_INDEX_KEY = ".$index";
  /// Pinot's cap on the records one document may flatten into.
  public static final int MAX_COMBINATIONS = 100_000;

  private static final String ARRAY_PATH = "[*]";

  private enum Include {
    MATCH, POTENTIAL_MATCH, NO_MATCH
  }

  private final int maxLevels;
  private final boolean excludeArray;
  private final boolean disableCrossArrayUnnest;
  private final @Nullable Set<String> includePaths;
  private final @Nullable Set<String> excludePaths;
  private final @Nullable Set<String> excludeFields;
  private final int maxValueLength;
  private final boolean skipInvalidJson;

  public JsonFlattener(JsonIndexConfig config) {
    this.maxLevels = config.effectiveMaxLevels();
    this.excludeArray = config.effectiveExcludeArray();
    this.disableCrossArrayUnnest = config.effectiveDisableCrossArrayUnnest();
    this.includePaths = config.includePaths();
    this.excludePaths = config.excludePaths();
    this.excludeFields = config.excludeFields();
    this.maxValueLength = config.effectiveMaxValueLength();
    this.skipInvalidJson = config.effectiveSkipInvalidJson();
  }

  /// The flattened records of a JSON text.
  ///
  /// @throws IllegalArgumentException when the text is not JSON (and `skipInvalidJson` is off) or flattens into
  ///     more than [#MAX_COMBINATIONS] records
  public List<Map<String, String>> flatten(String json) {
    JsonNode node;
    try {
      node = JsonUtils.parse(json);
    } catch (IllegalArgumentException e) {
      if (skipInvalidJson) {
        Map<String, String> skipped = new HashMap<>();
        skipped.put("", SKIPPED_VALUE);
        return List.of(skipped);
      }
      throw new IllegalArgumentException("Invalid JSON: " + e.getMessage(), e);
    }
    return flatten(node);
  }

  /// The flattened records of a parsed document.
  public List<Map<String, String>> flatten(JsonNode node) {
    return flatten(node, 0, "$", false);
  }

  private List<Map<String, String>> flatten(@Nullable JsonNode node, int level, String path,
      boolean includeMatched) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return List.of();
    }
    if (node.isValueNode()) {
      String text = node.asText();
      if (maxValueLength > 0 && text.length() > maxValueLength) {
        text = SKIPPED_VALUE;
      }
      Map<String, String> record = new HashMap<>();
      record.put("", text);
      return List.of(record);
    }
    if (maxLevels > 0 && level == maxLevels) {
      return List.of();
    }
    return node.isArray() ? flattenArray(node, level, path, includeMatched)
        : flattenObject(node, level, path, includeMatched);
  }

  private List<Map<String, String>> flattenArray(JsonNode node, int level, String path, boolean includeMatched) {
    if (excludeArray || node.isEmpty()) {
      return List.of();
    }
    String childPath = path + ARRAY_PATH;
    Include include = includeMatched ? Include.MATCH : include(childPath);
    if (include == Include.NO_MATCH) {
      return List.of();
    }
    List<Map<String, String>> results = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      String index = Integer.toString(i);
      for (Map<String, String> child : flatten(node.get(i), level + 1, childPath, include == Include.MATCH)) {
        Map<String, String> record = new HashMap<>(child.size() * 2 + 2);
        for (Map.Entry<String, String> entry : child.entrySet()) {
          record.put("." + entry.getKey(), entry.getValue());
        }
        record.put(ARRAY_INDEX_KEY, index);
        results.add(record);
      }
    }
    return results;
  }

  private List<Map<String, String>> flattenObject(JsonNode node, int level, String path, boolean includeMatched) {
    Map<String, String> single = new HashMap<>();
    List<List<Map<String, String>>> nested = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String name = field.getKey();
      if (excludeFields != null && excludeFields.contains(name)) {
        continue;
      }
      String childPath = path + "." + name;
      Include include = includeMatched ? Include.MATCH : include(childPath);
      if (include == Include.NO_MATCH) {
        continue;
      }
      List<Map<String, String>> children = flatten(field.getValue(), level + 1, childPath,
          include == Include.MATCH);
      String prefix = "." + name;
      if (children.size() == 1) {
        for (Map.Entry<String, String> entry : children.get(0).entrySet()) {
          single.put(prefix + entry.getKey(), entry.getValue());
        }
      } else if (children.size() > 1) {
        List<Map<String, String>> prefixed = new ArrayList<>(children.size());
        for (Map<String, String> child : children) {
          Map<String, String> record = new HashMap<>(child.size() * 2 + 2);
          for (Map.Entry<String, String> entry : child.entrySet()) {
            record.put(prefix + entry.getKey(), entry.getValue());
          }
          prefixed.add(record);
        }
        nested.add(prefixed);
      }
    }
    return merge(single, nested);
  }

  /// Combines an object's scalar fields with its fields that flattened into several records.
  private List<Map<String, String>> merge(Map<String, String> single, List<List<Map<String, String>>> nested) {
    if (nested.isEmpty()) {
      return single.isEmpty() ? List.of() : List.of(single);
    }
    if (nested.size() == 1 || disableCrossArrayUnnest) {
      List<Map<String, String>> results = new ArrayList<>();
      for (List<Map<String, String>> records : nested) {
        for (Map<String, String> record : records) {
          record.putAll(single);
          results.add(record);
        }
      }
      return results;
    }
    long combinations = 1;
    for (List<Map<String, String>> records : nested) {
      combinations *= records.size();
      if (combinations >= MAX_COMBINATIONS) {
        throw new IllegalArgumentException("JSON document flattens into too many combinations (at least "
            + combinations + "); set disableCrossArrayUnnest or exclude some arrays");
      }
    }
    List<Map<String, String>> current = nested.get(0);
    for (int i = 1; i < nested.size(); i++) {
      List<Map<String, String>> next = new ArrayList<>(current.size() * nested.get(i).size());
      for (Map<String, String> left : current) {
        for (Map<String, String> right : nested.get(i)) {
          Map<String, String> combined = new HashMap<>(left);
          combined.putAll(right);
          next.add(combined);
        }
      }
      current = next;
    }
    for (Map<String, String> record : current) {
      record.putAll(single);
    }
    return current;
  }

  private Include include(String path) {
    if (includePaths != null) {
      if (includePaths.contains(path)) {
        return Include.MATCH;
      }
      for (String includePath : includePaths) {
        if (includePath.startsWith(path)) {
          return Include.POTENTIAL_MATCH;
        }
      }
      return Include.NO_MATCH;
    }
    return excludePaths != null && excludePaths.contains(path) ? Include.NO_MATCH : Include.POTENTIAL_MATCH;
  }
}
