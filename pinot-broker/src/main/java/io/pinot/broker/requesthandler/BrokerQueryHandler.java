// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.requesthandler;

import io.pinot.broker.pruning.PartitionPruning;
import io.pinot.broker.pruning.TimeSegmentPruner;
import io.pinot.broker.queryquota.QueryQuotaManager;
import io.pinot.broker.routing.BalancedInstanceSelector;
import io.pinot.broker.routing.RoutingManager;
import io.pinot.broker.routing.Selection;
import io.pinot.broker.routing.StrictReplicaGroupInstanceSelector;
import io.pinot.broker.routing.TableRoute;
import io.pinot.broker.scatter.ServerChannels;
import io.pinot.broker.scatter.ServerQueryCanceller;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.response.BrokerResponse;
import io.pinot.common.response.QueryProcessingError;
import io.pinot.query.CompiledQuery;
import io.pinot.query.CompiledQueryCache;
import io.pinot.query.QueryOptions;
import io.pinot.query.reduce.BrokerReducer;
import io.pinot.query.reduce.ReducedResult;
import io.pinot.query.runtime.ServerQueryExecutor;
import io.pinot.query.runtime.ServerQueryExecutorConfig;
import io.pinot.query.runtime.ServerQueryRequest;
import io.pinot.spi.exception.QueryErrorCode;
import io.pinot.spi.exception.QueryException;
import io.pinot.spi.utils.TableNameBuilder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Runs one query on the broker: compile (150), find the table (190), check the table's query quota (429), resolve
/// columns against its schema (710/700), prune segments by partition and time, pick one live replica per segment,
/// scatter to the servers, gather until the deadline, reduce, and answer in Pinot's JSON. Segments without a live
/// replica (305) and servers that fail or stay silent (427) are reported as exceptions with `partialResult: true`,
/// never dropped silently; a query whose time ran out before it was sent is answered BrokerTimeout (400), a cancelled
/// one QueryCancellation (503). Running queries are listed and cancelled by request id (or `clientQueryId`); the
/// servers are told to stop through their admin API with Pinot's query id `<brokerId>_<requestId>`. Thread-safe.
public final class BrokerQueryHandler implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(BrokerQueryHandler.class);
  private static final int MAX_SEGMENTS_IN_MESSAGE = 10;
  private static final String CLIENT_QUERY_ID = "clientQueryId";

  private static final int COMPILED_QUERY_CACHE_SIZE = 1000;
  private final boolean nullHandlingByDefault;
  private final String brokerId;
  private final long defaultTimeoutMs;
  private final RoutingManager routing;
  private final ServerChannels channels;
  private final QueryQuotaManager quotas;
  private final RunningQueries running = new RunningQueries();
  private final ServerQueryCanceller canceller = new ServerQueryCanceller();
  /// Compiled queries by SQL text and request options: a repeated query skips parsing.
  private final CompiledQueryCache compiled = new CompiledQueryCache(COMPILED_QUERY_CACHE_SIZE);
  private final BrokerReducer reducer = new BrokerReducer();
  private final ExecutorService emptyTableExecutor;
  private final ServerQueryExecutor emptyTableQueries;
  private final AtomicLong requestIds = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1_000_000);

  public BrokerQueryHandler(String brokerId, long defaultTimeoutMs, RoutingManager routing,
      ServerChannels channels) {
    this(brokerId, defaultTimeoutMs, routing, channels, new QueryQuotaManager());
  }

  public BrokerQueryHandler(String brokerId, long defaultTimeoutMs, RoutingManager routing, ServerChannels channels,
      QueryQuotaManager quotas) {
    this(brokerId, defaultTimeoutMs, routing, channels, quotas, false);
  }

  /// @param nullHandlingByDefault `pinot.broker.query.enable.null.handling`: queries that do not set
  ///     `enableNullHandling` run with it
  public BrokerQueryHandler(String brokerId, long defaultTimeoutMs, RoutingManager routing, ServerChannels channels,
      QueryQuotaManager quotas, boolean nullHandlingByDefault) {
    this.nullHandlingByDefault = nullHandlingByDefault;
    this.brokerId = brokerId;
    this.defaultTimeoutMs = defaultTimeoutMs;
    this.routing = routing;
    this.channels = channels;
    this.quotas = quotas;
    this.emptyTableExecutor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
    this.emptyTableQueries = new ServerQueryExecutor(emptyTableExecutor, ServerQueryExecutorConfig.defaults());
  }

  public BrokerResponse handle(QueryRequest request) {
    long startNanos = System.nanoTime();
    long requestId = requestIds.incrementAndGet();
    RunningQueries.Entry entry = running.register(requestId, request.sql());
    BrokerResponse.Builder response;
    try {
      response = execute(request, entry, startNanos);
    } catch (QueryException e) {
      response = BrokerResponse.builder().addException(QueryProcessingError.of(e));
    } catch (RuntimeException e) {
      LOGGER.error("Query {} failed: {}", requestId, request.sql(), e);
      response = BrokerResponse.builder().addException(QueryProcessingError.of(QueryErrorCode.INTERNAL,
          e.getClass().getSimpleName() + ": " + e.getMessage()));
    } finally {
      running.finished(entry);
    }
    if (entry.isCancelled()) {
      response = BrokerResponse.builder().addException(QueryProcessingError.of(QueryErrorCode.QUERY_CANCELLATION,
          "Query " + requestId + " was cancelled"));
    }
    return response.requestId(Long.toString(requestId)).brokerId(brokerId)
        .timeUsedMs(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos)).build();
  }

  /// Request id → SQL of the queries running now (`GET /queries`).
  public Map<Long, String> runningQueries() {
    return running.list();
  }

  /// Cancels a running query (`DELETE /query/{queryId}`): its answer becomes QueryCancellation (503) at once and its
  /// servers are told to stop.
  ///
  /// @return `host:adminPort` → HTTP status of each server's answer, or null when no such query runs
  public @Nullable Map<String, Integer> cancel(long requestId, long timeoutMs) {
    return cancel(running.get(requestId), timeoutMs);
  }

  /// As [#cancel(long, long)] for the query a client named with the `clientQueryId` option.
  public @Nullable Map<String, Integer> cancelByClientQueryId(String clientQueryId, long timeoutMs) {
    return cancel(running.getByClientQueryId(clientQueryId), timeoutMs);
  }

  private @Nullable Map<String, Integer> cancel(RunningQueries.@Nullable Entry entry, long timeoutMs) {
    if (entry == null) {
      return null;
    }
    entry.cancelled().complete(null);
    LOGGER.info("Cancelling query {} on {} servers", entry.requestId(), entry.servers().size());
    return canceller.cancel(entry.servers(), brokerId + "_" + entry.requestId(), timeoutMs);
  }

  private BrokerResponse.Builder execute(QueryRequest request, RunningQueries.Entry entry, long startNanos) {
    Map<String, String> requestOptions = QueryOptionsParser.parse(request.queryOptions());
    if (request.trace()) {
      requestOptions.put("trace", "true");
    }
    if (nullHandlingByDefault) {
      requestOptions.putIfAbsent(QueryOptions.ENABLE_NULL_HANDLING, "true");
    }
    CompiledQuery query = compiled.get(request.sql(), requestOptions);
    String clientQueryId = query.queryOptions().get(CLIENT_QUERY_ID);
    if (clientQueryId != null && !clientQueryId.isBlank()) {
      running.clientQueryId(entry, clientQueryId);
    }
    String table = routing.resolveTable(query.tableName());
    TableRoute route = table == null ? null : routing.route(table);
    if (route == null) {
      throw QueryErrorCode.TABLE_DOES_NOT_EXIST.asException("Table[" + query.tableName() + "] does not exist");
    }
    if (!quotas.acquire(table)) {
      throw QueryErrorCode.TOO_MANY_REQUESTS.asException("Request " + entry.requestId() + ": " + request.sql()
          + " exceeds query quota for table: " + TableNameBuilder.rawTableName(table));
    }
    if (route.schema() != null) {
      query = query.resolve(route.schema());
    }
    Long optionTimeout = query.timeoutMs();
    long timeoutMs = optionTimeout == null ? defaultTimeoutMs : optionTimeout;
    return scatter(request, query, route, entry, new Budget(startNanos, timeoutMs))
        .clientRequestId(clientQueryId);
  }

  /// When a query started and how long it may take.
  private record Budget(long startNanos, long timeoutMs) {
    long deadlineNanos() {
      return startNanos + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    }
  }

  private BrokerResponse.Builder scatter(QueryRequest request, CompiledQuery query, TableRoute route,
      RunningQueries.Entry entry, Budget budget) {
    String table = route.tableNameWithType();
    Set<String> pruned = new HashSet<>(PartitionPruning.pruned(route, query.context().filter()));
    pruned.addAll(TimeSegmentPruner.pruned(route, query.context().filter()));
    Selection selection = StrictReplicaGroupInstanceSelector.isConfigured(route.tableConfig())
        ? StrictReplicaGroupInstanceSelector.select(route, pruned, entry.requestId(), routing)
        : BalancedInstanceSelector.select(route, pruned, entry.requestId(), routing);
    entry.servers(new ArrayList<>(selection.serverSegments().keySet()));
    long spentNanos = System.nanoTime() - budget.startNanos();
    if (spentNanos >= TimeUnit.MILLISECONDS.toNanos(budget.timeoutMs())) {
      throw QueryErrorCode.BROKER_TIMEOUT.asException("Query timed out (time spent: "
          + TimeUnit.NANOSECONDS.toMillis(spentNanos) + "ms, timeout: " + budget.timeoutMs() + "ms) for table: "
          + table + " before scattering the request");
    }
    if (entry.isCancelled()) {
      throw QueryErrorCode.QUERY_CANCELLATION.asException("Query " + entry.requestId() + " was cancelled");
    }
    ScatterGather.RequestTemplate template = new ScatterGather.RequestTemplate(entry.requestId(), brokerId,
        request.sql(), table, query.queryOptions(), request.trace());
    ScatterGather.Gathered gathered = selection.serverSegments().isEmpty()
        ? new ScatterGather.Gathered(List.of(emptyResult(query, route, budget.timeoutMs())), List.of(), List.of())
        : ScatterGather.run(channels, selection, template, budget.deadlineNanos(), entry.cancelled());
    ReducedResult reduced = reducer.reduce(query, gathered.responses());
    BrokerResponse.Builder response = reduced.toBrokerResponse();
    // Query option trace=true (or the request's trace flag): each server's trace in traceInfo.
    if (request.trace() || QueryOptions.isTrue(query.queryOptions(), QueryOptions.TRACE)) {
      BrokerTraceInfo.addTo(response, selection, gathered, table);
    }
    List<QueryProcessingError> brokerErrors = brokerErrors(selection, gathered);
    response.addExceptions(brokerErrors);
    return response.partialResult(!brokerErrors.isEmpty() || !reduced.exceptions().isEmpty())
        .numServersQueried(selection.serverSegments().size())
        .numSegmentsPrunedByBroker(pruned.size())
        .numServersResponded(gathered.responses().size() - (selection.serverSegments().isEmpty() ? 1 : 0))
        .addTableQueried(TableNameBuilder.rawTableName(table));
  }

  /// The answer over no segments (an empty table, or every segment pruned): computed locally against the table's
  /// schema so that `count(*)` is 0 as in SQL.
  private DataTable emptyResult(CompiledQuery query, TableRoute route, long timeoutMs) {
    return emptyTableQueries.execute(ServerQueryRequest.builder(query.sql(), route.tableNameWithType())
        .brokerId(brokerId).timeoutMs(timeoutMs).queryOptions(query.queryOptions()).schema(route.schema()).build(),
        List.of());
  }

  private static List<QueryProcessingError> brokerErrors(Selection selection, ScatterGather.Gathered gathered) {
    List<QueryProcessingError> errors = new ArrayList<>();
    List<String> unavailable = selection.unavailableSegments();
    if (!unavailable.isEmpty()) {
      errors.add(QueryProcessingError.of(QueryErrorCode.BROKER_SEGMENT_UNAVAILABLE, unavailable.size()
          + " segments unavailable, sampling " + Math.min(MAX_SEGMENTS_IN_MESSAGE, unavailable.size()) + ": "
          + unavailable.subList(0, Math.min(MAX_SEGMENTS_IN_MESSAGE, unavailable.size()))));
    }
    if (!gathered.notResponded().isEmpty()) {
      errors.add(QueryProcessingError.of(QueryErrorCode.SERVER_NOT_RESPONDING, gathered.notResponded().size()
          + " servers " + gathered.notResponded() + " not responded: " + String.join("; ", gathered.failures())));
    }
    return errors;
  }

  @Override
  public void close() {
    emptyTableExecutor.shutdownNow();
    canceller.close();
  }
}
