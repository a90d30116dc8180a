// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.rebalance;

import io.pinot.common.cluster.StateModels;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/// Plans a rebalance without downtime as a series of ideal-state steps, as Apache Pinot's `TableRebalancer` does.
/// In each step a moving segment keeps the replicas it shares with its target plus, if those are fewer than
/// `minAvailableReplicas`, some of its current replicas, and takes new target replicas up to the target's size;
/// the rest of its current replicas are dropped. Because the kept replicas were ONLINE in the converged external
/// view before the step, at least `minAvailableReplicas` replicas of every segment stay ONLINE while the step is
/// applied. Stateless.
public final class RebalanceSteps {
  private RebalanceSteps() {
  }

  /// The next ideal state on the way from `current` to `target`. Segments absent from `target` (added during the
  /// rebalance) keep their current assignment.
  ///
  /// @param batchSizePerServer at most this many segments added to one server in the step; -1 for no limit (a
  ///     step always moves at least one segment)
  /// @param lowDiskMode drop a segment's extra replicas in one step before adding new ones in a later step
  public static Map<String, Map<String, String>> next(Map<String, Map<String, String>> current,
      Map<String, Map<String, String>> target, int minAvailableReplicas, int batchSizePerServer, boolean lowDiskMode) {
    Map<String, Map<String, String>> next = new TreeMap<>();
    Map<String, Integer> added = new HashMap<>();
    for (Map.Entry<String, Map<String, String>> entry : new TreeMap<>(current).entrySet()) {
      Map<String, String> currentStates = entry.getValue();
      Map<String, String> targetStates = target.get(entry.getKey());
      if (targetStates == null || targetStates.equals(currentStates)) {
        next.put(entry.getKey(), new TreeMap<>(currentStates));
        continue;
      }
      Map<String, String> step = nextForSegment(currentStates, targetStates, minAvailableReplicas, lowDiskMode);
      Set<String> newServers = new TreeSet<>(step.keySet());
      newServers.removeAll(currentStates.keySet());
      boolean fits = batchSizePerServer < 0;
      if (!fits) {
        fits = true;
        for (String server : newServers) {
          fits &= added.getOrDefault(server, 0) < batchSizePerServer;
        }
      }
      if (fits) {
        newServers.forEach(server -> added.merge(server, 1, Integer::sum));
        next.put(entry.getKey(), step);
      } else {
        next.put(entry.getKey(), new TreeMap<>(currentStates));
      }
    }
    return next;
  }

  /// One segment's next instance → state map.
  static Map<String, String> nextForSegment(Map<String, String> currentStates, Map<String, String> targetStates,
      int minAvailableReplicas, boolean lowDiskMode) {
    Map<String, String> next = new TreeMap<>();
    for (Map.Entry<String, String> entry : targetStates.entrySet()) {
      if (currentStates.containsKey(entry.getKey())) {
        next.put(entry.getKey(), entry.getValue());
      }
    }
    int toKeep = minAvailableReplicas - next.size();
    for (String server : new TreeSet<>(currentStates.keySet())) {
      if (toKeep <= 0) {
        break;
      }
      if (!next.containsKey(server)) {
        next.put(server, currentStates.get(server));
        toKeep--;
      }
    }
    if (!lowDiskMode || next.size() == currentStates.size()) {
      int toAdd = targetStates.size() - next.size();
      for (Map.Entry<String, String> entry : new TreeMap<>(targetStates).entrySet()) {
        if (toAdd <= 0) {
          break;
        }
        if (!next.containsKey(entry.getKey())) {
          next.put(entry.getKey(), entry.getValue());
          toAdd--;
        }
      }
    }
    return next;
  }

  /// How far the external view is from the ideal state for some segments.
  ///
  /// @param pendingReplicas replicas of the ideal state not yet in their state in the external view
  /// @param errorReplicas replicas in ERROR in the external view
  public record Convergence(int pendingReplicas, int errorReplicas) {
    public boolean converged() {
      return pendingReplicas == 0;
    }
  }

  /// Compares the ideal state with the external view for `segments`, as Pinot does: every replica of the ideal
  /// state that is not OFFLINE must show the same state in the external view. Replicas being dropped are not
  /// waited for. With `bestEfforts` a replica in ERROR counts as converged.
  public static Convergence convergence(Map<String, Map<String, String>> idealState,
      Map<String, Map<String, String>> externalView, Set<String> segments, boolean bestEfforts) {
    int pending = 0;
    int errors = 0;
    for (String segment : segments) {
      Map<String, String> wanted = idealState.get(segment);
      if (wanted == null) {
        continue;
      }
      Map<String, String> actual = externalView.getOrDefault(segment, Map.of());
      for (Map.Entry<String, String> replica : wanted.entrySet()) {
        if (replica.getValue().equals(StateModels.OFFLINE)) {
          continue;
        }
        String state = actual.get(replica.getKey());
        if (StateModels.ERROR.equals(state)) {
          errors++;
          if (bestEfforts) {
            continue;
          }
        }
        if (!replica.getValue().equals(state)) {
          pending++;
        }
      }
    }
    return new Convergence(pending, errors);
  }

  /// Segments whose assignment differs between the two maps.
  public static Set<String> segmentsToMove(Map<String, Map<String, String>> current,
      Map<String, Map<String, String>> target) {
    Set<String> moving = new TreeSet<>();
    for (Map.Entry<String, Map<String, String>> entry : target.entrySet()) {
      Map<String, String> now = current.get(entry.getKey());
      if (now != null && !now.equals(entry.getValue())) {
        moving.add(entry.getKey());
      }
    }
    return moving;
  }
}
