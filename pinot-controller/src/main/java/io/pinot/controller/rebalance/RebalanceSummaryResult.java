// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.rebalance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/// Apache Pinot's `rebalanceSummaryResult`: what a rebalance changes per server, per segment and per tag.
/// Immutable; collections keep their (sorted) order for the JSON.
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"serverInfo", "segmentInfo", "tagsInfo"})
public record RebalanceSummaryResult(
    @JsonProperty("serverInfo") ServerInfo serverInfo,
    @JsonProperty("segmentInfo") SegmentInfo segmentInfo,
    @JsonProperty("tagsInfo") List<TagInfo> tagsInfo) {

  /// Whether a server is new to the table, leaves it, or stays.
  public enum ServerStatus {
    ADDED, REMOVED, UNCHANGED
  }

  /// A value before and after the rebalance.
  @JsonPropertyOrder({"valueBeforeRebalance", "expectedValueAfterRebalance"})
  public record RebalanceChangeInfo(
      @JsonProperty("valueBeforeRebalance") int valueBeforeRebalance,
      @JsonProperty("expectedValueAfterRebalance") int expectedValueAfterRebalance) {
  }

  /// The servers of the table before and after.
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"numServersGettingNewSegments", "numServers", "serversAdded", "serversRemoved",
      "serversUnchanged", "serversGettingNewSegments", "serverSegmentChangeInfo"})
  public record ServerInfo(
      @JsonProperty("numServersGettingNewSegments") int numServersGettingNewSegments,
      @JsonProperty("numServers") RebalanceChangeInfo numServers,
      @JsonProperty("serversAdded") Set<String> serversAdded,
      @JsonProperty("serversRemoved") Set<String> serversRemoved,
      @JsonProperty("serversUnchanged") Set<String> serversUnchanged,
      @JsonProperty("serversGettingNewSegments") Set<String> serversGettingNewSegments,
      @JsonProperty("serverSegmentChangeInfo") Map<String, ServerSegmentChangeInfo> serverSegmentChangeInfo) {
  }

  /// The segments of one server before and after.
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"serverStatus", "totalSegmentsAfterRebalance", "totalSegmentsBeforeRebalance",
      "segmentsAdded", "segmentsDeleted", "segmentsUnchanged", "tagList"})
  public record ServerSegmentChangeInfo(
      @JsonProperty("serverStatus") ServerStatus serverStatus,
      @JsonProperty("totalSegmentsAfterRebalance") int totalSegmentsAfterRebalance,
      @JsonProperty("totalSegmentsBeforeRebalance") int totalSegmentsBeforeRebalance,
      @JsonProperty("segmentsAdded") int segmentsAdded,
      @JsonProperty("segmentsDeleted") int segmentsDeleted,
      @JsonProperty("segmentsUnchanged") int segmentsUnchanged,
      @JsonProperty("tagList") @Nullable List<String> tagList) {
  }

  /// Segment counts and the data to move. Sizes come from the segments' ZooKeeper metadata; -1 when unknown.
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"totalSegmentsToBeMoved", "totalSegmentsToBeDeleted", "maxSegmentsAddedToASingleServer",
      "estimatedAverageSegmentSizeInBytes", "totalEstimatedDataToBeMovedInBytes", "replicationFactor",
      "numSegmentsInSingleReplica", "numSegmentsAcrossAllReplicas", "consumingSegmentToBeMovedSummary"})
  public record SegmentInfo(
      @JsonProperty("totalSegmentsToBeMoved") int totalSegmentsToBeMoved,
      @JsonProperty("totalSegmentsToBeDeleted") int totalSegmentsToBeDeleted,
      @JsonProperty("maxSegmentsAddedToASingleServer") int maxSegmentsAddedToASingleServer,
      @JsonProperty("estimatedAverageSegmentSizeInBytes") long estimatedAverageSegmentSizeInBytes,
      @JsonProperty("totalEstimatedDataToBeMovedInBytes") long totalEstimatedDataToBeMovedInBytes,
      @JsonProperty("replicationFactor") RebalanceChangeInfo replicationFactor,
      @JsonProperty("numSegmentsInSingleReplica") RebalanceChangeInfo numSegmentsInSingleReplica,
      @JsonProperty("numSegmentsAcrossAllReplicas") RebalanceChangeInfo numSegmentsAcrossAllReplicas,
      @JsonProperty("consumingSegmentToBeMovedSummary") @Nullable
      ConsumingSegmentToBeMovedSummary consumingSegmentToBeMovedSummary) {
  }

  /// For REALTIME tables: the CONSUMING segment replicas that move, and the servers receiving them.
  @JsonPropertyOrder({"numConsumingSegmentsToBeMoved", "numServersGettingConsumingSegmentsAdded"})
  public record ConsumingSegmentToBeMovedSummary(
      @JsonProperty("numConsumingSegmentsToBeMoved") int numConsumingSegmentsToBeMoved,
      @JsonProperty("numServersGettingConsumingSegmentsAdded") int numServersGettingConsumingSegmentsAdded) {
  }

  /// Per server tag of the table: segment replicas to download, unchanged, and the servers taking part.
  @JsonPropertyOrder({"tagName", "numSegmentsToDownload", "numSegmentsUnchanged", "numServerParticipants"})
  public record TagInfo(
      @JsonProperty("tagName") String tagName,
      @JsonProperty("numSegmentsToDownload") int numSegmentsToDownload,
      @JsonProperty("numSegmentsUnchanged") int numSegmentsUnchanged,
      @JsonProperty("numServerParticipants") int numServerParticipants) {
  }
}
