// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.upsert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.config.table.DedupConfig;
import io.pinot.spi.config.table.HashFunction;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.config.table.UpsertConfig;
import io.pinot.spi.config.table.UpsertConfig.Strategy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/// `upsertConfig` and `dedupConfig`: Pinot's keys and defaults, the legacy `comparisonColumn`, unknown keys kept,
/// and the validation rules with messages naming the key.
class UpsertConfigsTest {
  @Test
  void defaultsAreThoseOfPinot() {
    UpsertConfig upsert = UpsertConfigs.upsert(UpsertTestData.table("\"upsertConfig\": {}"));
    assertThat(upsert.mode()).isEqualTo(UpsertConfig.Mode.FULL);
    assertThat(upsert.hashFunction()).isEqualTo(HashFunction.NONE);
    assertThat(upsert.comparisonColumns()).isNull();
    assertThat(upsert.defaultPartialUpsertStrategy()).isEqualTo(Strategy.OVERWRITE);
    assertThat(upsert.strategies()).isEmpty();
    assertThat(upsert.deleteRecordColumn()).isNull();
    assertThat(upsert.metadataTTL()).isZero();
    assertThat(upsert.dropOutOfOrderRecord()).isFalse();
    DedupConfig dedup = UpsertConfigs.dedup(UpsertTestData.table("\"dedupConfig\": {}"));
    assertThat(dedup.enabled()).isTrue();
    assertThat(dedup.hashFunction()).isEqualTo(HashFunction.NONE);
    assertThat(dedup.metadataTTL()).isZero();
    assertThat(dedup.dedupTimeColumn()).isNull();
    assertThat(UpsertConfigs.upsert(UpsertTestData.table(""))).isNull();
    assertThat(UpsertConfigs.isUpsertEnabled(UpsertTestData.table("\"upsertConfig\": {\"mode\": \"NONE\"}")))
        .isFalse();
  }

  @Test
  void everyKeyIsRead() {
    TableConfig table = UpsertTestData.table("""
        "upsertConfig": {"mode": "PARTIAL", "hashFunction": "MD5", "comparisonColumns": ["ts", "clicks"],
          "partialUpsertStrategies": {"value": "INCREMENT", "tags": "APPEND"},
          "defaultPartialUpsertStrategy": "IGNORE", "deleteRecordColumn": "deleted", "metadataTTL": 86400,
          "dropOutOfOrderRecord": true, "enableSnapshot": true, "consistencyMode": "NONE",
          "metadataManagerConfigs": {"a": "b"}},
        "dedupConfig": {"dedupEnabled": false, "hashFunction": "MURMUR3", "metadataTTL": 30,
          "dedupTimeColumn": "ts", "enablePreload": true}""");
    UpsertConfig upsert = UpsertConfigs.upsert(table);
    assertThat(upsert.mode()).isEqualTo(UpsertConfig.Mode.PARTIAL);
    assertThat(upsert.hashFunction()).isEqualTo(HashFunction.MD5);
    assertThat(upsert.comparisonColumns()).containsExactly("ts", "clicks");
    assertThat(upsert.strategies()).containsExactly(Map.entry("value", Strategy.INCREMENT),
        Map.entry("tags", Strategy.APPEND));
    assertThat(upsert.defaultPartialUpsertStrategy()).isEqualTo(Strategy.IGNORE);
    assertThat(upsert.deleteRecordColumn()).isEqualTo("deleted");
    assertThat(upsert.metadataTTL()).isEqualTo(86400);
    assertThat(upsert.dropOutOfOrderRecord()).isTrue();
    assertThat(upsert.enableSnapshot()).isTrue();
    assertThat(upsert.otherFields()).containsEntry("consistencyMode", "NONE")
        .containsEntry("metadataManagerConfigs", Map.of("a", "b"));
    DedupConfig dedup = UpsertConfigs.dedup(table);
    assertThat(dedup.enabled()).isFalse();
    assertThat(dedup.hashFunction()).isEqualTo(HashFunction.MURMUR3);
    assertThat(dedup.metadataTTL()).isEqualTo(30);
    assertThat(dedup.dedupTimeColumn()).isEqualTo("ts");
    assertThat(dedup.otherFields()).containsEntry("enablePreload", true);
    // Written back with Pinot's names, unknown keys included.
    assertThat(JsonUtils.toJsonNode(upsert).get("consistencyMode").asText()).isEqualTo("NONE");
    assertThat(JsonUtils.toJsonNode(upsert).get("partialUpsertStrategies").get("tags").asText()).isEqualTo("APPEND");
  }

  @Test
  void theDeprecatedComparisonColumnBecomesAList() {
    UpsertConfig upsert = UpsertConfigs.upsert(UpsertTestData.table("\"upsertConfig\": {\"comparisonColumn\": "
        + "\"clicks\"}"));
    assertThat(upsert.comparisonColumns()).containsExactly("clicks");
    assertThat(upsert.comparisonColumn()).isNull();
    assertThat(JsonUtils.toJsonNode(upsert).has("comparisonColumn")).isFalse();
  }

  @Test
  void contextsResolveComparisonAndStrategies() {
    UpsertContext full = UpsertContext.of(UpsertTestData.full(), UpsertTestData.SCHEMA);
    assertThat(full.primaryKeyColumns()).containsExactly("id");
    assertThat(full.comparisonColumns()).as("the time column by default").containsExactly("ts");
    assertThat(full.strategies()).isEmpty();
    UpsertContext partial = UpsertContext.of(UpsertTestData.table("""
        "upsertConfig": {"mode": "PARTIAL", "partialUpsertStrategies": {"value": "INCREMENT"}}"""),
        UpsertTestData.SCHEMA);
    assertThat(partial.strategies()).containsEntry("value", Strategy.INCREMENT)
        .containsEntry("name", Strategy.OVERWRITE).doesNotContainKeys("id", "ts");
    DedupContext dedup = DedupContext.of(UpsertTestData.table("\"dedupConfig\": {\"metadataTTL\": 10}"),
        UpsertTestData.SCHEMA);
    assertThat(dedup.dedupTimeColumn()).isEqualTo("ts");
  }

  @Test
  void invalidConfigsAreRejectedNamingTheKey() {
    assertRejected("\"upsertConfig\": {\"mode\": \"SOMETIMES\"}", "Invalid upsertConfig of table[orders_REALTIME]");
    assertRejected("\"upsertConfig\": {\"comparisonColumns\": [\"nope\"]}",
        "upsertConfig.comparisonColumns: column[nope] is not in schema[orders]");
    assertRejected("\"upsertConfig\": {\"deleteRecordColumn\": \"tags\"}",
        "upsertConfig.deleteRecordColumn[tags] must be single-valued");
    assertRejected("\"upsertConfig\": {\"metadataTTL\": 10, \"comparisonColumns\": [\"ts\", \"clicks\"]}",
        "upsertConfig.metadataTTL does not work with multiple comparison columns");
    assertRejected("\"upsertConfig\": {\"metadataTTL\": 10, \"comparisonColumns\": [\"name\"]}",
        "upsertConfig.metadataTTL needs a numeric comparison column: column[name] is STRING");
    assertRejected("\"upsertConfig\": {\"mode\": \"PARTIAL\", \"partialUpsertStrategies\": {\"nope\": \"IGNORE\"}}",
        "upsertConfig.partialUpsertStrategies.nope: merger cannot be applied to non-existing column[nope]");
    assertRejected("\"upsertConfig\": {\"mode\": \"PARTIAL\", \"partialUpsertStrategies\": {\"id\": \"IGNORE\"}}",
        "upsertConfig.partialUpsertStrategies.id: merger cannot be applied to primary key columns");
    assertRejected("\"upsertConfig\": {\"mode\": \"PARTIAL\", \"partialUpsertStrategies\": {\"ts\": \"MAX\"}}",
        "upsertConfig.partialUpsertStrategies.ts: merger cannot be applied to comparison column");
    assertRejected("\"upsertConfig\": {\"mode\": \"PARTIAL\", \"partialUpsertStrategies\": {\"name\": \"INCREMENT\"}}",
        "INCREMENT merger cannot be applied to non-numeric or date time column[name]");
    assertRejected("\"upsertConfig\": {\"mode\": \"PARTIAL\", \"partialUpsertStrategies\": {\"name\": \"APPEND\"}}",
        "APPEND merger cannot be applied to single-value column[name]");
    assertRejected("\"upsertConfig\": {}, \"dedupConfig\": {}", "either upsertConfig or dedupConfig");
    assertRejected("\"upsertConfig\": {}, \"tableIndexConfig\": {\"starTreeIndexConfigs\": [{}]}",
        "the upsert table cannot have star-tree index");
  }

  @Test
  void upsertAndDedupNeedPrimaryKeysAndPartialNeedsNullHandling() {
    io.pinot.spi.data.Schema noKeys = new io.pinot.spi.data.Schema("orders", true,
        UpsertTestData.SCHEMA.dimensionFieldSpecs(), UpsertTestData.SCHEMA.metricFieldSpecs(),
        UpsertTestData.SCHEMA.dateTimeFieldSpecs(), null, null);
    assertThatThrownBy(() -> UpsertContext.of(UpsertTestData.full(), noKeys))
        .hasMessageContaining("must have primaryKeyColumns in the schema[orders]");
    assertThatThrownBy(() -> DedupContext.of(UpsertTestData.table("\"dedupConfig\": {}"), noKeys))
        .hasMessageContaining("must have primaryKeyColumns");
    io.pinot.spi.data.Schema noNulls = new io.pinot.spi.data.Schema("orders", false,
        UpsertTestData.SCHEMA.dimensionFieldSpecs(), UpsertTestData.SCHEMA.metricFieldSpecs(),
        UpsertTestData.SCHEMA.dateTimeFieldSpecs(), null, List.of("id"));
    assertThatThrownBy(() -> UpsertContext.of(UpsertTestData.table("\"upsertConfig\": {\"mode\": \"PARTIAL\"}"),
        noNulls)).hasMessageContaining("null handling must be enabled for partial upsert tables");
    assertThatThrownBy(() -> UpsertContext.of(UpsertTestData.table(""), UpsertTestData.SCHEMA))
        .hasMessageContaining("has no enabled upsertConfig");
  }

  @Test
  void tableCreationAlsoNeedsStrictReplicaGroupRouting() {
    UpsertConfigs.validate(UpsertTestData.full(), UpsertTestData.SCHEMA);
    UpsertConfigs.validate(UpsertTestData.table(""), UpsertTestData.SCHEMA);
    TableConfig balanced = JsonUtils.fromJson("""
        {"tableName": "orders_REALTIME", "tableType": "REALTIME", "segmentsConfig": {"timeColumnName": "ts"},
         "dedupConfig": {}}""", TableConfig.class);
    assertThatThrownBy(() -> UpsertConfigs.validate(balanced, UpsertTestData.SCHEMA))
        .hasMessageContaining("strictReplicaGroup").hasMessageContaining("routing.instanceSelectorType");
    TableConfig offlineDedup = JsonUtils.fromJson("""
        {"tableName": "orders_OFFLINE", "tableType": "OFFLINE", "segmentsConfig": {"timeColumnName": "ts"},
         "dedupConfig": {}, "routing": {"instanceSelectorType": "strictReplicaGroup"}}""", TableConfig.class);
    assertThatThrownBy(() -> UpsertConfigs.validate(offlineDedup, UpsertTestData.SCHEMA))
        .hasMessageContaining("dedup is not supported for OFFLINE table");
  }

  private static void assertRejected(String sections, String message) {
    TableConfig table;
    if (sections.contains("tableIndexConfig")) {
      table = JsonUtils.fromJson("""
          {"tableName": "orders_REALTIME", "tableType": "REALTIME",
           "segmentsConfig": {"timeColumnName": "ts"}, %s}""".formatted(sections), TableConfig.class);
    } else {
      table = UpsertTestData.table(sections);
    }
    assertThatThrownBy(() -> UpsertContext.of(table, UpsertTestData.SCHEMA)).as(sections)
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
  }
}
