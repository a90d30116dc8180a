// SPDX-License-Identifier: Apache-2.0
package io.pinot.perf.jmh;

import io.pinot.common.utils.JsonUtils;
import io.pinot.segment.creator.SegmentCreator;
import io.pinot.segment.creator.SegmentGeneratorConfig;
import io.pinot.segment.creator.name.FixedSegmentNameGenerator;
import io.pinot.segment.readers.InMemoryRecordReader;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.GenericRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/// The segment of the storage benchmarks: `rows` rows of a fixed seed shaped like the bench `events` table —
/// `country` (STRING, 50 values, skewed, inverted index), `device` (STRING, 4 values, inverted index), `user_id`
/// (LONG, about rows/2 distinct, block-packed dictionary, bloom filter), `url` (STRING, about rows/10 distinct),
/// `duration` (INT, 10,000 values, range index), `price` (raw DOUBLE, range index) and `session_id` (raw hex STRING,
/// LZ4 chunks).
final class StorageBenchSegments {
  static final Schema SCHEMA = JsonUtils.fromJson("""
      {"schemaName": "storage",
       "dimensionFieldSpecs": [{"name": "country", "dataType": "STRING"}, {"name": "device", "dataType": "STRING"},
                               {"name": "user_id", "dataType": "LONG"}, {"name": "url", "dataType": "STRING"},
                               {"name": "session_id", "dataType": "STRING"}],
       "metricFieldSpecs": [{"name": "duration", "dataType": "INT"}, {"name": "price", "dataType": "DOUBLE"}]}""",
      Schema.class);
  static final TableConfig TABLE = JsonUtils.fromJson("""
      {"tableName": "storage", "tableType": "OFFLINE",
       "tableIndexConfig": {"invertedIndexColumns": ["country", "device"], "rangeIndexColumns": ["duration", "price"],
                            "bloomFilterColumns": ["user_id"], "noDictionaryColumns": ["price", "session_id"]}}""",
      TableConfig.class);

  private StorageBenchSegments() {
  }

  static Path build(Path dir, int rows) throws IOException {
    SplittableRandom random = new SplittableRandom(7);
    List<GenericRow> data = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      GenericRow row = new GenericRow();
      row.putValue("country", "C" + Math.min(random.nextInt(50), random.nextInt(50)));
      row.putValue("device", new String[] {"mobile", "desktop", "tablet", "tv"}[Math.min(random.nextInt(4),
          random.nextInt(4))]);
      row.putValue("user_id", 1_000_000_000L + random.nextInt(rows));
      row.putValue("url", "https://shop.example.com/c" + random.nextInt(50) + "/p" + random.nextInt(rows / 500 + 1));
      row.putValue("session_id", String.format(Locale.ROOT, "%016x", random.nextLong()));
      row.putValue("duration", random.nextInt(10_000));
      row.putValue("price", Math.round(random.nextDouble() * 100_000) / 100.0);
      data.add(row);
    }
    return SegmentCreator.create(SegmentGeneratorConfig.builder().tableConfig(TABLE).schema(SCHEMA).outputDir(dir)
        .segmentNameGenerator(new FixedSegmentNameGenerator("storage_0")).build(), new InMemoryRecordReader(data))
        .segmentDir();
  }

  static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path path : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    }
  }
}
