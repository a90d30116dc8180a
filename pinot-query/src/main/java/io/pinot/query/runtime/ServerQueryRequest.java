// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.runtime;

import static java.util.Objects.requireNonNull;

import io.pinot.spi.data.Schema;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// One query a broker sends to a server for one table type: the SQL (compiled by the server), the
/// segments to query, and the time budget. Immutable and thread-safe.
///
/// @param requestId the broker's request id, echoed in the response metadata
/// @param brokerId the id of the asking broker (for logs)
/// @param sql the query text, with the table name the broker routed (raw or with type)
/// @param tableNameWithType `events_OFFLINE` or `events_REALTIME`
/// @param segmentNames the segments the broker asked for (present and missing)
/// @param missingSegments asked-for segments the server does not have; reported as SERVER_SEGMENT_MISSING
/// @param timeoutMs the time left for the query when the server received it
/// @param receivedAtNanos `System.nanoTime()` when the request arrived (the deadline counts from it)
/// @param queryOptions options sent with the request; options written in the SQL take precedence
/// @param enableTrace whether to collect trace information
/// @param schema the table schema for case-insensitive column resolution, or null to use the segments'
public record ServerQueryRequest(
    long requestId,
    String brokerId,
    String sql,
    String tableNameWithType,
    List<String> segmentNames,
    List<String> missingSegments,
    long timeoutMs,
    long receivedAtNanos,
    Map<String, String> queryOptions,
    boolean enableTrace,
    @Nullable Schema schema) {

  public ServerQueryRequest {
    requireNonNull(brokerId, "brokerId is null");
    requireNonNull(sql, "sql is null");
    requireNonNull(tableNameWithType, "tableNameWithType is null");
    segmentNames = List.copyOf(segmentNames);
    missingSegments = List.copyOf(missingSegments);
    queryOptions = Collections.unmodifiableMap(new LinkedHashMap<>(queryOptions));
    if (timeoutMs <= 0) {
      throw new IllegalArgumentException("timeoutMs must be positive");
    }
  }

  public static Builder builder(String sql, String tableNameWithType) {
    return new Builder(sql, tableNameWithType);
  }

  /// Builds a [ServerQueryRequest]; defaults: request id 0, no segments, 10 s timeout counted from
  /// `build()`, no options, no trace, no schema. Not thread-safe.
  public static final class Builder {
    private final String sql;
    private final String tableNameWithType;
    private long requestId;
    private String brokerId = "";
    private List<String> segmentNames = List.of();
    private List<String> missingSegments = List.of();
    private long timeoutMs = 10_000;
    private long receivedAtNanos;
    private Map<String, String> queryOptions = Map.of();
    private boolean enableTrace;
    private @Nullable Schema schema;

    private Builder(String sql, String tableNameWithType) {
      this.sql = sql;
      this.tableNameWithType = tableNameWithType;
    }

    public Builder requestId(long id) {
      this.requestId = id;
      return this;
    }

    public Builder brokerId(String id) {
      this.brokerId = id;
      return this;
    }

    public Builder segmentNames(List<String> names) {
      this.segmentNames = names;
      return this;
    }

    public Builder missingSegments(List<String> names) {
      this.missingSegments = names;
      return this;
    }

    public Builder timeoutMs(long millis) {
      this.timeoutMs = millis;
      return this;
    }

    public Builder receivedAtNanos(long nanos) {
      this.receivedAtNanos = nanos;
      return this;
    }

    public Builder queryOptions(Map<String, String> options) {
      this.queryOptions = options;
      return this;
    }

    public Builder enableTrace(boolean trace) {
      this.enableTrace = trace;
      return this;
    }

    public Builder schema(@Nullable Schema tableSchema) {
      this.schema = tableSchema;
      return this;
    }

    public ServerQueryRequest build() {
      long received = receivedAtNanos != 0 ? receivedAtNanos : System.nanoTime();
      return new ServerQueryRequest(requestId, brokerId, sql, tableNameWithType, segmentNames, missingSegments,
          timeoutMs, received, queryOptions, enableTrace, schema);
    }
  }
}
