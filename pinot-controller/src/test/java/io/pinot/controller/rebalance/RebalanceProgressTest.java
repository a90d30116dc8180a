// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.utils.JsonUtils;
import io.pinot.controller.rebalance.TableRebalanceProgressStats.RebalanceProgressStats;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RebalanceProgressTest {
  private static final Map<String, Map<String, String>> FROM = Map.of(
      "a", Map.of("S0", "ONLINE"), "b", Map.of("S0", "ONLINE"), "c", Map.of("S1", "ONLINE"));
  private static final Map<String, Map<String, String>> TO = Map.of(
      "a", Map.of("S2", "ONLINE"), "b", Map.of("S3", "ONLINE"), "c", Map.of("S1", "ONLINE"));

  @Test
  void progressCountsReplicasAddedAndDroppedInTheExternalView() {
    RebalanceProgressStats start = RebalanceProgress.progress(FROM, TO, FROM, 0, 100, 10_000);
    assertThat(start.totalSegmentsToBeAdded()).isEqualTo(2);
    assertThat(start.totalSegmentsToBeDeleted()).isEqualTo(2);
    assertThat(start.totalRemainingSegmentsToBeAdded()).isEqualTo(2);
    assertThat(start.totalRemainingSegmentsToConverge()).isEqualTo(2);
    assertThat(start.percentageRemainingSegmentsToBeAdded()).isEqualTo(100.0);
    assertThat(start.estimatedTimeToCompleteAddsInSeconds()).isEqualTo(-1.0);
    assertThat(start.totalEstimatedDataToBeMovedInBytes()).isEqualTo(200);

    // "a" moved completely; "b" has its new replica ONLINE but the old one not dropped yet.
    Map<String, Map<String, String>> halfway = Map.of("a", Map.of("S2", "ONLINE"),
        "b", Map.of("S0", "ONLINE", "S3", "ONLINE"), "c", Map.of("S1", "ONLINE"));
    RebalanceProgressStats middle = RebalanceProgress.progress(FROM, TO, halfway, 0, 100, 10_000);
    assertThat(middle.totalRemainingSegmentsToBeAdded()).isZero();
    assertThat(middle.totalRemainingSegmentsToBeDeleted()).isEqualTo(1);
    assertThat(middle.percentageRemainingSegmentsToBeDeleted()).isEqualTo(50.0);
    assertThat(middle.estimatedTimeToCompleteDeletesInSeconds()).isEqualTo(10.0);
    assertThat(middle.totalRemainingSegmentsToConverge()).isEqualTo(1);

    RebalanceProgressStats done = RebalanceProgress.progress(FROM, TO, TO, 0, 100, 10_000);
    assertThat(done.totalRemainingSegmentsToBeAdded() + done.totalRemainingSegmentsToBeDeleted()).isZero();
    assertThat(done.percentageRemainingSegmentsToBeAdded()).isZero();
  }

  @Test
  void compareCountsSegmentsAndReplicasThatDiffer() {
    TableRebalanceProgressStats.RebalanceStateStats stats = RebalanceProgress.compare(FROM, TO);
    assertThat(stats.segmentsToRebalance()).isEqualTo(2);
    assertThat(stats.replicasToRebalance()).isEqualTo(2);
    assertThat(stats.segmentsMissing()).isZero();
    assertThat(stats.percentSegmentsToRebalance()).isCloseTo(66.67, org.assertj.core.data.Offset.offset(0.01));
    assertThat(RebalanceProgress.compare(Map.of(), TO).segmentsMissing()).isEqualTo(3);
  }

  @Test
  void statsRoundTripThroughPinotJson() {
    TableRebalanceProgressStats stats = new TableRebalanceProgressStats(RebalanceResult.Status.IN_PROGRESS, 5, 0,
        null, RebalanceProgress.progress(FROM, TO, FROM, 0, 100, 10), RebalanceProgressStats.EMPTY,
        RebalanceProgress.compare(FROM, TO), RebalanceProgress.compare(FROM, TO),
        TableRebalanceProgressStats.RebalanceStateStats.EMPTY);
    String json = JsonUtils.toJson(stats);
    assertThat(json).startsWith("{\"status\":\"IN_PROGRESS\",\"startTimeMs\":5,\"timeToFinishInSeconds\":0,"
        + "\"rebalanceProgressStatsOverall\":{\"totalSegmentsToBeAdded\":2,");
    assertThat(json).contains("\"isForceCommittingConsumingSegments\":false")
        .contains("\"initialToTargetStateConvergence\":{\"_segmentsMissing\":0,\"_segmentsToRebalance\":2,")
        .doesNotContain("\"forceCommittingConsumingSegments\"");
    assertThat(JsonUtils.fromJson(json, TableRebalanceProgressStats.class)).isEqualTo(stats);
  }
}
