// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.filter;

import io.pinot.common.datatable.DataTable;
import io.pinot.common.response.BrokerResponse;
import io.pinot.query.BrokerQueryCompiler;
import io.pinot.query.CompiledQuery;
import io.pinot.query.reduce.BrokerReducer;
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
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/// One in-JVM server over real segments of a given schema and table config, reduced by a broker reducer with
/// DataTables serialized in between, for comparing the same rows with and without an index.
final class IndexTestCluster implements AutoCloseable {
  private final Schema schema;
  private final String tableName;
  private final List<IndexSegment> segments = new ArrayList<>();
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final ServerQueryExecutor server = new ServerQueryExecutor(executor, ServerQueryExecutorConfig.defaults());
  private final BrokerQueryCompiler compiler = new BrokerQueryCompiler();
  private final BrokerReducer reducer = new BrokerReducer();
  private long requestId;

  IndexTestCluster(Path dir, Schema schema, TableConfig table, List<List<Map<String, Object>>> segmentRows)
      throws IOException {
    this.schema = schema;
    this.tableName = table.tableName();
    for (int i = 0; i < segmentRows.size(); i++) {
      SegmentGeneratorConfig config = SegmentGeneratorConfig.builder().tableConfig(table).schema(schema)
          .outputDir(dir).segmentNameGenerator(new FixedSegmentNameGenerator(table.rawTableName() + "_" + i))
          .build();
      Path segmentDir = SegmentCreator.create(config, new InMemoryRecordReader(segmentRows.get(i))).segmentDir();
      segments.add(SegmentLoader.load(segmentDir));
    }
  }

  List<IndexSegment> segments() {
    return segments;
  }

  BrokerResponse query(String sql) {
    CompiledQuery compiled = compiler.compile(sql).resolve(schema);
    List<String> names = segments.stream().map(IndexSegment::segmentName).toList();
    ServerQueryRequest request = ServerQueryRequest.builder(sql, tableName).requestId(++requestId)
        .brokerId("Broker_test_8099").segmentNames(names).timeoutMs(60_000).schema(schema).build();
    List<DataTable> responses = List.of(DataTable.fromBytes(server.execute(request, segments).toBytes()));
    return reducer.reduce(compiled, responses).toBrokerResponse().numServersQueried(1).numServersResponded(1)
        .requestId(Long.toString(requestId)).brokerId("Broker_test_8099").build();
  }

  @Override
  public void close() throws InterruptedException {
    for (IndexSegment segment : segments) {
      segment.close();
    }
    executor.shutdownNow();
    executor.awaitTermination(10, TimeUnit.SECONDS);
  }
}
