// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import io.pinot.common.datatable.DataTable;
import io.pinot.common.response.BrokerResponse;
import io.pinot.common.response.QueryProcessingError;
import io.pinot.common.utils.JsonUtils;
import io.pinot.query.BrokerQueryCompiler;
import io.pinot.query.CompiledQuery;
import io.pinot.query.reduce.BrokerReducer;
import io.pinot.query.runtime.ServerQueryExecutor;
import io.pinot.query.runtime.ServerQueryExecutorConfig;
import io.pinot.query.runtime.ServerQueryRequest;
import io.pinot.query.testing.TestData;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.GenericRow;
import io.pinot.spi.exception.QueryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/// Runs SQL over given segments as pinot-query's in-JVM tests do: broker compile, one [ServerQueryExecutor]
/// (DataTable serialized and parsed as on the wire), [BrokerReducer]. Thread-safe.
final class QueryHarness implements AutoCloseable {
  /// The REALTIME version of [TestData#tableConfig()]: the same indexes (`ts` sorted at commit, inverted
  /// `country`, `device`, `age`, `tags`; raw `session`, `price`, `quantity`, `big`).
  static final TableConfig REALTIME_TABLE = JsonUtils.fromJson("""
      {"tableName": "events", "tableType": "REALTIME",
       "segmentsConfig": {"timeColumnName": "ts", "timeType": "MILLISECONDS"},
       "tableIndexConfig": {"sortedColumn": ["ts"], "invertedIndexColumns": ["country", "device", "age", "tags"],
                            "noDictionaryColumns": ["session", "price", "quantity", "big"]}}""", TableConfig.class);

  private final Schema schema = TestData.schema();
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final ServerQueryExecutor server = new ServerQueryExecutor(executor, ServerQueryExecutorConfig.defaults());
  private final BrokerQueryCompiler compiler = new BrokerQueryCompiler();
  private final BrokerReducer reducer = new BrokerReducer();
  private final AtomicLong requestId = new AtomicLong();

  Schema schema() {
    return schema;
  }

  BrokerResponse query(String sql, List<IndexSegment> segments) {
    CompiledQuery compiled;
    try {
      compiled = compiler.compile(sql).resolve(schema);
    } catch (QueryException e) {
      return BrokerResponse.ofErrors(List.of(QueryProcessingError.of(e)));
    }
    List<String> names = new ArrayList<>();
    for (IndexSegment segment : segments) {
      names.add(segment.segmentName());
    }
    long id = requestId.incrementAndGet();
    ServerQueryRequest request = ServerQueryRequest.builder(sql, "events_REALTIME").requestId(id)
        .brokerId("Broker_test_8099").segmentNames(names).timeoutMs(60_000).schema(schema).build();
    DataTable response = DataTable.fromBytes(server.execute(request, segments).toBytes());
    return reducer.reduce(compiled, List.of(response)).toBrokerResponse().numServersQueried(1)
        .numServersResponded(1).requestId(Long.toString(id)).brokerId("Broker_test_8099").build();
  }

  /// The test rows as GenericRows (without the `id` helper column).
  static List<GenericRow> genericRows(List<Map<String, Object>> rows) {
    List<GenericRow> result = new ArrayList<>(rows.size());
    for (Map<String, Object> row : rows) {
      GenericRow generic = new GenericRow();
      TestData.segmentRow(row).forEach(generic::putValue);
      result.add(generic);
    }
    return result;
  }

  @Override
  public void close() throws InterruptedException {
    executor.shutdownNow();
    executor.awaitTermination(10, TimeUnit.SECONDS);
  }
}
