// SPDX-License-Identifier: Apache-2.0
package io.pinot.inputformat;

import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/// The rows of the format-equivalence acceptance test: every column type, multi-value columns (including empty
/// ones), nulls (as missing keys and as explicit nulls), values at type limits, and text that needs quoting. Each
/// row is a map of plain Java values (`List` for multi-values, `Map` for the JSON column, `byte[]` for BYTES).
final class EquivalenceData {
  static final String SCHEMA_JSON = """
      {"schemaName": "everything",
       "dimensionFieldSpecs": [
         {"name": "intCol", "dataType": "INT"}, {"name": "longCol", "dataType": "LONG"},
         {"name": "floatCol", "dataType": "FLOAT"}, {"name": "doubleCol", "dataType": "DOUBLE"},
         {"name": "decimalCol", "dataType": "BIG_DECIMAL"}, {"name": "boolCol", "dataType": "BOOLEAN"},
         {"name": "tsCol", "dataType": "TIMESTAMP"}, {"name": "stringCol", "dataType": "STRING"},
         {"name": "jsonCol", "dataType": "JSON"}, {"name": "bytesCol", "dataType": "BYTES"},
         {"name": "intMv", "dataType": "INT", "singleValueField": false},
         {"name": "longMv", "dataType": "LONG", "singleValueField": false},
         {"name": "floatMv", "dataType": "FLOAT", "singleValueField": false},
         {"name": "doubleMv", "dataType": "DOUBLE", "singleValueField": false},
         {"name": "stringMv", "dataType": "STRING", "singleValueField": false},
         {"name": "upperString", "dataType": "STRING"}, {"name": "tsHour", "dataType": "LONG"},
         {"name": "keyText", "dataType": "STRING"}],
       "metricFieldSpecs": [{"name": "metricLong", "dataType": "LONG"}, {"name": "metricDouble", "dataType": "DOUBLE"}],
       "dateTimeFieldSpecs": [{"name": "daysSinceEpoch", "dataType": "INT", "format": "1:DAYS:EPOCH",
         "granularity": "1:DAYS"}]}
      """;
  static final String TABLE_JSON = """
      {"tableName": "everything", "tableType": "OFFLINE",
       "segmentsConfig": {"timeColumnName": "daysSinceEpoch", "timeType": "DAYS", "replication": "1"},
       "tableIndexConfig": {"noDictionaryColumns": ["doubleCol", "bytesCol"], "invertedIndexColumns": ["stringCol"]},
       "ingestionConfig": {
         "transformConfigs": [
           {"columnName": "upperString", "transformFunction": "upper(stringCol)"},
           {"columnName": "tsHour", "transformFunction": "toEpochHours(tsCol)"},
           {"columnName": "keyText", "transformFunction": "concat(upperString, CAST(intCol AS STRING), '-')"}],
         "filterConfig": {"filterFunction": "longCol % 17 = 3"},
         "rowTimeValueCheck": true}}
      """;
  static final List<String> SOURCE_COLUMNS = List.of("intCol", "longCol", "floatCol", "doubleCol", "decimalCol",
      "boolCol", "tsCol", "stringCol", "jsonCol", "bytesCol", "intMv", "longMv", "floatMv", "doubleMv", "stringMv",
      "metricLong", "metricDouble", "daysSinceEpoch");
  private static final String[] WORDS = {"alpha", "beta", "gamma, with comma", "quote \"q\"", "ünïcødé ✓",
      "new\nline", "b", "tab\tin"};

  private EquivalenceData() {
  }

  static Schema schema() {
    return JsonUtils.fromJson(SCHEMA_JSON, Schema.class);
  }

  static TableConfig tableConfig() {
    return JsonUtils.fromJson(TABLE_JSON, TableConfig.class);
  }

  /// `count` deterministic rows.
  static List<Map<String, Object>> rows(int count) {
    Random random = new Random(42);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("intCol", i == 0 ? Integer.MAX_VALUE : i == 1 ? Integer.MIN_VALUE + 1 : random.nextInt(1000) - 500);
      row.put("longCol", i == 2 ? Long.MAX_VALUE - 3 : random.nextLong(1_000_000L) - 10_000L);
      row.put("floatCol", random.nextInt(4000) * 0.25f - 500f);
      row.put("doubleCol", i == 3 ? -Double.MAX_VALUE : random.nextGaussian() * 1e6);
      row.put("decimalCol", decimal(random));
      row.put("boolCol", random.nextBoolean());
      row.put("tsCol", 1_500_000_000_000L + random.nextLong(200_000_000_000L));
      row.put("stringCol", WORDS[random.nextInt(WORDS.length)] + (i % 7));
      row.put("jsonCol", json(random, i));
      row.put("bytesCol", new byte[] {(byte) i, (byte) random.nextInt(256), 0});
      row.put("intMv", ints(random));
      row.put("longMv", longs(random));
      row.put("floatMv", floats(random));
      row.put("doubleMv", doubles(random));
      row.put("stringMv", strings(random));
      row.put("metricLong", random.nextLong(100_000L));
      row.put("metricDouble", random.nextInt(100_000) / 8.0);
      row.put("daysSinceEpoch", 17_000 + random.nextInt(2_000));
      for (String column : SOURCE_COLUMNS) {
        if (!column.equals("daysSinceEpoch") && random.nextInt(10) == 0) {
          row.put(column, null);
        }
      }
      rows.add(row);
    }
    return rows;
  }

  /// A decimal with 4 fraction digits, the last one not zero (so every format keeps the same scale).
  private static BigDecimal decimal(Random random) {
    long unscaled = 100_000L + random.nextLong(50_000_000_000L);
    if (unscaled % 10 == 0) {
      unscaled += 3;
    }
    unscaled = random.nextBoolean() ? unscaled : -unscaled;
    return BigDecimal.valueOf(unscaled, 4);
  }

  private static Map<String, Object> json(Random random, int i) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", i);
    json.put("name", "n" + random.nextInt(5));
    json.put("tags", List.of("x", "y" + random.nextInt(3)));
    return json;
  }

  private static List<Integer> ints(Random random) {
    List<Integer> values = new ArrayList<>();
    int count = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      values.add(random.nextInt(20));
    }
    return values;
  }

  private static List<Long> longs(Random random) {
    List<Long> values = new ArrayList<>();
    int count = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      values.add(random.nextLong(Long.MAX_VALUE));
    }
    return values;
  }

  private static List<Float> floats(Random random) {
    List<Float> values = new ArrayList<>();
    int count = random.nextInt(3);
    for (int i = 0; i < count; i++) {
      values.add(random.nextInt(64) * 0.125f);
    }
    return values;
  }

  private static List<Double> doubles(Random random) {
    List<Double> values = new ArrayList<>();
    int count = random.nextInt(3);
    for (int i = 0; i < count; i++) {
      values.add(random.nextDouble());
    }
    return values;
  }

  private static List<String> strings(Random random) {
    List<String> values = new ArrayList<>();
    int count = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      values.add(String.valueOf((char) ('a' + random.nextInt(6))));
    }
    return values;
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
