// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.routing;

import io.pinot.segment.mutable.LlcSegmentName;
import io.pinot.spi.config.table.TableConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/// Apache Pinot's `strictReplicaGroup` selection (`routing.instanceSelectorType`), which upsert and dedup tables
/// need: all segments of one stream partition go to the same server, so a query sees one server's primary-key
/// view of the partition, never a mix of two replicas at different points of consumption. For each partition (the
/// LLC partition of the segment name; other segments form one group) the servers serving every queried segment of
/// the partition are the candidates, rotated by request id. When no live server holds all of them (a replica is
/// catching up), the partition falls back to per-segment selection rather than failing the query. Stateless.
public final class StrictReplicaGroupInstanceSelector {
  private static final String TYPE = "strictReplicaGroup";

  private StrictReplicaGroupInstanceSelector() {
  }

  /// Whether the table config asks for strict replica-group routing.
  public static boolean isConfigured(TableConfig tableConfig) {
    return tableConfig.otherFields().get("routing") instanceof Map<?, ?> routing
        && TYPE.equalsIgnoreCase(String.valueOf(routing.get("instanceSelectorType")));
  }

  /// Chooses a server per partition for the segments not `pruned`.
  public static Selection select(TableRoute route, Set<String> pruned, long requestId, RoutingManager routing) {
    Map<Integer, List<String>> byPartition = new TreeMap<>();
    for (String segment : new TreeSet<>(route.segments().keySet())) {
      if (!pruned.contains(segment)) {
        int partition = LlcSegmentName.isLlcSegmentName(segment)
            ? LlcSegmentName.parse(segment).partitionGroupId() : -1;
        byPartition.computeIfAbsent(partition, p -> new ArrayList<>()).add(segment);
      }
    }
    Map<ServerAddress, List<String>> chosen = new LinkedHashMap<>();
    List<String> unavailable = new ArrayList<>();
    int index = 0;
    for (List<String> segments : byPartition.values()) {
      List<String> common = commonLiveServers(route, segments, routing);
      if (common.isEmpty()) {
        Selection fallback = BalancedInstanceSelector.select(subRoute(route, segments), Set.of(), requestId + index,
            routing);
        fallback.serverSegments().forEach((server, list) -> chosen.computeIfAbsent(server, s -> new ArrayList<>())
            .addAll(list));
        unavailable.addAll(fallback.unavailableSegments());
      } else {
        String instance = common.get((int) Math.floorMod(requestId + index, (long) common.size()));
        chosen.computeIfAbsent(routing.server(instance), s -> new ArrayList<>()).addAll(segments);
      }
      index++;
    }
    return new Selection(chosen, unavailable);
  }

  /// The live servers (sorted) that serve every one of `segments`.
  private static List<String> commonLiveServers(TableRoute route, List<String> segments, RoutingManager routing) {
    Set<String> common = null;
    for (String segment : segments) {
      Set<String> servers = new TreeSet<>();
      for (String instance : route.segments().get(segment)) {
        if (routing.server(instance) != null && routing.isLive(instance)) {
          servers.add(instance);
        }
      }
      if (common == null) {
        common = servers;
      } else {
        common.retainAll(servers);
      }
    }
    return common == null ? List.of() : new ArrayList<>(common);
  }

  private static TableRoute subRoute(TableRoute route, List<String> segments) {
    Map<String, List<String>> subset = new TreeMap<>();
    for (String segment : segments) {
      subset.put(segment, route.segments().get(segment));
    }
    return new TableRoute(route.tableNameWithType(), subset, route.tableConfig(), route.schema());
  }
}
