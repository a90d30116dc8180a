// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.assignment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/// Apache Pinot's balanced segment assignment for OFFLINE tables: a new segment goes to the `replication`
/// candidate servers that host the fewest segments of the table (ties broken by instance id, so the result
/// is deterministic). Stateless.
public final class BalancedSegmentAssignment {
  private BalancedSegmentAssignment() {
  }

  /// @param currentAssignment segment → (instance → state) of the table
  /// @param candidates servers carrying the table's server tag
  /// @param replication replicas wanted; fewer are used when there are fewer candidates
  /// @throws IllegalStateException when there is no candidate
  public static Set<String> assign(Map<String, Map<String, String>> currentAssignment, List<String> candidates,
      int replication) {
    if (candidates.isEmpty()) {
      throw new IllegalStateException("No server to host the segment");
    }
    Map<String, Integer> load = new HashMap<>();
    for (String candidate : candidates) {
      load.put(candidate, 0);
    }
    for (Map<String, String> instances : currentAssignment.values()) {
      for (String instance : instances.keySet()) {
        load.computeIfPresent(instance, (key, count) -> count + 1);
      }
    }
    List<String> ordered = new ArrayList<>(candidates);
    ordered.sort(Comparator.comparingInt((String instance) -> load.get(instance)).thenComparing(s -> s));
    return new LinkedHashSet<>(ordered.subList(0, Math.min(replication, ordered.size())));
  }
}
