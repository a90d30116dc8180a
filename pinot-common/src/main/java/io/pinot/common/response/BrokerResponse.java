// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.response;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// The JSON a broker returns for a single-stage query, with the property names, order and types of
/// Apache Pinot's `BrokerResponseNative` (HEAD order, up to `tablesQueried`): counters are JSON integers,
/// `resultTable` and `clientRequestId` are left out when null. Build one with [#builder()]; serialise
/// with `JsonUtils`. Immutable (row arrays aside) and thread-safe.
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"resultTable", "numRowsResultSet", "partialResult", "exceptions", "numGroupsLimitReached",
    "numGroupsWarningLimitReached", "maxRowsInDistinctReached", "maxRowsWithoutChangeInDistinctReached",
    "maxExecutionTimeInDistinctReached", "timeUsedMs", "requestId", "clientRequestId", "brokerId", "numDocsScanned",
    "totalDocs", "numEntriesScannedInFilter", "numEntriesScannedPostFilter", "numServersQueried",
    "numServersResponded", "numSegmentsQueried", "numSegmentsProcessed", "numSegmentsMatched",
    "numConsumingSegmentsQueried", "numConsumingSegmentsProcessed", "numConsumingSegmentsMatched",
    "minConsumingFreshnessTimeMs", "numSegmentsPrunedByBroker", "numSegmentsPrunedByServer",
    "numSegmentsPrunedInvalid", "numSegmentsPrunedByLimit", "numSegmentsPrunedByValue", "brokerReduceTimeMs",
    "offlineThreadCpuTimeNs", "realtimeThreadCpuTimeNs", "offlineSystemActivitiesCpuTimeNs",
    "realtimeSystemActivitiesCpuTimeNs", "offlineResponseSerializationCpuTimeNs",
    "realtimeResponseSerializationCpuTimeNs", "offlineTotalCpuTimeNs", "realtimeTotalCpuTimeNs",
    "explainPlanNumEmptyFilterSegments", "explainPlanNumMatchAllFilterSegments", "traceInfo", "tablesQueried"})
public record BrokerResponse(
    @JsonProperty("resultTable") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable ResultTable resultTable,
    @JsonProperty("numRowsResultSet") int numRowsResultSet,
    @JsonProperty("partialResult") boolean partialResult,
    @JsonProperty("exceptions") List<QueryProcessingError> exceptions,
    @JsonProperty("numGroupsLimitReached") boolean numGroupsLimitReached,
    @JsonProperty("numGroupsWarningLimitReached") boolean numGroupsWarningLimitReached,
    @JsonProperty("maxRowsInDistinctReached") boolean maxRowsInDistinctReached,
    @JsonProperty("maxRowsWithoutChangeInDistinctReached") boolean maxRowsWithoutChangeInDistinctReached,
    @JsonProperty("maxExecutionTimeInDistinctReached") boolean maxExecutionTimeInDistinctReached,
    @JsonProperty("timeUsedMs") long timeUsedMs,
    @JsonProperty("requestId") String requestId,
    @JsonProperty("clientRequestId") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String clientRequestId,
    @JsonProperty("brokerId") String brokerId,
    @JsonProperty("numDocsScanned") long numDocsScanned,
    @JsonProperty("totalDocs") long totalDocs,
    @JsonProperty("numEntriesScannedInFilter") long numEntriesScannedInFilter,
    @JsonProperty("numEntriesScannedPostFilter") long numEntriesScannedPostFilter,
    @JsonProperty("numServersQueried") int numServersQueried,
    @JsonProperty("numServersResponded") int numServersResponded,
    @JsonProperty("numSegmentsQueried") long numSegmentsQueried,
    @JsonProperty("numSegmentsProcessed") long numSegmentsProcessed,
    @JsonProperty("numSegmentsMatched") long numSegmentsMatched,
    @JsonProperty("numConsumingSegmentsQueried") long numConsumingSegmentsQueried,
    @JsonProperty("numConsumingSegmentsProcessed") long numConsumingSegmentsProcessed,
    @JsonProperty("numConsumingSegmentsMatched") long numConsumingSegmentsMatched,
    @JsonProperty("minConsumingFreshnessTimeMs") long minConsumingFreshnessTimeMs,
    @JsonProperty("numSegmentsPrunedByBroker") long numSegmentsPrunedByBroker,
    @JsonProperty("numSegmentsPrunedByServer") long numSegmentsPrunedByServer,
    @JsonProperty("numSegmentsPrunedInvalid") long numSegmentsPrunedInvalid,
    @JsonProperty("numSegmentsPrunedByLimit") long numSegmentsPrunedByLimit,
    @JsonProperty("numSegmentsPrunedByValue") long numSegmentsPrunedByValue,
    @JsonProperty("brokerReduceTimeMs") long brokerReduceTimeMs,
    @JsonProperty("offlineThreadCpuTimeNs") long offlineThreadCpuTimeNs,
    @JsonProperty("realtimeThreadCpuTimeNs") long realtimeThreadCpuTimeNs,
    @JsonProperty("offlineSystemActivitiesCpuTimeNs") long offlineSystemActivitiesCpuTimeNs,
    @JsonProperty("realtimeSystemActivitiesCpuTimeNs") long realtimeSystemActivitiesCpuTimeNs,
    @JsonProperty("offlineResponseSerializationCpuTimeNs") long offlineResponseSerializationCpuTimeNs,
    @JsonProperty("realtimeResponseSerializationCpuTimeNs") long realtimeResponseSerializationCpuTimeNs,
    @JsonProperty("offlineTotalCpuTimeNs") long offlineTotalCpuTimeNs,
    @JsonProperty("realtimeTotalCpuTimeNs") long realtimeTotalCpuTimeNs,
    @JsonProperty("explainPlanNumEmptyFilterSegments") long explainPlanNumEmptyFilterSegments,
    @JsonProperty("explainPlanNumMatchAllFilterSegments") long explainPlanNumMatchAllFilterSegments,
    @JsonProperty("traceInfo") Map<String, String> traceInfo,
    @JsonProperty("tablesQueried") List<String> tablesQueried) {

  public BrokerResponse {
    exceptions = List.copyOf(requireNonNull(exceptions, "exceptions is null"));
    requestId = requestId == null ? "" : requestId;
    brokerId = brokerId == null ? "" : brokerId;
    traceInfo = traceInfo == null ? Map.of() : new LinkedHashMap<>(traceInfo);
    tablesQueried = tablesQueried == null ? List.of() : List.copyOf(tablesQueried);
  }

  public static Builder builder() {
    return new Builder();
  }

  /// A response carrying only errors (no result table), as Pinot returns for parse or validation failures.
  public static BrokerResponse ofErrors(List<QueryProcessingError> errors) {
    return builder().addExceptions(errors).build();
  }

  /// Builds a [BrokerResponse]; every counter defaults to 0, every flag to false. Not thread-safe.
  public static final class Builder {
    private @Nullable ResultTable resultTable;
    private final List<QueryProcessingError> exceptions = new ArrayList<>();
    private boolean partialResult;
    private boolean numGroupsLimitReached;
    private long timeUsedMs;
    private String requestId = "";
    private @Nullable String clientRequestId;
    private String brokerId = "";
    private ExecutionStats stats = ExecutionStats.EMPTY;
    private int numServersQueried;
    private int numServersResponded;
    private long numSegmentsPrunedByBroker;
    private long brokerReduceTimeMs;
    private final Map<String, String> traceInfo = new LinkedHashMap<>();
    private final List<String> tablesQueried = new ArrayList<>();

    private Builder() {
    }

    public Builder resultTable(@Nullable ResultTable table) {
      this.resultTable = table;
      return this;
    }

    public Builder addException(QueryProcessingError error) {
      exceptions.add(error);
      return this;
    }

    public Builder addExceptions(List<QueryProcessingError> errors) {
      exceptions.addAll(errors);
      return this;
    }

    public Builder partialResult(boolean partial) {
      this.partialResult = partial;
      return this;
    }

    public Builder numGroupsLimitReached(boolean reached) {
      this.numGroupsLimitReached = reached;
      return this;
    }

    public Builder timeUsedMs(long millis) {
      this.timeUsedMs = millis;
      return this;
    }

    public Builder requestId(String id) {
      this.requestId = id;
      return this;
    }

    public Builder clientRequestId(@Nullable String id) {
      this.clientRequestId = id;
      return this;
    }

    public Builder brokerId(String id) {
      this.brokerId = id;
      return this;
    }

    public Builder stats(ExecutionStats executionStats) {
      this.stats = requireNonNull(executionStats, "executionStats is null");
      return this;
    }

    public Builder numServersQueried(int count) {
      this.numServersQueried = count;
      return this;
    }

    public Builder numServersResponded(int count) {
      this.numServersResponded = count;
      return this;
    }

    public Builder numSegmentsPrunedByBroker(long count) {
      this.numSegmentsPrunedByBroker = count;
      return this;
    }

    public Builder brokerReduceTimeMs(long millis) {
      this.brokerReduceTimeMs = millis;
      return this;
    }

    public Builder putTraceInfo(String key, String value) {
      traceInfo.put(key, value);
      return this;
    }

    public Builder addTableQueried(String table) {
      tablesQueried.add(table);
      return this;
    }

    public BrokerResponse build() {
      ExecutionStats s = stats;
      int numRows = resultTable == null ? 0 : resultTable.rows().size();
      // Pinot derives partialResult: any exception or any limit reached makes the result partial.
      boolean partial = partialResult || !exceptions.isEmpty() || numGroupsLimitReached;
      return new BrokerResponse(resultTable, numRows, partial, exceptions, numGroupsLimitReached, false, false,
          false, false, timeUsedMs, requestId, clientRequestId, brokerId, s.numDocsScanned(), s.totalDocs(),
          s.numEntriesScannedInFilter(), s.numEntriesScannedPostFilter(), numServersQueried, numServersResponded,
          s.numSegmentsQueried(), s.numSegmentsProcessed(), s.numSegmentsMatched(), s.numConsumingSegmentsQueried(),
          0, 0, s.minConsumingFreshnessTimeMs(), numSegmentsPrunedByBroker, s.numSegmentsPrunedByServer(),
          s.numSegmentsPrunedInvalid(), s.numSegmentsPrunedByLimit(), s.numSegmentsPrunedByValue(),
          brokerReduceTimeMs, s.offlineThreadCpuTimeNs(), s.realtimeThreadCpuTimeNs(), 0, 0, 0, 0,
          s.offlineThreadCpuTimeNs(), s.realtimeThreadCpuTimeNs(), s.explainPlanNumEmptyFilterSegments(),
          s.explainPlanNumMatchAllFilterSegments(), traceInfo, tablesQueried);
    }
  }
}
