// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.query;

import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.common.datatable.MetadataKey;
import io.pinot.common.transport.InstanceRequest;
import io.pinot.query.runtime.ServerQueryExecutor;
import io.pinot.query.runtime.ServerQueryExecutorConfig;
import io.pinot.query.runtime.ServerQueryRequest;
import io.pinot.server.ServerConfig;
import io.pinot.server.data.AcquiredSegments;
import io.pinot.server.data.InstanceDataManager;
import io.pinot.server.data.TableDataManager;
import io.pinot.spi.exception.QueryErrorCode;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The server's bounded query scheduler: a fixed pool of query runners with a bounded queue (a full queue
/// answers ServerOutOfCapacity instead of piling up work), and a fixed pool of segment workers the executor
/// spreads one query's segments over. Each request acquires its segments, runs, and releases them; a
/// request for a table or segments the server does not hold is answered with Pinot's 230/235 errors.
/// Thread-safe.
public final class QueryScheduler implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(QueryScheduler.class);

  private final String instanceId;
  private final InstanceDataManager dataManager;
  private final ThreadPoolExecutor runners;
  private final ExecutorService segmentWorkers;
  private final ServerQueryExecutor executor;
  private final long defaultTimeoutMs;

  public QueryScheduler(String instanceId, InstanceDataManager dataManager, ServerConfig config) {
    this.instanceId = instanceId;
    this.dataManager = dataManager;
    this.defaultTimeoutMs = config.queryTimeoutMs();
    int cores = Runtime.getRuntime().availableProcessors();
    this.runners = new ThreadPoolExecutor(config.queryWorkerThreads(), config.queryWorkerThreads(), 0,
        TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(Math.max(1, config.queryQueueSize())),
        threads("query-runner"));
    this.segmentWorkers = new ThreadPoolExecutor(cores, cores, 0, TimeUnit.MILLISECONDS,
        new LinkedBlockingQueue<>(), threads("query-worker"));
    this.executor = new ServerQueryExecutor(segmentWorkers, ServerQueryExecutorConfig.defaults()
        .withNumGroupsLimit(config.numGroupsLimit()).withMaxExecutionThreads(cores));
  }

  /// Schedules a request; the future completes with the serialized DataTable (errors included), never
  /// exceptionally.
  public CompletableFuture<byte[]> submit(InstanceRequest request) {
    long receivedAt = System.nanoTime();
    CompletableFuture<byte[]> result = new CompletableFuture<>();
    try {
      runners.execute(() -> result.complete(run(request, receivedAt)));
    } catch (RejectedExecutionException e) {
      result.complete(error(request, QueryErrorCode.SERVER_OUT_OF_CAPACITY,
          "Server " + instanceId + " has too many queries waiting; retry later"));
    }
    return result;
  }

  private byte[] run(InstanceRequest request, long receivedAt) {
    try {
      TableDataManager table = dataManager.table(request.tableNameWithType());
      if (table == null) {
        return error(request, QueryErrorCode.SERVER_TABLE_MISSING, "Table " + request.tableNameWithType()
            + " is not loaded on server " + instanceId);
      }
      AcquiredSegments acquired = table.acquire(request.segments());
      try {
        long timeoutMs = request.timeoutMs() > 0 ? request.timeoutMs() : defaultTimeoutMs;
        ServerQueryRequest query = ServerQueryRequest.builder(request.sql(), request.tableNameWithType())
            .requestId(request.requestId()).brokerId(request.brokerId()).segmentNames(request.segments())
            .missingSegments(acquired.missing()).timeoutMs(timeoutMs).receivedAtNanos(receivedAt)
            .queryOptions(request.queryOptions()).enableTrace(request.enableTrace()).schema(table.schema()).build();
        return executor.execute(query, acquired.segments()).toBytes();
      } finally {
        table.release(acquired);
      }
    } catch (RuntimeException e) {
      LOGGER.error("Query {} failed on server {}", request.requestId(), instanceId, e);
      return error(request, QueryErrorCode.QUERY_EXECUTION, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static byte[] error(InstanceRequest request, QueryErrorCode code, String message) {
    DataTable table = new DataTableBuilder(null).addException(code.id(), message)
        .putMetadata(MetadataKey.REQUEST_ID, request.requestId()).build();
    return table.toBytes();
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    runners.shutdownNow();
    segmentWorkers.shutdownNow();
  }
}
