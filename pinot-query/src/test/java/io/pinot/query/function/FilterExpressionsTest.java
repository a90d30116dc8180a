// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.query.context.Expression;
import io.pinot.query.context.FilterNode;
import io.pinot.query.context.FunctionCall;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.Literal;
import io.pinot.query.context.Predicate;
import io.pinot.spi.exception.QueryErrorCode;
import io.pinot.spi.exception.QueryException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/// The conditions of `FILTER (WHERE ...)`: conversion of the compiled condition expressions into filters, Pinot's
/// filter text for result column names, and the conditions that are refused.
class FilterExpressionsTest {
  private static final Identifier AGE = new Identifier("age");
  private static final Identifier CITY = new Identifier("city");

  private static FunctionCall call(String name, Expression... arguments) {
    return new FunctionCall(name, List.of(arguments));
  }

  private static Literal number(long value) {
    return new Literal(BigDecimal.valueOf(value));
  }

  private static String text(Expression condition) {
    return FilterExpressions.pinotText(FilterExpressions.toFilter(condition));
  }

  @Test
  void printsConditionsAsPinot() {
    assertThat(text(call("greaterthan", AGE, number(30)))).isEqualTo("age > '30'");
    assertThat(text(call("lessthanorequal", number(30), AGE))).isEqualTo("age >= '30'");
    assertThat(text(call("between", AGE, number(20), number(30)))).isEqualTo("age BETWEEN '20' AND '30'");
    assertThat(text(call("and", call("equals", CITY, new Literal("x")), call("in", AGE, number(1), number(2)),
        call("and", call("notequals", AGE, number(5)), call("notin", CITY, new Literal("a"))))))
        .isEqualTo("(city = 'x' AND age IN ('1','2') AND age != '5' AND city NOT IN ('a'))");
    assertThat(text(call("or", call("not", call("lessthan", AGE, number(3))), call("regexplike", CITY,
        new Literal("^c.*")))))
        .isEqualTo("((NOT age < '3') OR regexp_like(city,'^c.*'))");
    assertThat(text(new Identifier("is_new"))).isEqualTo("is_new = 'true'");
    assertThat(text(call("greaterthan", AGE, new Identifier("quantity")))).isEqualTo("minus(age,quantity) > '0'");
  }

  @Test
  void convertsToTheFilterThePlannerRuns() {
    FilterNode filter = FilterExpressions.toFilter(call("and", call("greaterthanorequal", AGE, number(18)),
        call("like", CITY, new Literal("city_1%"))));
    assertThat(filter).isEqualTo(new FilterNode.And(List.of(
        new Predicate.Range(AGE, BigDecimal.valueOf(18), true, null, false), new Predicate.Like(CITY, "city_1%"))));
  }

  @Test
  void refusesWhatItCannotPlan() {
    assertThatThrownBy(() -> FilterExpressions.toFilter(call("jsonmatch", CITY, new Literal("\"$.a\" = 1"))))
        .isInstanceOfSatisfying(QueryException.class,
            e -> assertThat(e.errorCode()).isEqualTo(QueryErrorCode.QUERY_PLANNING));
    assertThatThrownBy(() -> FilterExpressions.toFilter(call("equals", number(1), number(1))))
        .isInstanceOf(QueryException.class);
    assertThatThrownBy(() -> FilterExpressions.toFilter(call("regexplike", CITY, new Literal("("))))
        .isInstanceOfSatisfying(QueryException.class,
            e -> assertThat(e.errorCode()).isEqualTo(QueryErrorCode.QUERY_VALIDATION));
    assertThatThrownBy(() -> FilterExpressions.toFilter(new Literal(true))).isInstanceOf(QueryException.class);
  }
}
