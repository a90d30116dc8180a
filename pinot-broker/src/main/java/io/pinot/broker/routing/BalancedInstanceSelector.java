// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/// Apache Pinot's balanced replica selection: each segment goes to one of its live ONLINE replicas, rotating
/// by request id so that successive queries spread over the replicas. Stateless.
public final class BalancedInstanceSelector {
  private BalancedInstanceSelector() {
  }

  public static Selection select(TableRoute route, long requestId, RoutingManager routing) {
    return select(route, Set.of(), requestId, routing);
  }

  /// As [#select(TableRoute, long, RoutingManager)], leaving out the segments the broker pruned.
  public static Selection select(TableRoute route, Set<String> pruned, long requestId, RoutingManager routing) {
    Map<ServerAddress, List<String>> chosen = new LinkedHashMap<>();
    List<String> unavailable = new ArrayList<>();
    int index = 0;
    for (Map.Entry<String, List<String>> segment : new TreeMap<>(route.segments()).entrySet()) {
      if (pruned.contains(segment.getKey())) {
        continue;
      }
      List<ServerAddress> candidates = new ArrayList<>(segment.getValue().size());
      for (String instance : segment.getValue()) {
        ServerAddress address = routing.server(instance);
        if (address != null && routing.isLive(instance)) {
          candidates.add(address);
        }
      }
      if (candidates.isEmpty()) {
        unavailable.add(segment.getKey());
      } else {
        ServerAddress server = candidates.get((int) Math.floorMod(requestId + index, (long) candidates.size()));
        chosen.computeIfAbsent(server, key -> new ArrayList<>()).add(segment.getKey());
      }
      index++;
    }
    return new Selection(chosen, unavailable);
  }
}
