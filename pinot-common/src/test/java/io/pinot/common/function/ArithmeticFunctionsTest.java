// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.function;

import static io.pinot.common.function.Functions.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ArithmeticFunctionsTest {
  @Test
  void operatorsStayIntegralForIntegralArguments() {
    assertThat(call("plus", 1, 2)).isEqualTo(3L);
    assertThat(call("add", 1, 2.5)).isEqualTo(3.5);
    assertThat(call("plus", "1", 2)).isEqualTo(3.0);
    assertThat(call("plus", Long.MAX_VALUE, 1)).isEqualTo(Long.MIN_VALUE);
    assertThat(call("minus", 1, 3L)).isEqualTo(-2L);
    assertThat(call("sub", 0.5, 0.25)).isEqualTo(0.25);
    assertThat(call("times", 6, 7)).isEqualTo(42L);
    assertThat(call("mult", 2, 0.5f)).isEqualTo(1.0);
    assertThat(call("divide", 7, 2)).isEqualTo(3.5);
    assertThat(call("div", 1, 0)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(call("divide", 1, 0, -1)).isEqualTo(-1.0);
    assertThat(call("intDiv", -7, 2)).isEqualTo(-4L);
    assertThat(call("intDivOrZero", 1, 0)).isEqualTo(0L);
    assertThat(call("negate", 5)).isEqualTo(-5);
    assertThat(call("negate", new BigDecimal("1.5"))).isEqualTo(new BigDecimal("-1.5"));
  }

  @Test
  void typedFunctionsFollowTheirArgumentTypes() {
    assertThat(call("mod", 7, 3)).isEqualTo(1);
    assertThat(call("mod", -7, 3)).isEqualTo(-1);
    assertThat(call("mod", 7L, 3)).isEqualTo(1L);
    assertThat(call("mod", 7.5, 2)).isEqualTo(1.5);
    assertThat(call("mod", new BigDecimal("7.5"), 2)).isEqualTo(new BigDecimal("1.5"));
    assertThat(call("moduloOrZero", 7, 0)).isEqualTo(0);
    assertThat(call("abs", -3)).isEqualTo(3);
    assertThat(call("abs", -3L)).isEqualTo(3L);
    assertThat(call("abs", -2.5f)).isEqualTo(2.5f);
    assertThat(call("abs", -0.0)).isEqualTo(0.0);
    assertThat(call("abs", new BigDecimal("-1.25"))).isEqualTo(new BigDecimal("1.25"));
    assertThatThrownBy(() -> call("abs", Integer.MIN_VALUE)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> call("abs", Long.MIN_VALUE)).isInstanceOf(ArithmeticException.class);
    assertThat(call("greatest", 3, 9L)).isEqualTo(9L);
    assertThat(call("least", 3, 2.5)).isEqualTo(2.5);
    assertThat(call("least", new BigDecimal("1.1"), 2)).isEqualTo(new BigDecimal("1.1"));
  }

  @Test
  void doubleFunctions() {
    assertThat(call("ceil", -1.5)).isEqualTo(-1.0);
    assertThat(call("floor", -1.5)).isEqualTo(-2.0);
    assertThat(call("exp", 0)).isEqualTo(1.0);
    assertThat(call("ln", Math.E)).isEqualTo(1.0);
    assertThat(call("log", 1)).isEqualTo(0.0);
    assertThat(call("log2", 8)).isEqualTo(3.0);
    assertThat(call("log10", 1000)).isEqualTo(3.0);
    assertThat(call("sqrt", -1)).isEqualTo(Double.NaN);
    assertThat(call("cbrt", 27)).isEqualTo(3.0);
    assertThat(call("sign", -4)).isEqualTo(-1.0);
    assertThat(call("power", 2, -1)).isEqualTo(0.5);
    assertThat(call("roundDecimal", 2.345, 2)).isEqualTo(2.35);
    assertThat(call("roundDecimal", -2.5)).isEqualTo(-2.0);
    assertThat(call("roundDecimal", Double.NaN, 2)).isEqualTo(Double.NaN);
    assertThat(call("truncate", -2.7)).isEqualTo(-2.0);
    assertThat(call("truncate", 2.789, 2)).isEqualTo(2.78);
    assertThat(call("hypot", 3, 4)).isEqualTo(5.0);
    assertThat(call("exp2", 3)).isEqualTo(8.0);
    assertThat(call("exp10", 2)).isEqualTo(100.0);
    assertThat(call("log1p", 0)).isEqualTo(0.0);
    assertThat(call("sigmoid", 0)).isEqualTo(0.5);
    assertThat(call("pi")).isEqualTo(Math.PI);
    assertThat(call("e")).isEqualTo(Math.E);
    assertThat(call("isNaN", Double.NaN)).isEqualTo(1);
    assertThat(call("isFinite", Double.POSITIVE_INFINITY)).isEqualTo(0);
    assertThat(call("isInfinite", Double.NEGATIVE_INFINITY)).isEqualTo(1);
    assertThat(call("ifNotFinite", Double.NaN, 7)).isEqualTo(7.0);
    assertThat(call("gcd", 12, -18)).isEqualTo(6L);
    assertThat(call("lcm", 4, 6)).isEqualTo(12L);
    assertThat(call("lcm", 0, 6)).isEqualTo(0L);
  }
}
