// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.reduce;

import static java.util.Objects.requireNonNull;

import io.pinot.common.response.BrokerResponse;
import io.pinot.common.response.ExecutionStats;
import io.pinot.common.response.QueryProcessingError;
import io.pinot.common.response.ResultTable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/// What a broker reduce produces: the result table (null when no server returned a result schema, e.g.
/// every server failed), the execution statistics summed over the servers, the servers' errors in wire
/// form, and whether a groups limit was reached. Immutable.
///
/// @param reduceTimeMs time spent reducing, for `brokerReduceTimeMs`
public record ReducedResult(@Nullable ResultTable resultTable, ExecutionStats stats,
                            List<QueryProcessingError> exceptions, boolean numGroupsLimitReached, long reduceTimeMs) {

  public ReducedResult {
    requireNonNull(stats, "stats is null");
    exceptions = List.copyOf(exceptions);
  }

  /// A broker response builder with the result, statistics, server errors and reduce time filled in; the
  /// broker adds its own fields (servers queried and responded, time used, request and broker ids, its
  /// own errors) and builds.
  public BrokerResponse.Builder toBrokerResponse() {
    return BrokerResponse.builder().resultTable(resultTable).stats(stats).addExceptions(exceptions)
        .numGroupsLimitReached(numGroupsLimitReached).brokerReduceTimeMs(reduceTimeMs);
  }
}
