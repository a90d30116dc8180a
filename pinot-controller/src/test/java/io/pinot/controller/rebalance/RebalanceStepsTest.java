// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.rebalance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RebalanceStepsTest {
  @Test
  void stepsKeepMinAvailableReplicasUntilTheTargetIsReached() {
    List<String> servers = List.of("S0", "S1", "S2", "S3");
    Map<String, Map<String, String>> current = Assignments.roundRobin(12, 3, "ONLINE", "S0", "S1", "S2");
    Map<String, Map<String, String>> target = RebalanceTargets.compute(current, servers, 3, true, false);
    for (int minAvailable = 0; minAvailable < 3; minAvailable++) {
      Map<String, Map<String, String>> state = current;
      int steps = 0;
      while (!state.equals(target)) {
        Map<String, Map<String, String>> next = RebalanceSteps.next(state, target, minAvailable, -1, false);
        for (Map.Entry<String, Map<String, String>> segment : next.entrySet()) {
          // Replicas untouched by the step are the ones that stay ONLINE while it is applied.
          Set<String> stay = new java.util.TreeSet<>(segment.getValue().keySet());
          stay.retainAll(state.get(segment.getKey()).keySet());
          assertThat(stay.size()).as("segment %s with minAvailable %d", segment.getKey(), minAvailable)
              .isGreaterThanOrEqualTo(minAvailable);
          assertThat(segment.getValue().size()).isLessThanOrEqualTo(3);
        }
        assertThat(next).isNotEqualTo(state);
        state = next;
        steps++;
        assertThat(steps).isLessThanOrEqualTo(3);
      }
    }
  }

  @Test
  void oneSegmentStepSwapsOneReplicaAtATimeWithOneAvailable() {
    Map<String, String> current = Map.of("A", "ONLINE", "B", "ONLINE");
    Map<String, String> target = Map.of("C", "ONLINE", "D", "ONLINE");
    Map<String, String> first = RebalanceSteps.nextForSegment(current, target, 1, false);
    assertThat(first).isEqualTo(Map.of("A", "ONLINE", "C", "ONLINE"));
    assertThat(RebalanceSteps.nextForSegment(first, target, 1, false)).isEqualTo(target);
    assertThat(RebalanceSteps.nextForSegment(current, target, 0, false)).isEqualTo(target);
  }

  @Test
  void lowDiskModeDropsBeforeAdding() {
    Map<String, String> current = Map.of("A", "ONLINE", "B", "ONLINE");
    Map<String, String> target = Map.of("A", "ONLINE", "C", "ONLINE");
    Map<String, String> first = RebalanceSteps.nextForSegment(current, target, 1, true);
    assertThat(first).isEqualTo(Map.of("A", "ONLINE"));
    assertThat(RebalanceSteps.nextForSegment(first, target, 1, true)).isEqualTo(target);
  }

  @Test
  void batchSizeCapsSegmentsAddedPerServerPerStep() {
    Map<String, Map<String, String>> current = Assignments.roundRobin(6, 1, "ONLINE", "S0");
    Map<String, Map<String, String>> target = Assignments.roundRobin(6, 1, "ONLINE", "S1");
    Map<String, Map<String, String>> next = RebalanceSteps.next(current, target, 0, 2, false);
    assertThat(Assignments.load(next, List.of("S0", "S1"))).containsOnly(Map.entry("S0", 4), Map.entry("S1", 2));
  }

  @Test
  void segmentsAddedDuringTheRebalanceKeepTheirAssignment() {
    Map<String, Map<String, String>> current = new TreeMap<>(Assignments.roundRobin(2, 1, "ONLINE", "S0"));
    Map<String, Map<String, String>> target = Assignments.roundRobin(2, 1, "ONLINE", "S1");
    current.put("new", Map.of("S0", "ONLINE"));
    Map<String, Map<String, String>> next = RebalanceSteps.next(current, target, 0, -1, false);
    assertThat(next.get("new")).isEqualTo(Map.of("S0", "ONLINE"));
    assertThat(next.get("seg00")).isEqualTo(Map.of("S1", "ONLINE"));
  }

  @Test
  void convergenceWaitsForNewReplicasButNotForDroppedOnes() {
    Map<String, Map<String, String>> idealState = Map.of("s", Map.of("A", "ONLINE", "C", "ONLINE"));
    Map<String, Map<String, String>> loading = Map.of("s", Map.of("A", "ONLINE", "B", "ONLINE",
        "C", "OFFLINE"));
    Map<String, Map<String, String>> loaded = Map.of("s", Map.of("A", "ONLINE", "B", "OFFLINE", "C", "ONLINE"));
    assertThat(RebalanceSteps.convergence(idealState, loading, Set.of("s"), false).pendingReplicas()).isEqualTo(1);
    assertThat(RebalanceSteps.convergence(idealState, loaded, Set.of("s"), false).converged()).isTrue();

    Map<String, Map<String, String>> error = new HashMap<>(Map.of("s", Map.of("A", "ONLINE", "C", "ERROR")));
    RebalanceSteps.Convergence strict = RebalanceSteps.convergence(idealState, error, Set.of("s"), false);
    assertThat(strict.errorReplicas()).isEqualTo(1);
    assertThat(strict.converged()).isFalse();
    assertThat(RebalanceSteps.convergence(idealState, error, Set.of("s"), true).converged()).isTrue();
  }
}
