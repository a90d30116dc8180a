// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.rebalance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/// Apache Pinot's answer to `POST /tables/{tableName}/rebalance`: the job id, its status and description, and, when
/// computed, the summary, the instance assignment and the target segment assignment (segment → instance → state).
/// Immutable.
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"jobId", "status", "description", "rebalanceSummaryResult", "instanceAssignment",
    "tierInstanceAssignment", "segmentAssignment"})
public record RebalanceResult(
    @JsonProperty("jobId") String jobId,
    @JsonProperty("status") Status status,
    @JsonProperty("description") String description,
    @JsonProperty("rebalanceSummaryResult") @Nullable RebalanceSummaryResult rebalanceSummaryResult,
    @JsonProperty("instanceAssignment") @Nullable Map<String, InstancePartitions> instanceAssignment,
    @JsonProperty("tierInstanceAssignment") @Nullable Map<String, InstancePartitions> tierInstanceAssignment,
    @JsonProperty("segmentAssignment") @Nullable Map<String, Map<String, String>> segmentAssignment) {

  /// Pinot's rebalance statuses. FAILED: ended with a known problem; ABORTED: stopped, may be retried;
  /// CANCELLED: stopped by a user; UNKNOWN_ERROR: ended with an unexpected exception.
  public enum Status {
    NO_OP, DONE, FAILED, IN_PROGRESS, ABORTED, CANCELLED, UNKNOWN_ERROR
  }

  public RebalanceResult {
    Objects.requireNonNull(jobId, "jobId is null");
    Objects.requireNonNull(status, "status is null");
    Objects.requireNonNull(description, "description is null");
  }

  /// A failure found before any assignment was computed.
  public static RebalanceResult failed(String jobId, String description) {
    return new RebalanceResult(jobId, Status.FAILED, description, null, null, null, null);
  }

  /// The same result with another status and description.
  public RebalanceResult with(Status newStatus, String newDescription) {
    return new RebalanceResult(jobId, newStatus, newDescription, rebalanceSummaryResult, instanceAssignment,
        tierInstanceAssignment, segmentAssignment);
  }

  /// Pinot's `InstancePartitions`: the name (`<rawTable>_OFFLINE`, `_CONSUMING`...) and the instances of each
  /// `<partition>_<replicaGroup>` (all of a table's servers in `0_0` without an instance assignment config).
  @JsonPropertyOrder({"instancePartitionsName", "partitionToInstancesMap"})
  public record InstancePartitions(
      @JsonProperty("instancePartitionsName") String instancePartitionsName,
      @JsonProperty("partitionToInstancesMap") Map<String, List<String>> partitionToInstancesMap) {
    public InstancePartitions {
      Objects.requireNonNull(instancePartitionsName, "instancePartitionsName is null");
      partitionToInstancesMap = Map.copyOf(partitionToInstancesMap);
    }
  }
}
