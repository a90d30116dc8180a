// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.text;

import io.pinot.spi.config.table.FieldConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The text index settings of one column, read from its `fieldConfigList` entry with Pinot's keys: the index is
/// asked for by `indexType: TEXT`, `indexTypes: ["TEXT"]` or an enabled `indexes.text` object; its settings come
/// from `indexes.text` (`stopWordsInclude`, `stopWordsExclude`, `caseSensitive`, `luceneUseCompoundFile`,
/// `luceneMaxBufferSizeMB`, `luceneAnalyzerClass`, `luceneQueryParserClass`, `useANDForMultiTermQueries`,
/// `enablePrefixSuffixMatchingInPhraseQueries`) or, without it, from the legacy `properties` (`stopWordInclude`,
/// `stopWordExclude` as comma-separated lists, `caseSensitive`, `luceneUseCompoundFile`, `luceneMaxBufferSizeMB`,
/// `luceneAnalyzerClass`, `luceneQueryParserClass`, `useANDForMultiTermTextIndexQueries`,
/// `enablePrefixSuffixMatchingInPhraseQueries`). Pinot's other text keys (raw value replacement, query cache,
/// realtime reader and merge policy tuning, analyzer arguments) are accepted and logged as ignored.
///
/// @param caseSensitive whether tokens keep their case (default false: lower-cased)
/// @param stopWordsInclude words added to the default English stop words
/// @param stopWordsExclude words removed from them
/// @param useCompoundFile whether Lucene packs its files into a compound file (default true)
/// @param maxBufferSizeMB Lucene's indexing RAM buffer (default 500)
/// @param analyzerClass a custom Lucene analyzer class with a public no-argument constructor, or null for the
///     default (Lucene's standard tokenizer, lower-casing unless case-sensitive, stop words)
/// @param queryParserClass the Lucene query parser class of `TEXT_MATCH` queries
/// @param useAndForMultiTermQueries whether the terms of a query are ANDed (default OR)
/// @param allowLeadingWildcard whether queries may start with a wildcard (Pinot's
///     `enablePrefixSuffixMatchingInPhraseQueries`)
public record TextIndexConfig(boolean caseSensitive, List<String> stopWordsInclude, List<String> stopWordsExclude,
    boolean useCompoundFile, int maxBufferSizeMB, @Nullable String analyzerClass, String queryParserClass,
    boolean useAndForMultiTermQueries, boolean allowLeadingWildcard) {
  private static final Logger LOGGER = LoggerFactory.getLogger(TextIndexConfig.class);

  /// The classic Lucene query parser, Pinot's default.
  public static final String CLASSIC_QUERY_PARSER = "org.apache.lucene.queryparser.classic.QueryParser";
  /// Lucene's flexible standard query parser.
  public static final String STANDARD_QUERY_PARSER =
      "org.apache.lucene.queryparser.flexible.standard.StandardQueryParser";
  /// Lucene's complex phrase query parser.
  public static final String COMPLEX_PHRASE_QUERY_PARSER =
      "org.apache.lucene.queryparser.complexPhrase.ComplexPhraseQueryParser";

  private static final String STANDARD_ANALYZER = "org.apache.lucene.analysis.standard.StandardAnalyzer";
  private static final String PINOT_CASE_AWARE_ANALYZER =
      "org.apache.pinot.segment.local.segment.index.text.CaseAwareStandardAnalyzer";
  private static final int DEFAULT_MAX_BUFFER_SIZE_MB = 500;
  private static final Set<String> IGNORED_INDEX_KEYS = Set.of("rawValue", "queryCache", "luceneAnalyzerClassArgs",
      "luceneAnalyzerClassArgTypes", "reuseMutableIndex", "luceneNRTCachingDirectoryMaxBufferSizeMB",
      "useLogByteSizeMergePolicy", "docIdTranslatorMode", "storeInSegmentFile");
  private static final Set<String> IGNORED_PROPERTIES = Set.of("noRawDataForTextIndex", "rawValueForTextIndex",
      "enableQueryCacheForTextIndex", "textIndexRealtimeReaderRefreshThreshold", "luceneAnalyzerClassArgs",
      "luceneAnalyzerClassArgTypes", "luceneUseLogByteSizeMergePolicy", "luceneDocIdTranslatorMode",
      "reuseMutableIndex", "luceneNRTCachingDirectoryMaxBufferSizeMB", "storeInSegmentFile");

  public TextIndexConfig {
    stopWordsInclude = List.copyOf(stopWordsInclude);
    stopWordsExclude = List.copyOf(stopWordsExclude);
    Objects.requireNonNull(queryParserClass, "queryParserClass is null");
    if (maxBufferSizeMB <= 0) {
      throw new IllegalArgumentException("luceneMaxBufferSizeMB must be positive: " + maxBufferSizeMB);
    }
  }

  /// Pinot's defaults.
  public static TextIndexConfig defaults() {
    return new TextIndexConfig(false, List.of(), List.of(), true, DEFAULT_MAX_BUFFER_SIZE_MB, null,
        CLASSIC_QUERY_PARSER, false, false);
  }

  /// The text index settings of a column, or null when its field config asks for no text index.
  public static @Nullable TextIndexConfig of(@Nullable FieldConfig field) {
    if (field == null || field.indexDisabled("text")) {
      return null;
    }
    Map<String, Object> fromIndexes = field.indexConfig("text");
    if (fromIndexes != null) {
      return fromIndexes(field.name(), fromIndexes);
    }
    if (!field.allIndexTypes().contains("TEXT")) {
      return null;
    }
    Map<String, String> properties = field.properties() == null ? Map.of() : field.properties();
    return fromProperties(field.name(), properties);
  }

  private static TextIndexConfig fromIndexes(String column, Map<String, Object> settings) {
    for (String key : settings.keySet()) {
      if (IGNORED_INDEX_KEYS.contains(key)) {
        LOGGER.info("Column[{}]: text index setting {} is not supported and ignored", column, key);
      }
    }
    TextIndexConfig defaults = defaults();
    return new TextIndexConfig(bool(settings.get("caseSensitive"), defaults.caseSensitive),
        words(settings.get("stopWordsInclude")), words(settings.get("stopWordsExclude")),
        bool(settings.get("luceneUseCompoundFile"), defaults.useCompoundFile),
        integer(settings.get("luceneMaxBufferSizeMB"), defaults.maxBufferSizeMB),
        analyzer(column, settings.get("luceneAnalyzerClass")),
        queryParser(column, settings.get("luceneQueryParserClass")),
        bool(settings.get("useANDForMultiTermQueries"), false),
        bool(settings.get("enablePrefixSuffixMatchingInPhraseQueries"), false));
  }

  private static TextIndexConfig fromProperties(String column, Map<String, String> properties) {
    for (String key : properties.keySet()) {
      if (IGNORED_PROPERTIES.contains(key)) {
        LOGGER.info("Column[{}]: text index property {} is not supported and ignored", column, key);
      }
    }
    TextIndexConfig defaults = defaults();
    return new TextIndexConfig(bool(properties.get("caseSensitive"), defaults.caseSensitive),
        words(properties.get("stopWordInclude")), words(properties.get("stopWordExclude")),
        bool(properties.get("luceneUseCompoundFile"), defaults.useCompoundFile),
        integer(properties.get("luceneMaxBufferSizeMB"), defaults.maxBufferSizeMB),
        analyzer(column, properties.get("luceneAnalyzerClass")),
        queryParser(column, properties.get("luceneQueryParserClass")),
        bool(properties.get("useANDForMultiTermTextIndexQueries"), false),
        bool(properties.get("enablePrefixSuffixMatchingInPhraseQueries"), false));
  }

  /// The settings that decide how documents and queries are analyzed, stored with the index.
  public TextIndexSettings settings(String field) {
    return new TextIndexSettings(field, analyzerClass == null ? "" : analyzerClass, caseSensitive,
        TextAnalyzers.stopWords(stopWordsInclude, stopWordsExclude), queryParserClass, useAndForMultiTermQueries,
        allowLeadingWildcard);
  }

  private static boolean bool(@Nullable Object value, boolean defaultValue) {
    return value == null ? defaultValue : Boolean.parseBoolean(value.toString().trim());
  }

  private static int integer(@Nullable Object value, int defaultValue) {
    if (value == null) {
      return defaultValue;
    }
    try {
      return value instanceof Number number ? number.intValue() : Integer.parseInt(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("luceneMaxBufferSizeMB is not an integer: " + value, e);
    }
  }

  /// A stop word list given as a JSON array or as comma-separated text.
  private static List<String> words(@Nullable Object value) {
    List<String> words = new ArrayList<>();
    if (value instanceof Collection<?> collection) {
      for (Object word : collection) {
        addWord(words, String.valueOf(word));
      }
    } else if (value != null) {
      for (String word : value.toString().split(",")) {
        addWord(words, word);
      }
    }
    return words;
  }

  private static void addWord(List<String> words, String word) {
    String trimmed = word.trim();
    if (!trimmed.isEmpty()) {
      words.add(trimmed);
    }
  }

  private static @Nullable String analyzer(String column, @Nullable Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    String name = value.toString().trim();
    if (name.equals(STANDARD_ANALYZER) || name.equals(PINOT_CASE_AWARE_ANALYZER)) {
      return null;
    }
    if (!TextAnalyzers.isUsableAnalyzerClass(name)) {
      LOGGER.info("Column[{}]: Lucene analyzer class {} cannot be loaded or has no public no-argument constructor; "
          + "using the standard analyzer", column, name);
      return null;
    }
    return name;
  }

  private static String queryParser(String column, @Nullable Object value) {
    if (value == null || value.toString().isBlank()) {
      return CLASSIC_QUERY_PARSER;
    }
    String name = value.toString().trim();
    return switch (name.toUpperCase(Locale.ROOT)) {
      case "CLASSIC" -> CLASSIC_QUERY_PARSER;
      case "STANDARD" -> STANDARD_QUERY_PARSER;
      case "COMPLEX" -> COMPLEX_PHRASE_QUERY_PARSER;
      default -> {
        if (name.equals(CLASSIC_QUERY_PARSER) || name.equals(STANDARD_QUERY_PARSER)
            || name.equals(COMPLEX_PHRASE_QUERY_PARSER)) {
          yield name;
        }
        LOGGER.info("Column[{}]: Lucene query parser class {} is not supported; using the classic query parser",
            column, name);
        yield CLASSIC_QUERY_PARSER;
      }
    };
  }
}
