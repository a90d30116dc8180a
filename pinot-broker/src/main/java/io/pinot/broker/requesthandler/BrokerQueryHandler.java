// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.requesthandler;

import io.pinot.broker.pruning.PartitionPruning;
import io.pinot.broker.pruning.TimeSegmentPruner;
import io.pinot.broker.queryquota.QueryQuotaManager;
import io.pinot.broker.routing.BalancedInstanceSelector;
import io.pinot.broker.routing.RoutedTable;
import io.pinot.broker.routing.RoutingManager;
import io.pinot.broker.routing.Selection;
import io.pinot.broker.routing.ServerAddress;
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
import io.pinot.query.TimeBoundaryFilter;
import io.pinot.query.context.FilterNode;
import io.pinot.query.reduce.BrokerReducer;
import io.pinot.query.reduce.ReducedResult;
import io.pinot.query.runtime.ServerQueryExecutor;
import io.pinot.query.runtime.ServerQueryExecutorConfig;
import io.pinot.query.runtime.ServerQueryRequest;
import io.pinot.spi.config.table.TableType;
import io.pinot.spi.exception.QueryErrorCode;
import io.pinot.spi.exception.QueryException;
import io.pinot.spi.utils.TableNameBuilder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Runs one query on the broker: compile (150), find the table (190) — both halves of a hybrid table, each with the
/// time boundary ANDed onto its filter — check the table's query quota (429), resolve columns against its schema
/// (710/700), prune segments by partition and time, pick one live replica per segment, scatter to the servers of
/// every half at once, gather until the deadline, reduce all answers together, and answer in Pinot's JSON. Segments
/// without a live replica (305) and servers that fail or stay silent (427) are reported as exceptions with
/// `partialResult: true`, never dropped silently; a query whose time ran out before it was sent is answered
/// BrokerTimeout (400), a cancelled one QueryCancellation (503). Running queries are listed and cancelled by request
/// id (or `clientQueryId`); the servers are told to stop through their admin API with Pinot's query id
/// `<brokerId>_<requestId>` (and `<brokerId>_<requestId + 1>` for the REALTIME half of a hybrid table). Thread-safe.
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
    // Two ids per query: the REALTIME half of a hybrid table's query goes to servers under the second.
    long requestId = requestIds.addAndGet(2);
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
    Map<String, Integer> statuses = new LinkedHashMap<>();
    for (long serverRequestId : entry.serverRequestIds()) {
      // A server that holds no half under this id answers 404; one that stops the query answers 200.
      canceller.cancel(List.copyOf(new LinkedHashSet<>(entry.servers())), brokerId + "_" + serverRequestId, timeoutMs)
          .forEach((server, status) -> statuses.merge(server, status, Math::min));
    }
    return statuses;
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
    String rawTable = TableNameBuilder.rawTableName(query.tableName());
    if (request.principal() != null && !request.principal().hasTable(rawTable)) {
      throw QueryErrorCode.ACCESS_DENIED.asException("Permission denied: principal " + request.principal().name()
          + " has no access to table " + rawTable);
    }
    String clientQueryId = query.queryOptions().get(CLIENT_QUERY_ID);
    if (clientQueryId != null && !clientQueryId.isBlank()) {
      running.clientQueryId(entry, clientQueryId);
    }
    List<Half> halves = new ArrayList<>();
    for (RoutedTable target : routing.resolveTables(query.tableName())) {
      TableRoute route = routing.route(target.tableNameWithType());
      if (route != null) {
        // Column names are resolved against each half's schema (both halves normally share one).
        halves.add(new Half(target, route, route.schema() == null ? query : query.resolve(route.schema())));
      }
    }
    if (halves.isEmpty()) {
      throw QueryErrorCode.TABLE_DOES_NOT_EXIST.asException("Table[" + query.tableName() + "] does not exist");
    }
    for (Half half : halves) {
      if (!quotas.acquire(half.table())) {
        throw QueryErrorCode.TOO_MANY_REQUESTS.asException("Request " + entry.requestId() + ": " + request.sql()
            + " exceeds query quota for table: " + TableNameBuilder.rawTableName(half.table()));
      }
    }
    Long optionTimeout = halves.get(0).query().timeoutMs();
    long timeoutMs = optionTimeout == null ? defaultTimeoutMs : optionTimeout;
    return scatter(request, halves, entry, new Budget(startNanos, timeoutMs)).clientRequestId(clientQueryId);
  }

  /// When a query started and how long it may take.
  private record Budget(long startNanos, long timeoutMs) {
    long deadlineNanos() {
      return startNanos + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    }
  }

  /// One table half a query reads, with the query resolved against that half's schema.
  private record Half(RoutedTable target, TableRoute route, CompiledQuery query) {
    String table() {
      return target.tableNameWithType();
    }

    /// The filter the half's servers apply: the query's, with the hybrid time boundary ANDed on.
    @Nullable FilterNode filter() {
      TimeBoundaryFilter boundary = target.timeBoundary();
      TableType type = TableNameBuilder.tableType(table());
      FilterNode filter = query.context().filter();
      return boundary == null || type == null ? filter : boundary.and(filter, type);
    }

    /// The options sent to the half's servers: the query's, carrying the time boundary only for a hybrid query.
    Map<String, String> serverOptions() {
      TimeBoundaryFilter boundary = target.timeBoundary();
      return boundary == null ? TimeBoundaryFilter.strip(query.queryOptions())
          : boundary.addTo(query.queryOptions());
    }
  }

  /// A half's routing for one query: the segments pruned by the broker, the servers chosen and the request sent.
  private record Leg(Half half, Set<String> pruned, Selection selection, ScatterGather.RequestTemplate template) {
  }

  private BrokerResponse.Builder scatter(QueryRequest request, List<Half> halves, RunningQueries.Entry entry,
      Budget budget) {
    List<Leg> legs = route(request, halves, entry);
    checkBeforeScatter(entry, budget, legs.get(0).half().table());
    // Every half's requests leave before any answer is awaited, so that the halves run at once.
    List<Map<ServerAddress, CompletableFuture<byte[]>>> sent = new ArrayList<>(legs.size());
    for (Leg leg : legs) {
      sent.add(ScatterGather.send(channels, leg.selection(), leg.template(), budget.deadlineNanos()));
    }
    List<ScatterGather.Gathered> gathered = new ArrayList<>(legs.size());
    List<DataTable> responses = new ArrayList<>();
    for (int i = 0; i < legs.size(); i++) {
      gathered.add(ScatterGather.gather(channels, sent.get(i), legs.get(i).template(), budget.deadlineNanos(),
          entry.cancelled()));
      responses.addAll(gathered.get(i).responses());
    }
    boolean empty = entry.servers().isEmpty();
    CompiledQuery query = halves.get(0).query();
    if (empty) {
      responses.add(emptyResult(query, halves.get(0).route(), budget.timeoutMs()));
    }
    ReducedResult reduced = reducer.reduce(query, responses);
    BrokerResponse.Builder response = reduced.toBrokerResponse();
    int numSegmentsPruned = 0;
    boolean brokerErrors = false;
    for (int i = 0; i < legs.size(); i++) {
      Leg leg = legs.get(i);
      // Query option trace=true (or the request's trace flag): each server's trace in traceInfo.
      if (request.trace() || QueryOptions.isTrue(query.queryOptions(), QueryOptions.TRACE)) {
        BrokerTraceInfo.addTo(response, leg.selection(), gathered.get(i), leg.half().table());
      }
      List<QueryProcessingError> errors = brokerErrors(leg.selection(), gathered.get(i));
      response.addExceptions(errors);
      brokerErrors |= !errors.isEmpty();
      numSegmentsPruned += leg.pruned().size();
    }
    return response.partialResult(brokerErrors || !reduced.exceptions().isEmpty())
        .numServersQueried(entry.servers().size())
        .numSegmentsPrunedByBroker(numSegmentsPruned)
        .numServersResponded(responses.size() - (empty ? 1 : 0))
        .addTableQueried(TableNameBuilder.rawTableName(halves.get(0).table()));
  }

  /// Prunes each half's segments (partitions, and time with the hybrid boundary ANDed on), picks one live replica per
  /// segment and records on `entry` the servers and the request ids they will know the query by.
  private List<Leg> route(QueryRequest request, List<Half> halves, RunningQueries.Entry entry) {
    List<Leg> legs = new ArrayList<>(halves.size());
    List<ServerAddress> servers = new ArrayList<>();
    List<Long> serverRequestIds = new ArrayList<>();
    for (Half half : halves) {
      Set<String> pruned = new HashSet<>(PartitionPruning.pruned(half.route(), half.filter()));
      pruned.addAll(TimeSegmentPruner.pruned(half.route(), half.filter()));
      TableRoute route = half.route();
      Selection selection = StrictReplicaGroupInstanceSelector.isConfigured(route.tableConfig())
          ? StrictReplicaGroupInstanceSelector.select(route, pruned, entry.requestId(), routing)
          : BalancedInstanceSelector.select(route, pruned, entry.requestId(), routing);
      // Each half has its own request id: a server holding segments of both halves tells the answers apart by it.
      long serverRequestId = entry.requestId() + legs.size();
      legs.add(new Leg(half, pruned, selection, new ScatterGather.RequestTemplate(serverRequestId, brokerId,
          request.sql(), half.table(), half.serverOptions(), request.trace())));
      servers.addAll(selection.serverSegments().keySet());
      serverRequestIds.add(serverRequestId);
    }
    entry.servers(servers);
    entry.serverRequestIds(serverRequestIds);
    return legs;
  }

  /// Fails a query whose time ran out or that was cancelled before it was sent.
  private static void checkBeforeScatter(RunningQueries.Entry entry, Budget budget, String table) {
    long spentNanos = System.nanoTime() - budget.startNanos();
    if (spentNanos >= TimeUnit.MILLISECONDS.toNanos(budget.timeoutMs())) {
      throw QueryErrorCode.BROKER_TIMEOUT.asException("Query timed out (time spent: "
          + TimeUnit.NANOSECONDS.toMillis(spentNanos) + "ms, timeout: " + budget.timeoutMs() + "ms) for table: "
          + table + " before scattering the request");
    }
    if (entry.isCancelled()) {
      throw QueryErrorCode.QUERY_CANCELLATION.asException("Query " + entry.requestId() + " was cancelled");
    }
  }

  /// The answer over no segments (an empty table, or every segment pruned): computed locally against the table's
  /// schema so that `count(*)` is 0 as in SQL.
  private DataTable emptyResult(CompiledQuery query, TableRoute route, long timeoutMs) {
    return emptyTableQueries.execute(ServerQueryRequest.builder(query.sql(), route.tableNameWithType())
        .brokerId(brokerId).timeoutMs(timeoutMs).queryOptions(TimeBoundaryFilter.strip(query.queryOptions()))
        .schema(route.schema()).build(), List.of());
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
