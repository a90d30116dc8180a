// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.text;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.complexPhrase.ComplexPhraseQueryParser;
import org.apache.lucene.queryparser.flexible.core.QueryNodeException;
import org.apache.lucene.queryparser.flexible.standard.StandardQueryParser;
import org.apache.lucene.queryparser.flexible.standard.config.StandardQueryConfigHandler;
import org.apache.lucene.search.Query;
import org.jspecify.annotations.Nullable;

/// Parses `TEXT_MATCH` queries into Lucene queries with the index's query parser (Pinot's default is Lucene's
/// classic parser) and Pinot's per-query options: `parser` (`CLASSIC`, `STANDARD`, `COMPLEX`), `defaultOperator`
/// (`AND`, `OR`), `allowLeadingWildcard`, `autoGeneratePhraseQueries`, `splitOnWhitespace`, `phraseSlop`,
/// `fuzzyPrefixLength`, `fuzzyMinSim`, `enablePositionIncrements` and `inOrder` (complex phrases). A new parser is
/// made per query (Lucene's parsers are stateful). Stateless utilities.
final class TextQueries {
  private TextQueries() {
  }

  /// The Lucene query of a `TEXT_MATCH` query text.
  ///
  /// @throws IllegalArgumentException when the query does not parse or an option is invalid
  static Query parse(String text, @Nullable String optionsText, TextIndexSettings settings, Analyzer analyzer) {
    Map<String, String> options = options(optionsText);
    String parser = parserClass(options.remove("parser"), settings.queryParserClass());
    try {
      if (parser.equals(TextIndexConfig.STANDARD_QUERY_PARSER)) {
        return standard(text, options, settings, analyzer);
      }
      QueryParser classic = parser.equals(TextIndexConfig.COMPLEX_PHRASE_QUERY_PARSER)
          ? complex(options, settings, analyzer) : new QueryParser(settings.field(), analyzer);
      classic.setAllowLeadingWildcard(settings.allowLeadingWildcard());
      if (settings.useAnd()) {
        classic.setDefaultOperator(QueryParser.Operator.AND);
      }
      applyClassic(classic, options);
      return classic.parse(text);
    } catch (ParseException | QueryNodeException e) {
      throw new IllegalArgumentException("Invalid TEXT_MATCH query: " + e.getMessage(), e);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Invalid TEXT_MATCH option value: " + e.getMessage(), e);
    }
  }

  private static QueryParser complex(Map<String, String> options, TextIndexSettings settings, Analyzer analyzer) {
    ComplexPhraseQueryParser parser = new ComplexPhraseQueryParser(settings.field(), analyzer);
    String inOrder = options.remove("inOrder");
    if (inOrder != null) {
      parser.setInOrder(Boolean.parseBoolean(inOrder));
    }
    return parser;
  }

  private static void applyClassic(QueryParser parser, Map<String, String> options) {
    for (Map.Entry<String, String> option : options.entrySet()) {
      String value = option.getValue();
      switch (option.getKey()) {
        case "defaultOperator" -> parser.setDefaultOperator(isAnd(value) ? QueryParser.Operator.AND
            : QueryParser.Operator.OR);
        case "allowLeadingWildcard" -> parser.setAllowLeadingWildcard(Boolean.parseBoolean(value));
        case "autoGeneratePhraseQueries" -> parser.setAutoGeneratePhraseQueries(Boolean.parseBoolean(value));
        case "splitOnWhitespace" -> parser.setSplitOnWhitespace(Boolean.parseBoolean(value));
        case "phraseSlop" -> parser.setPhraseSlop(Integer.parseInt(value));
        case "fuzzyPrefixLength" -> parser.setFuzzyPrefixLength(Integer.parseInt(value));
        case "fuzzyMinSim" -> parser.setFuzzyMinSim(Float.parseFloat(value));
        case "enablePositionIncrements" -> parser.setEnablePositionIncrements(Boolean.parseBoolean(value));
        default -> throw new IllegalArgumentException("Unsupported TEXT_MATCH option: " + option.getKey());
      }
    }
  }

  private static Query standard(String text, Map<String, String> options, TextIndexSettings settings,
      Analyzer analyzer) throws QueryNodeException {
    StandardQueryParser parser = new StandardQueryParser(analyzer);
    parser.setAllowLeadingWildcard(settings.allowLeadingWildcard());
    if (settings.useAnd()) {
      parser.setDefaultOperator(StandardQueryConfigHandler.Operator.AND);
    }
    for (Map.Entry<String, String> option : options.entrySet()) {
      String value = option.getValue();
      switch (option.getKey()) {
        case "defaultOperator" -> parser.setDefaultOperator(isAnd(value) ? StandardQueryConfigHandler.Operator.AND
            : StandardQueryConfigHandler.Operator.OR);
        case "allowLeadingWildcard" -> parser.setAllowLeadingWildcard(Boolean.parseBoolean(value));
        case "phraseSlop" -> parser.setPhraseSlop(Integer.parseInt(value));
        case "fuzzyPrefixLength" -> parser.setFuzzyPrefixLength(Integer.parseInt(value));
        case "fuzzyMinSim" -> parser.setFuzzyMinSim(Float.parseFloat(value));
        case "enablePositionIncrements" -> parser.setEnablePositionIncrements(Boolean.parseBoolean(value));
        default -> throw new IllegalArgumentException("Unsupported TEXT_MATCH option for the standard parser: "
            + option.getKey());
      }
    }
    return parser.parse(text, settings.field());
  }

  private static boolean isAnd(String value) {
    String operator = value.trim().toUpperCase(Locale.ROOT);
    if (!operator.equals("AND") && !operator.equals("OR")) {
      throw new IllegalArgumentException("TEXT_MATCH defaultOperator must be AND or OR: " + value);
    }
    return operator.equals("AND");
  }

  private static String parserClass(@Nullable String option, String indexDefault) {
    if (option == null) {
      return indexDefault;
    }
    return switch (option.trim().toUpperCase(Locale.ROOT)) {
      case "CLASSIC" -> TextIndexConfig.CLASSIC_QUERY_PARSER;
      case "STANDARD" -> TextIndexConfig.STANDARD_QUERY_PARSER;
      case "COMPLEX" -> TextIndexConfig.COMPLEX_PHRASE_QUERY_PARSER;
      default -> throw new IllegalArgumentException("Unsupported TEXT_MATCH parser: " + option);
    };
  }

  /// Pinot's options text: `key=value` pairs separated by commas (blank entries ignored).
  private static Map<String, String> options(@Nullable String text) {
    Map<String, String> options = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return options;
    }
    for (String pair : text.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      int equals = pair.indexOf('=');
      if (equals <= 0 || equals == pair.length() - 1) {
        throw new IllegalArgumentException("TEXT_MATCH options must be key=value pairs: " + pair.trim());
      }
      options.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
    }
    return options;
  }
}
