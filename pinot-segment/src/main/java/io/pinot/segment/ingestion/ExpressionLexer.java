// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.ingestion;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/// Splits an ingestion expression into tokens: words (names and keywords, which may contain `.` and `$`),
/// `"double-quoted"` or `` `back-quoted` `` identifiers, `'single-quoted'` strings (`''` is a quote), numbers,
/// operators and punctuation. Not thread-safe.
final class ExpressionLexer {
  enum TokenType {
    WORD,
    QUOTED_IDENTIFIER,
    STRING,
    NUMBER,
    OPERATOR,
    SYMBOL,
    END
  }

  record Token(TokenType type, String text) {
  }

  private final String text;
  private int position;

  ExpressionLexer(String text) {
    this.text = text;
  }

  List<Token> tokens() {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      skipWhitespace();
      if (position >= text.length()) {
        tokens.add(new Token(TokenType.END, ""));
        return tokens;
      }
      tokens.add(next());
    }
  }

  private void skipWhitespace() {
    while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
      position++;
    }
  }

  private Token next() {
    char c = text.charAt(position);
    if (c == '\'') {
      return new Token(TokenType.STRING, quoted('\''));
    }
    if (c == '"' || c == '`') {
      return new Token(TokenType.QUOTED_IDENTIFIER, quoted(c));
    }
    boolean fraction = c == '.' && position + 1 < text.length() && Character.isDigit(text.charAt(position + 1));
    if (Character.isDigit(c) || fraction) {
      return new Token(TokenType.NUMBER, numberText());
    }
    if (Character.isLetter(c) || c == '_' || c == '$') {
      int start = position;
      while (position < text.length() && (Character.isLetterOrDigit(text.charAt(position))
          || "_$.".indexOf(text.charAt(position)) >= 0)) {
        position++;
      }
      return new Token(TokenType.WORD, text.substring(start, position));
    }
    for (String operator : new String[] {"<=", ">=", "<>", "!=", "||", "=", "<", ">", "+", "-", "*", "/", "%"}) {
      if (text.startsWith(operator, position)) {
        position += operator.length();
        return new Token(TokenType.OPERATOR, operator);
      }
    }
    if ("(),{}[];:".indexOf(c) >= 0) {
      position++;
      return new Token(TokenType.SYMBOL, String.valueOf(c));
    }
    throw new IllegalArgumentException("Invalid expression '" + text + "': unexpected character '" + c + "'");
  }

  private String quoted(char quote) {
    StringBuilder value = new StringBuilder();
    position++;
    while (position < text.length()) {
      char c = text.charAt(position++);
      if (c == quote) {
        if (position < text.length() && text.charAt(position) == quote) {
          value.append(quote);
          position++;
        } else {
          return value.toString();
        }
      } else {
        value.append(c);
      }
    }
    throw new IllegalArgumentException("Invalid expression '" + text + "': unclosed " + quote);
  }

  private String numberText() {
    int start = position;
    while (position < text.length() && (Character.isDigit(text.charAt(position)) || text.charAt(position) == '.')) {
      position++;
    }
    if (position < text.length() && (text.charAt(position) == 'e' || text.charAt(position) == 'E')) {
      int exponent = position + 1;
      if (exponent < text.length() && (text.charAt(exponent) == '+' || text.charAt(exponent) == '-')) {
        exponent++;
      }
      if (exponent < text.length() && Character.isDigit(text.charAt(exponent))) {
        position = exponent;
        while (position < text.length() && Character.isDigit(text.charAt(position))) {
          position++;
        }
      }
    }
    return text.substring(start, position);
  }

  /// The value of a number literal: `Integer` or `Long` when integral and in range, `BigDecimal` for larger
  /// integers, `Double` otherwise.
  static Number number(String text) {
    if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
      BigInteger value = new BigInteger(text);
      if (value.bitLength() < 32) {
        return value.intValue();
      }
      return value.bitLength() < 64 ? value.longValue() : new BigDecimal(value);
    }
    return Double.parseDouble(text);
  }

  static Number negate(Number number) {
    return switch (number) {
      case Integer i -> i == Integer.MIN_VALUE ? (Number) (-(long) i) : (Number) (-i);
      case Long l -> l == Long.MIN_VALUE ? new BigDecimal(l).negate() : (Number) (-l);
      case BigDecimal decimal -> {
        BigDecimal negated = decimal.negate();
        yield negated.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) == 0 ? (Number) Long.MIN_VALUE : negated;
      }
      default -> -number.doubleValue();
    };
  }
}
