// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.spi.config.table.JsonIndexConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/// The flattening rules of Pinot's JSON index, record for record.
class JsonFlattenerTest {
  private static final JsonFlattener DEFAULT = new JsonFlattener(JsonIndexConfig.defaults());

  private static JsonFlattener with(Map<String, Object> settings) {
    return new JsonFlattener(JsonIndexConfig.fromMap(settings));
  }

  @Test
  void pinotsDocumentedExampleGivesOneRecordPerArrayElement() {
    List<Map<String, String>> records = DEFAULT.flatten("""
        {"name": "adam", "addresses": [
          {"country": "us", "street": "main st", "number": 1},
          {"country": "ca", "street": "second st", "number": 2}]}""");
    assertThat(records).containsExactly(
        Map.of(".name", "adam", ".addresses.$index", "0", ".addresses..country", "us",
            ".addresses..street", "main st", ".addresses..number", "1"),
        Map.of(".name", "adam", ".addresses.$index", "1", ".addresses..country", "ca",
            ".addresses..street", "second st", ".addresses..number", "2"));
  }

  @Test
  void scalarsAtTheTopAndNestedObjects() {
    assertThat(DEFAULT.flatten("\"abc\"")).containsExactly(Map.of("", "abc"));
    assertThat(DEFAULT.flatten("12.50")).containsExactly(Map.of("", "12.5"));
    assertThat(DEFAULT.flatten("true")).containsExactly(Map.of("", "true"));
    assertThat(DEFAULT.flatten("{\"a\": {\"b\": {\"c\": 1}}, \"d\": false}"))
        .containsExactly(Map.of(".a.b.c", "1", ".d", "false"));
    assertThat(DEFAULT.flatten("[1, 2]")).containsExactly(Map.of(".", "1", ".$index", "0"),
        Map.of(".", "2", ".$index", "1"));
    assertThat(DEFAULT.flatten("[[1], [2, 3]]")).containsExactly(
        Map.of("..", "1", ".$index", "0", "..$index", "0"),
        Map.of("..", "2", ".$index", "1", "..$index", "0"),
        Map.of("..", "3", ".$index", "1", "..$index", "1"));
  }

  @Test
  void nullsAndEmptyContainersGiveNoRecord() {
    assertThat(DEFAULT.flatten("null")).isEmpty();
    assertThat(DEFAULT.flatten("{}")).isEmpty();
    assertThat(DEFAULT.flatten("[]")).isEmpty();
    assertThat(DEFAULT.flatten("")).isEmpty();
    assertThat(DEFAULT.flatten("{\"a\": null, \"b\": [], \"c\": {}}")).isEmpty();
    assertThat(DEFAULT.flatten("{\"a\": null, \"b\": 1}")).containsExactly(Map.of(".b", "1"));
  }

  @Test
  void siblingArraysGiveTheCrossProductUnlessDisabled() {
    String json = "{\"k\": 1, \"a\": [1, 2], \"b\": [\"x\", \"y\"]}";
    assertThat(DEFAULT.flatten(json)).hasSize(4).contains(
        Map.of(".k", "1", ".a.", "1", ".a.$index", "0", ".b.", "y", ".b.$index", "1"));
    List<Map<String, String>> separate = with(Map.of("disableCrossArrayUnnest", true)).flatten(json);
    assertThat(separate).containsExactly(
        Map.of(".k", "1", ".a.", "1", ".a.$index", "0"), Map.of(".k", "1", ".a.", "2", ".a.$index", "1"),
        Map.of(".k", "1", ".b.", "x", ".b.$index", "0"), Map.of(".k", "1", ".b.", "y", ".b.$index", "1"));
  }

  @Test
  void maxLevelsAndExcludeArray() {
    String json = "{\"a\": {\"b\": {\"c\": 1}, \"d\": 2}, \"e\": [3], \"f\": 4}";
    assertThat(with(Map.of("maxLevels", 1)).flatten(json)).containsExactly(Map.of(".f", "4"));
    assertThat(with(Map.of("maxLevels", 2)).flatten(json))
        .containsExactly(Map.of(".a.d", "2", ".e.", "3", ".e.$index", "0", ".f", "4"));
    assertThat(with(Map.of("maxLevels", -1)).flatten(json)).containsExactly(
        Map.of(".a.b.c", "1", ".a.d", "2", ".e.", "3", ".e.$index", "0", ".f", "4"));
    assertThat(with(Map.of("excludeArray", true)).flatten(json))
        .containsExactly(Map.of(".a.b.c", "1", ".a.d", "2", ".f", "4"));
  }

  @Test
  void includeExcludePathsAndFields() {
    String json = "{\"a\": {\"b\": 1, \"c\": 2}, \"d\": [{\"e\": 3, \"f\": 4}], \"g\": 5}";
    assertThat(with(Map.of("includePaths", List.of("$.a.b", "$.d[*]"))).flatten(json))
        .containsExactly(Map.of(".a.b", "1", ".d..e", "3", ".d..f", "4", ".d.$index", "0"));
    assertThat(with(Map.of("excludePaths", List.of("$.a", "$.d[*]"))).flatten(json))
        .containsExactly(Map.of(".g", "5"));
    assertThat(with(Map.of("excludeFields", List.of("b", "f"))).flatten(json))
        .containsExactly(Map.of(".a.c", "2", ".d..e", "3", ".d.$index", "0", ".g", "5"));
    assertThatThrownBy(() -> JsonIndexConfig.fromMap(Map.of("includePaths", List.of("$.a"),
        "excludePaths", List.of("$.b")))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void longValuesAndInvalidDocumentsAreSkipped() {
    JsonFlattener limited = with(Map.of("maxValueLength", 3, "skipInvalidJson", true));
    assertThat(limited.flatten("{\"a\": \"abc\", \"b\": \"abcd\"}"))
        .containsExactly(Map.of(".a", "abc", ".b", JsonFlattener.SKIPPED_VALUE));
    assertThat(limited.flatten("{not json")).containsExactly(Map.of("", JsonFlattener.SKIPPED_VALUE));
    assertThatThrownBy(() -> DEFAULT.flatten("{not json")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid JSON");
  }

  @Test
  void tooManyCombinationsFail() {
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < 6; i++) {
      json.append(i == 0 ? "" : ",").append("\"a").append(i).append("\": [1,2,3,4,5,6,7,8,9,10]");
    }
    json.append('}');
    assertThatThrownBy(() -> DEFAULT.flatten(json.toString())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too many combinations");
    assertThat(with(Map.of("disableCrossArrayUnnest", true)).flatten(json.toString())).hasSize(60);
  }

  @Test
  void unknownSettingsAreKeptAside() {
    JsonIndexConfig config = JsonIndexConfig.fromMap(Map.of("indexPaths", List.of("a.**"), "maxLevels", 3));
    assertThat(config.otherFields()).containsOnlyKeys("indexPaths");
    assertThat(config.effectiveMaxLevels()).isEqualTo(3);
    assertThat(JsonIndexConfig.defaults().effectiveMaxLevels()).isZero();
    assertThat(JsonIndexConfig.fromMap(Map.of("excludeFields", Set.of("x"))).excludeFields()).containsExactly("x");
  }
}
