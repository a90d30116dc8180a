// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.segment.ingestion.Expression.Call;
import io.pinot.segment.ingestion.Expression.Identifier;
import io.pinot.segment.ingestion.Expression.Literal;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressionParserTest {
  private static Call call(String name, Expression... arguments) {
    return new Call(name, List.of(arguments));
  }

  private static Identifier id(String name) {
    return new Identifier(name);
  }

  private static Literal lit(Object value) {
    return new Literal(value);
  }

  @Test
  void operatorsFollowSqlPrecedence() {
    assertThat(ExpressionParser.parse("a + b * 2 - c")).isEqualTo(call("minus",
        call("plus", id("a"), call("times", id("b"), lit(2))), id("c")));
    assertThat(ExpressionParser.parse("(a + b) % 3")).isEqualTo(call("mod", call("plus", id("a"), id("b")), lit(3)));
    assertThat(ExpressionParser.parse("a = 1 OR b <> 2 AND NOT c >= 3")).isEqualTo(call("or",
        call("equals", id("a"), lit(1)), call("and", call("notEquals", id("b"), lit(2)),
            call("not", call("greaterThanOrEqual", id("c"), lit(3))))));
    assertThat(ExpressionParser.parse("x || '-' || y")).isEqualTo(call("concat", call("concat", id("x"), lit("-")),
        id("y")));
  }

  @Test
  void predicates() {
    assertThat(ExpressionParser.parse("a IN (1, 2)")).isEqualTo(call("in", id("a"), lit(1), lit(2)));
    assertThat(ExpressionParser.parse("a not in ('x')")).isEqualTo(call("notIn", id("a"), lit("x")));
    assertThat(ExpressionParser.parse("a BETWEEN 1 AND 5 AND b")).isEqualTo(call("and",
        call("between", id("a"), lit(1), lit(5)), id("b")));
    assertThat(ExpressionParser.parse("a NOT BETWEEN 1 AND 5")).isEqualTo(call("not",
        call("between", id("a"), lit(1), lit(5))));
    assertThat(ExpressionParser.parse("a IS NOT NULL")).isEqualTo(call("isNotNull", id("a")));
    assertThat(ExpressionParser.parse("a is null")).isEqualTo(call("isNull", id("a")));
    assertThat(ExpressionParser.parse("a LIKE 'x%'")).isEqualTo(call("like", id("a"), lit("x%")));
    assertThat(ExpressionParser.parse("a NOT LIKE 'x%'")).isEqualTo(call("not", call("like", id("a"), lit("x%"))));
  }

  @Test
  void literalsIdentifiersCaseAndCast() {
    assertThat(ExpressionParser.parse("'it''s'")).isEqualTo(lit("it's"));
    assertThat(ExpressionParser.parse("\"first Name\"")).isEqualTo(id("first Name"));
    assertThat(ExpressionParser.parse("`event-id`")).isEqualTo(id("event-id"));
    assertThat(ExpressionParser.parse("a.b.c")).isEqualTo(id("a.b.c"));
    assertThat(ExpressionParser.parse("$ts")).isEqualTo(id("$ts"));
    assertThat(ExpressionParser.parse("TRUE")).isEqualTo(lit(true));
    assertThat(ExpressionParser.parse("null")).isEqualTo(lit(null));
    assertThat(ExpressionParser.parse("2147483647")).isEqualTo(lit(Integer.MAX_VALUE));
    assertThat(ExpressionParser.parse("2147483648")).isEqualTo(lit(2147483648L));
    assertThat(ExpressionParser.parse("-2147483648")).isEqualTo(lit(-2147483648L));
    assertThat(ExpressionParser.parse("-9223372036854775808")).isEqualTo(lit(Long.MIN_VALUE));
    assertThat(ExpressionParser.parse("99999999999999999999")).isEqualTo(lit(new BigDecimal("99999999999999999999")));
    assertThat(ExpressionParser.parse("1.5e3")).isEqualTo(lit(1500.0));
    assertThat(ExpressionParser.parse(".5")).isEqualTo(lit(0.5));
    assertThat(ExpressionParser.parse("-a")).isEqualTo(call("negate", id("a")));
    assertThat(ExpressionParser.parse("CASE WHEN a > 1 THEN 'big' WHEN a > 0 THEN 'small' ELSE 'none' END"))
        .isEqualTo(call("case", call("greaterThan", id("a"), lit(1)), lit("big"),
            call("greaterThan", id("a"), lit(0)), lit("small"), lit("none")));
    assertThat(ExpressionParser.parse("CAST(a AS bigint)")).isEqualTo(call("cast", id("a"), lit("BIGINT")));
    assertThat(ExpressionParser.parse("now()")).isEqualTo(call("now"));
    assertThat(ExpressionParser.parse("toEpochHours(\"ts\")")).isEqualTo(call("toEpochHours", id("ts")));
  }

  @Test
  void malformedExpressionsAreRejectedWithTheText() {
    for (String bad : List.of("a +", "f(a", "'open", "a b", "CASE END", "a NOT 1", "CAST(a AS 1)", "#", "(a")) {
      assertThatThrownBy(() -> ExpressionParser.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Invalid expression '" + bad + "'");
    }
  }
}
