// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.sql;

import io.pinot.spi.exception.QueryErrorCode;
import io.pinot.spi.exception.QueryException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSetOption;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/// Parses SQL text with Calcite's Babel parser configured as Pinot configures its parser: identifiers in
/// double quotes, identifier case unchanged whether quoted or not, BABEL conformance (so `LIMIT m, n`
/// works), identifiers up to 1024 characters. `SET k = v;` statements and a trailing legacy
/// `OPTION(k=v, ...)` become options. Parse failures become SQL_PARSING (150) with Calcite's position and
/// a short list of the expected tokens, never a stack trace. Thread-safe (no state).
public final class SqlParsing {
  private static final Pattern OPTION_PATTERN =
      Pattern.compile("\\s*option\\s*\\(([^)]+)\\)\\s*;?\\s*\\Z", Pattern.CASE_INSENSITIVE);
  private static final int MAX_EXPECTED_TOKENS = 8;
  private static final SqlParser.Config CONFIG = SqlParser.config()
      .withParserFactory(SqlBabelParserImpl.FACTORY)
      .withConformance(SqlConformanceEnum.BABEL)
      .withQuoting(Quoting.DOUBLE_QUOTE)
      .withQuotedCasing(Casing.UNCHANGED)
      .withUnquotedCasing(Casing.UNCHANGED)
      .withIdentifierMaxLength(1024);

  private SqlParsing() {
  }

  /// Parses one query with its options.
  ///
  /// @throws QueryException SQL_PARSING when the text is not one valid statement
  public static ParsedSql parse(String sql) {
    if (sql == null || sql.isBlank()) {
      throw QueryErrorCode.SQL_PARSING.asException("Empty SQL query");
    }
    Map<String, String> options = new LinkedHashMap<>();
    String text = sql;
    Matcher matcher = OPTION_PATTERN.matcher(text);
    if (matcher.find()) {
      String legacyOptions = matcher.group(1);
      text = text.substring(0, matcher.start());
      parseLegacyOptions(legacyOptions, options);
    }
    SqlNodeList statements;
    try {
      statements = SqlParser.create(text, CONFIG).parseStmtList();
    } catch (SqlParseException e) {
      throw QueryErrorCode.SQL_PARSING.asException(describe(e));
    } catch (RuntimeException e) {
      throw QueryErrorCode.SQL_PARSING.asException(String.valueOf(e.getMessage()));
    }
    SqlNode query = null;
    Map<String, String> setOptions = new LinkedHashMap<>();
    for (SqlNode statement : statements) {
      if (statement instanceof SqlSetOption set) {
        setOptions.put(optionName(set), optionValue(set));
      } else if (query == null) {
        query = statement;
      } else {
        throw QueryErrorCode.SQL_PARSING.asException("More than one query statement found");
      }
    }
    if (query == null) {
      throw QueryErrorCode.SQL_PARSING.asException("No query statement found");
    }
    // The legacy OPTION clause is applied after SET statements, as in Pinot.
    setOptions.putAll(options);
    return new ParsedSql(query, setOptions);
  }

  /// Parses one SQL expression with the settings of queries (the filter text of `JSON_MATCH`).
  ///
  /// @throws QueryException SQL_PARSING when the text is not one valid expression
  public static SqlNode parseExpression(String text) {
    try {
      return SqlParser.create(text, CONFIG).parseExpression();
    } catch (SqlParseException e) {
      throw QueryErrorCode.SQL_PARSING.asException(describe(e));
    } catch (RuntimeException e) {
      throw QueryErrorCode.SQL_PARSING.asException(String.valueOf(e.getMessage()));
    }
  }

  private static void parseLegacyOptions(String text, Map<String, String> options) {
    for (String option : text.split(",")) {
      String[] parts = option.split("=");
      if (parts.length != 2) {
        throw QueryErrorCode.SQL_PARSING.asException("OPTION statement requires two parts separated by '='");
      }
      options.put(parts[0].trim(), parts[1].trim());
    }
  }

  private static String optionName(SqlSetOption set) {
    // Operands are (scope, name, value).
    SqlIdentifier name = (SqlIdentifier) set.getOperandList().get(1);
    return String.join(".", name.names);
  }

  private static String optionValue(SqlSetOption set) {
    SqlNode value = set.getOperandList().get(2);
    if (value instanceof SqlLiteral literal) {
      Object converted = literal.toValue();
      return converted == null ? "null" : converted.toString();
    }
    if (value instanceof SqlIdentifier identifier) {
      return String.join(".", identifier.names);
    }
    throw QueryErrorCode.SQL_PARSING.asException("Unsupported value of option " + optionName(set));
  }

  /// Calcite's first message line (token and position) and the first few expected tokens on one line.
  static String describe(SqlParseException e) {
    String message = String.valueOf(e.getMessage());
    String[] lines = message.split("\n");
    StringBuilder text = new StringBuilder(lines[0].trim());
    int expected = 0;
    boolean inExpected = false;
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.startsWith("Was expecting")) {
        inExpected = true;
        text.append(' ').append(line.endsWith(":") ? line.substring(0, line.length() - 1) : line);
        continue;
      }
      if (!inExpected || line.isEmpty()) {
        continue;
      }
      String token = line.endsWith("...") ? line.substring(0, line.length() - 3).trim() : line;
      if (token.contains(" ")) {
        // Multi-token continuations ("WHERE" "+") only repeat what the single tokens say.
        continue;
      }
      if (expected == MAX_EXPECTED_TOKENS) {
        text.append(", ...");
        break;
      }
      text.append(expected == 0 ? ": " : ", ").append(token);
      expected++;
    }
    return text.toString();
  }

  static QueryException unsupported(String what) {
    return QueryErrorCode.QUERY_PLANNING.asException(what + " is not supported yet");
  }
}
