// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.runtime;

import static java.util.Objects.requireNonNull;

import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.common.datatable.MetadataKey;
import io.pinot.query.CompiledQuery;
import io.pinot.query.CompiledQueryCache;
import io.pinot.query.QueryOptions;
import io.pinot.query.TimeBoundaryFilter;
import io.pinot.query.context.QueryContext;
import io.pinot.query.context.QueryDeadline;
import io.pinot.query.context.QueryType;
import io.pinot.query.context.TableColumns;
import io.pinot.query.explain.QueryTrace;
import io.pinot.query.explain.ServerExplainPlan;
import io.pinot.query.filter.SegmentPruner;
import io.pinot.query.operator.SegmentStats;
import io.pinot.query.sql.ColumnResolver;
import io.pinot.query.startree.StarTreeExecutor;
import io.pinot.query.timestamp.DateTruncRewrite;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.spi.exception.QueryErrorCode;
import io.pinot.spi.exception.QueryException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// A server's single-stage query executor: compiles the request's SQL (cached by text), resolves column
/// names, prunes segments (empty segments, min/max value pruning, LIMIT pruning of unfiltered
/// selections), runs the query over the remaining segments in parallel on the node's executor, and
/// returns one DataTable with the combined intermediate result and Pinot's execution metadata.
///
/// It never throws for query errors: they become DataTable exceptions (with the query's error code, e.g.
/// 150, 700, 710, 720, 250 on timeout, 200 for unexpected failures). Thread-safe: one instance serves all
/// queries of a server; the executor is owned by the server node and must be bounded.
public final class ServerQueryExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(ServerQueryExecutor.class);

  private final ExecutorService executor;
  private final ServerQueryExecutorConfig config;
  private final CompiledQueryCache cache;
  private final GlobalDictionaries globalDictionaries = new GlobalDictionaries();

  public ServerQueryExecutor(ExecutorService executor, ServerQueryExecutorConfig config) {
    this.executor = requireNonNull(executor, "executor is null");
    this.config = requireNonNull(config, "config is null");
    this.cache = new CompiledQueryCache(config.compiledQueryCacheSize());
  }

  /// The global dictionaries of GROUP BY columns (tests).
  GlobalDictionaries globalDictionaries() {
    return globalDictionaries;
  }

  /// Executes a request over the segments the server holds for it (already acquired by the caller, who
  /// keeps them alive until this returns).
  public DataTable execute(ServerQueryRequest request, List<IndexSegment> segments) {
    return execute(request, segments, deadline -> { });
  }

  /// As [#execute(ServerQueryRequest, List)], handing the query's deadline to `onStart` before any segment is
  /// processed, so that the caller can [QueryDeadline#kill()] the query (a user's cancellation).
  public DataTable execute(ServerQueryRequest request, List<IndexSegment> segments,
      Consumer<QueryDeadline> onStart) {
    long startNanos = System.nanoTime();
    SegmentStats stats = new SegmentStats();
    PruneCounts pruned = new PruneCounts();
    DataTableBuilder builder;
    try {
      builder = run(request, segments, stats, pruned, onStart);
    } catch (QueryException e) {
      builder = new DataTableBuilder(null).addException(e.errorCode().id(), String.valueOf(e.getMessage()));
    } catch (RuntimeException e) {
      LOG.warn("Query {} from broker {} failed on table {}", request.requestId(), request.brokerId(),
          request.tableNameWithType(), e);
      builder = new DataTableBuilder(null).addException(QueryErrorCode.QUERY_EXECUTION.id(),
          e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    if (!request.missingSegments().isEmpty()) {
      builder.addException(QueryErrorCode.SERVER_SEGMENT_MISSING.id(), request.missingSegments().size()
          + " segments " + request.missingSegments() + " missing on server for table " + request.tableNameWithType());
    }
    int numSegmentsQueried = segments.size() + request.missingSegments().size();
    for (IndexSegment segment : segments) {
      stats.addTotalDocs(segment.numDocs());
    }
    builder.putMetadata(MetadataKey.REQUEST_ID, request.requestId())
        .putMetadata(MetadataKey.NUM_DOCS_SCANNED, stats.numDocsScanned())
        .putMetadata(MetadataKey.NUM_ENTRIES_SCANNED_IN_FILTER, stats.numEntriesScannedInFilter())
        .putMetadata(MetadataKey.NUM_ENTRIES_SCANNED_POST_FILTER, stats.numEntriesScannedPostFilter())
        .putMetadata(MetadataKey.NUM_SEGMENTS_QUERIED, numSegmentsQueried)
        .putMetadata(MetadataKey.NUM_SEGMENTS_PROCESSED, stats.numSegmentsProcessed())
        .putMetadata(MetadataKey.NUM_SEGMENTS_MATCHED, stats.numSegmentsMatched())
        .putMetadata(MetadataKey.TOTAL_DOCS, stats.totalDocs())
        .putMetadata(MetadataKey.NUM_SEGMENTS_PRUNED_BY_SERVER, pruned.invalid + pruned.byValue + pruned.byLimit)
        .putMetadata(MetadataKey.NUM_SEGMENTS_PRUNED_INVALID, pruned.invalid)
        .putMetadata(MetadataKey.NUM_SEGMENTS_PRUNED_BY_LIMIT, pruned.byLimit)
        .putMetadata(MetadataKey.NUM_SEGMENTS_PRUNED_BY_VALUE, pruned.byValue);
    if (stats.numGroupsLimitReached()) {
      builder.putMetadata(MetadataKey.NUM_GROUPS_LIMIT_REACHED, "true");
    }
    builder.putMetadata(MetadataKey.TIME_USED_MS, (System.nanoTime() - startNanos) / 1_000_000);
    return builder.build();
  }

  private DataTableBuilder run(ServerQueryRequest request, List<IndexSegment> segments, SegmentStats stats,
      PruneCounts pruned, Consumer<QueryDeadline> onStart) {
    long startNanos = System.nanoTime();
    CompiledQuery compiled = cache.get(request.sql());
    Map<String, String> options = new LinkedHashMap<>(QueryOptions.canonicalize(request.queryOptions()));
    options.putAll(compiled.queryOptions());
    QueryOptions.validate(options);
    long timeoutMs = request.timeoutMs();
    Long optionTimeout = QueryOptions.positiveLong(options, QueryOptions.TIMEOUT_MS);
    if (optionTimeout != null) {
      timeoutMs = Math.min(timeoutMs, optionTimeout);
    }
    long elapsedMs = (System.nanoTime() - request.receivedAtNanos()) / 1_000_000;
    QueryDeadline deadline = QueryDeadline.afterMillis(timeoutMs - elapsedMs);
    onStart.accept(deadline);
    deadline.check();
    TableColumns columns = request.schema() != null ? TableColumns.of(request.schema()) : TableColumns.of(segments);
    // DATETRUNC(unit, ts) reads the timestamp index's derived column of each segment that has one.
    // A hybrid table's half reads only its side of the broker's time boundary.
    QueryContext bounded = TimeBoundaryFilter.apply(compiled.context(), request.queryOptions(),
        request.tableNameWithType());
    DateTruncRewrite rewrite = DateTruncRewrite.of(ColumnResolver.resolve(bounded, columns), columns);
    QueryContext query = rewrite.query();
    if (QueryOptions.isTrue(options, QueryOptions.ENABLE_NULL_HANDLING) && !query.nullHandlingEnabled()) {
      query = query.toBuilder().nullHandlingEnabled(true).build();
    }
    columns = rewrite.columns();
    long pruneStartNanos = System.nanoTime();
    // Upsert/dedup: every segment with valid doc ids is seen through a view with its queryable docs (none: skipUpsert).
    List<IndexSegment> viewed = UpsertQueryView.apply(segments, QueryOptions.isTrue(options, QueryOptions.SKIP_UPSERT));
    List<IndexSegment> toProcess = prune(query, rewrite.wrap(viewed), pruned);
    long pruneEndNanos = System.nanoTime();
    int maxThreads = Math.min(config.maxExecutionThreads(),
        QueryOptions.positiveInt(options, QueryOptions.MAX_EXECUTION_THREADS, Integer.MAX_VALUE));
    int numGroupsLimit = QueryOptions.positiveInt(options, QueryOptions.NUM_GROUPS_LIMIT, config.numGroupsLimit());
    int minTrimSize = QueryOptions.positiveInt(options, QueryOptions.MIN_SERVER_GROUP_TRIM_SIZE,
        config.minServerGroupTrimSize());
    SegmentsQuery.Settings settings = new SegmentsQuery.Settings(executor, maxThreads, numGroupsLimit, minTrimSize,
        StarTreeExecutor.enabled(options) && !query.nullHandlingEnabled(), globalDictionaries,
        request.tableNameWithType());
    if (query.explain()) {
      List<String> allColumns = new ArrayList<>();
      for (TableColumns.Column column : columns.columns()) {
        allColumns.add(column.name());
      }
      return ServerExplainPlan.build(query, allColumns, toProcess, segments.size(), deadline, settings.useStarTree());
    }
    DataTableBuilder result = SegmentsQuery.run(query, columns, toProcess, deadline, settings, stats);
    if (request.enableTrace() || QueryOptions.isTrue(options, QueryOptions.TRACE)) {
      // Pinot's traceInfo value for this server: per-phase timings of the request thread.
      QueryTrace trace = new QueryTrace();
      trace.logTime("QueryCompilation", (pruneStartNanos - startNanos) / 1_000_000);
      trace.logTime("SegmentPruning", (pruneEndNanos - pruneStartNanos) / 1_000_000);
      trace.logTime("QueryExecution", (System.nanoTime() - pruneEndNanos) / 1_000_000);
      trace.log("numSegmentsProcessed", toProcess.size());
      trace.log("numDocsScanned", stats.numDocsScanned());
      trace.log("nullHandlingEnabled", query.nullHandlingEnabled() ? 1 : 0);
      result.putMetadata(MetadataKey.TRACE_INFO, trace.toJson());
    }
    return result;
  }

  private static List<IndexSegment> prune(QueryContext query, List<IndexSegment> segments, PruneCounts pruned) {
    List<IndexSegment> kept = new ArrayList<>(segments.size());
    for (IndexSegment segment : segments) {
      if (segment.numDocs() == 0
          || segment.queryableDocIds() != null && UpsertQueryView.numQueryableDocs(segment) == 0) {
        pruned.invalid++;
      } else if (SegmentPruner.canPrune(query.filter(), segment)) {
        pruned.byValue++;
      } else {
        kept.add(segment);
      }
    }
    if (query.type() != QueryType.SELECTION || kept.isEmpty()) {
      return kept;
    }
    // As Pinot's SelectionQuerySegmentPruner: LIMIT 0 keeps one segment for the schema; an unfiltered
    // selection without ORDER BY keeps just enough segments to fill the LIMIT.
    if (query.limit() == 0) {
      pruned.byLimit += kept.size() - 1;
      return List.of(kept.get(0));
    }
    if (query.filter() == null && query.orderByExpressions().isEmpty()) {
      long remaining = query.limit();
      int count = 0;
      while (count < kept.size() && remaining > 0) {
        remaining -= UpsertQueryView.numQueryableDocs(kept.get(count++));
      }
      pruned.byLimit += kept.size() - count;
      return kept.subList(0, count);
    }
    return kept;
  }

  /// Segments pruned before execution, by reason.
  private static final class PruneCounts {
    int invalid;
    int byValue;
    int byLimit;
  }
}
