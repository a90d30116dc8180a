// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.rebalance;

import io.pinot.common.cluster.StateModels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/// Computes a table's target segment assignment over its servers, the way Apache Pinot's balanced assignment
/// rebalances a table: every segment gets `min(replication, servers)` replicas, each server ends with the same
/// number of replicas (give or take one), and replicas already on a server of the table stay where they are
/// as far as balance allows, so few segments move. Segments whose replicas are all OFFLINE (failed ones) stay
/// as they are; so do CONSUMING segments unless `includeConsuming`. With `bootstrap` every segment is placed
/// again from scratch, in name order, as if it were uploaded to an empty table. Stateless.
public final class RebalanceTargets {
  private RebalanceTargets() {
  }

  /// @param current segment → (instance → state) of the ideal state
  /// @param servers the table's live, enabled servers (at least one)
  /// @param replication the table's replication
  /// @return the target segment → (instance → state), sorted by segment name
  public static Map<String, Map<String, String>> compute(Map<String, Map<String, String>> current,
      List<String> servers, int replication, boolean includeConsuming, boolean bootstrap) {
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("No server to assign segments to");
    }
    List<String> sortedServers = new ArrayList<>(new TreeSet<>(servers));
    Map<String, Map<String, String>> target = new TreeMap<>();
    Map<String, Map<String, String>> online = new TreeMap<>();
    Map<String, Map<String, String>> consuming = new TreeMap<>();
    for (Map.Entry<String, Map<String, String>> entry : current.entrySet()) {
      Map<String, String> states = entry.getValue();
      if (isConsuming(states)) {
        if (includeConsuming) {
          consuming.put(entry.getKey(), states);
        } else {
          target.put(entry.getKey(), new TreeMap<>(states));
        }
      } else if (!states.isEmpty() && !states.containsValue(StateModels.ONLINE)) {
        target.put(entry.getKey(), new TreeMap<>(states));
      } else {
        online.put(entry.getKey(), states);
      }
    }
    int replicas = Math.min(Math.max(replication, 1), sortedServers.size());
    target.putAll(balance(online, sortedServers, replicas, bootstrap, StateModels.ONLINE));
    target.putAll(balance(consuming, sortedServers, replicas, bootstrap, StateModels.CONSUMING));
    return target;
  }

  /// Pinot's test for a CONSUMING segment: some replica CONSUMING and none ONLINE.
  public static boolean isConsuming(Map<String, String> states) {
    return states.containsValue(StateModels.CONSUMING) && !states.containsValue(StateModels.ONLINE);
  }

  private static Map<String, Map<String, String>> balance(Map<String, Map<String, String>> segments,
      List<String> servers, int replicas, boolean bootstrap, String state) {
    Map<String, Integer> load = new HashMap<>();
    Map<String, Integer> quota = new HashMap<>();
    for (String server : servers) {
      load.put(server, 0);
    }
    Map<String, Set<String>> chosen = new LinkedHashMap<>();
    for (String segment : segments.keySet()) {
      chosen.put(segment, new LinkedHashSet<>());
    }
    if (!bootstrap) {
      computeQuotas(segments, servers, replicas, quota);
      // Keep replicas on servers of the table while the server is under its quota.
      for (Map.Entry<String, Map<String, String>> segment : segments.entrySet()) {
        Set<String> kept = chosen.get(segment.getKey());
        for (String server : new TreeSet<>(segment.getValue().keySet())) {
          if (kept.size() < replicas && load.containsKey(server) && load.get(server) < quota.get(server)) {
            kept.add(server);
            load.merge(server, 1, Integer::sum);
          }
        }
      }
    }
    // Fill the missing replicas: servers furthest under their quota first, then the least loaded.
    Comparator<String> order = Comparator
        .comparingInt((String server) -> load.get(server) - quota.getOrDefault(server, 0))
        .thenComparingInt(load::get)
        .thenComparing(Comparator.naturalOrder());
    for (Map.Entry<String, Set<String>> segment : chosen.entrySet()) {
      Set<String> assigned = segment.getValue();
      while (assigned.size() < replicas) {
        String best = null;
        for (String server : servers) {
          if (!assigned.contains(server) && (best == null || order.compare(server, best) < 0)) {
            best = server;
          }
        }
        assigned.add(best);
        load.merge(best, 1, Integer::sum);
      }
    }
    evenOut(chosen, segments, servers, load);
    Map<String, Map<String, String>> result = new TreeMap<>();
    for (Map.Entry<String, Set<String>> segment : chosen.entrySet()) {
      Map<String, String> states = new TreeMap<>();
      for (String server : segment.getValue()) {
        states.put(server, state);
      }
      result.put(segment.getKey(), states);
    }
    return result;
  }

  /// The greedy passes can leave a server two replicas above another (the last segments to fill may already sit on
  /// every server under its share). Moves one replica at a time from the most to the least loaded server, a newly
  /// placed replica first, until loads differ by at most one.
  private static void evenOut(Map<String, Set<String>> chosen, Map<String, Map<String, String>> segments,
      List<String> servers, Map<String, Integer> load) {
    Comparator<String> byLoad = Comparator.comparingInt((String server) -> load.get(server))
        .thenComparing(Comparator.naturalOrder());
    for (int round = 0; round < chosen.size() * servers.size(); round++) {
      String most = servers.stream().max(byLoad).orElseThrow();
      String least = servers.stream().min(byLoad).orElseThrow();
      if (load.get(most) - load.get(least) <= 1) {
        return;
      }
      String moved = null;
      for (Map.Entry<String, Set<String>> segment : chosen.entrySet()) {
        Set<String> assigned = segment.getValue();
        if (assigned.contains(most) && !assigned.contains(least)) {
          boolean wasThere = segments.get(segment.getKey()).containsKey(most);
          if (moved == null || !wasThere) {
            moved = segment.getKey();
            if (!wasThere) {
              break;
            }
          }
        }
      }
      if (moved == null) {
        return;
      }
      chosen.get(moved).remove(most);
      chosen.get(moved).add(least);
      load.merge(most, -1, Integer::sum);
      load.merge(least, 1, Integer::sum);
    }
  }

  /// Each server's share of the replicas: `total / servers`, plus one for the `total % servers` servers that hold
  /// the most replicas now (so that fewer replicas move).
  private static void computeQuotas(Map<String, Map<String, String>> segments, List<String> servers, int replicas,
      Map<String, Integer> quota) {
    int total = segments.size() * replicas;
    int base = total / servers.size();
    int extra = total % servers.size();
    Map<String, Integer> held = new HashMap<>();
    for (String server : servers) {
      held.put(server, 0);
    }
    for (Map<String, String> states : segments.values()) {
      for (String server : states.keySet()) {
        held.computeIfPresent(server, (key, count) -> count + 1);
      }
    }
    List<String> byHeld = new ArrayList<>(servers);
    byHeld.sort(Comparator.comparingInt((String server) -> -held.get(server)).thenComparing(Comparator.naturalOrder()));
    for (int i = 0; i < byHeld.size(); i++) {
      quota.put(byHeld.get(i), base + (i < extra ? 1 : 0));
    }
  }
}
