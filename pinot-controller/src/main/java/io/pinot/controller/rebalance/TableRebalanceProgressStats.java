// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.rebalance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/// Apache Pinot's `TableRebalanceProgressStats`: a rebalance job's status and progress, stored as JSON in the job's
/// `REBALANCE_PROGRESS_STATS` and answered by `/rebalanceStatus/{jobId}`. Immutable; a running job writes a new
/// value after each check of the external view.
///
/// @param timeToFinishInSeconds set when the job ends
/// @param rebalanceProgressStatsOverall replicas to add and delete over the whole rebalance, and what remains
/// @param rebalanceProgressStatsCurrentStep the same for the current ideal-state step
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"status", "startTimeMs", "timeToFinishInSeconds", "completionStatusMsg",
    "rebalanceProgressStatsOverall", "rebalanceProgressStatsCurrentStep", "initialToTargetStateConvergence",
    "currentToTargetConvergence", "externalViewToIdealStateConvergence"})
public record TableRebalanceProgressStats(
    @JsonProperty("status") RebalanceResult.Status status,
    @JsonProperty("startTimeMs") long startTimeMs,
    @JsonProperty("timeToFinishInSeconds") long timeToFinishInSeconds,
    @JsonProperty("completionStatusMsg") @Nullable String completionStatusMsg,
    @JsonProperty("rebalanceProgressStatsOverall") RebalanceProgressStats rebalanceProgressStatsOverall,
    @JsonProperty("rebalanceProgressStatsCurrentStep") RebalanceProgressStats rebalanceProgressStatsCurrentStep,
    @JsonProperty("initialToTargetStateConvergence") RebalanceStateStats initialToTargetStateConvergence,
    @JsonProperty("currentToTargetConvergence") RebalanceStateStats currentToTargetConvergence,
    @JsonProperty("externalViewToIdealStateConvergence") RebalanceStateStats externalViewToIdealStateConvergence) {

  public TableRebalanceProgressStats {
    Objects.requireNonNull(status, "status is null");
    Objects.requireNonNull(rebalanceProgressStatsOverall, "rebalanceProgressStatsOverall is null");
    Objects.requireNonNull(rebalanceProgressStatsCurrentStep, "rebalanceProgressStatsCurrentStep is null");
    Objects.requireNonNull(initialToTargetStateConvergence, "initialToTargetStateConvergence is null");
    Objects.requireNonNull(currentToTargetConvergence, "currentToTargetConvergence is null");
    Objects.requireNonNull(externalViewToIdealStateConvergence, "externalViewToIdealStateConvergence is null");
  }

  /// A job that has just started (or ended before doing anything).
  public static TableRebalanceProgressStats started(RebalanceResult.Status status, long startTimeMs) {
    return new TableRebalanceProgressStats(status, startTimeMs, 0, null, RebalanceProgressStats.EMPTY,
        RebalanceProgressStats.EMPTY, RebalanceStateStats.EMPTY, RebalanceStateStats.EMPTY,
        RebalanceStateStats.EMPTY);
  }

  /// The same progress, ended with a status and message at `nowMs`.
  public TableRebalanceProgressStats ended(RebalanceResult.Status endStatus, String message, long nowMs) {
    return new TableRebalanceProgressStats(endStatus, startTimeMs, (nowMs - startTimeMs) / 1000, message,
        rebalanceProgressStatsOverall, rebalanceProgressStatsCurrentStep, initialToTargetStateConvergence,
        currentToTargetConvergence, externalViewToIdealStateConvergence);
  }

  /// Pinot's comparison of one assignment with another: segments missing or different, their share of all
  /// segments, and the replicas that differ. Pinot names these fields with a leading underscore.
  @JsonPropertyOrder({"_segmentsMissing", "_segmentsToRebalance", "_percentSegmentsToRebalance",
      "_replicasToRebalance"})
  public record RebalanceStateStats(
      @JsonProperty("_segmentsMissing") int segmentsMissing,
      @JsonProperty("_segmentsToRebalance") int segmentsToRebalance,
      @JsonProperty("_percentSegmentsToRebalance") double percentSegmentsToRebalance,
      @JsonProperty("_replicasToRebalance") int replicasToRebalance) {
    public static final RebalanceStateStats EMPTY = new RebalanceStateStats(0, 0, 0.0, 0);
  }

  /// Pinot's counts of segment replicas to add and delete (across all replicas) and what remains of them.
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonPropertyOrder({"totalSegmentsToBeAdded", "totalSegmentsToBeDeleted", "totalRemainingSegmentsToBeAdded",
      "totalRemainingSegmentsToBeDeleted", "totalRemainingSegmentsToConverge", "totalCarryOverSegmentsToBeAdded",
      "totalCarryOverSegmentsToBeDeleted", "totalUniqueNewUntrackedSegmentsDuringRebalance",
      "isForceCommittingConsumingSegments", "totalSegmentsForceCommitted", "percentageRemainingSegmentsToBeAdded",
      "percentageRemainingSegmentsToBeDeleted", "estimatedTimeToCompleteAddsInSeconds",
      "estimatedTimeToCompleteDeletesInSeconds", "averageSegmentSizeInBytes", "totalEstimatedDataToBeMovedInBytes",
      "startTimeMs"})
  public record RebalanceProgressStats(
      @JsonProperty("totalSegmentsToBeAdded") int totalSegmentsToBeAdded,
      @JsonProperty("totalSegmentsToBeDeleted") int totalSegmentsToBeDeleted,
      @JsonProperty("totalRemainingSegmentsToBeAdded") int totalRemainingSegmentsToBeAdded,
      @JsonProperty("totalRemainingSegmentsToBeDeleted") int totalRemainingSegmentsToBeDeleted,
      @JsonProperty("totalRemainingSegmentsToConverge") int totalRemainingSegmentsToConverge,
      @JsonProperty("totalCarryOverSegmentsToBeAdded") int totalCarryOverSegmentsToBeAdded,
      @JsonProperty("totalCarryOverSegmentsToBeDeleted") int totalCarryOverSegmentsToBeDeleted,
      @JsonProperty("totalUniqueNewUntrackedSegmentsDuringRebalance")
      int totalUniqueNewUntrackedSegmentsDuringRebalance,
      @JsonProperty("isForceCommittingConsumingSegments") boolean isForceCommittingConsumingSegments,
      @JsonProperty("totalSegmentsForceCommitted") int totalSegmentsForceCommitted,
      @JsonProperty("percentageRemainingSegmentsToBeAdded") double percentageRemainingSegmentsToBeAdded,
      @JsonProperty("percentageRemainingSegmentsToBeDeleted") double percentageRemainingSegmentsToBeDeleted,
      @JsonProperty("estimatedTimeToCompleteAddsInSeconds") double estimatedTimeToCompleteAddsInSeconds,
      @JsonProperty("estimatedTimeToCompleteDeletesInSeconds") double estimatedTimeToCompleteDeletesInSeconds,
      @JsonProperty("averageSegmentSizeInBytes") long averageSegmentSizeInBytes,
      @JsonProperty("totalEstimatedDataToBeMovedInBytes") long totalEstimatedDataToBeMovedInBytes,
      @JsonProperty("startTimeMs") long startTimeMs) {
    public static final RebalanceProgressStats EMPTY =
        new RebalanceProgressStats(0, 0, 0, 0, 0, 0, 0, 0, false, 0, 0.0, 0.0, 0.0, 0.0, 0, 0, 0);
  }
}
