// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.testing;

import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.MetadataKey;
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
import io.pinot.spi.exception.QueryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/// Real segments served by two in-JVM "servers" (each a [ServerQueryExecutor] over half the segments) and
/// reduced by a [BrokerReducer], with DataTables serialized and parsed in between as on the wire.
public final class TestCluster implements AutoCloseable {
  private final Schema schema;
  private final List<List<IndexSegment>> serverSegments = new ArrayList<>();
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final ServerQueryExecutor server;
  private final BrokerQueryCompiler compiler = new BrokerQueryCompiler();
  private final BrokerReducer reducer = new BrokerReducer();
  private long requestId;

  public TestCluster(Path dir, List<List<Map<String, Object>>> segmentRows, int numServers,
      ServerQueryExecutorConfig config) {
    this(dir, TestData.tableConfig(), segmentRows, numServers, config);
  }

  /// A cluster whose segments are built with another table config of the `events` schema (other indexes).
  public TestCluster(Path dir, TableConfig tableConfig, List<List<Map<String, Object>>> segmentRows, int numServers,
      ServerQueryExecutorConfig config) {
    this(dir, TestData.schema(), tableConfig, segmentRows, numServers, config);
  }

  /// A cluster whose segments are built with another schema of the `events` columns (e.g. with
  /// `enableColumnBasedNullHandling`, so that null input values land in the null value vectors).
  public TestCluster(Path dir, Schema schema, TableConfig tableConfig, List<List<Map<String, Object>>> segmentRows,
      int numServers, ServerQueryExecutorConfig config) {
    this.schema = schema;
    this.server = new ServerQueryExecutor(executor, config);
    for (int s = 0; s < numServers; s++) {
      serverSegments.add(new ArrayList<>());
    }
    try {
      for (int i = 0; i < segmentRows.size(); i++) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : segmentRows.get(i)) {
          rows.add(TestData.segmentRow(row));
        }
        SegmentGeneratorConfig generatorConfig = SegmentGeneratorConfig.builder().tableConfig(tableConfig)
            .schema(schema).outputDir(dir).segmentNameGenerator(new FixedSegmentNameGenerator("events_" + i))
            .sequenceId(i).build();
        Path segmentDir = SegmentCreator.create(generatorConfig, new InMemoryRecordReader(rows)).segmentDir();
        serverSegments.get(i % numServers).add(SegmentLoader.load(segmentDir));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /// A cluster over segments the caller built (consuming segments, segments of an upsert table...), one list per
  /// server; closing the cluster closes them.
  public TestCluster(Schema schema, List<List<IndexSegment>> segmentsPerServer, ServerQueryExecutorConfig config) {
    this.schema = schema;
    this.server = new ServerQueryExecutor(executor, config);
    for (List<IndexSegment> segments : segmentsPerServer) {
      serverSegments.add(new ArrayList<>(segments));
    }
  }

  public ServerQueryExecutor server() {
    return server;
  }

  public List<IndexSegment> segments(int server) {
    return serverSegments.get(server);
  }

  /// Runs a query as a broker would: compile, resolve, scatter to each server, serialize, reduce.
  public BrokerResponse query(String sql) {
    return query(sql, Map.of());
  }

  /// Runs a query with the request's `queryOptions` (SQL options win), as the broker does: the merged options go
  /// to every server, and with `trace=true` each server's trace lands in `traceInfo` under `Server_<n>`.
  public BrokerResponse query(String sql, Map<String, String> requestOptions) {
    CompiledQuery compiled;
    try {
      compiled = compiler.compile(sql, requestOptions).resolve(schema);
    } catch (QueryException e) {
      return BrokerResponse.ofErrors(List.of(io.pinot.common.response.QueryProcessingError.of(e)));
    }
    List<DataTable> responses = new ArrayList<>();
    for (List<IndexSegment> segments : serverSegments) {
      List<String> names = segments.stream().map(IndexSegment::segmentName).toList();
      ServerQueryRequest request = ServerQueryRequest.builder(sql, "events_OFFLINE").requestId(++requestId)
          .brokerId("Broker_test_8099").segmentNames(names).timeoutMs(60_000).schema(schema)
          .queryOptions(compiled.queryOptions()).build();
      responses.add(DataTable.fromBytes(server.execute(request, segments).toBytes()));
    }
    BrokerResponse.Builder response = reducer.reduce(compiled, responses).toBrokerResponse();
    for (int i = 0; i < responses.size(); i++) {
      String trace = responses.get(i).metadata(MetadataKey.TRACE_INFO);
      if (trace != null) {
        response.putTraceInfo("Server_" + i, trace);
      }
    }
    return response.numServersQueried(responses.size()).numServersResponded(responses.size())
        .requestId(Long.toString(requestId)).brokerId("Broker_test_8099").build();
  }

  @Override
  public void close() throws InterruptedException {
    for (List<IndexSegment> segments : serverSegments) {
      for (IndexSegment segment : segments) {
        segment.close();
      }
    }
    executor.shutdownNow();
    executor.awaitTermination(10, TimeUnit.SECONDS);
  }
}
