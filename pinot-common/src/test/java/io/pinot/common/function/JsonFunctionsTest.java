// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.function;

import static io.pinot.common.function.Functions.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonFunctionsTest {
  private static final String DOC = """
      {"name": "pinot", "n": 7, "price": 1.5, "ok": true, "missing": null,
       "tags": ["a", "b"], "nested": {"x": {"y": 42}}, "items": [{"id": 1}, {"id": 2}]}
      """;

  @Test
  void jsonExtractScalarConvertsToTheResultType() {
    assertThat(call("jsonExtractScalar", DOC, "$.name", "STRING")).isEqualTo("pinot");
    assertThat(call("jsonExtractScalar", DOC, "$.n", "LONG")).isEqualTo(7L);
    assertThat(call("jsonExtractScalar", DOC, "$.n", "STRING")).isEqualTo("7");
    assertThat(call("jsonExtractScalar", DOC, "$.price", "DOUBLE")).isEqualTo(1.5);
    assertThat(call("jsonExtractScalar", DOC, "$.price", "BIG_DECIMAL")).isEqualTo(new BigDecimal("1.5"));
    assertThat(call("jsonExtractScalar", DOC, "$.ok", "BOOLEAN")).isEqualTo(true);
    assertThat(call("jsonExtractScalar", DOC, "$.nested.x.y", "INT")).isEqualTo(42);
    assertThat(call("jsonExtractScalar", DOC, "$['nested']['x']", "JSON")).isEqualTo("{\"y\":42}");
    assertThat(call("jsonExtractScalar", DOC, "$.nested.x", "STRING")).isEqualTo("{\"y\":42}");
    assertThat(call("jsonExtractScalar", DOC, "$.items[*].id", "INT_ARRAY")).isEqualTo(new Object[] {1, 2});
    assertThat(call("jsonExtractScalar", DOC, "$.tags", "STRING_ARRAY")).isEqualTo(new Object[] {"a", "b"});
    assertThat(call("jsonExtractScalar", DOC, "$.tags[-1]", "STRING")).isEqualTo("b");
    assertThat(call("jsonExtractScalar", DOC, "$.nope", "INT", -1)).isEqualTo(-1);
    assertThat(call("jsonExtractScalar", "not json", "$.a", "INT", 0)).isEqualTo(0);
    assertThatThrownBy(() -> call("jsonExtractScalar", DOC, "$.nope", "INT"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$.nope");
    assertThatThrownBy(() -> call("jsonExtractScalar", DOC, "$.n", "WHATEVER"))
        .isInstanceOf(IllegalArgumentException.class);
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("a", Map.of("b", 3));
    assertThat(call("jsonExtractScalar", map, "$.a.b", "INT")).isEqualTo(3);
  }

  @Test
  void jsonPathFamilyReturnsDefaults() {
    assertThat(call("jsonPathString", DOC, "$.name")).isEqualTo("pinot");
    assertThat(call("jsonPathString", DOC, "$.nested")).isEqualTo("{\"x\":{\"y\":42}}");
    assertThat(call("jsonPathString", DOC, "$.missing")).isNull();
    assertThat(call("jsonPathString", DOC, "$.nope", "d")).isEqualTo("d");
    assertThat(call("jsonPathString", null, "$.nope", "d")).isEqualTo("d");
    assertThat(call("jsonPathLong", DOC, "$.n")).isEqualTo(7L);
    assertThat(call("jsonPathLong", DOC, "$.nope")).isEqualTo(Long.MIN_VALUE);
    assertThat(call("jsonPathLong", DOC, "$.name", 5L)).isEqualTo(5L);
    assertThat(call("jsonPathDouble", DOC, "$.price")).isEqualTo(1.5);
    assertThat(call("jsonPathDouble", "{", "$.price")).isEqualTo(Double.NaN);
    assertThat(call("jsonPathDouble", DOC, "$.nope", 2.5)).isEqualTo(2.5);
    assertThat(call("jsonPath", DOC, "$.tags")).isEqualTo(List.of("a", "b"));
    assertThat(call("jsonPath", DOC, "$..y")).isEqualTo(List.of(42));
    assertThat(call("jsonPathArray", DOC, "$.items[*].id")).isEqualTo(new Object[] {1, 2});
    assertThat(call("jsonPathArray", DOC, "$.items[0:1]")).isEqualTo(new Object[] {Map.of("id", 1)});
    assertThat(call("jsonPathArrayDefaultEmpty", null, "$.a")).isEqualTo(new Object[0]);
    assertThat(call("jsonPathExists", DOC, "$.nested.x")).isEqualTo(true);
    assertThat(call("jsonPathExists", DOC, "$.nested.z")).isEqualTo(false);
    assertThatThrownBy(() -> call("jsonPath", DOC, "$.items[?(@.id > 1)]"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("filter expressions");
  }

  @Test
  void keysFormattingAndParsing() {
    assertThat(call("jsonExtractKey", "{\"a\": 1, \"b\": {\"c\": 2}}", "$.*"))
        .isEqualTo(new Object[] {"$['a']", "$['b']"});
    assertThat(call("jsonExtractKey", "{\"a\": 1, \"b\": {\"c\": 2}}", "$..**"))
        .isEqualTo(new Object[] {"$['a']", "$['b']", "$['b']['c']"});
    assertThat(call("jsonExtractKey", "{\"a\": [1, 2]}", "$.a[*]")).isEqualTo(new Object[] {"$['a'][0]", "$['a'][1]"});
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("k", List.of(1, "x"));
    map.put("bytes", new byte[] {1});
    assertThat(call("jsonFormat", map)).isEqualTo("{\"k\":[1,\"x\"],\"bytes\":\"01\"}");
    assertThat(call("jsonFormat", "text")).isEqualTo("\"text\"");
    assertThat(call("toJsonMapStr", map)).isEqualTo("{\"k\":[1,\"x\"],\"bytes\":\"01\"}");
    assertThat(call("toJsonMapStr", (Object) null)).isEqualTo("null");
    assertThat(call("isJson", "[1]")).isEqualTo(true);
    assertThat(call("isJson", "{")).isEqualTo(false);
    assertThat(call("jsonStringToArray", "[1,2]")).isEqualTo(List.of(1, 2));
    assertThat(call("jsonStringToMap", "{\"a\":1}")).isEqualTo(Map.of("a", 1));
    assertThat(call("jsonStringToListOrMap", "[{\"a\":1}]")).isEqualTo(List.of(Map.of("a", 1)));
  }
}
