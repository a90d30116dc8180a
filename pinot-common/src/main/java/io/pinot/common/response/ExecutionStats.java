// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.response;

/// Execution statistics summed over the servers that answered a query, with Pinot's meanings:
/// documents matching the filter and processed, entries read by scan-based filters, entries read after
/// filtering, and segment counts (queried = asked for, processed = not pruned, matched = at least one
/// matching document). Immutable.
public record ExecutionStats(
    long numDocsScanned,
    long totalDocs,
    long numEntriesScannedInFilter,
    long numEntriesScannedPostFilter,
    long numSegmentsQueried,
    long numSegmentsProcessed,
    long numSegmentsMatched,
    long numConsumingSegmentsQueried,
    long minConsumingFreshnessTimeMs,
    long numSegmentsPrunedByServer,
    long numSegmentsPrunedInvalid,
    long numSegmentsPrunedByLimit,
    long numSegmentsPrunedByValue,
    long offlineThreadCpuTimeNs,
    long realtimeThreadCpuTimeNs,
    long explainPlanNumEmptyFilterSegments,
    long explainPlanNumMatchAllFilterSegments) {

  /// No servers, no work.
  public static final ExecutionStats EMPTY = new ExecutionStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
