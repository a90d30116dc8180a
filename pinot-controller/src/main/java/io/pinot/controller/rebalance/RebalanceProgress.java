// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.rebalance;

import io.pinot.controller.rebalance.TableRebalanceProgressStats.RebalanceProgressStats;
import io.pinot.controller.rebalance.TableRebalanceProgressStats.RebalanceStateStats;
import java.util.Map;

/// Computes a running rebalance's progress from the assignments it moves between and the external view, with
/// Apache Pinot's definitions: a replica to add is done when the external view shows it in its target state, a
/// replica to delete is done when it has left the external view. Stateless.
public final class RebalanceProgress {
  private RebalanceProgress() {
  }

  /// The replicas to add and delete going from `from` to `to`, and what of that remains in `externalView`.
  ///
  /// @param startTimeMs when this move started (for the time estimates)
  /// @param averageSegmentSizeInBytes one replica's average size, or -1 when unknown
  public static RebalanceProgressStats progress(Map<String, Map<String, String>> from,
      Map<String, Map<String, String>> to, Map<String, Map<String, String>> externalView, long startTimeMs,
      long averageSegmentSizeInBytes, long nowMs) {
    int toAdd = 0;
    int toDelete = 0;
    int remainingAdd = 0;
    int remainingDelete = 0;
    int segmentsToConverge = 0;
    for (Map.Entry<String, Map<String, String>> entry : to.entrySet()) {
      Map<String, String> before = from.get(entry.getKey());
      if (before == null || before.equals(entry.getValue())) {
        continue;
      }
      Map<String, String> actual = externalView.getOrDefault(entry.getKey(), Map.of());
      boolean pending = false;
      for (Map.Entry<String, String> replica : entry.getValue().entrySet()) {
        if (!before.containsKey(replica.getKey())) {
          toAdd++;
          if (!replica.getValue().equals(actual.get(replica.getKey()))) {
            remainingAdd++;
            pending = true;
          }
        }
      }
      for (String server : before.keySet()) {
        if (!entry.getValue().containsKey(server)) {
          toDelete++;
          if (actual.containsKey(server)) {
            remainingDelete++;
            pending = true;
          }
        }
      }
      segmentsToConverge += pending ? 1 : 0;
    }
    double elapsedSeconds = Math.max(0, nowMs - startTimeMs) / 1000.0;
    return new RebalanceProgressStats(toAdd, toDelete, remainingAdd, remainingDelete, segmentsToConverge, 0, 0, 0,
        false, 0, percentage(toAdd, remainingAdd), percentage(toDelete, remainingDelete),
        estimate(toAdd, remainingAdd, elapsedSeconds), estimate(toDelete, remainingDelete, elapsedSeconds),
        averageSegmentSizeInBytes, averageSegmentSizeInBytes < 0 ? -1 : toAdd * averageSegmentSizeInBytes,
        startTimeMs);
  }

  /// Pinot's comparison of `base` with `wanted`: segments of `wanted` missing from `base` or with other replicas.
  public static RebalanceStateStats compare(Map<String, Map<String, String>> base,
      Map<String, Map<String, String>> wanted) {
    int missing = 0;
    int segments = 0;
    int replicas = 0;
    for (Map.Entry<String, Map<String, String>> entry : wanted.entrySet()) {
      Map<String, String> actual = base.get(entry.getKey());
      if (actual == null) {
        missing++;
        segments++;
        replicas += entry.getValue().size();
        continue;
      }
      int differing = 0;
      for (Map.Entry<String, String> replica : entry.getValue().entrySet()) {
        if (!replica.getValue().equals(actual.get(replica.getKey()))) {
          differing++;
        }
      }
      if (differing > 0) {
        segments++;
        replicas += differing;
      }
    }
    double percent = wanted.isEmpty() ? 0.0 : segments * 100.0 / wanted.size();
    return new RebalanceStateStats(missing, segments, percent, replicas);
  }

  private static double percentage(int total, int remaining) {
    return total == 0 ? 0.0 : remaining * 100.0 / total;
  }

  /// Remaining time at the pace so far; 0 when nothing remains, -1 when nothing is done yet.
  private static double estimate(int total, int remaining, double elapsedSeconds) {
    if (remaining == 0) {
      return 0.0;
    }
    int done = total - remaining;
    return done <= 0 ? -1.0 : remaining * elapsedSeconds / done;
  }
}
