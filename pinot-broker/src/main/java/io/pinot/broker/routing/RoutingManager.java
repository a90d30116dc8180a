// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.routing;

import io.pinot.broker.pruning.SegmentPartitionInfo;
import io.pinot.broker.pruning.TimeInterval;
import io.pinot.query.TimeBoundaryFilter;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.config.table.TableType;
import io.pinot.spi.data.Schema;
import io.pinot.spi.utils.TableNameBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/// Routing state of a broker: for each table half it serves, which servers hold which segments, plus
/// where each server listens and which servers are alive, and the time boundary of each OFFLINE half (used when the
/// table is hybrid). Cluster callbacks replace whole immutable entries; queries only read, without locks and without
/// touching ZooKeeper.
public final class RoutingManager {
  private final Map<String, TableRoute> tables = new ConcurrentHashMap<>();
  private final Map<String, TimeBoundaryFilter> timeBoundaries = new ConcurrentHashMap<>();
  private volatile Map<String, ServerAddress> servers = Map.of();
  private volatile Set<String> liveInstances = Set.of();

  /// Rebuilds a table's route from its ideal state and external view (segment → instance → state).
  public void updateTable(String tableNameWithType, Map<String, Map<String, String>> idealState,
      Map<String, Map<String, String>> externalView, TableConfig config, @Nullable Schema schema) {
    updateTable(tableNameWithType, idealState, externalView, config, schema, Map.of());
  }

  /// As above, with the partitions of the segments of a partitioned table (for broker pruning).
  public void updateTable(String tableNameWithType, Map<String, Map<String, String>> idealState,
      Map<String, Map<String, String>> externalView, TableConfig config, @Nullable Schema schema,
      Map<String, SegmentPartitionInfo> partitions) {
    updateTable(tableNameWithType, idealState, externalView, config, schema, partitions, Map.of());
  }

  /// As above, with the time ranges of the segments of a table with a time column (for time pruning).
  public void updateTable(String tableNameWithType, Map<String, Map<String, String>> idealState,
      Map<String, Map<String, String>> externalView, TableConfig config, @Nullable Schema schema,
      Map<String, SegmentPartitionInfo> partitions, Map<String, TimeInterval> timeIntervals) {
    Map<String, List<String>> segments = new HashMap<>();
    for (Map.Entry<String, Map<String, String>> segment : idealState.entrySet()) {
      if (!segment.getValue().containsValue("ONLINE") && !segment.getValue().containsValue("CONSUMING")) {
        // As Pinot: a segment no replica should serve (e.g. one that stopped consuming) is not routed at all.
        continue;
      }
      List<String> online = new ArrayList<>();
      Map<String, String> current = externalView.getOrDefault(segment.getKey(), Map.of());
      for (Map.Entry<String, String> replica : new TreeMap<>(current).entrySet()) {
        if (isOnlineForRouting(segment.getValue().get(replica.getKey())) && isOnlineForRouting(replica.getValue())) {
          online.add(replica.getKey());
        }
      }
      segments.put(segment.getKey(), List.copyOf(online));
    }
    tables.put(tableNameWithType, new TableRoute(tableNameWithType, segments, config, schema, partitions,
        timeIntervals));
  }

  private static boolean isOnlineForRouting(@Nullable String state) {
    return "ONLINE".equals(state) || "CONSUMING".equals(state);
  }

  public void removeTable(String tableNameWithType) {
    tables.remove(tableNameWithType);
    timeBoundaries.remove(tableNameWithType);
  }

  /// Sets (or with null clears) the time boundary of an OFFLINE table half.
  public void updateTimeBoundary(String offlineTableName, @Nullable TimeBoundaryFilter boundary) {
    if (boundary == null) {
      timeBoundaries.remove(offlineTableName);
    } else {
      timeBoundaries.put(offlineTableName, boundary);
    }
  }

  /// The time boundary of a hybrid table (named raw or with either suffix): null unless the broker serves both halves
  /// and the OFFLINE half has a boundary, as Apache Pinot's `/debug/timeBoundary` answers.
  public @Nullable TimeBoundaryFilter timeBoundary(String tableName) {
    String raw = TableNameBuilder.rawTableName(tableName);
    String offline = find(TableNameBuilder.offline(raw));
    String realtime = find(TableNameBuilder.realtime(raw));
    return offline == null || realtime == null ? null : timeBoundaries.get(offline);
  }

  public void updateServers(Map<String, ServerAddress> addresses) {
    servers = Map.copyOf(addresses);
  }

  public void updateLiveInstances(Set<String> live) {
    liveInstances = Set.copyOf(live);
  }

  public @Nullable TableRoute route(String tableNameWithType) {
    return tables.get(tableNameWithType);
  }

  public Set<String> tableNamesWithType() {
    return Set.copyOf(tables.keySet());
  }

  public @Nullable ServerAddress server(String instanceId) {
    return servers.get(instanceId);
  }

  public boolean isLive(String instanceId) {
    return liveInstances.contains(instanceId);
  }

  /// The table halves a query on `tableName` reads, as Apache Pinot's broker routes: the half its suffix names
  /// (matched case-insensitively); for a raw name, both halves of a hybrid table, each with the time boundary, or
  /// only the REALTIME half while the OFFLINE half has no boundary (no segment with a valid end time yet), or the one
  /// half that exists. Empty when the broker serves no such table.
  public List<RoutedTable> resolveTables(String tableName) {
    String raw = TableNameBuilder.rawTableName(tableName);
    TableType type = TableNameBuilder.tableType(tableName);
    if (type != null) {
      String table = find(TableNameBuilder.tableNameWithType(raw, type));
      return table == null ? List.of() : List.of(new RoutedTable(table, null));
    }
    String offline = find(TableNameBuilder.offline(raw));
    String realtime = find(TableNameBuilder.realtime(raw));
    if (offline != null && realtime != null) {
      TimeBoundaryFilter boundary = timeBoundaries.get(offline);
      return boundary == null ? List.of(new RoutedTable(realtime, null))
          : List.of(new RoutedTable(offline, boundary), new RoutedTable(realtime, boundary));
    }
    String table = offline != null ? offline : realtime;
    return table == null ? List.of() : List.of(new RoutedTable(table, null));
  }

  /// The single table half a query on `tableName` reads when it is not a hybrid table, else the half [#resolveTables]
  /// lists first; null when the broker serves no such table.
  public @Nullable String resolveTable(String tableName) {
    List<RoutedTable> tables = resolveTables(tableName);
    return tables.isEmpty() ? null : tables.get(0).tableNameWithType();
  }

  private @Nullable String find(String wanted) {
    if (tables.containsKey(wanted)) {
      return wanted;
    }
    String lower = wanted.toLowerCase(Locale.ROOT);
    for (String table : tables.keySet()) {
      if (table.toLowerCase(Locale.ROOT).equals(lower)) {
        return table;
      }
    }
    return null;
  }
}
