// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.routing;

import io.pinot.broker.pruning.SegmentPartitionInfo;
import io.pinot.broker.pruning.TimeInterval;
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
/// where each server listens and which servers are alive. Cluster callbacks replace whole immutable
/// entries; queries only read, without locks and without touching ZooKeeper.
public final class RoutingManager {
  private final Map<String, TableRoute> tables = new ConcurrentHashMap<>();
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
      List<String> online = new ArrayList<>();
      Map<String, String> current = externalView.getOrDefault(segment.getKey(), Map.of());
      for (Map.Entry<String, String> replica : new TreeMap<>(current).entrySet()) {
        boolean wanted = segment.getValue().containsKey(replica.getKey());
        if (wanted && ("ONLINE".equals(replica.getValue()) || "CONSUMING".equals(replica.getValue()))) {
          online.add(replica.getKey());
        }
      }
      segments.put(segment.getKey(), List.copyOf(online));
    }
    tables.put(tableNameWithType, new TableRoute(tableNameWithType, segments, config, schema, partitions,
        timeIntervals));
  }

  public void removeTable(String tableNameWithType) {
    tables.remove(tableNameWithType);
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

  /// The table half a query on `tableName` reads: the half its suffix names, else the OFFLINE half, else the
  /// REALTIME half, matched case-insensitively as Apache Pinot's broker does; null when the broker serves no
  /// such table. (A hybrid table is read through its OFFLINE half until the time boundary is built.)
  public @Nullable String resolveTable(String tableName) {
    String raw = TableNameBuilder.rawTableName(tableName);
    TableType type = TableNameBuilder.tableType(tableName);
    if (type != null) {
      return find(TableNameBuilder.tableNameWithType(raw, type));
    }
    String offline = find(TableNameBuilder.offline(raw));
    return offline != null ? offline : find(TableNameBuilder.realtime(raw));
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
