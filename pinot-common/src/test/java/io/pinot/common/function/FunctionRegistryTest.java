// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.function;

import static io.pinot.common.function.Functions.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionRegistryTest {
  private final FunctionRegistry registry = FunctionRegistry.standard();

  @Test
  void namesAreCaseInsensitiveAndIgnoreUnderscores() {
    assertThat(FunctionRegistry.canonicalize("to_Epoch_SECONDS")).isEqualTo("toepochseconds");
    assertThat(registry.lookup("TO_EPOCH_SECONDS", 1)).isSameAs(registry.lookup("toEpochSeconds", 1));
    assertThat(registry.lookup("json_extract_scalar", 3)).isNotNull();
    assertThat(registry.lookup("regexp_extract", 2)).isNotNull();
    assertThat(call("CeIlInG", 1.2)).isEqualTo(2.0);
  }

  @Test
  void aliasesShareTheImplementation() {
    assertThat(call("day", 0L)).isEqualTo(call("dayOfMonth", 0L)).isEqualTo(1);
    assertThat(call("dow", 0L)).isEqualTo(4);
    assertThat(call("pow", 2.0, 10.0)).isEqualTo(1024.0);
    assertThat(call("stringToArray", "a,b", ",")).isEqualTo(new Object[] {"a", "b"});
  }

  @Test
  void lookupIsByArityAndVarArgsTakeAnyCount() {
    assertThat(registry.lookup("substr", 2).argumentTypes()).containsExactly(ScalarType.STRING, ScalarType.INT);
    assertThat(registry.lookup("substr", 3).argumentTypes()).hasSize(3);
    assertThat(registry.lookup("substr", 4)).isNull();
    assertThat(registry.lookup("nope", 1)).isNull();
    assertThat(registry.contains("substr")).isTrue();
    assertThat(registry.lookup("greatest", 2)).isNotNull();
    assertThat(call("greatest", 1, 9, 4, 7)).isEqualTo(9);
    assertThat(registry.lookup("greatest", 1)).isNull();
    assertThat(call("coalesce", null, null, "x")).isEqualTo("x");
  }

  @Test
  void signaturesDescribeTypes() {
    ScalarFunction function = registry.lookup("toDateTime", 3);
    assertThat(function.signature()).isEqualTo("todatetime(LONG, STRING, STRING) -> STRING");
    assertThat(function.returnType(List.of())).isEqualTo(ScalarType.STRING);
    ScalarFunction plus = registry.lookup("plus", 2);
    assertThat(plus.returnType(List.of(ScalarType.INT, ScalarType.LONG))).isEqualTo(ScalarType.LONG);
    assertThat(plus.returnType(List.of(ScalarType.INT, ScalarType.DOUBLE))).isEqualTo(ScalarType.DOUBLE);
    assertThat(registry.lookup("mod", 2).returnType(List.of(ScalarType.INT, ScalarType.INT))).isEqualTo(ScalarType.INT);
    assertThat(registry.lookup("now", 0).deterministic()).isFalse();
    assertThat(registry.names()).contains("upper", "jsonpathstring", "murmurhash2", "datetrunc", "arraymax");
  }

  @Test
  void nullArgumentsGiveNullUnlessTheFunctionTakesNulls() {
    assertThat(call("upper", (Object) null)).isNull();
    assertThat(call("isNull", (Object) null)).isEqualTo(true);
    assertThat(call("concat", "a", null)).isNull();
  }

  @Test
  void badArgumentsNameTheFunctionAndPosition() {
    assertThatThrownBy(() -> call("toEpochSeconds", "soon")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Function[toepochseconds] argument 1").hasMessageContaining("'soon'");
    assertThatThrownBy(() -> registry.lookup("upper", 1).invoke("a", "b"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not take 2 arguments");
  }

  @Test
  void typedKernelsMatchTheBoxedPath() {
    long[] values = {-1L, 0L, 1_700_000_000_123L, Long.MAX_VALUE};
    long[] out = new long[values.length];
    registry.lookup("toEpochHours", 1).longKernel().apply(values, out, values.length);
    for (int i = 0; i < values.length; i++) {
      assertThat(out[i]).isEqualTo(call("toEpochHours", values[i]));
    }
    double[] doubles = {-2.5, 0.0, 3.7};
    double[] floors = new double[3];
    registry.lookup("floor", 1).doubleKernel().apply(doubles, floors, 3);
    assertThat(floors).containsExactly(-3.0, 0.0, 3.0);
    assertThat(registry.lookup("upper", 1).longKernel()).isNull();
  }

  @Test
  void specializationPreparesConstantArguments() {
    ScalarFunction extract = registry.lookup("regexpExtract", 3).specialize(new Object[] {null, "(\\d+)-(\\d+)", 2});
    assertThat(extract.invoke("ab 12-34", "ignored", 2)).isEqualTo("34");
    assertThatThrownBy(() -> registry.lookup("regexpExtract", 2).specialize(new Object[] {null, "("}))
        .isInstanceOf(RuntimeException.class);
  }
}
