// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.utils.JsonUtils;
import org.junit.jupiter.api.Test;

class TableConfigsTest {
  private static final String SCHEMA = """
      {"schemaName": "t", "dimensionFieldSpecs": [{"name": "a", "dataType": "STRING"}],
       "dateTimeFieldSpecs": [{"name": "ts", "dataType": "LONG", "format": "1:MILLISECONDS:EPOCH",
                               "granularity": "1:MILLISECONDS"}]}""";
  private static final String OFFLINE = """
      {"tableName": "t", "tableType": "OFFLINE", "segmentsConfig": {"timeColumnName": "ts"},
       "tableIndexConfig": {"invertedIndexColumns": ["a"]}}""";
  private static final String REALTIME = """
      {"tableName": "t_REALTIME", "tableType": "REALTIME", "segmentsConfig": {"timeColumnName": "ts"},
       "tableIndexConfig": {"streamConfigs": {"streamType": "kafka", "stream.kafka.topic.name": "t",
         "stream.kafka.broker.list": "localhost:9092",
         "stream.kafka.consumer.factory.class.name":
           "org.apache.pinot.plugin.stream.kafka20.KafkaConsumerFactory",
         "stream.kafka.decoder.class.name": "org.apache.pinot.plugin.stream.kafka.KafkaJSONMessageDecoder"}}}""";

  private static TableConfigs parse(String tableName, String schema, String offline, String realtime) {
    return JsonUtils.fromJson("{\"tableName\": \"" + tableName + "\", \"schema\": " + schema
        + (offline == null ? "" : ", \"offline\": " + offline)
        + (realtime == null ? "" : ", \"realtime\": " + realtime) + "}", TableConfigs.class);
  }

  @Test
  void aValidHybridDocumentPassesAndWritesPinotsShape() {
    TableConfigs configs = parse("t", SCHEMA, OFFLINE, REALTIME);
    assertThat(configs.validate()).isEmpty();
    assertThat(configs.halves()).extracting(c -> c.tableName()).containsExactly("t_OFFLINE", "t_REALTIME");
    JsonNode json = JsonUtils.parse(JsonUtils.toJson(configs));
    assertThat(json.fieldNames()).toIterable().containsExactly("tableName", "schema", "offline", "realtime");
    assertThat(json.at("/offline/tableName").asText()).isEqualTo("t_OFFLINE");
    assertThat(json.at("/schema/schemaName").asText()).isEqualTo("t");
    assertThat(JsonUtils.parse(JsonUtils.toJson(parse("t", SCHEMA, OFFLINE, null))).has("realtime")).isFalse();
  }

  @Test
  void theDocumentNeedsANameASchemaAndAHalf() {
    assertThatThrownBy(() -> JsonUtils.fromJson("{\"schema\": " + SCHEMA + "}", TableConfigs.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'tableName' cannot be null or empty");
    assertThatThrownBy(() -> JsonUtils.fromJson("{\"tableName\": \"t\", \"offline\": " + OFFLINE + "}",
        TableConfigs.class)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'schema' cannot be null");
    assertThatThrownBy(() -> parse("t", SCHEMA, null, null).validate())
        .hasMessageContaining("Must provide at least one of 'realtime' or 'offline'");
  }

  @Test
  void namesMustAgree() {
    assertThatThrownBy(() -> parse("u", SCHEMA, OFFLINE.replace("\"t\"", "\"u\""), null).validate())
        .hasMessageContaining("'tableName': u must be equal to 'schemaName' from 'schema': t");
    assertThatThrownBy(() -> parse("t", SCHEMA, OFFLINE.replace("\"t\"", "\"v\""), null).validate())
        .hasMessageContaining("Name in 'offline' table config: v must be equal to 'tableName': t");
    assertThatThrownBy(() -> parse("t", SCHEMA, null, OFFLINE).validate())
        .hasMessageContaining("'realtime' table config must have tableType REALTIME");
    assertThatThrownBy(() -> parse("t", SCHEMA, OFFLINE.replace("\"timeColumnName\": \"ts\"",
        "\"timeColumnName\": \"ts\", \"schemaName\": \"other\""), null).validate())
        .hasMessageContaining("Schema name in 'offline' table config: other");
  }

  @Test
  void eachHalfIsCheckedAgainstTheSchemaAndBothAgainstEachOther() {
    assertThatThrownBy(() -> parse("t", SCHEMA, OFFLINE.replace("[\"a\"]", "[\"nope\"]"), null).validate())
        .hasMessageContaining("Column[nope]");
    String twoTimes = SCHEMA.replace("\"dateTimeFieldSpecs\": [", "\"dateTimeFieldSpecs\": [{\"name\": \"ts2\", "
        + "\"dataType\": \"LONG\", \"format\": \"1:MILLISECONDS:EPOCH\", \"granularity\": \"1:MILLISECONDS\"}, ");
    assertThatThrownBy(() -> parse("t", twoTimes, OFFLINE,
        REALTIME.replace("\"timeColumnName\": \"ts\"", "\"timeColumnName\": \"ts2\"")).validate())
        .hasMessageContaining("Time column names are different for hybrid table[t]");
  }
}
