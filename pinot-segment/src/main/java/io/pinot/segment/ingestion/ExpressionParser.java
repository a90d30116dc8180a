// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.ingestion;

import io.pinot.segment.ingestion.Expression.Call;
import io.pinot.segment.ingestion.Expression.Identifier;
import io.pinot.segment.ingestion.Expression.Literal;
import io.pinot.segment.ingestion.ExpressionLexer.Token;
import io.pinot.segment.ingestion.ExpressionLexer.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/// Parses the SQL expressions of `transformConfigs` and `filterConfig` as Pinot's SQL compiler accepts them in
/// ingestion configs: function calls, `"quoted"` and dotted identifiers, string/number/boolean/NULL literals,
/// arithmetic (`+ - * / %`), comparisons (`= != <> < <= > >=`), `AND`/`OR`/`NOT`, `[NOT] IN (...)`,
/// `[NOT] BETWEEN a AND b`, `IS [NOT] NULL`, `[NOT] LIKE`, `CASE WHEN ... THEN ... [ELSE ...] END`,
/// `CAST(x AS type)` and `||`. Precedence from low to high: OR, AND, NOT, comparison/IN/BETWEEN/LIKE/IS, `+ - ||`,
/// `* / %`, unary minus. Not thread-safe; use one parser per expression.
public final class ExpressionParser {
  private final String text;
  private final List<Token> tokens;
  private int position;

  private ExpressionParser(String text) {
    this.text = text;
    this.tokens = new ExpressionLexer(text).tokens();
  }

  /// Parses one expression.
  ///
  /// @throws IllegalArgumentException naming the expression and the problem when it is not valid
  public static Expression parse(String text) {
    ExpressionParser parser = new ExpressionParser(text);
    Expression expression = parser.or();
    if (parser.peek().type() != TokenType.END) {
      throw parser.error("unexpected '" + parser.peek().text() + "'");
    }
    return expression;
  }

  private Expression or() {
    Expression left = and();
    while (keyword("OR")) {
      left = new Call("or", List.of(left, and()));
    }
    return left;
  }

  private Expression and() {
    Expression left = not();
    while (keyword("AND")) {
      left = new Call("and", List.of(left, not()));
    }
    return left;
  }

  private Expression not() {
    if (keyword("NOT")) {
      return new Call("not", List.of(not()));
    }
    return predicate();
  }

  private Expression predicate() {
    Expression left = additive();
    Token token = peek();
    if (token.type() == TokenType.OPERATOR) {
      String function = switch (token.text()) {
        case "=" -> "equals";
        case "!=", "<>" -> "notEquals";
        case "<" -> "lessThan";
        case "<=" -> "lessThanOrEqual";
        case ">" -> "greaterThan";
        case ">=" -> "greaterThanOrEqual";
        default -> null;
      };
      if (function != null) {
        position++;
        return new Call(function, List.of(left, additive()));
      }
    }
    if (keyword("IS")) {
      boolean negated = keyword("NOT");
      expectKeyword("NULL");
      return new Call(negated ? "isNotNull" : "isNull", List.of(left));
    }
    boolean negated = keyword("NOT");
    if (keyword("IN")) {
      List<Expression> arguments = new ArrayList<>();
      arguments.add(left);
      expect("(");
      do {
        arguments.add(or());
      } while (symbol(","));
      expect(")");
      return new Call(negated ? "notIn" : "in", arguments);
    }
    if (keyword("BETWEEN")) {
      Expression low = additive();
      expectKeyword("AND");
      Call between = new Call("between", List.of(left, low, additive()));
      return negated ? new Call("not", List.of(between)) : between;
    }
    if (keyword("LIKE")) {
      Call like = new Call("like", List.of(left, additive()));
      return negated ? new Call("not", List.of(like)) : like;
    }
    if (negated) {
      throw error("expected IN, BETWEEN or LIKE after NOT");
    }
    return left;
  }

  private Expression additive() {
    Expression left = multiplicative();
    while (true) {
      if (symbol("+")) {
        left = new Call("plus", List.of(left, multiplicative()));
      } else if (symbol("-")) {
        left = new Call("minus", List.of(left, multiplicative()));
      } else if (symbol("||")) {
        left = new Call("concat", List.of(left, multiplicative()));
      } else {
        return left;
      }
    }
  }

  private Expression multiplicative() {
    Expression left = unary();
    while (true) {
      if (symbol("*")) {
        left = new Call("times", List.of(left, unary()));
      } else if (symbol("/")) {
        left = new Call("divide", List.of(left, unary()));
      } else if (symbol("%")) {
        left = new Call("mod", List.of(left, unary()));
      } else {
        return left;
      }
    }
  }

  private Expression unary() {
    if (symbol("-")) {
      Expression operand = unary();
      if (operand instanceof Literal(Object value) && value instanceof Number number) {
        return new Literal(ExpressionLexer.negate(number));
      }
      return new Call("negate", List.of(operand));
    }
    if (symbol("+")) {
      return unary();
    }
    return primary();
  }

  private Expression primary() {
    Token token = peek();
    position++;
    return switch (token.type()) {
      case NUMBER -> new Literal(ExpressionLexer.number(token.text()));
      case STRING -> new Literal(token.text());
      case QUOTED_IDENTIFIER -> new Identifier(token.text());
      case SYMBOL -> {
        if (!token.text().equals("(")) {
          throw error("unexpected '" + token.text() + "'");
        }
        Expression inner = or();
        expect(")");
        yield inner;
      }
      case WORD -> word(token.text());
      case OPERATOR, END -> throw error(token.type() == TokenType.END ? "unexpected end of expression"
          : "unexpected '" + token.text() + "'");
    };
  }

  private Expression word(String word) {
    String upper = word.toUpperCase(Locale.ROOT);
    switch (upper) {
      case "TRUE" -> {
        return new Literal(Boolean.TRUE);
      }
      case "FALSE" -> {
        return new Literal(Boolean.FALSE);
      }
      case "NULL" -> {
        return new Literal(null);
      }
      case "CASE" -> {
        return caseExpression();
      }
      default -> {
      }
    }
    if (!symbol("(")) {
      return new Identifier(word);
    }
    if (upper.equals("CAST")) {
      Expression value = or();
      expectKeyword("AS");
      Token type = peek();
      if (type.type() != TokenType.WORD) {
        throw error("expected a type name after AS");
      }
      position++;
      expect(")");
      return new Call("cast", List.of(value, new Literal(type.text().toUpperCase(Locale.ROOT))));
    }
    List<Expression> arguments = new ArrayList<>();
    if (!symbol(")")) {
      do {
        arguments.add(argument());
      } while (symbol(","));
      expect(")");
    }
    return new Call(word, arguments);
  }

  /// A function argument; Groovy's `{script}` block is kept as text so that the call can be rejected by name.
  private Expression argument() {
    if (peek().type() == TokenType.SYMBOL && peek().text().equals("{")) {
      int depth = 0;
      int start = position;
      do {
        Token token = tokens.get(position++);
        if (token.text().equals("{") && token.type() == TokenType.SYMBOL) {
          depth++;
        } else if (token.text().equals("}") && token.type() == TokenType.SYMBOL) {
          depth--;
        } else if (token.type() == TokenType.END) {
          throw error("unclosed '{'");
        }
      } while (depth > 0);
      return new Literal("{script of " + (position - start) + " tokens}");
    }
    return or();
  }

  private Expression caseExpression() {
    List<Expression> arguments = new ArrayList<>();
    while (keyword("WHEN")) {
      arguments.add(or());
      expectKeyword("THEN");
      arguments.add(or());
    }
    if (arguments.isEmpty()) {
      throw error("CASE needs at least one WHEN");
    }
    if (keyword("ELSE")) {
      arguments.add(or());
    }
    expectKeyword("END");
    return new Call("case", arguments);
  }

  private Token peek() {
    return tokens.get(position);
  }

  private boolean keyword(String keyword) {
    Token token = peek();
    if (token.type() == TokenType.WORD && token.text().equalsIgnoreCase(keyword)) {
      position++;
      return true;
    }
    return false;
  }

  private void expectKeyword(String keyword) {
    if (!keyword(keyword)) {
      throw error("expected " + keyword);
    }
  }

  private boolean symbol(String symbol) {
    Token token = peek();
    if ((token.type() == TokenType.SYMBOL || token.type() == TokenType.OPERATOR) && token.text().equals(symbol)) {
      position++;
      return true;
    }
    return false;
  }

  private void expect(String symbol) {
    if (!symbol(symbol)) {
      throw error("expected '" + symbol + "'");
    }
  }

  private IllegalArgumentException error(String message) {
    return new IllegalArgumentException("Invalid expression '" + text + "': " + message);
  }
}
