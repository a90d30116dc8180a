// SPDX-License-Identifier: Apache-2.0
package io.pinot.perf.jmh;

import io.pinot.common.utils.JsonUtils;
import io.pinot.segment.creator.SegmentCreationResult;
import io.pinot.segment.creator.SegmentCreator;
import io.pinot.segment.creator.SegmentGeneratorConfig;
import io.pinot.segment.creator.name.FixedSegmentNameGenerator;
import io.pinot.segment.readers.InMemoryRecordReader;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.GenericRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/// The segment the kernel benchmarks read: `rows` rows of a fixed seed with a low-cardinality INT with an
/// inverted index (`low`, 16 values), a medium-cardinality STRING (`mid`, 2,000 values), a near-unique LONG
/// (`high`), a raw DOUBLE (`price`) and a sorted LONG time column (`ts`).
final class BenchSegments {
  static final Schema SCHEMA = JsonUtils.fromJson("""
      {"schemaName": "bench",
       "dimensionFieldSpecs": [{"name": "low", "dataType": "INT"}, {"name": "mid", "dataType": "STRING"},
                               {"name": "high", "dataType": "LONG"}],
       "metricFieldSpecs": [{"name": "price", "dataType": "DOUBLE"}],
       "dateTimeFieldSpecs": [{"name": "ts", "dataType": "LONG", "format": "1:MILLISECONDS:EPOCH",
                               "granularity": "1:MILLISECONDS"}]}""", Schema.class);
  static final TableConfig TABLE = JsonUtils.fromJson("""
      {"tableName": "bench", "tableType": "OFFLINE", "segmentsConfig": {"timeColumnName": "ts"},
       "tableIndexConfig": {"invertedIndexColumns": ["low"], "noDictionaryColumns": ["price"],
                            "sortedColumn": ["ts"]}}""", TableConfig.class);

  private BenchSegments() {
  }

  static Path build(Path dir, int rows) throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    List<GenericRow> data = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      GenericRow row = new GenericRow();
      row.putValue("low", random.nextInt(16));
      row.putValue("mid", "m" + random.nextInt(2000));
      row.putValue("high", random.nextLong(rows * 4L));
      row.putValue("price", Math.round(random.nextDouble() * 100_000) / 100.0);
      row.putValue("ts", 1_700_000_000_000L + i * 100L);
      data.add(row);
    }
    SegmentCreationResult result = SegmentCreator.create(SegmentGeneratorConfig.builder().tableConfig(TABLE)
        .schema(SCHEMA).outputDir(dir).segmentNameGenerator(new FixedSegmentNameGenerator("bench_0")).build(),
        new InMemoryRecordReader(data));
    return result.segmentDir();
  }
}
