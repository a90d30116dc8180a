// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.rebalance;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/// Builds and inspects segment → (instance → state) maps for the rebalance tests.
final class Assignments {
  private Assignments() {
  }

  /// `n` segments `seg00..`, segment i on `servers[i % servers.length]` (and the next ones for more replicas).
  static Map<String, Map<String, String>> roundRobin(int n, int replicas, String state, String... servers) {
    Map<String, Map<String, String>> result = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      Map<String, String> states = new TreeMap<>();
      for (int r = 0; r < replicas; r++) {
        states.put(servers[(i + r) % servers.length], state);
      }
      result.put(String.format("seg%02d", i), states);
    }
    return result;
  }

  static Map<String, Integer> load(Map<String, Map<String, String>> assignment, List<String> servers) {
    Map<String, Integer> load = new TreeMap<>();
    servers.forEach(server -> load.put(server, 0));
    assignment.values().forEach(states -> states.keySet().forEach(server -> load.merge(server, 1, Integer::sum)));
    return load;
  }

  /// Replicas present in both assignments.
  static int kept(Map<String, Map<String, String>> before, Map<String, Map<String, String>> after) {
    int kept = 0;
    for (Map.Entry<String, Map<String, String>> entry : after.entrySet()) {
      Map<String, String> old = before.getOrDefault(entry.getKey(), Map.of());
      for (String server : entry.getValue().keySet()) {
        kept += old.containsKey(server) ? 1 : 0;
      }
    }
    return kept;
  }
}
