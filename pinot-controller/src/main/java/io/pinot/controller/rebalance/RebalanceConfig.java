// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.rebalance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/// The options of one table rebalance, with Apache Pinot's `RebalanceConfig` JSON names (as stored in the job's
/// `REBALANCE_CONTEXT` and answered by `/rebalanceStatus/{jobId}`). Immutable.
///
/// @param dryRun compute and answer the target assignment without changing anything
/// @param disableSummary skip the `rebalanceSummaryResult`
/// @param reassignInstances recompute the instance assignment first (always done here: the servers are the
///     tenant's live, enabled servers, as Pinot does for tables without an instance assignment config)
/// @param includeConsuming move CONSUMING segments of REALTIME tables too
/// @param bootstrap reassign every segment from scratch, ignoring where it is now
/// @param downtime write the target assignment in one step (segments may be briefly unavailable)
/// @param minAvailableReplicas without downtime, replicas of each moving segment that stay ONLINE; a negative
///     value is the number of replicas allowed to be unavailable
/// @param lowDiskMode without downtime, drop the old replicas of a segment before adding new ones
/// @param bestEfforts keep going when the external view does not converge in time or shows ERROR
/// @param batchSizePerServer at most this many segments added to one server per step; -1 for no limit
/// @param externalViewCheckIntervalInMs how often the external view is checked
/// @param externalViewStabilizationTimeoutInMs how long a step may make no progress before the rebalance fails
/// @param heartbeatIntervalInMs how often a running job refreshes its status
/// @param heartbeatTimeoutInMs a job whose status is older than this no longer blocks a new rebalance
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"dryRun", "disableSummary", "reassignInstances", "includeConsuming", "bootstrap", "downtime",
    "minAvailableReplicas", "lowDiskMode", "bestEfforts", "batchSizePerServer", "externalViewCheckIntervalInMs",
    "externalViewStabilizationTimeoutInMs", "heartbeatIntervalInMs", "heartbeatTimeoutInMs"})
public record RebalanceConfig(
    @JsonProperty("dryRun") boolean dryRun,
    @JsonProperty("disableSummary") boolean disableSummary,
    @JsonProperty("reassignInstances") boolean reassignInstances,
    @JsonProperty("includeConsuming") boolean includeConsuming,
    @JsonProperty("bootstrap") boolean bootstrap,
    @JsonProperty("downtime") boolean downtime,
    @JsonProperty("minAvailableReplicas") int minAvailableReplicas,
    @JsonProperty("lowDiskMode") boolean lowDiskMode,
    @JsonProperty("bestEfforts") boolean bestEfforts,
    @JsonProperty("batchSizePerServer") int batchSizePerServer,
    @JsonProperty("externalViewCheckIntervalInMs") long externalViewCheckIntervalInMs,
    @JsonProperty("externalViewStabilizationTimeoutInMs") long externalViewStabilizationTimeoutInMs,
    @JsonProperty("heartbeatIntervalInMs") long heartbeatIntervalInMs,
    @JsonProperty("heartbeatTimeoutInMs") long heartbeatTimeoutInMs) {
  /// Pinot's REST defaults (`PinotTableRestletResource.rebalance`).
  public static final int DEFAULT_MIN_AVAILABLE_REPLICAS = -1;
  public static final long DEFAULT_EXTERNAL_VIEW_CHECK_INTERVAL_IN_MS = 1000L;
  public static final long DEFAULT_EXTERNAL_VIEW_STABILIZATION_TIMEOUT_IN_MS = 3_600_000L;
  public static final long DEFAULT_HEARTBEAT_INTERVAL_IN_MS = 300_000L;
  public static final long DEFAULT_HEARTBEAT_TIMEOUT_IN_MS = 3_600_000L;

  public RebalanceConfig {
    if (batchSizePerServer == 0 || batchSizePerServer < -1) {
      throw new IllegalArgumentException("batchSizePerServer must be > 0 or -1 to disable, got: "
          + batchSizePerServer);
    }
    if (externalViewCheckIntervalInMs <= 0) {
      throw new IllegalArgumentException("externalViewCheckIntervalInMs must be positive, got: "
          + externalViewCheckIntervalInMs);
    }
    if (externalViewStabilizationTimeoutInMs <= 0) {
      throw new IllegalArgumentException("externalViewStabilizationTimeoutInMs must be positive, got: "
          + externalViewStabilizationTimeoutInMs);
    }
    // As Pinot does: the heartbeat is no more frequent than the external view check, and the timeout covers
    // at least three heartbeats.
    heartbeatIntervalInMs = Math.max(externalViewCheckIntervalInMs, heartbeatIntervalInMs);
    heartbeatTimeoutInMs = Math.max(heartbeatTimeoutInMs, 3 * heartbeatIntervalInMs);
  }

  /// Pinot's defaults: no dry run, no downtime, at most one replica unavailable, everything reassigned.
  public static RebalanceConfig defaults() {
    return new RebalanceConfig(false, false, true, true, false, false, DEFAULT_MIN_AVAILABLE_REPLICAS, false, false,
        -1, DEFAULT_EXTERNAL_VIEW_CHECK_INTERVAL_IN_MS, DEFAULT_EXTERNAL_VIEW_STABILIZATION_TIMEOUT_IN_MS,
        DEFAULT_HEARTBEAT_INTERVAL_IN_MS, DEFAULT_HEARTBEAT_TIMEOUT_IN_MS);
  }

  public RebalanceConfig withDryRun(boolean value) {
    return new RebalanceConfig(value, disableSummary, reassignInstances, includeConsuming, bootstrap, downtime,
        minAvailableReplicas, lowDiskMode, bestEfforts, batchSizePerServer, externalViewCheckIntervalInMs,
        externalViewStabilizationTimeoutInMs, heartbeatIntervalInMs, heartbeatTimeoutInMs);
  }

  /// The replicas of each moving segment to keep available, for segments with `numReplicas` target replicas.
  public int effectiveMinAvailableReplicas(int numReplicas) {
    return minAvailableReplicas >= 0 ? minAvailableReplicas : Math.max(numReplicas + minAvailableReplicas, 0);
  }
}
