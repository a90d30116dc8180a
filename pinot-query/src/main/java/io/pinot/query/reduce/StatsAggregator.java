// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.reduce;

import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.MetadataKey;
import io.pinot.common.response.ExecutionStats;
import io.pinot.common.response.QueryProcessingError;
import io.pinot.spi.exception.QueryErrorCode;
import io.pinot.spi.utils.TableNameBuilder;
import io.pinot.spi.config.table.TableType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/// Sums the execution metadata of server DataTables into [ExecutionStats] and collects their exceptions
/// as wire errors (`"<DefaultMessage>: <message>"`). Not thread-safe.
final class StatsAggregator {
  private long numDocsScanned;
  private long totalDocs;
  private long numEntriesScannedInFilter;
  private long numEntriesScannedPostFilter;
  private long numSegmentsQueried;
  private long numSegmentsProcessed;
  private long numSegmentsMatched;
  private long numConsumingSegmentsQueried;
  private long minConsumingFreshnessTimeMs = Long.MAX_VALUE;
  private long numSegmentsPrunedByServer;
  private long numSegmentsPrunedInvalid;
  private long numSegmentsPrunedByLimit;
  private long numSegmentsPrunedByValue;
  private long offlineThreadCpuTimeNs;
  private long realtimeThreadCpuTimeNs;
  private boolean numGroupsLimitReached;
  private long explainPlanNumEmptyFilterSegments;
  private long explainPlanNumMatchAllFilterSegments;
  private final List<QueryProcessingError> exceptions = new ArrayList<>();

  void add(DataTable table) {
    numDocsScanned += table.metadataAsLong(MetadataKey.NUM_DOCS_SCANNED, 0);
    totalDocs += table.metadataAsLong(MetadataKey.TOTAL_DOCS, 0);
    numEntriesScannedInFilter += table.metadataAsLong(MetadataKey.NUM_ENTRIES_SCANNED_IN_FILTER, 0);
    numEntriesScannedPostFilter += table.metadataAsLong(MetadataKey.NUM_ENTRIES_SCANNED_POST_FILTER, 0);
    numSegmentsQueried += table.metadataAsLong(MetadataKey.NUM_SEGMENTS_QUERIED, 0);
    numSegmentsProcessed += table.metadataAsLong(MetadataKey.NUM_SEGMENTS_PROCESSED, 0);
    numSegmentsMatched += table.metadataAsLong(MetadataKey.NUM_SEGMENTS_MATCHED, 0);
    numConsumingSegmentsQueried += table.metadataAsLong(MetadataKey.NUM_CONSUMING_SEGMENTS_QUERIED, 0);
    long freshness = table.metadataAsLong(MetadataKey.MIN_CONSUMING_FRESHNESS_TIME_MS, 0);
    if (freshness > 0) {
      minConsumingFreshnessTimeMs = Math.min(minConsumingFreshnessTimeMs, freshness);
    }
    numSegmentsPrunedByServer += table.metadataAsLong(MetadataKey.NUM_SEGMENTS_PRUNED_BY_SERVER, 0);
    numSegmentsPrunedInvalid += table.metadataAsLong(MetadataKey.NUM_SEGMENTS_PRUNED_INVALID, 0);
    numSegmentsPrunedByLimit += table.metadataAsLong(MetadataKey.NUM_SEGMENTS_PRUNED_BY_LIMIT, 0);
    numSegmentsPrunedByValue += table.metadataAsLong(MetadataKey.NUM_SEGMENTS_PRUNED_BY_VALUE, 0);
    long cpu = table.metadataAsLong(MetadataKey.THREAD_CPU_TIME_NS, 0);
    String tableName = table.metadata(MetadataKey.TABLE);
    if (tableName != null && TableNameBuilder.tableType(tableName) == TableType.REALTIME) {
      realtimeThreadCpuTimeNs += cpu;
    } else {
      offlineThreadCpuTimeNs += cpu;
    }
    numGroupsLimitReached |= Boolean.parseBoolean(table.metadata(MetadataKey.NUM_GROUPS_LIMIT_REACHED));
    explainPlanNumEmptyFilterSegments += table.metadataAsLong(MetadataKey.EXPLAIN_PLAN_NUM_EMPTY_FILTER_SEGMENTS, 0);
    explainPlanNumMatchAllFilterSegments +=
        table.metadataAsLong(MetadataKey.EXPLAIN_PLAN_NUM_MATCH_ALL_FILTER_SEGMENTS, 0);
    for (Map.Entry<Integer, String> exception : table.exceptions().entrySet()) {
      exceptions.add(toError(exception.getKey(), exception.getValue()));
    }
  }

  static QueryProcessingError toError(int code, String message) {
    QueryErrorCode errorCode = QueryErrorCode.fromId(code);
    if (errorCode == QueryErrorCode.UNKNOWN && code != QueryErrorCode.UNKNOWN.id()) {
      return new QueryProcessingError(code, message);
    }
    return QueryProcessingError.of(errorCode, message);
  }

  boolean numGroupsLimitReached() {
    return numGroupsLimitReached;
  }

  List<QueryProcessingError> exceptions() {
    return exceptions;
  }

  ExecutionStats stats() {
    return new ExecutionStats(numDocsScanned, totalDocs, numEntriesScannedInFilter, numEntriesScannedPostFilter,
        numSegmentsQueried, numSegmentsProcessed, numSegmentsMatched, numConsumingSegmentsQueried,
        minConsumingFreshnessTimeMs == Long.MAX_VALUE ? 0 : minConsumingFreshnessTimeMs, numSegmentsPrunedByServer,
        numSegmentsPrunedInvalid, numSegmentsPrunedByLimit, numSegmentsPrunedByValue, offlineThreadCpuTimeNs,
        realtimeThreadCpuTimeNs, explainPlanNumEmptyFilterSegments, explainPlanNumMatchAllFilterSegments);
  }
}
