// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.rebalance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RebalanceTargetsTest {
  private static final List<String> FOUR = List.of("S0", "S1", "S2", "S3");

  @Test
  void spreadsReplicasEvenlyOverNewServersMovingOnlyWhatBalanceNeeds() {
    Map<String, Map<String, String>> current = Assignments.roundRobin(10, 2, "ONLINE", "S0", "S1");
    Map<String, Map<String, String>> target = RebalanceTargets.compute(current, FOUR, 2, true, false);

    assertThat(target.keySet()).isEqualTo(current.keySet());
    assertThat(target.values()).allSatisfy(states -> {
      assertThat(states).hasSize(2);
      assertThat(states.values()).containsOnly("ONLINE");
    });
    assertThat(Assignments.load(target, FOUR)).containsOnly(Map.entry("S0", 5), Map.entry("S1", 5),
        Map.entry("S2", 5), Map.entry("S3", 5));
    // 20 replicas, 10 of them must land on S2 and S3: exactly those move, the other 10 stay.
    assertThat(Assignments.kept(current, target)).isEqualTo(10);
  }

  @Test
  void balancedTableIsLeftAsItIs() {
    Map<String, Map<String, String>> current = Assignments.roundRobin(8, 2, "ONLINE", "S0", "S1", "S2", "S3");
    assertThat(RebalanceTargets.compute(current, FOUR, 2, true, false)).isEqualTo(current);
  }

  @Test
  void unevenCountsDifferByAtMostOneAndFavourServersHoldingMore() {
    Map<String, Map<String, String>> current = Assignments.roundRobin(7, 1, "ONLINE", "S0");
    Map<String, Map<String, String>> target = RebalanceTargets.compute(current, List.of("S0", "S1", "S2"), 1, true,
        false);
    Map<String, Integer> load = Assignments.load(target, List.of("S0", "S1", "S2"));
    assertThat(Collections.max(load.values()) - Collections.min(load.values())).isLessThanOrEqualTo(1);
    // S0 already holds everything, so it keeps the extra replica: 3 stay, 4 move.
    assertThat(load.get("S0")).isEqualTo(3);
    assertThat(Assignments.kept(current, target)).isEqualTo(3);
  }

  @Test
  void removedServersLoseTheirReplicas() {
    Map<String, Map<String, String>> current = Assignments.roundRobin(6, 2, "ONLINE", "S0", "S1", "GONE");
    Map<String, Map<String, String>> target = RebalanceTargets.compute(current, List.of("S0", "S1", "S2"), 2, true,
        false);
    assertThat(Assignments.load(target, List.of("S0", "S1", "S2", "GONE")))
        .containsOnly(Map.entry("S0", 4), Map.entry("S1", 4), Map.entry("S2", 4), Map.entry("GONE", 0));
  }

  @Test
  void fewerServersThanReplicationUsesEveryServerOnce() {
    Map<String, Map<String, String>> current = Assignments.roundRobin(3, 3, "ONLINE", "S0", "S1", "S2");
    Map<String, Map<String, String>> target = RebalanceTargets.compute(current, List.of("S0", "S1"), 3, true,
        false);
    assertThat(target.values()).allSatisfy(states -> assertThat(states.keySet()).containsExactly("S0", "S1"));
  }

  @Test
  void consumingSegmentsStayUnlessIncluded() {
    Map<String, Map<String, String>> current = new TreeMap<>(Assignments.roundRobin(4, 1, "ONLINE", "S0"));
    current.put("consuming", new TreeMap<>(Map.of("S0", "CONSUMING")));
    current.put("failed", new TreeMap<>(Map.of("S0", "OFFLINE")));

    Map<String, Map<String, String>> without = RebalanceTargets.compute(current, List.of("S0", "S1"), 1, false,
        false);
    assertThat(without.get("consuming")).isEqualTo(Map.of("S0", "CONSUMING"));
    assertThat(without.get("failed")).isEqualTo(Map.of("S0", "OFFLINE"));
    assertThat(Assignments.load(Map.of("a", without.get("seg00"), "b", without.get("seg01"), "c",
        without.get("seg02"), "d", without.get("seg03")), List.of("S0", "S1"))).containsOnly(Map.entry("S0", 2),
        Map.entry("S1", 2));

    Map<String, Map<String, String>> with = RebalanceTargets.compute(current, List.of("S1"), 1, true, false);
    assertThat(with.get("consuming")).isEqualTo(Map.of("S1", "CONSUMING"));
    assertThat(with.get("failed")).isEqualTo(Map.of("S0", "OFFLINE"));
  }

  @Test
  void bootstrapPlacesEverySegmentAgainInNameOrder() {
    Map<String, Map<String, String>> current = Assignments.roundRobin(4, 1, "ONLINE", "S1");
    Map<String, Map<String, String>> kept = RebalanceTargets.compute(current, List.of("S0", "S1"), 1, true, false);
    Map<String, Map<String, String>> bootstrapped = RebalanceTargets.compute(current, List.of("S0", "S1"), 1, true,
        true);
    assertThat(Assignments.kept(current, kept)).isEqualTo(2);
    // From scratch: seg00 → S0, seg01 → S1, seg02 → S0, seg03 → S1, whatever was there before.
    assertThat(bootstrapped.get("seg00")).containsOnlyKeys("S0");
    assertThat(bootstrapped.get("seg01")).containsOnlyKeys("S1");
    assertThat(bootstrapped.get("seg02")).containsOnlyKeys("S0");
    assertThat(bootstrapped.get("seg03")).containsOnlyKeys("S1");
  }

  @Test
  void anyStartingPointEndsBalancedAndKeepsReplicasDistinct() {
    Random random = new Random(42);
    for (int trial = 0; trial < 300; trial++) {
      int numServers = 1 + random.nextInt(6);
      List<String> servers = new ArrayList<>();
      for (int i = 0; i < numServers; i++) {
        servers.add("S" + i);
      }
      int replication = 1 + random.nextInt(3);
      Map<String, Map<String, String>> current = new TreeMap<>();
      for (int s = 0; s < random.nextInt(30); s++) {
        Map<String, String> states = new TreeMap<>();
        for (int r = 0; r < 1 + random.nextInt(3); r++) {
          states.put("S" + random.nextInt(numServers + 2), "ONLINE");
        }
        current.put("seg" + s, states);
      }
      Map<String, Map<String, String>> target = RebalanceTargets.compute(current, servers, replication, true, false);
      int replicas = Math.min(replication, numServers);
      assertThat(target.values()).allSatisfy(states -> {
        assertThat(states).hasSize(replicas);
        assertThat(servers).containsAll(states.keySet());
      });
      Map<String, Integer> load = Assignments.load(target, servers);
      assertThat(Collections.max(load.values()) - Collections.min(load.values())).as("trial %d: %s", trial, load)
          .isLessThanOrEqualTo(1);
      assertThat(RebalanceTargets.compute(target, servers, replication, true, false)).isEqualTo(target);
    }
  }

  @Test
  void refusesNoServer() {
    assertThatThrownBy(() -> RebalanceTargets.compute(Map.of(), List.of(), 1, true, false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
