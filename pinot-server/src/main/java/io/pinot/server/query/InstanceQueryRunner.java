// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.query;

import io.pinot.common.transport.InstanceRequest;
import io.pinot.query.context.QueryDeadline;
import io.pinot.query.runtime.ServerQueryExecutor;
import io.pinot.query.runtime.ServerQueryExecutorConfig;
import io.pinot.query.runtime.ServerQueryRequest;
import io.pinot.server.data.AcquiredSegments;
import io.pinot.server.data.InstanceDataManager;
import io.pinot.server.data.TableDataManager;
import io.pinot.spi.exception.QueryErrorCode;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/// Runs requests over the segments this server holds: acquires them, executes the query on a fixed pool of segment
/// workers (`pinot.query.scheduler.query_worker_threads`), releases them. A request for a table the server does not
/// hold is answered with ServerTableMissing (230); asked-for segments it does not hold with ServerSegmentMissing
/// (235). Thread-safe.
public final class InstanceQueryRunner implements QueryRunner {
  private final String instanceId;
  private final InstanceDataManager dataManager;
  private final long defaultTimeoutMs;
  private final ExecutorService segmentWorkers;
  private final ServerQueryExecutor executor;

  public InstanceQueryRunner(String instanceId, InstanceDataManager dataManager, long defaultTimeoutMs,
      int numGroupsLimit, int workerThreads) {
    this.instanceId = instanceId;
    this.dataManager = dataManager;
    this.defaultTimeoutMs = defaultTimeoutMs;
    this.segmentWorkers = new ThreadPoolExecutor(workerThreads, workerThreads, 0, TimeUnit.MILLISECONDS,
        new LinkedBlockingQueue<>(), QueryScheduler.daemonThreads("query-worker"));
    this.executor = new ServerQueryExecutor(segmentWorkers, ServerQueryExecutorConfig.defaults()
        .withNumGroupsLimit(numGroupsLimit).withMaxExecutionThreads(workerThreads));
  }

  @Override
  public byte[] run(InstanceRequest request, long receivedAtNanos, Consumer<QueryDeadline> onStart) {
    TableDataManager table = dataManager.table(request.tableNameWithType());
    if (table == null) {
      return QueryScheduler.error(request, QueryErrorCode.SERVER_TABLE_MISSING, "Table "
          + request.tableNameWithType() + " is not loaded on server " + instanceId);
    }
    AcquiredSegments acquired = table.acquire(request.segments());
    try {
      long timeoutMs = request.timeoutMs() > 0 ? request.timeoutMs() : defaultTimeoutMs;
      ServerQueryRequest query = ServerQueryRequest.builder(request.sql(), request.tableNameWithType())
          .requestId(request.requestId()).brokerId(request.brokerId()).segmentNames(request.segments())
          .missingSegments(acquired.missing()).timeoutMs(timeoutMs).receivedAtNanos(receivedAtNanos)
          .queryOptions(request.queryOptions()).enableTrace(request.enableTrace()).schema(table.schema()).build();
      return executor.execute(query, acquired.segments(), onStart).toBytes();
    } finally {
      table.release(acquired);
    }
  }

  @Override
  public void close() {
    segmentWorkers.shutdownNow();
  }
}
