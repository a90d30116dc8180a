// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import org.junit.jupiter.api.Test;

class TableConfigValidatorTest {
  private static final Schema SCHEMA = JsonUtils.fromJson("""
      {"schemaName": "t", "dimensionFieldSpecs": [{"name": "a", "dataType": "STRING"}],
       "metricFieldSpecs": [{"name": "m", "dataType": "INT"}],
       "dateTimeFieldSpecs": [{"name": "ts", "dataType": "LONG", "format": "1:MILLISECONDS:EPOCH",
                               "granularity": "1:MILLISECONDS"}]}""", Schema.class);

  private static TableConfig config(String indexing) {
    return JsonUtils.fromJson("{\"tableName\": \"t\", \"tableType\": \"OFFLINE\", \"segmentsConfig\": "
        + "{\"timeColumnName\": \"ts\"}, \"tableIndexConfig\": " + indexing + "}", TableConfig.class);
  }

  @Test
  void acceptsBuiltIndexesWithoutNotes() {
    assertThat(TableConfigValidator.validate(config("{\"invertedIndexColumns\": [\"a\"], "
        + "\"rangeIndexColumns\": [\"m\"], \"bloomFilterColumns\": [\"a\"], \"starTreeIndexConfigs\": "
        + "[{\"dimensionsSplitOrder\": [\"a\"], \"functionColumnPairs\": [\"SUM__m\"]}]}"), SCHEMA)).isEmpty();
  }

  @Test
  void rejectsStarTreesAndFieldConfigsThatDoNotFitTheSchema() {
    assertThatThrownBy(() -> TableConfigValidator.validate(config("{\"starTreeIndexConfigs\": "
        + "[{\"dimensionsSplitOrder\": [\"a\"], \"functionColumnPairs\": [\"SUM__nope\"]}]}"), SCHEMA))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    assertThatThrownBy(() -> TableConfigValidator.validate(config("{\"starTreeIndexConfigs\": "
        + "[{\"dimensionsSplitOrder\": [\"a\"], \"functionColumnPairs\": [\"SUM__a\"]}]}"), SCHEMA))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a");
    TableConfig unknownField = JsonUtils.fromJson("{\"tableName\": \"t\", \"tableType\": \"OFFLINE\", "
        + "\"fieldConfigList\": [{\"name\": \"zz\", \"encodingType\": \"RAW\"}]}", TableConfig.class);
    assertThatThrownBy(() -> TableConfigValidator.validate(unknownField, SCHEMA))
        .hasMessageContaining("Column[zz]").hasMessageContaining("fieldConfigList");
  }

  @Test
  void rejectsUnknownColumnsNamingThem() {
    assertThatThrownBy(() -> TableConfigValidator.validate(config("{\"invertedIndexColumns\": [\"zz\"]}"), SCHEMA))
        .hasMessageContaining("Column[zz]").hasMessageContaining("invertedIndexColumns");
    assertThatThrownBy(() -> TableConfigValidator.validate(JsonUtils.fromJson("{\"tableName\": \"t\", "
        + "\"tableType\": \"OFFLINE\", \"segmentsConfig\": {\"timeColumnName\": \"nope\"}}", TableConfig.class),
        SCHEMA)).hasMessageContaining("Time column[nope]");
    assertThatThrownBy(() -> TableConfigValidator.validate(config("{\"noDictionaryColumns\": [\"a\"], "
        + "\"invertedIndexColumns\": [\"a\"]}"), SCHEMA)).hasMessageContaining("noDictionaryColumns");
  }

  @Test
  void schemaEvolutionAllowsOnlyAdditions() {
    Schema added = JsonUtils.fromJson("""
        {"schemaName": "t", "dimensionFieldSpecs": [{"name": "a", "dataType": "STRING"},
         {"name": "b", "dataType": "INT"}], "metricFieldSpecs": [{"name": "m", "dataType": "INT"}],
         "dateTimeFieldSpecs": [{"name": "ts", "dataType": "LONG", "format": "1:MILLISECONDS:EPOCH",
                                 "granularity": "1:MILLISECONDS"}]}""", Schema.class);
    assertThat(SchemaCompatibility.incompatibility(SCHEMA, added)).isNull();
    assertThat(SchemaCompatibility.incompatibility(added, SCHEMA)).contains("column[b] is removed");
    Schema retyped = JsonUtils.fromJson(JsonUtils.toJson(SCHEMA).replace("\"INT\"", "\"LONG\""), Schema.class);
    assertThat(SchemaCompatibility.incompatibility(SCHEMA, retyped)).contains("changes type");
  }

  @Test
  void hybridHalvesMustShareTheTimeColumnAndBrokerTenant() {
    TableConfig offline = config("{}");
    TableConfig realtime = JsonUtils.fromJson("{\"tableName\": \"t\", \"tableType\": \"REALTIME\", "
        + "\"segmentsConfig\": {\"timeColumnName\": \"ts\"}}", TableConfig.class);
    TableConfigValidator.validateHybrid(offline, realtime);
    TableConfig otherTime = JsonUtils.fromJson("{\"tableName\": \"t\", \"tableType\": \"REALTIME\", "
        + "\"segmentsConfig\": {\"timeColumnName\": \"ts2\"}}", TableConfig.class);
    assertThatThrownBy(() -> TableConfigValidator.validateHybrid(offline, otherTime))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ts2").hasMessageContaining("[t]");
    TableConfig noTime = JsonUtils.fromJson("{\"tableName\": \"t\", \"tableType\": \"REALTIME\"}",
        TableConfig.class);
    assertThatThrownBy(() -> TableConfigValidator.validateHybrid(offline, noTime))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeColumnName");
    TableConfig otherBroker = JsonUtils.fromJson("{\"tableName\": \"t\", \"tableType\": \"REALTIME\", "
        + "\"segmentsConfig\": {\"timeColumnName\": \"ts\"}, \"tenants\": {\"broker\": \"b2\"}}",
        TableConfig.class);
    assertThatThrownBy(() -> TableConfigValidator.validateHybrid(offline, otherBroker))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b2").hasMessageContaining("DefaultTenant");
  }
}
