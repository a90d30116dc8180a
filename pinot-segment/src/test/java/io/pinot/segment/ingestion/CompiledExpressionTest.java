// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.common.function.FunctionRegistry;
import io.pinot.spi.data.readers.GenericRow;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompiledExpressionTest {
  private static Object eval(String expression, Map<String, Object> values) {
    GenericRow row = new GenericRow();
    values.forEach(row::putValue);
    return CompiledExpression.compile(expression, FunctionRegistry.standard()).evaluate(row);
  }

  @Test
  void evaluatesFunctionsOverRowFields() {
    assertThat(eval("concat(firstName, lastName, ' ')", Map.of("firstName", "Ada", "lastName", "Lovelace")))
        .isEqualTo("Ada Lovelace");
    assertThat(eval("toEpochHours(ts) * 2", Map.of("ts", 7_200_000L))).isEqualTo(4L);
    assertThat(eval("\"event-id\" + 1", Map.of("event-id", 41))).isEqualTo(42L);
    assertThat(eval("CASE WHEN eventType = 'IMPRESSION' THEN 1 ELSE 0 END", Map.of("eventType", "IMPRESSION")))
        .isEqualTo(1);
    assertThat(eval("arrayMax(bids)", Map.of("bids", new Object[] {3, 9, 4}))).isEqualTo(9);
    assertThat(eval("jsonPathString(payload, '$.user.name')", Map.of("payload", Map.of("user", Map.of("name", "x")))))
        .isEqualTo("x");
    assertThat(eval("CAST(n AS STRING)", Map.of("n", 12))).isEqualTo("12");
    assertThat(eval("a IN (1, 2) AND b BETWEEN 'a' AND 'c'", Map.of("a", 2, "b", "b"))).isEqualTo(true);
  }

  @Test
  void nullsPropagateExceptThroughNullAwareFunctions() {
    assertThat(eval("upper(missing)", Map.of())).isNull();
    assertThat(eval("coalesce(missing, 'dflt')", Map.of())).isEqualTo("dflt");
    assertThat(eval("missing IS NULL", Map.of())).isEqualTo(true);
    assertThat(eval("missing = 1 OR x = 1", Map.of("x", 1))).isEqualTo(true);
    assertThat(eval("missing = 1 AND x = 1", Map.of("x", 1))).isNull();
    assertThat(eval("missing = 1 AND x = 2", Map.of("x", 1))).isEqualTo(false);
  }

  @Test
  void onlyTheChosenCaseBranchIsEvaluated() {
    assertThat(eval("CASE WHEN x = 0 THEN 0 ELSE 10 / x END", Map.of("x", 0))).isEqualTo(0);
    assertThat(eval("CASE WHEN x > 1 THEN 'a' END", Map.of("x", 0))).isNull();
  }

  @Test
  void constantsAreFoldedButNowIsNot() {
    CompiledExpression folded = CompiledExpression.compile("upper('a') || 'b'", FunctionRegistry.standard());
    assertThat(folded.isConstant()).isTrue();
    assertThat(folded.evaluate(new GenericRow())).isEqualTo("Ab");
    assertThat(CompiledExpression.compile("now() - 1000", FunctionRegistry.standard()).isConstant()).isFalse();
    CompiledExpression columns = CompiledExpression.compile("concat(a, b, a)", FunctionRegistry.standard());
    assertThat(columns.inputColumns()).containsExactly("a", "b");
  }

  @Test
  void invalidExpressionsFailAtCompileTime() {
    FunctionRegistry registry = FunctionRegistry.standard();
    assertThatThrownBy(() -> CompiledExpression.compile("nosuch(a)", registry))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Unsupported function: nosuch in 'nosuch(a)'");
    assertThatThrownBy(() -> CompiledExpression.compile("upper(a, b)", registry))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("upper with 2 arguments");
    assertThatThrownBy(() -> CompiledExpression.compile("Groovy({a + 1}, a)", registry))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Groovy functions are disabled")
        .hasMessageContaining("built-in scalar functions");
    assertThatThrownBy(() -> CompiledExpression.compile("regexpExtract(a, '(')", registry))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("regexpExtract(a, '(')");
    assertThatThrownBy(() -> CompiledExpression.compile("CAST(a AS POINT)", registry))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown CAST type POINT");
    assertThatThrownBy(() -> CompiledExpression.compile("toEpochDays('soon')", registry))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'soon'");
  }
}
