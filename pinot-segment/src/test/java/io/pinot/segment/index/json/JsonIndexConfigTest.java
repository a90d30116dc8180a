// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.config.table.JsonIndexConfig;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.FieldType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/// Pinot's JSON index settings: defaults, every key, the JSON form, and which config form gives a column its index.
class JsonIndexConfigTest {
  private static final FieldSpec JSON = FieldSpec.of("j", DataType.JSON, FieldType.DIMENSION);

  @Test
  void defaults() {
    JsonIndexConfig config = JsonIndexConfig.defaults();
    assertThat(config.effectiveMaxLevels()).isZero();
    assertThat(config.effectiveExcludeArray()).isFalse();
    assertThat(config.effectiveDisableCrossArrayUnnest()).isFalse();
    assertThat(config.includePaths()).isNull();
    assertThat(config.excludePaths()).isNull();
    assertThat(config.excludeFields()).isNull();
    assertThat(config.effectiveMaxValueLength()).isZero();
    assertThat(config.effectiveSkipInvalidJson()).isFalse();
    assertThat(config.otherFields()).isEmpty();
  }

  @Test
  void everyKeyMapsFromTheJsonForms() {
    String json = """
        {"maxLevels": 3, "excludeArray": true, "disableCrossArrayUnnest": true, "includePaths": ["$.a", "$.b[*]"],
         "excludeFields": ["x"], "maxValueLength": 100, "skipInvalidJson": true, "indexPaths": ["a.**"]}""";
    JsonIndexConfig parsed = JsonUtils.fromJson(json, JsonIndexConfig.class);
    JsonIndexConfig fromMap = JsonIndexConfig.fromMap(JsonUtils.fromJson(json, Map.class));
    for (JsonIndexConfig config : List.of(parsed, fromMap)) {
      assertThat(config.effectiveMaxLevels()).isEqualTo(3);
      assertThat(config.effectiveExcludeArray()).isTrue();
      assertThat(config.effectiveDisableCrossArrayUnnest()).isTrue();
      assertThat(config.includePaths()).containsExactlyInAnyOrder("$.a", "$.b[*]");
      assertThat(config.excludeFields()).containsExactly("x");
      assertThat(config.effectiveMaxValueLength()).isEqualTo(100);
      assertThat(config.effectiveSkipInvalidJson()).isTrue();
      assertThat(config.otherFields()).containsOnlyKeys("indexPaths");
    }
    assertThat(JsonUtils.fromJson(JsonUtils.toJson(parsed), JsonIndexConfig.class)).isEqualTo(parsed);
    assertThatThrownBy(() -> JsonIndexConfig.fromMap(Map.of("includePaths", "$.a")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void configFormsGiveColumnsTheirIndex() {
    assertThat(plan("{\"tableIndexConfig\": {\"jsonIndexColumns\": [\"j\"]}}")).isEqualTo(JsonIndexConfig.defaults());
    assertThat(plan("{\"tableIndexConfig\": {\"jsonIndexConfigs\": {\"j\": {\"maxLevels\": 2}}}}")
        .effectiveMaxLevels()).isEqualTo(2);
    assertThat(plan("{\"fieldConfigList\": [{\"name\": \"j\", \"indexTypes\": [\"json\"]}]}")).isNotNull();
    assertThat(plan("{\"tableIndexConfig\": {\"jsonIndexConfigs\": {\"j\": {\"maxLevels\": 2}}}, "
        + "\"fieldConfigList\": [{\"name\": \"j\", \"indexes\": {\"json\": {\"excludeArray\": true}}}]}")
        .effectiveExcludeArray()).isTrue();
    assertThat(plan("{\"tableIndexConfig\": {\"jsonIndexColumns\": [\"j\"]}, "
        + "\"fieldConfigList\": [{\"name\": \"j\", \"indexes\": {\"json\": {\"disabled\": true}}}]}")).isNull();
    assertThat(plan("{}")).isNull();
    TableConfig listed = table("{\"tableIndexConfig\": {\"jsonIndexColumns\": [\"j\", \"n\", \"m\"]}}");
    assertThat(JsonIndexes.plan(FieldSpec.of("n", DataType.INT, FieldType.DIMENSION), listed)).isNull();
    assertThat(JsonIndexes.plan(FieldSpec.multiValue("m", DataType.STRING), listed)).isNull();
    assertThatThrownBy(() -> plan("{\"tableIndexConfig\": {\"jsonIndexConfigs\": {\"j\": 3}}}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jsonIndexConfigs");
  }

  private static TableConfig table(String parts) {
    String body = parts.substring(1, parts.length() - 1);
    return JsonUtils.fromJson("{\"tableName\": \"t\", \"tableType\": \"OFFLINE\"" + (body.isBlank() ? "" : ", " + body)
        + "}", TableConfig.class);
  }

  private static JsonIndexConfig plan(String parts) {
    return JsonIndexes.plan(JSON, table(parts));
  }
}
