// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import io.pinot.common.utils.JsonUtils;
import io.pinot.segment.creator.SegmentCreator;
import io.pinot.segment.creator.SegmentGeneratorConfig;
import io.pinot.segment.creator.name.FixedSegmentNameGenerator;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.readers.InMemoryRecordReader;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.GenericRow;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

/// A schema with every data type as dictionary, raw and multi-value columns, its REALTIME table config, random raw
/// rows (values of mixed Java types, nulls, arrays, text), and helpers to build segments from rows.
final class MutableTestData {
  static final Schema SCHEMA = JsonUtils.fromJson("""
      {"schemaName": "alltypes",
       "dimensionFieldSpecs": [
         {"name": "dInt", "dataType": "INT"}, {"name": "dLong", "dataType": "LONG"},
         {"name": "dFloat", "dataType": "FLOAT"}, {"name": "dDouble", "dataType": "DOUBLE"},
         {"name": "dDecimal", "dataType": "BIG_DECIMAL"}, {"name": "dBool", "dataType": "BOOLEAN"},
         {"name": "dTimestamp", "dataType": "TIMESTAMP"}, {"name": "dString", "dataType": "STRING", "maxLength": 6},
         {"name": "dJson", "dataType": "JSON"}, {"name": "dBytes", "dataType": "BYTES"},
         {"name": "rString", "dataType": "STRING"}, {"name": "rBytes", "dataType": "BYTES", "maxLength": 3},
         {"name": "rDecimal", "dataType": "BIG_DECIMAL"},
         {"name": "mInt", "dataType": "INT", "singleValueField": false},
         {"name": "mLong", "dataType": "LONG", "singleValueField": false},
         {"name": "mFloat", "dataType": "FLOAT", "singleValueField": false},
         {"name": "mDouble", "dataType": "DOUBLE", "singleValueField": false},
         {"name": "mString", "dataType": "STRING", "singleValueField": false, "defaultNullValue": "none"},
         {"name": "mBytes", "dataType": "BYTES", "singleValueField": false}],
       "metricFieldSpecs": [
         {"name": "rInt", "dataType": "INT"}, {"name": "rLong", "dataType": "LONG"},
         {"name": "rFloat", "dataType": "FLOAT"}, {"name": "rDouble", "dataType": "DOUBLE"}],
       "dateTimeFieldSpecs": [
         {"name": "ts", "dataType": "LONG", "format": "1:MILLISECONDS:EPOCH", "granularity": "1:MILLISECONDS"}]}
      """, Schema.class);

  static final List<String> COLUMNS = SCHEMA.columnNames();

  private MutableTestData() {
  }

  /// The REALTIME config of the all-types table: raw `r*` columns (`rLong` through `fieldConfigList`), inverted
  /// indexes on most dictionary columns, `ts` as time column and (when `sorted`) as sortedColumn.
  static TableConfig table(boolean sorted) {
    return JsonUtils.fromJson("""
        {"tableName": "alltypes", "tableType": "REALTIME",
         "segmentsConfig": {"timeColumnName": "ts", "timeType": "MILLISECONDS"},
         "tableIndexConfig": {
           "noDictionaryColumns": ["rInt", "rFloat", "rDouble", "rString", "rBytes", "rDecimal"],
           "invertedIndexColumns": ["dInt", "dFloat", "dDecimal", "dBool", "dString", "dBytes", "mInt", "mString",
                                    "mBytes", "rInt"],
           "sortedColumn": %s},
         "fieldConfigList": [{"name": "rLong", "encodingType": "RAW"}]}
        """.formatted(sorted ? "[\"ts\"]" : "[]"), TableConfig.class);
  }

  static MutableSegment segment(TableConfig table, int capacity) {
    return new MutableSegment(MutableSegmentConfig.builder().tableConfig(table).schema(SCHEMA)
        .segmentName(LlcSegmentName.of("alltypes", 0, 0, 1_700_000_000_000L).toString()).capacity(capacity)
        .creationTime(1_700_000_000_000L).build());
  }

  /// `count` random raw rows whose columns have at most `cardinality` distinct values each.
  static List<GenericRow> rows(long seed, int count, int cardinality) {
    Random random = new Random(seed);
    List<GenericRow> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      rows.add(row(random, i, cardinality));
    }
    return rows;
  }

  private static GenericRow row(Random random, int index, int cardinality) {
    GenericRow row = new GenericRow();
    int k = random.nextInt(cardinality);
    row.putValue("dInt", random.nextInt(20) == 0 ? null : k % 2 == 0 ? (Object) (k - cardinality / 2) : "" + k);
    row.putValue("dLong", k * 1_000_000_007L);
    row.putValue("dFloat", k % 5 == 0 ? (Object) ("" + k / 4f) : (Object) (k / 4f));
    row.putValue("dDouble", k % 3 == 0 ? (Object) (-k / 8.0) : (Object) (long) k);
    row.putValue("dDecimal", k % 2 == 0 ? new BigDecimal(k).movePointLeft(2) : "" + k + ".50");
    row.putValue("dBool", k % 3 == 0 ? "true" : k % 3 == 1 ? Boolean.FALSE : (Object) 1);
    row.putValue("dTimestamp", k % 2 == 0 ? (Object) (1_600_000_000_000L + k) : "2024-01-0" + (1 + k % 9));
    row.putValue("dString", k % 7 == 0 ? new Object[] {"one-" + k} : "s" + k + (k % 4 == 0 ? "-long-tail" : ""));
    row.putValue("dJson", k % 4 == 0 ? Map.of("k", k) : k % 11 == 1 ? "{\"long\":\"" + "j".repeat(600) + k + "\"}"
        : "{\"v\":" + k + "}");
    row.putValue("dBytes", k % 6 == 0 ? "ab" + HexFormat.of().toHexDigits((byte) k) : new byte[] {(byte) k});
    row.putValue("rString", random.nextInt(30) == 0 ? null : "r" + random.nextInt(cardinality));
    row.putValue("rBytes", new byte[] {(byte) k, (byte) (k >> 8), 7, 9});
    row.putValue("rDecimal", k % 2 == 0 ? (Object) k : new BigDecimal("" + k + ".25"));
    row.putValue("mInt", k % 9 == 0 ? new Object[0] : new Object[] {k, k + 1, k});
    row.putValue("mLong", k % 5 == 0 ? null : List.of((long) k, -k * 3L));
    row.putValue("mFloat", new Object[] {k / 2f, null});
    row.putValue("mDouble", k);
    row.putValue("mString", k % 4 == 0 ? null : new Object[] {"a" + k % 5, "b" + k % 3});
    row.putValue("mBytes", new Object[] {new byte[] {(byte) (k % 4)}});
    row.putValue("rInt", random.nextInt(cardinality) - cardinality / 2);
    row.putValue("rLong", k % 3 == 0 ? "" + k * 31L : (Object) (k * 31L));
    row.putValue("rFloat", k % 10 == 0 ? -0.0f : (Object) (k * 1.5f));
    row.putValue("rDouble", k % 10 == 0 ? Double.NaN : (Object) (k * 0.25));
    row.putValue("ts", 1_700_000_000_000L + index * 1000L + random.nextInt(1000));
    return row;
  }

  /// Indexes every row; fails when one is rejected.
  static void indexAll(MutableSegment segment, List<GenericRow> rows) {
    for (GenericRow row : rows) {
      if (!segment.index(row)) {
        throw new AssertionError("Row rejected by " + segment);
      }
    }
  }

  /// Builds and loads the immutable segment of `rows` with the regular creator.
  static IndexSegment immutable(Path dir, TableConfig table, String name, List<GenericRow> rows) throws IOException {
    SegmentGeneratorConfig config = SegmentGeneratorConfig.builder().tableConfig(table).schema(SCHEMA).outputDir(dir)
        .segmentNameGenerator(new FixedSegmentNameGenerator(name)).build();
    return SegmentLoader.load(SegmentCreator.create(config, new InMemoryRecordReader(rows)).segmentDir());
  }
}
