// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.utils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.config.table.TableType;
import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldType;
import io.pinot.spi.data.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JsonUtilsTest {
  private static final Path BENCH = Path.of(System.getProperty("pinot.root", "../"), "..", "shared", "bench", "pinot");

  @Test
  void benchSchemaLoadsAndRoundTrips() throws Exception {
    String json = Files.readString(BENCH.resolve("events_schema.json"));
    Schema schema = JsonUtils.fromJson(json, Schema.class);
    assertThat(schema.schemaName()).isEqualTo("events");
    assertThat(schema.columnNames()).hasSize(23);
    assertThat(schema.fieldSpec("tags").singleValue()).isFalse();
    assertThat(schema.fieldSpec("price").category()).isEqualTo(FieldType.METRIC);
    assertThat(schema.fieldSpec("event_time").dataType()).isEqualTo(DataType.LONG);
    Schema again = JsonUtils.fromJson(JsonUtils.toJson(schema), Schema.class);
    assertThat(again).isEqualTo(schema);
    ObjectNode expected = (ObjectNode) JsonUtils.parse(json);
    expected.put("enableColumnBasedNullHandling", false);
    assertThat(JsonUtils.parse(JsonUtils.toJson(schema))).isEqualTo(expected);
  }

  @Test
  void benchTableConfigLoadsAndRoundTrips() throws Exception {
    String json = Files.readString(BENCH.resolve("events_offline_table.json"));
    TableConfig config = JsonUtils.fromJson(json, TableConfig.class);
    assertThat(config.tableName()).isEqualTo("events_OFFLINE");
    assertThat(config.tableType()).isEqualTo(TableType.OFFLINE);
    assertThat(config.tableIndexConfig().invertedIndexes()).contains("tags", "country");
    assertThat(config.tableIndexConfig().sortedColumns()).containsExactly("event_time");
    assertThat(config.segmentsConfig().replicationNumber()).isEqualTo(1);
    assertThat(config.otherFields()).containsKey("metadata");
    JsonNode written = JsonUtils.parse(JsonUtils.toJson(config));
    JsonNode original = JsonUtils.parse(json);
    assertThat(written.get("tableIndexConfig")).isEqualTo(original.get("tableIndexConfig"));
    assertThat(written.get("metadata")).isEqualTo(original.get("metadata"));
    assertThat(written.get("tableName").asText()).isEqualTo("events_OFFLINE");
    assertThat(JsonUtils.fromJson(JsonUtils.toJson(config), TableConfig.class)).isEqualTo(config);
  }

  @Test
  void malformedJsonNamesTheProblem() {
    assertThatThrownBy(() -> JsonUtils.fromJson("{\"schemaName\": \"x\", ", Schema.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Invalid JSON");
    assertThatThrownBy(() -> JsonUtils.fromJson(
        "{\"schemaName\":\"x\",\"dimensionFieldSpecs\":[{\"name\":\"a\",\"dataType\":\"FOO\"}]}", Schema.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimensionFieldSpecs[0].dataType")
        .hasMessageContaining("FOO");
    assertThatThrownBy(() -> JsonUtils.fromJson(
        "{\"schemaName\":\"x\",\"dimensionFieldSpecs\":[{\"name\":\"a\",\"dataType\":\"INT\"},"
            + "{\"name\":\"a\",\"dataType\":\"LONG\"}]}", Schema.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Duplicate column[a] in schema");
  }
}
