// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.rebalance;

import io.pinot.controller.rebalance.RebalanceSummaryResult.ConsumingSegmentToBeMovedSummary;
import io.pinot.controller.rebalance.RebalanceSummaryResult.RebalanceChangeInfo;
import io.pinot.controller.rebalance.RebalanceSummaryResult.SegmentInfo;
import io.pinot.controller.rebalance.RebalanceSummaryResult.ServerInfo;
import io.pinot.controller.rebalance.RebalanceSummaryResult.ServerSegmentChangeInfo;
import io.pinot.controller.rebalance.RebalanceSummaryResult.ServerStatus;
import io.pinot.controller.rebalance.RebalanceSummaryResult.TagInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/// Computes Apache Pinot's rebalance summary from the current and target assignments: per server the segment
/// replicas before, after, added, deleted and unchanged; per segment the replicas to move and the data that
/// represents; per server tag of the table the replicas to download. Stateless.
public final class RebalanceSummaries {
  private RebalanceSummaries() {
  }

  /// @param serverTags each server's tags (servers missing here get no `tagList`)
  /// @param tableTags the server tags the table uses
  /// @param averageSegmentSizeInBytes one replica's average size, or -1 when unknown
  /// @param realtime whether to summarize CONSUMING segment moves
  public static RebalanceSummaryResult compute(Map<String, Map<String, String>> current,
      Map<String, Map<String, String>> target, Map<String, List<String>> serverTags, Set<String> tableTags,
      long averageSegmentSizeInBytes, boolean realtime) {
    Map<String, Set<String>> before = segmentsByServer(current, false);
    Map<String, Set<String>> after = segmentsByServer(target, false);
    Set<String> added = new TreeSet<>();
    Set<String> removed = new TreeSet<>();
    Set<String> unchanged = new TreeSet<>();
    Set<String> gettingNew = new TreeSet<>();
    Map<String, ServerSegmentChangeInfo> changes = new TreeMap<>();
    Map<String, int[]> tags = new TreeMap<>();
    for (String tag : tableTags) {
      tags.put(tag, new int[3]);
    }
    int replicasKept = 0;
    int replicasDeleted = 0;
    int maxAdded = 0;
    for (Map.Entry<String, Set<String>> entry : after.entrySet()) {
      String server = entry.getKey();
      Set<String> had = before.getOrDefault(server, Set.of());
      Set<String> kept = new HashSet<>(entry.getValue());
      kept.retainAll(had);
      int numAdded = entry.getValue().size() - kept.size();
      ServerStatus status = before.containsKey(server) ? ServerStatus.UNCHANGED : ServerStatus.ADDED;
      (status == ServerStatus.ADDED ? added : unchanged).add(server);
      if (numAdded > 0) {
        gettingNew.add(server);
      }
      replicasKept += kept.size();
      replicasDeleted += had.size() - kept.size();
      maxAdded = Math.max(maxAdded, numAdded);
      List<String> tagList = serverTags.get(server);
      changes.put(server, new ServerSegmentChangeInfo(status, entry.getValue().size(), had.size(), numAdded,
          had.size() - kept.size(), kept.size(), tagList));
      for (String tag : tagList == null ? List.<String>of() : tagList) {
        int[] counts = tags.get(tag);
        if (counts != null) {
          counts[0] += numAdded;
          counts[1] += kept.size();
          counts[2]++;
        }
      }
    }
    for (Map.Entry<String, Set<String>> entry : before.entrySet()) {
      if (!after.containsKey(entry.getKey())) {
        removed.add(entry.getKey());
        int count = entry.getValue().size();
        replicasDeleted += count;
        changes.put(entry.getKey(), new ServerSegmentChangeInfo(ServerStatus.REMOVED, 0, count, 0, count, 0,
            serverTags.get(entry.getKey())));
      }
    }
    int replicasBefore = countReplicas(current);
    int replicasAfter = countReplicas(target);
    int toMove = replicasAfter - replicasKept;
    ServerInfo serverInfo = new ServerInfo(gettingNew.size(), new RebalanceChangeInfo(before.size(), after.size()),
        added, removed, unchanged, gettingNew, changes);
    SegmentInfo segmentInfo = new SegmentInfo(toMove, replicasDeleted, maxAdded, averageSegmentSizeInBytes,
        averageSegmentSizeInBytes < 0 ? -1 : toMove * averageSegmentSizeInBytes,
        new RebalanceChangeInfo(replication(current), replication(target)),
        new RebalanceChangeInfo(current.size(), target.size()),
        new RebalanceChangeInfo(replicasBefore, replicasAfter),
        realtime ? consumingSummary(current, target) : null);
    List<TagInfo> tagsInfo = new ArrayList<>();
    tags.forEach((tag, counts) -> tagsInfo.add(new TagInfo(tag, counts[0], counts[1], counts[2])));
    return new RebalanceSummaryResult(serverInfo, segmentInfo, tagsInfo);
  }

  private static @Nullable ConsumingSegmentToBeMovedSummary consumingSummary(
      Map<String, Map<String, String>> current, Map<String, Map<String, String>> target) {
    Map<String, Set<String>> before = segmentsByServer(current, true);
    Map<String, Set<String>> after = segmentsByServer(target, true);
    int moved = 0;
    int servers = 0;
    for (Map.Entry<String, Set<String>> entry : after.entrySet()) {
      Set<String> newOnes = new HashSet<>(entry.getValue());
      newOnes.removeAll(before.getOrDefault(entry.getKey(), Set.of()));
      moved += newOnes.size();
      servers += newOnes.isEmpty() ? 0 : 1;
    }
    return new ConsumingSegmentToBeMovedSummary(moved, servers);
  }

  private static Map<String, Set<String>> segmentsByServer(Map<String, Map<String, String>> assignment,
      boolean consumingOnly) {
    Map<String, Set<String>> result = new TreeMap<>();
    for (Map.Entry<String, Map<String, String>> entry : assignment.entrySet()) {
      if (consumingOnly && !RebalanceTargets.isConsuming(entry.getValue())) {
        continue;
      }
      for (String server : entry.getValue().keySet()) {
        result.computeIfAbsent(server, key -> new TreeSet<>()).add(entry.getKey());
      }
    }
    return result;
  }

  private static int countReplicas(Map<String, Map<String, String>> assignment) {
    int count = 0;
    for (Map<String, String> states : assignment.values()) {
      count += states.size();
    }
    return count;
  }

  /// The most common number of replicas per segment (0 for no segment).
  static int replication(Map<String, Map<String, String>> assignment) {
    Map<Integer, Integer> counts = new TreeMap<>();
    for (Map<String, String> states : assignment.values()) {
      counts.merge(states.size(), 1, Integer::sum);
    }
    int best = 0;
    int bestCount = 0;
    for (Map.Entry<Integer, Integer> entry : counts.entrySet()) {
      if (entry.getValue() > bestCount) {
        best = entry.getKey();
        bestCount = entry.getValue();
      }
    }
    return best;
  }
}
