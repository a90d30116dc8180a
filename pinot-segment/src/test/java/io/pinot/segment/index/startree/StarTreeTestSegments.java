// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.startree;

import io.pinot.common.utils.JsonUtils;
import io.pinot.segment.creator.SegmentCreator;
import io.pinot.segment.creator.SegmentGeneratorConfig;
import io.pinot.segment.creator.name.FixedSegmentNameGenerator;
import io.pinot.segment.readers.InMemoryRecordReader;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/// The `sales` test table: dimensions `country` (STRING), `device` (STRING), `year` (INT), `browser` (STRING,
/// no dictionary unless asked), metrics `clicks` (INT), `revenue` (DOUBLE), `big` (LONG), plus builders of
/// segments with star-tree configs given as JSON.
final class StarTreeTestSegments {
  static final Schema SCHEMA = JsonUtils.fromJson("""
      {"schemaName": "sales",
       "dimensionFieldSpecs": [{"name": "country", "dataType": "STRING"}, {"name": "device", "dataType": "STRING"},
                               {"name": "year", "dataType": "INT"}, {"name": "browser", "dataType": "STRING"},
                               {"name": "tags", "dataType": "STRING", "singleValueField": false}],
       "metricFieldSpecs": [{"name": "clicks", "dataType": "INT"}, {"name": "revenue", "dataType": "DOUBLE"},
                            {"name": "big", "dataType": "LONG"}]}""", Schema.class);

  private StarTreeTestSegments() {
  }

  /// A table config whose `tableIndexConfig` holds `indexJson` (the inner JSON, without braces).
  static TableConfig table(String indexJson) {
    return JsonUtils.fromJson("{\"tableName\": \"sales\", \"tableType\": \"OFFLINE\", \"tableIndexConfig\": {"
        + indexJson + "}}", TableConfig.class);
  }

  /// A table config with one star-tree.
  static TableConfig starTree(String dimensions, String pairs, int maxLeafRecords, String skip) {
    return table("\"starTreeIndexConfigs\": [{\"dimensionsSplitOrder\": [" + dimensions + "], "
        + "\"functionColumnPairs\": [" + pairs + "], \"maxLeafRecords\": " + maxLeafRecords
        + ", \"skipStarNodeCreationForDimensions\": [" + skip + "]}]");
  }

  /// `numRows` deterministic rows: `country` of `countries` values, `device` of 3, `year` of 5, `browser` of 40.
  static List<Map<String, Object>> rows(long seed, int numRows, int countries) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Map<String, Object>> rows = new ArrayList<>(numRows);
    for (int i = 0; i < numRows; i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("country", "c" + random.nextInt(countries));
      row.put("device", List.of("mobile", "desktop", "tv").get(random.nextInt(3)));
      row.put("year", 2020 + random.nextInt(5));
      row.put("browser", "b" + random.nextInt(40));
      row.put("tags", List.of("t" + random.nextInt(3)));
      row.put("clicks", random.nextInt(-50, 1000));
      row.put("revenue", random.nextInt(100_000) / 4.0);
      row.put("big", random.nextLong(1L << 40));
      rows.add(row);
    }
    return rows;
  }

  static Path build(Path dir, TableConfig table, List<Map<String, Object>> rows) throws IOException {
    return build(dir, table, rows, "sales_0");
  }

  static Path build(Path dir, TableConfig table, List<Map<String, Object>> rows, String name) throws IOException {
    SegmentGeneratorConfig config = SegmentGeneratorConfig.builder().tableConfig(table).schema(SCHEMA)
        .outputDir(dir).segmentNameGenerator(new FixedSegmentNameGenerator(name)).creationTime(1_700_000_000_000L)
        .build();
    return SegmentCreator.create(config, new InMemoryRecordReader(rows)).segmentDir();
  }
}
