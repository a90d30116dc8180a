// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.text;

import io.pinot.segment.format.PropertiesFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/// The settings a text index was built with that queries must use too (the analysis of documents and of query
/// terms, and the query parser), stored in the index buffer so that a segment answers queries the same way
/// whatever the current table config says. Immutable.
///
/// On disk: `key = value` lines in the escaping of `metadata.properties` with the keys `field`, `analyzer` (empty
/// for the default analyzer), `caseSensitive`, `queryParser`, `useAnd`, `allowLeadingWildcard`, `stopWords.count`
/// and `stopWord.<i>` for each stop word in sorted order.
///
/// @param field the Lucene field holding the column's values (the column name)
/// @param analyzerClass a custom analyzer class, or empty for the default analyzer
/// @param caseSensitive whether the default analyzer keeps the case of tokens
/// @param stopWords the default analyzer's stop words, sorted
/// @param queryParserClass the query parser of `TEXT_MATCH` queries
/// @param useAnd whether the terms of a query are ANDed by default
/// @param allowLeadingWildcard whether queries may start with a wildcard
public record TextIndexSettings(String field, String analyzerClass, boolean caseSensitive, List<String> stopWords,
    String queryParserClass, boolean useAnd, boolean allowLeadingWildcard) {
  public TextIndexSettings {
    Objects.requireNonNull(field, "field is null");
    Objects.requireNonNull(analyzerClass, "analyzerClass is null");
    Objects.requireNonNull(queryParserClass, "queryParserClass is null");
    stopWords = List.copyOf(stopWords);
  }

  /// The settings as `key = value` text.
  public String toText() {
    StringBuilder out = new StringBuilder();
    PropertiesFile.appendLine(out, "field", field);
    PropertiesFile.appendLine(out, "analyzer", analyzerClass);
    PropertiesFile.appendLine(out, "caseSensitive", Boolean.toString(caseSensitive));
    PropertiesFile.appendLine(out, "queryParser", queryParserClass);
    PropertiesFile.appendLine(out, "useAnd", Boolean.toString(useAnd));
    PropertiesFile.appendLine(out, "allowLeadingWildcard", Boolean.toString(allowLeadingWildcard));
    PropertiesFile.appendLine(out, "stopWords.count", Integer.toString(stopWords.size()));
    for (int i = 0; i < stopWords.size(); i++) {
      PropertiesFile.appendLine(out, "stopWord." + i, stopWords.get(i));
    }
    return out.toString();
  }

  /// Parses settings written by [#toText()].
  ///
  /// @throws IllegalStateException when a key is missing or malformed
  public static TextIndexSettings parse(String text) {
    Map<String, String> values = new LinkedHashMap<>(PropertiesFile.read(text));
    int count;
    try {
      count = Integer.parseInt(require(values, "stopWords.count").trim());
    } catch (NumberFormatException e) {
      throw new IllegalStateException("Text index settings have a malformed stopWords.count", e);
    }
    List<String> stopWords = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      stopWords.add(require(values, "stopWord." + i));
    }
    return new TextIndexSettings(require(values, "field"), require(values, "analyzer"),
        Boolean.parseBoolean(require(values, "caseSensitive").trim()), stopWords, require(values, "queryParser"),
        Boolean.parseBoolean(require(values, "useAnd").trim()),
        Boolean.parseBoolean(require(values, "allowLeadingWildcard").trim()));
  }

  private static String require(Map<String, String> values, String key) {
    String value = values.get(key);
    if (value == null) {
      throw new IllegalStateException("Text index settings are missing " + key);
    }
    return value;
  }
}
