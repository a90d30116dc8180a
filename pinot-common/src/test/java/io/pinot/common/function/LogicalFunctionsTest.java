// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.function;

import static io.pinot.common.function.Functions.call;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import org.junit.jupiter.api.Test;

class LogicalFunctionsTest {
  @Test
  void comparisonsAreNumericForNumbersAndTextOtherwise() {
    assertThat(call("equals", 1, 1.0)).isEqualTo(true);
    assertThat(call("equals", 1, "1.0")).isEqualTo(true);
    assertThat(call("equals", Long.MAX_VALUE, Long.MAX_VALUE - 1)).isEqualTo(false);
    assertThat(call("equals", 0.0, -0.0)).isEqualTo(true);
    assertThat(call("equals", "a", "a")).isEqualTo(true);
    assertThat(call("equals", new BigDecimal("1.50"), 1.5)).isEqualTo(true);
    assertThat(call("notEquals", "a", "b")).isEqualTo(true);
    assertThat(call("greaterThan", 10, 9)).isEqualTo(true);
    assertThat(call("greaterThan", "10", "9")).isEqualTo(false);
    assertThat(call("greaterThan", 10, "9")).isEqualTo(true);
    assertThat(call("lessThan", "abc", 5)).isEqualTo(false);
    assertThat(call("lessThanOrEqual", 2, 2L)).isEqualTo(true);
    assertThat(call("greaterThanOrEqual", new Timestamp(5), 5)).isEqualTo(true);
    assertThat(call("between", 5, 1, 5)).isEqualTo(true);
    assertThat(call("between", 6, 1, 5)).isEqualTo(false);
    assertThat(call("equals", true, true)).isEqualTo(true);
    assertThat(call("equals", null, 1)).isNull();
  }

  @Test
  void threeValuedLogicAndInLists() {
    assertThat(call("and", true, null)).isNull();
    assertThat(call("and", false, null)).isEqualTo(false);
    assertThat(call("or", true, null)).isEqualTo(true);
    assertThat(call("or", false, null)).isNull();
    assertThat(call("or", false, false, true)).isEqualTo(true);
    assertThat(call("not", (Object) null)).isNull();
    assertThat(call("not", "true")).isEqualTo(false);
    assertThat(call("in", 2, 1, 2, 3)).isEqualTo(true);
    assertThat(call("in", 4, 1, null)).isNull();
    assertThat(call("in", null, 1)).isNull();
    assertThat(call("notIn", "x", "a", "b")).isEqualTo(true);
    assertThat(call("isNull", (Object) null)).isEqualTo(true);
    assertThat(call("isNotNull", 0)).isEqualTo(true);
    assertThat(call("isTrue", (Object) null)).isEqualTo(false);
    assertThat(call("isFalse", false)).isEqualTo(true);
    assertThat(call("isDistinctFrom", null, null)).isEqualTo(false);
    assertThat(call("isDistinctFrom", 1, null)).isEqualTo(true);
    assertThat(call("isNotDistinctFrom", 1, 1L)).isEqualTo(true);
  }

  @Test
  void conditionals() {
    assertThat(call("coalesce", null, 2, 3)).isEqualTo(2);
    assertThat(call("coalesce", null, null)).isNull();
    assertThat(call("nullIf", 1, 1)).isNull();
    assertThat(call("nullIf", 1, 2)).isEqualTo(1);
    assertThat(call("case", false, "a", true, "b", "c")).isEqualTo("b");
    assertThat(call("caseWhen", false, "a", "else")).isEqualTo("else");
    assertThat(call("case", false, "a")).isNull();
    assertThat(call("case", null, "a", 1, "one")).isEqualTo("one");
  }
}
