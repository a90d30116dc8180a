// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.datatable;

import org.jspecify.annotations.Nullable;

/// The metadata keys of a DataTable with Apache Pinot's ids, names and value encodings.
///
/// Wire contract: an entry is `int32 id` followed by the value: INT 4 bytes, LONG 8 bytes, STRING
/// `int32 length` + UTF-8 bytes, BOOLEAN 1 byte. Pinot 0.11 readers know ids 0–25 and Pinot 1.3 readers
/// ids 0–34; both skip an unknown id *without* consuming its value, which corrupts the rest of the section,
/// so writers only emit [#isPortable()] keys. Readers here know every id below.
public enum MetadataKey {
  UNKNOWN(0, "unknown", ValueType.STRING),
  TABLE(1, "table", ValueType.STRING),
  NUM_DOCS_SCANNED(2, "numDocsScanned", ValueType.LONG),
  NUM_ENTRIES_SCANNED_IN_FILTER(3, "numEntriesScannedInFilter", ValueType.LONG),
  NUM_ENTRIES_SCANNED_POST_FILTER(4, "numEntriesScannedPostFilter", ValueType.LONG),
  NUM_SEGMENTS_QUERIED(5, "numSegmentsQueried", ValueType.INT),
  NUM_SEGMENTS_PROCESSED(6, "numSegmentsProcessed", ValueType.INT),
  NUM_SEGMENTS_MATCHED(7, "numSegmentsMatched", ValueType.INT),
  NUM_CONSUMING_SEGMENTS_QUERIED(8, "numConsumingSegmentsQueried", ValueType.INT),
  MIN_CONSUMING_FRESHNESS_TIME_MS(9, "minConsumingFreshnessTimeMs", ValueType.LONG),
  TOTAL_DOCS(10, "totalDocs", ValueType.LONG),
  NUM_GROUPS_LIMIT_REACHED(11, "numGroupsLimitReached", ValueType.STRING),
  TIME_USED_MS(12, "timeUsedMs", ValueType.LONG),
  TRACE_INFO(13, "traceInfo", ValueType.STRING),
  REQUEST_ID(14, "requestId", ValueType.LONG),
  NUM_RESIZES(15, "numResizes", ValueType.INT),
  RESIZE_TIME_MS(16, "resizeTimeMs", ValueType.LONG),
  THREAD_CPU_TIME_NS(17, "threadCpuTimeNs", ValueType.LONG),
  SYSTEM_ACTIVITIES_CPU_TIME_NS(18, "systemActivitiesCpuTimeNs", ValueType.LONG),
  RESPONSE_SER_CPU_TIME_NS(19, "responseSerializationCpuTimeNs", ValueType.LONG),
  NUM_SEGMENTS_PRUNED_BY_SERVER(20, "numSegmentsPrunedByServer", ValueType.INT),
  NUM_SEGMENTS_PRUNED_INVALID(21, "numSegmentsPrunedByInvalid", ValueType.INT),
  NUM_SEGMENTS_PRUNED_BY_LIMIT(22, "numSegmentsPrunedByLimit", ValueType.INT),
  NUM_SEGMENTS_PRUNED_BY_VALUE(23, "numSegmentsPrunedByValue", ValueType.INT),
  EXPLAIN_PLAN_NUM_EMPTY_FILTER_SEGMENTS(24, "explainPlanNumEmptyFilterSegments", ValueType.INT),
  EXPLAIN_PLAN_NUM_MATCH_ALL_FILTER_SEGMENTS(25, "explainPlanNumMatchAllFilterSegments", ValueType.INT),
  NUM_CONSUMING_SEGMENTS_PROCESSED(26, "numConsumingSegmentsProcessed", ValueType.INT),
  NUM_CONSUMING_SEGMENTS_MATCHED(27, "numConsumingSegmentsMatched", ValueType.INT),
  NUM_BLOCKS(28, "numBlocks", ValueType.INT),
  NUM_ROWS(29, "numRows", ValueType.INT),
  OPERATOR_EXECUTION_TIME_MS(30, "operatorExecutionTimeMs", ValueType.LONG),
  OPERATOR_ID(31, "operatorId", ValueType.STRING),
  OPERATOR_EXEC_START_TIME_MS(32, "operatorExecStartTimeMs", ValueType.LONG),
  OPERATOR_EXEC_END_TIME_MS(33, "operatorExecEndTimeMs", ValueType.LONG),
  MAX_ROWS_IN_JOIN_REACHED(34, "maxRowsInJoinReached", ValueType.STRING),
  NUM_GROUPS_WARNING_LIMIT_REACHED(35, "numGroupsWarningLimitReached", ValueType.STRING),
  THREAD_MEM_ALLOCATED_BYTES(36, "threadMemAllocatedBytes", ValueType.LONG),
  RESPONSE_SER_MEM_ALLOCATED_BYTES(37, "responseSerMemAllocatedBytes", ValueType.LONG),
  SORTED(38, "sorted", ValueType.BOOLEAN),
  GROUPS_TRIMMED(39, "groupsTrimmed", ValueType.STRING),
  WORKLOAD_NAME(40, "workloadName", ValueType.STRING),
  QUERY_ID(41, "queryId", ValueType.STRING),
  EARLY_TERMINATION_REASON(42, "earlyTerminationReason", ValueType.STRING),
  INCOMPLETE_MERGE(43, "incompleteMerge", ValueType.STRING),
  LITE_MODE_LEAF_STAGE_LIMIT_REACHED(44, "liteModeLeafStageLimitReached", ValueType.STRING);

  /// Largest id Pinot 0.11 readers decode; keys above it are never written.
  public static final int MAX_PORTABLE_ID = 25;

  /// How a key's value is encoded on the wire.
  public enum ValueType {
    INT, LONG, STRING, BOOLEAN
  }

  private static final MetadataKey[] BY_ID = values();

  private final int id;
  private final String keyName;
  private final ValueType valueType;

  MetadataKey(int id, String keyName, ValueType valueType) {
    this.id = id;
    this.keyName = keyName;
    this.valueType = valueType;
  }

  public int id() {
    return id;
  }

  /// Pinot's name of the key, as used in the metadata map.
  public String keyName() {
    return keyName;
  }

  public ValueType valueType() {
    return valueType;
  }

  /// Whether both Pinot 0.11 and 1.3 readers decode this key.
  public boolean isPortable() {
    return id <= MAX_PORTABLE_ID && valueType != ValueType.BOOLEAN;
  }

  public static @Nullable MetadataKey byId(int id) {
    return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
  }

  public static @Nullable MetadataKey byName(String name) {
    for (MetadataKey key : BY_ID) {
      if (key.keyName.equals(name)) {
        return key;
      }
    }
    return null;
  }
}
