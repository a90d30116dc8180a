// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.sql;

import io.pinot.query.context.Expression;
import io.pinot.query.context.Literal;
import io.pinot.query.context.Predicate;
import io.pinot.spi.exception.QueryErrorCode;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlNode;
import org.jspecify.annotations.Nullable;

/// Converts the filter functions `REGEXP_LIKE(expression, 'regex'[, 'matchParameter'])` and `TEXT_MATCH(column,
/// 'lucene query'[, 'options'])` into predicates, with Pinot's argument checks: two or three arguments, string
/// literals, a valid regular expression, and a match parameter of one character, `i`/`I` (case-insensitive) or
/// `c`/`C` (case-sensitive). Invalid calls fail with QUERY_VALIDATION (700). Thread-safe (no state).
final class PatternFilterConverter {
  private PatternFilterConverter() {
  }

  /// Whether `name` (any case, underscores ignored, as Pinot canonicalizes function names) is one of the filter
  /// functions converted here.
  static boolean handles(String name) {
    String canonical = canonical(name);
    return canonical.equals("REGEXPLIKE") || canonical.equals("TEXTMATCH");
  }

  static Predicate convert(SqlBasicCall call) {
    String name = call.getOperator().getName();
    boolean regexp = canonical(name).equals("REGEXPLIKE");
    String display = regexp ? "REGEXP_LIKE" : "TEXT_MATCH";
    int count = call.operandCount();
    if (count < 2 || count > 3) {
      throw QueryErrorCode.QUERY_VALIDATION.asException(display + " requires 2 or 3 arguments");
    }
    Expression lhs = ExpressionConverter.convert(call.operand(0));
    String text = stringLiteral(call.operand(1), display);
    String third = count == 3 ? stringLiteral(call.operand(2), display) : null;
    if (!regexp) {
      return new Predicate.TextMatch(lhs, text, third);
    }
    boolean caseInsensitive = caseInsensitive(third);
    try {
      Pattern.compile(text, caseInsensitive ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    } catch (PatternSyntaxException e) {
      throw QueryErrorCode.QUERY_VALIDATION.asException("Invalid regular expression in REGEXP_LIKE: "
          + e.getDescription(), e);
    }
    return new Predicate.RegexpLike(lhs, text, caseInsensitive);
  }

  /// Pinot's match parameter: empty or absent for case-sensitive, else exactly one of `i`, `I`, `c`, `C`.
  private static boolean caseInsensitive(@Nullable String matchParameter) {
    if (matchParameter == null || matchParameter.isEmpty()) {
      return false;
    }
    if (matchParameter.length() != 1) {
      throw QueryErrorCode.QUERY_VALIDATION.asException("Match parameter must be exactly one character. Got: '"
          + matchParameter + "'");
    }
    char c = Character.toLowerCase(matchParameter.charAt(0));
    if (c != 'i' && c != 'c') {
      throw QueryErrorCode.QUERY_VALIDATION.asException("Unsupported match parameter: '" + matchParameter
          + "'. Only 'i'/'I' (case-insensitive) and 'c'/'C' (case-sensitive) are supported.");
    }
    return c == 'i';
  }

  private static String stringLiteral(SqlNode node, String function) {
    if (ExpressionConverter.convert(node) instanceof Literal literal && literal.value() instanceof String text) {
      return text;
    }
    throw QueryErrorCode.QUERY_VALIDATION.asException(function + " expects string literal arguments after the "
        + "first, got[" + node + "]");
  }

  private static String canonical(String name) {
    return name.replace("_", "").toUpperCase(Locale.ROOT);
  }
}
