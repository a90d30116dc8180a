// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.rebalance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/// Apache Pinot's `TableRebalanceContext`: a rebalance job's id and options, stored as JSON in the job's
/// `REBALANCE_CONTEXT`. This controller runs each job once (`attemptId` 1, no automatic retries). Immutable.
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"jobId", "originalJobId", "config", "attemptId", "allowRetries"})
public record TableRebalanceContext(
    @JsonProperty("jobId") String jobId,
    @JsonProperty("originalJobId") String originalJobId,
    @JsonProperty("config") RebalanceConfig config,
    @JsonProperty("attemptId") int attemptId,
    @JsonProperty("allowRetries") boolean allowRetries) {
  public TableRebalanceContext {
    Objects.requireNonNull(jobId, "jobId is null");
    Objects.requireNonNull(originalJobId, "originalJobId is null");
    Objects.requireNonNull(config, "config is null");
  }

  public static TableRebalanceContext firstAttempt(String jobId, RebalanceConfig config) {
    return new TableRebalanceContext(jobId, jobId, config, 1, false);
  }
}
