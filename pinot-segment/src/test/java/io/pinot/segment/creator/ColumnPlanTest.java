// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.utils.JsonUtils;
import io.pinot.segment.index.forward.ChunkCodec;
import io.pinot.spi.config.table.BloomFilterConfig;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.FieldType;
import io.pinot.spi.data.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/// Index settings resolved from a Pinot table config using every way of asking for them.
class ColumnPlanTest {
  private static final String TABLE = """
      {
        "tableName": "events", "tableType": "OFFLINE",
        "segmentsConfig": {"timeColumnName": "ts", "replication": "1"},
        "tableIndexConfig": {
          "sortedColumn": ["ts"],
          "invertedIndexColumns": ["country", "raw_inv"],
          "rangeIndexColumns": ["age", "price", "tags", "raw_str"],
          "rangeIndexVersion": 2,
          "bloomFilterColumns": ["user_id"],
          "bloomFilterConfigs": {"session": {"fpp": 0.01, "maxSizeInBytes": 1000000, "loadOnHeap": true}},
          "noDictionaryColumns": ["price", "raw_inv", "raw_str", "session"],
          "noDictionaryConfig": {"session": "ZSTANDARD"},
          "segmentPartitionConfig": {"columnPartitionMap": {"user_id": {"functionName": "Murmur", "numPartitions": 4}}},
          "nullHandlingEnabled": true,
          "starTreeIndexConfigs": []
        },
        "fieldConfigList": [
          {"name": "city", "encodingType": "DICTIONARY", "indexTypes": ["INVERTED", "RANGE"]},
          {"name": "url", "encodingType": "RAW", "compressionCodec": "SNAPPY"},
          {"name": "referrer", "encodingType": "RAW", "indexes": {"forward": {"compressionCodec": "GZIP"},
              "bloom": {"fpp": 0.02}, "range": {}}},
          {"name": "country", "indexes": {"inverted": {"disabled": true}}},
          {"name": "device", "indexes": {"inverted": {}, "range": {"enabled": false}}},
          {"name": "phrase", "encodingType": "RAW", "compressionCodec": "DELTA",
              "properties": {"createBloomFilter": "true"}},
          {"name": "note", "indexes": {"dictionary": {"disabled": true}}, "tierOverwrites": {"hot": {}}}
        ]
      }""";

  @Test
  void resolvesLegacyListsFieldConfigsAndIndexesObjects() {
    TableConfig table = JsonUtils.fromJson(TABLE, TableConfig.class);
    Schema schema = Schema.of("events", List.of(
        FieldSpec.of("country", DataType.STRING, FieldType.DIMENSION),
        FieldSpec.of("city", DataType.STRING, FieldType.DIMENSION),
        FieldSpec.of("device", DataType.STRING, FieldType.DIMENSION),
        FieldSpec.of("url", DataType.STRING, FieldType.DIMENSION),
        FieldSpec.of("referrer", DataType.LONG, FieldType.DIMENSION),
        FieldSpec.of("phrase", DataType.STRING, FieldType.DIMENSION),
        FieldSpec.of("note", DataType.JSON, FieldType.DIMENSION),
        FieldSpec.of("user_id", DataType.LONG, FieldType.DIMENSION),
        FieldSpec.of("session", DataType.STRING, FieldType.DIMENSION),
        FieldSpec.of("raw_inv", DataType.STRING, FieldType.DIMENSION),
        FieldSpec.of("raw_str", DataType.STRING, FieldType.DIMENSION),
        FieldSpec.multiValue("tags", DataType.STRING),
        FieldSpec.of("age", DataType.INT, FieldType.DIMENSION)),
        List.of(FieldSpec.of("price", DataType.DOUBLE, FieldType.METRIC)),
        List.of(FieldSpec.dateTime("ts", DataType.LONG, "1:MILLISECONDS:EPOCH", "1:MILLISECONDS")));
    Map<String, ColumnPlan> plans = new LinkedHashMap<>();
    for (ColumnPlan plan : ColumnPlan.plan(table, schema)) {
      plans.put(plan.name(), plan);
    }
    // The indexes object disables the inverted index that the legacy list asks for.
    assertThat(plans.get("country").invertedIndex()).isFalse();
    assertThat(plans.get("city").invertedIndex()).isTrue();
    assertThat(plans.get("city").rangeIndex()).isTrue();
    assertThat(plans.get("device").invertedIndex()).isTrue();
    assertThat(plans.get("device").rangeIndex()).isFalse();
    assertThat(plans.get("url").dictionary()).isFalse();
    assertThat(plans.get("url").rawCodec()).isEqualTo(ChunkCodec.SNAPPY);
    assertThat(plans.get("referrer").rawCodec()).isEqualTo(ChunkCodec.GZIP);
    assertThat(plans.get("referrer").rangeIndex()).isTrue();
    assertThat(plans.get("referrer").bloomFilter().effectiveFpp()).isEqualTo(0.02);
    // DELTA is not a chunk codec: dimensions fall back to Pinot's default, LZ4.
    assertThat(plans.get("phrase").rawCodec()).isEqualTo(ChunkCodec.LZ4);
    assertThat(plans.get("phrase").bloomFilter()).isEqualTo(BloomFilterConfig.defaults());
    assertThat(plans.get("note").dictionary()).isFalse();
    assertThat(plans.get("note").maxLength()).isEqualTo(Integer.MAX_VALUE);
    assertThat(plans.get("user_id").bloomFilter()).isEqualTo(BloomFilterConfig.defaults());
    assertThat(plans.get("user_id").partition().functionName()).isEqualTo("Murmur");
    assertThat(plans.get("session").rawCodec()).isEqualTo(ChunkCodec.ZSTANDARD);
    assertThat(plans.get("session").bloomFilter().effectiveFpp()).isEqualTo(0.01);
    assertThat(plans.get("session").bloomFilter().effectiveLoadOnHeap()).isTrue();
    // No inverted index without a dictionary, no range index on multi-value or raw STRING columns.
    assertThat(plans.get("raw_inv").invertedIndex()).isFalse();
    assertThat(plans.get("raw_str").rangeIndex()).isFalse();
    assertThat(plans.get("tags").rangeIndex()).isFalse();
    assertThat(plans.get("age").rangeIndex()).isTrue();
    assertThat(plans.get("price").rangeIndex()).isTrue();
    assertThat(plans.get("price").rawCodec()).isEqualTo(ChunkCodec.PASS_THROUGH);
    assertThat(plans.get("ts").sortedRequested()).isTrue();
    assertThat(plans.values()).allMatch(ColumnPlan::nullHandling);
    // Round trip: the typed sections are written back with Pinot's names.
    String json = JsonUtils.toJson(table);
    assertThat(JsonUtils.fromJson(json, TableConfig.class)).isEqualTo(table);
    assertThat(json).contains("\"bloomFilterConfigs\"", "\"noDictionaryConfig\"", "\"segmentPartitionConfig\"",
        "\"fieldConfigList\"", "\"tierOverwrites\"", "\"starTreeIndexConfigs\"");
  }

  @Test
  void nullHandlingFollowsTheSchemaBeforeTheTable() {
    TableConfig table = JsonUtils.fromJson(TABLE, TableConfig.class);
    FieldSpec nullable = FieldSpec.of("a", DataType.INT, FieldType.DIMENSION);
    FieldSpec notNull = new FieldSpec("b", DataType.INT, null, null, null, true, null, null, FieldType.DIMENSION);
    Schema columnBased = new Schema("s", true, List.of(nullable, notNull), List.of(), List.of(), null, null);
    assertThat(ColumnPlan.of(nullable, table, columnBased).nullHandling()).isTrue();
    assertThat(ColumnPlan.of(notNull, table, columnBased).nullHandling()).isFalse();
    TableConfig noNulls = TableConfig.of("t", io.pinot.spi.config.table.TableType.OFFLINE, null,
        io.pinot.spi.config.table.IndexingConfig.empty());
    Schema plain = Schema.of("s", List.of(nullable), List.of(), List.of());
    assertThat(ColumnPlan.of(nullable, noNulls, plain).nullHandling()).isFalse();
    assertThat(ColumnPlan.of(nullable, table, plain).nullHandling()).isTrue();
    assertThat(ColumnPlan.defaultCodec(FieldSpec.of("m", DataType.INT, FieldType.METRIC)))
        .isEqualTo(ChunkCodec.PASS_THROUGH);
    assertThat(ColumnPlan.defaultCodec(nullable)).isEqualTo(ChunkCodec.LZ4);
  }
}
