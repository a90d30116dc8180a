// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BalancedSegmentAssignmentTest {
  @Test
  void picksTheLeastLoadedServersDeterministically() {
    Map<String, Map<String, String>> current = Map.of(
        "s0", Map.of("A", "ONLINE"), "s1", Map.of("A", "ONLINE"), "s2", Map.of("B", "ONLINE"));
    assertThat(BalancedSegmentAssignment.assign(current, List.of("A", "B", "C"), 1)).containsExactly("C");
    assertThat(BalancedSegmentAssignment.assign(current, List.of("A", "B", "C"), 2)).containsExactly("C", "B");
    assertThat(BalancedSegmentAssignment.assign(Map.of(), List.of("B", "A"), 1)).containsExactly("A");
  }

  @Test
  void usesEveryCandidateWhenReplicationExceedsThem() {
    assertThat(BalancedSegmentAssignment.assign(Map.of(), List.of("A", "B"), 3)).containsExactlyInAnyOrder("A", "B");
  }

  @Test
  void spreadsManySegmentsEvenly() {
    Map<String, Map<String, String>> current = new HashMap<>();
    for (int i = 0; i < 10; i++) {
      String server = BalancedSegmentAssignment.assign(current, List.of("A", "B"), 1).iterator().next();
      current.put("seg" + i, Map.of(server, "ONLINE"));
    }
    long onA = current.values().stream().filter(m -> m.containsKey("A")).count();
    assertThat(onA).isEqualTo(5);
  }

  @Test
  void noCandidateIsAnError() {
    assertThatThrownBy(() -> BalancedSegmentAssignment.assign(Map.of(), List.of(), 1))
        .isInstanceOf(IllegalStateException.class);
  }
}
