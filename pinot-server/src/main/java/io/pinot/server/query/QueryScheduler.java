// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.query;

import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.common.datatable.MetadataKey;
import io.pinot.common.transport.InstanceRequest;
import io.pinot.server.ServerConfig;
import io.pinot.server.data.InstanceDataManager;
import io.pinot.spi.exception.QueryErrorCode;
import io.pinot.spi.utils.TableNameBuilder;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The server's bounded query scheduler (Apache Pinot's `fcfs` / `bounded_fcfs`): a fixed pool of query runners
/// with a bounded queue. Requests that find the queue full (or, under `bounded_fcfs`, too many queries of their table
/// waiting) are answered ServerOutOfCapacity (211) at once instead of piling up; a request that waited past its
/// timeout is answered QuerySchedulingTimeout (240) without running; a request cancelled through [RunningQueries]
/// is answered QueryCancellation (503), before it starts or at the next block of its segments. A query that runs out
/// of heap fails alone with ServerResourceLimitExceeded (245) and leaves the server up. Thread-safe.
public final class QueryScheduler implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(QueryScheduler.class);

  private final String instanceId;
  private final SchedulerConfig config;
  private final long defaultTimeoutMs;
  private final QueryRunner runner;
  private final ThreadPoolExecutor runners;
  private final RunningQueries running = new RunningQueries();
  private final Map<String, AtomicInteger> pendingPerTable = new ConcurrentHashMap<>();

  public QueryScheduler(String instanceId, SchedulerConfig config, long defaultTimeoutMs, QueryRunner runner) {
    this.instanceId = instanceId;
    this.config = config;
    this.defaultTimeoutMs = defaultTimeoutMs;
    this.runner = runner;
    this.runners = new ThreadPoolExecutor(config.queryRunnerThreads(), config.queryRunnerThreads(), 0,
        TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(config.maxPendingQueries()), daemonThreads("query-runner"));
  }

  /// The scheduler of a server node, running requests over the segments of `dataManager`.
  public static QueryScheduler forInstance(String instanceId, InstanceDataManager dataManager, ServerConfig config) {
    SchedulerConfig scheduler = config.scheduler();
    return new QueryScheduler(instanceId, scheduler, config.queryTimeoutMs(), new InstanceQueryRunner(instanceId,
        dataManager, config.queryTimeoutMs(), config.numGroupsLimit(), scheduler.queryWorkerThreads()));
  }

  public RunningQueries runningQueries() {
    return running;
  }

  /// A scheduled request: its answer (a serialized DataTable, errors included; never completed exceptionally) and a
  /// way to cancel exactly this request.
  public record Submission(CompletableFuture<byte[]> result, Runnable cancel) {
  }

  /// Schedules a request; the future completes with the serialized DataTable (errors included), never
  /// exceptionally.
  public CompletableFuture<byte[]> submit(InstanceRequest request) {
    return schedule(request).result();
  }

  /// As [#submit], with a handle that cancels this request alone: before it runs it is answered QueryCancellation
  /// (503) without running, while it runs it stops at its next block.
  public Submission schedule(InstanceRequest request) {
    long receivedAt = System.nanoTime();
    CompletableFuture<byte[]> result = new CompletableFuture<>();
    String group = TableNameBuilder.rawTableName(request.tableNameWithType());
    AtomicInteger pending = pendingPerTable.computeIfAbsent(group, key -> new AtomicInteger());
    if (config.boundedPerGroup() && pending.incrementAndGet() > config.maxPendingPerGroup()) {
      pending.decrementAndGet();
      result.complete(outOfCapacity(request, "of table " + group));
      return new Submission(result, () -> { });
    } else if (!config.boundedPerGroup()) {
      pending.incrementAndGet();
    }
    RunningQueries.Entry entry = running.register(request);
    try {
      runners.execute(() -> {
        pending.decrementAndGet();
        try {
          result.complete(run(request, receivedAt, entry));
        } finally {
          running.finished(entry);
        }
      });
    } catch (RejectedExecutionException e) {
      pending.decrementAndGet();
      running.finished(entry);
      result.complete(outOfCapacity(request, "in total"));
    }
    return new Submission(result, () -> running.cancel(entry));
  }

  private byte[] outOfCapacity(InstanceRequest request, String scope) {
    return error(request, QueryErrorCode.SERVER_OUT_OF_CAPACITY, "Server " + instanceId
        + " has too many queries waiting " + scope + "; retry later");
  }

  private byte[] run(InstanceRequest request, long receivedAt, RunningQueries.Entry entry) {
    if (entry.isKilled()) {
      return error(request, QueryErrorCode.QUERY_CANCELLATION, "Query " + entry.queryId() + " was cancelled");
    }
    long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - receivedAt);
    long timeoutMs = request.timeoutMs() > 0 ? request.timeoutMs() : defaultTimeoutMs;
    if (waitedMs >= timeoutMs) {
      return error(request, QueryErrorCode.QUERY_SCHEDULING_TIMEOUT, "Query scheduling took " + waitedMs
          + "ms (longer than query timeout of " + timeoutMs + "ms) on server: " + instanceId);
    }
    try {
      return runner.run(request, receivedAt, deadline -> running.started(entry, deadline));
    } catch (OutOfMemoryError e) {
      // The query's own allocations are unreachable once this frame unwinds; the server keeps serving.
      LOGGER.error("Query {} ran out of heap on server {}", entry.queryId(), instanceId);
      return error(request, QueryErrorCode.SERVER_RESOURCE_LIMIT_EXCEEDED, "Query " + entry.queryId()
          + " needed more memory than server " + instanceId + " has; add filters, lower the LIMIT or numGroupsLimit");
    } catch (RuntimeException e) {
      LOGGER.error("Query {} failed on server {}", entry.queryId(), instanceId, e);
      return error(request, QueryErrorCode.QUERY_EXECUTION, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /// A serialized DataTable holding one exception, echoing the request id.
  static byte[] error(InstanceRequest request, QueryErrorCode code, String message) {
    DataTable table = new DataTableBuilder(null).addException(code.id(), message)
        .putMetadata(MetadataKey.REQUEST_ID, request.requestId()).build();
    return table.toBytes();
  }

  static ThreadFactory daemonThreads(String prefix) {
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
    runner.close();
  }
}
