// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.startree;

import io.pinot.common.datatable.DataTable;
import io.pinot.common.utils.JsonUtils;
import io.pinot.query.BrokerQueryCompiler;
import io.pinot.query.CompiledQuery;
import io.pinot.query.reduce.BrokerReducer;
import io.pinot.query.reduce.ReducedResult;
import io.pinot.query.runtime.ServerQueryExecutor;
import io.pinot.query.runtime.ServerQueryExecutorConfig;
import io.pinot.query.runtime.ServerQueryRequest;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;

/// The `sales` table for star-tree query tests: low-cardinality dimensions `country` (20 values), `device` (4),
/// `year` (5), `channel` (6); `browser` (50 values, not in any split order); metrics `clicks` (INT), `impressions`
/// (LONG) and `revenue` (DOUBLE multiples of 0.25, so that sums are exact in any order) and `big` (LONG, never
/// pre-aggregated). Segments are built from the same rows with a given table config and served by one in-JVM
/// server whose DataTables are reduced by the broker reducer.
final class StarTreeTestTable implements AutoCloseable {
  static final Schema SCHEMA = JsonUtils.fromJson("""
      {"schemaName": "sales",
       "dimensionFieldSpecs": [{"name": "country", "dataType": "STRING"}, {"name": "device", "dataType": "STRING"},
                               {"name": "year", "dataType": "INT"}, {"name": "channel", "dataType": "STRING"},
                               {"name": "browser", "dataType": "STRING"}],
       "metricFieldSpecs": [{"name": "clicks", "dataType": "INT"}, {"name": "impressions", "dataType": "LONG"},
                            {"name": "revenue", "dataType": "DOUBLE"}, {"name": "big", "dataType": "LONG"}]}""",
      Schema.class);
  static final String DEVICES = "mobile,desktop,tablet,tv";

  private final List<IndexSegment> segments = new ArrayList<>();
  private final ServerQueryExecutor server;
  private final BrokerQueryCompiler compiler = new BrokerQueryCompiler();
  private final BrokerReducer reducer = new BrokerReducer();

  StarTreeTestTable(Path dir, String tableIndexConfig, List<List<GenericRow>> segmentRows, ExecutorService executor)
      throws IOException {
    TableConfig table = JsonUtils.fromJson("{\"tableName\": \"sales\", \"tableType\": \"OFFLINE\", "
        + "\"tableIndexConfig\": {" + tableIndexConfig + "}}", TableConfig.class);
    for (int i = 0; i < segmentRows.size(); i++) {
      SegmentGeneratorConfig config = SegmentGeneratorConfig.builder().tableConfig(table).schema(SCHEMA)
          .outputDir(dir).segmentNameGenerator(new FixedSegmentNameGenerator("sales_" + i)).build();
      segments.add(SegmentLoader.load(SegmentCreator.create(config, new InMemoryRecordReader(segmentRows.get(i)))
          .segmentDir()));
    }
    server = new ServerQueryExecutor(executor, ServerQueryExecutorConfig.defaults());
  }

  /// `numSegments` segments of `rowsPerSegment` deterministic rows.
  static List<List<GenericRow>> rows(long seed, int numSegments, int rowsPerSegment) {
    SplittableRandom random = new SplittableRandom(seed);
    String[] devices = DEVICES.split(",");
    List<List<GenericRow>> all = new ArrayList<>();
    for (int s = 0; s < numSegments; s++) {
      List<GenericRow> rows = new ArrayList<>(rowsPerSegment);
      for (int i = 0; i < rowsPerSegment; i++) {
        GenericRow row = new GenericRow();
        // Skewed countries, so that groups differ in size.
        row.putValue("country", "c" + Math.min(random.nextInt(20), random.nextInt(20)));
        row.putValue("device", devices[random.nextInt(devices.length)]);
        row.putValue("year", 2020 + random.nextInt(5));
        row.putValue("channel", "ch" + random.nextInt(6));
        row.putValue("browser", "b" + random.nextInt(50));
        row.putValue("clicks", random.nextInt(-100, 1000));
        row.putValue("impressions", random.nextLong(1L << 33));
        row.putValue("revenue", random.nextInt(400_000) / 4.0);
        row.putValue("big", random.nextLong());
        rows.add(row);
      }
      all.add(rows);
    }
    return all;
  }

  List<IndexSegment> segments() {
    return segments;
  }

  /// Runs a query (SQL may start with `SET` statements) and reduces the server's response as a broker would.
  ReducedResult query(String sql) {
    return query(sql, segments);
  }

  /// Runs a query over the given segments (of any table with this schema).
  ReducedResult query(String sql, List<IndexSegment> segments) {
    CompiledQuery compiled = compiler.compile(sql).resolve(SCHEMA);
    List<String> names = new ArrayList<>();
    for (IndexSegment segment : segments) {
      names.add(segment.segmentName());
    }
    ServerQueryRequest request = ServerQueryRequest.builder(sql, "sales_OFFLINE").segmentNames(names)
        .timeoutMs(120_000).schema(SCHEMA).build();
    DataTable response = DataTable.fromBytes(server.execute(request, segments).toBytes());
    return reducer.reduce(compiled, List.of(response));
  }

  @Override
  public void close() {
    for (IndexSegment segment : segments) {
      segment.close();
    }
  }
}
