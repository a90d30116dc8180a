// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.requesthandler;

import io.pinot.broker.pruning.PartitionPruning;
import io.pinot.broker.routing.BalancedInstanceSelector;
import io.pinot.broker.routing.RoutingManager;
import io.pinot.broker.routing.Selection;
import io.pinot.broker.routing.TableRoute;
import io.pinot.broker.scatter.ServerChannels;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.response.BrokerResponse;
import io.pinot.common.response.QueryProcessingError;
import io.pinot.query.BrokerQueryCompiler;
import io.pinot.query.CompiledQuery;
import io.pinot.query.reduce.BrokerReducer;
import io.pinot.query.reduce.ReducedResult;
import io.pinot.query.runtime.ServerQueryExecutor;
import io.pinot.query.runtime.ServerQueryExecutorConfig;
import io.pinot.query.runtime.ServerQueryRequest;
import io.pinot.spi.exception.QueryErrorCode;
import io.pinot.spi.exception.QueryException;
import io.pinot.spi.utils.TableNameBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Runs one query on the broker: compile (150), find the table (190), resolve columns against its schema
/// (710/700), pick one live replica per segment, scatter to the servers, gather until the deadline, reduce,
/// and answer in Pinot's JSON. Segments without a live replica (305) and servers that fail or stay silent
/// (427) are reported as exceptions with `partialResult: true`, never dropped silently. Thread-safe.
public final class BrokerQueryHandler implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(BrokerQueryHandler.class);
  private static final int MAX_SEGMENTS_IN_MESSAGE = 10;

  private final String brokerId;
  private final long defaultTimeoutMs;
  private final RoutingManager routing;
  private final ServerChannels channels;
  private final BrokerQueryCompiler compiler = new BrokerQueryCompiler();
  private final BrokerReducer reducer = new BrokerReducer();
  private final ExecutorService emptyTableExecutor;
  private final ServerQueryExecutor emptyTableQueries;
  private final AtomicLong requestIds = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1_000_000);

  public BrokerQueryHandler(String brokerId, long defaultTimeoutMs, RoutingManager routing,
      ServerChannels channels) {
    this.brokerId = brokerId;
    this.defaultTimeoutMs = defaultTimeoutMs;
    this.routing = routing;
    this.channels = channels;
    this.emptyTableExecutor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
    this.emptyTableQueries = new ServerQueryExecutor(emptyTableExecutor, ServerQueryExecutorConfig.defaults());
  }

  public BrokerResponse handle(QueryRequest request) {
    long startNanos = System.nanoTime();
    long requestId = requestIds.incrementAndGet();
    BrokerResponse.Builder response;
    try {
      response = execute(request, requestId, startNanos);
    } catch (QueryException e) {
      response = BrokerResponse.builder().addException(QueryProcessingError.of(e));
    } catch (RuntimeException e) {
      LOGGER.error("Query {} failed: {}", requestId, request.sql(), e);
      response = BrokerResponse.builder().addException(QueryProcessingError.of(QueryErrorCode.INTERNAL,
          e.getClass().getSimpleName() + ": " + e.getMessage()));
    }
    return response.requestId(Long.toString(requestId)).brokerId(brokerId)
        .timeUsedMs(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos)).build();
  }

  private BrokerResponse.Builder execute(QueryRequest request, long requestId, long startNanos) {
    Map<String, String> requestOptions = QueryOptionsParser.parse(request.queryOptions());
    if (request.trace()) {
      requestOptions.put("trace", "true");
    }
    CompiledQuery query = compiler.compile(request.sql(), requestOptions);
    String table = routing.resolveTable(query.tableName());
    TableRoute route = table == null ? null : routing.route(table);
    if (route == null) {
      throw QueryErrorCode.TABLE_DOES_NOT_EXIST.asException("Table[" + query.tableName() + "] does not exist");
    }
    if (route.schema() != null) {
      query = query.resolve(route.schema());
    }
    Long optionTimeout = query.timeoutMs();
    long timeoutMs = optionTimeout == null ? defaultTimeoutMs : optionTimeout;
    long deadline = startNanos + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    Set<String> pruned = PartitionPruning.pruned(route, query.context().filter());
    Selection selection = BalancedInstanceSelector.select(route, pruned, requestId, routing);
    ScatterGather.RequestTemplate template = new ScatterGather.RequestTemplate(requestId, brokerId, request.sql(),
        table, query.queryOptions(), request.trace());
    ScatterGather.Gathered gathered = selection.serverSegments().isEmpty()
        ? new ScatterGather.Gathered(List.of(emptyResult(query, table, timeoutMs)), List.of(), List.of())
        : ScatterGather.run(channels, selection, template, deadline);
    ReducedResult reduced = reducer.reduce(query, gathered.responses());
    BrokerResponse.Builder response = reduced.toBrokerResponse();
    List<QueryProcessingError> brokerErrors = brokerErrors(selection, gathered);
    response.addExceptions(brokerErrors);
    return response.partialResult(!brokerErrors.isEmpty() || !reduced.exceptions().isEmpty())
        .numServersQueried(selection.serverSegments().size())
        .numSegmentsPrunedByBroker(pruned.size())
        .numServersResponded(gathered.responses().size() - (selection.serverSegments().isEmpty() ? 1 : 0))
        .addTableQueried(TableNameBuilder.rawTableName(table));
  }

  /// The answer over no segments (an empty table): computed locally so that `count(*)` is 0 as in SQL.
  private DataTable emptyResult(CompiledQuery query, String table, long timeoutMs) {
    return emptyTableQueries.execute(ServerQueryRequest.builder(query.sql(), table).brokerId(brokerId)
        .timeoutMs(timeoutMs).queryOptions(query.queryOptions()).build(), List.of());
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
  }
}
