// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.utils.JsonUtils;
import io.pinot.controller.rebalance.RebalanceSummaryResult.ServerStatus;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RebalanceSummariesTest {
  @Test
  void countsServersSegmentsAndDataToMove() {
    Map<String, Map<String, String>> current = Assignments.roundRobin(10, 2, "ONLINE", "S0", "S1");
    Map<String, Map<String, String>> target = RebalanceTargets.compute(current, List.of("S0", "S1", "S2", "S3"), 2,
        true, false);
    Map<String, List<String>> tags = Map.of("S0", List.of("DefaultTenant_OFFLINE"), "S1",
        List.of("DefaultTenant_OFFLINE"), "S2", List.of("DefaultTenant_OFFLINE"), "S3", List.of("other"));
    RebalanceSummaryResult summary = RebalanceSummaries.compute(current, target, tags,
        Set.of("DefaultTenant_OFFLINE"), 1000, false);

    RebalanceSummaryResult.ServerInfo servers = summary.serverInfo();
    assertThat(servers.numServers()).isEqualTo(new RebalanceSummaryResult.RebalanceChangeInfo(2, 4));
    assertThat(servers.serversAdded()).containsExactly("S2", "S3");
    assertThat(servers.serversUnchanged()).containsExactly("S0", "S1");
    assertThat(servers.serversRemoved()).isEmpty();
    assertThat(servers.serversGettingNewSegments()).containsExactly("S2", "S3");
    assertThat(servers.numServersGettingNewSegments()).isEqualTo(2);
    RebalanceSummaryResult.ServerSegmentChangeInfo s0 = servers.serverSegmentChangeInfo().get("S0");
    assertThat(s0.serverStatus()).isEqualTo(ServerStatus.UNCHANGED);
    assertThat(s0.totalSegmentsBeforeRebalance()).isEqualTo(10);
    assertThat(s0.totalSegmentsAfterRebalance()).isEqualTo(5);
    assertThat(s0.segmentsDeleted()).isEqualTo(5);
    assertThat(s0.segmentsUnchanged()).isEqualTo(5);
    assertThat(servers.serverSegmentChangeInfo().get("S3").segmentsAdded()).isEqualTo(5);

    RebalanceSummaryResult.SegmentInfo segments = summary.segmentInfo();
    assertThat(segments.totalSegmentsToBeMoved()).isEqualTo(10);
    assertThat(segments.totalSegmentsToBeDeleted()).isEqualTo(10);
    assertThat(segments.maxSegmentsAddedToASingleServer()).isEqualTo(5);
    assertThat(segments.estimatedAverageSegmentSizeInBytes()).isEqualTo(1000);
    assertThat(segments.totalEstimatedDataToBeMovedInBytes()).isEqualTo(10_000);
    assertThat(segments.replicationFactor()).isEqualTo(new RebalanceSummaryResult.RebalanceChangeInfo(2, 2));
    assertThat(segments.numSegmentsInSingleReplica())
        .isEqualTo(new RebalanceSummaryResult.RebalanceChangeInfo(10, 10));
    assertThat(segments.numSegmentsAcrossAllReplicas())
        .isEqualTo(new RebalanceSummaryResult.RebalanceChangeInfo(20, 20));
    assertThat(segments.consumingSegmentToBeMovedSummary()).isNull();

    // S3 lacks the table's tag: only S0..S2 count for it (S2 downloads 5, S0 and S1 keep 5 each).
    assertThat(summary.tagsInfo()).containsExactly(
        new RebalanceSummaryResult.TagInfo("DefaultTenant_OFFLINE", 5, 10, 3));
  }

  @Test
  void removedServersAndUnknownSizes() {
    Map<String, Map<String, String>> current = Assignments.roundRobin(4, 1, "ONLINE", "S0", "S1");
    Map<String, Map<String, String>> target = Assignments.roundRobin(4, 1, "ONLINE", "S0");
    RebalanceSummaryResult summary = RebalanceSummaries.compute(current, target, Map.of(), Set.of(), -1, false);
    assertThat(summary.serverInfo().serversRemoved()).containsExactly("S1");
    assertThat(summary.serverInfo().serverSegmentChangeInfo().get("S1").serverStatus())
        .isEqualTo(ServerStatus.REMOVED);
    assertThat(summary.segmentInfo().totalSegmentsToBeMoved()).isEqualTo(2);
    assertThat(summary.segmentInfo().totalEstimatedDataToBeMovedInBytes()).isEqualTo(-1);
  }

  @Test
  void jsonUsesPinotNames() {
    Map<String, Map<String, String>> current = Assignments.roundRobin(2, 1, "ONLINE", "S0");
    RebalanceSummaryResult summary = RebalanceSummaries.compute(current, current, Map.of(), Set.of(), 10, true);
    String json = JsonUtils.toJson(summary);
    assertThat(json).contains("\"serverInfo\":{\"numServersGettingNewSegments\":0,\"numServers\":"
        + "{\"valueBeforeRebalance\":1,\"expectedValueAfterRebalance\":1}");
    assertThat(json).contains("\"consumingSegmentToBeMovedSummary\":{\"numConsumingSegmentsToBeMoved\":0");
    assertThat(json).doesNotContain("tagList");
  }
}
