// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.cluster;

import io.pinot.broker.pruning.SegmentPartitionInfo;
import io.pinot.broker.pruning.TimeInterval;
import io.pinot.broker.pruning.TimeSegmentPruner;
import io.pinot.broker.queryquota.QueryQuotaManager;
import io.pinot.broker.routing.RoutingManager;
import io.pinot.broker.routing.ServerAddress;
import io.pinot.broker.routing.TableRoute;
import io.pinot.broker.routing.timeboundary.TimeBoundaryCalculator;
import io.pinot.common.cluster.PropertyStorePaths;
import io.pinot.common.cluster.StateModels;
import io.pinot.common.cluster.ZnRecords;
import io.pinot.common.metadata.InstanceInfo;
import io.pinot.common.metadata.SegmentZkMetadata;
import io.pinot.common.utils.InstanceIds;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.config.table.TableType;
import io.pinot.spi.data.Schema;
import io.pinot.spi.utils.TableNameBuilder;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.helix.AccessOption;
import org.apache.helix.HelixDataAccessor;
import org.apache.helix.HelixManager;
import org.apache.helix.PropertyKey;
import org.apache.helix.model.ExternalView;
import org.apache.helix.model.IdealState;
import org.apache.helix.model.InstanceConfig;
import org.apache.helix.model.LiveInstance;
import org.apache.helix.zookeeper.datamodel.ZNRecord;
import org.apache.helix.zookeeper.zkclient.IZkDataListener;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Keeps the broker's [RoutingManager] in step with the cluster: which tables it serves (from the
/// brokerResource state transitions), their ideal states, external views, configs and schemas, and the
/// servers' addresses and liveness; and the [QueryQuotaManager] in step with table configs and the number of
/// brokers the `brokerResource` external view shows ONLINE for each table.
///
/// Threading: Helix invokes listeners while holding its manager's lock, so callbacks only record what
/// changed and wake one updater thread, which does every ZooKeeper read. Bursts of changes collapse into
/// one refresh. Queries never wait for this thread.
final class RoutingUpdater implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(RoutingUpdater.class);

  private final HelixManager manager;
  private final RoutingManager routing;
  private final QueryQuotaManager quotas;
  private final Set<String> servedTables = ConcurrentHashMap.newKeySet();
  private final Set<String> watchedPaths = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean tablesDirty = new AtomicBoolean();
  private final AtomicBoolean serversDirty = new AtomicBoolean();
  private final ExecutorService updater = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "broker-routing-updater");
    thread.setDaemon(true);
    return thread;
  });
  private final IZkDataListener metadataListener = new IZkDataListener() {
    @Override
    public void handleDataChange(String path, Object data) {
      refreshAll();
    }

    @Override
    public void handleDataDeleted(String path) {
      refreshAll();
    }
  };

  RoutingUpdater(HelixManager manager, RoutingManager routing, QueryQuotaManager quotas) {
    this.manager = manager;
    this.routing = routing;
    this.quotas = quotas;
  }

  void addTable(String tableNameWithType) {
    servedTables.add(tableNameWithType);
    refreshAll();
  }

  void removeTable(String tableNameWithType) {
    servedTables.remove(tableNameWithType);
    routing.removeTable(tableNameWithType);
    quotas.remove(tableNameWithType);
  }

  /// Schedules a refresh of every served table (after an ideal state, external view or metadata change).
  void refreshAll() {
    if (tablesDirty.compareAndSet(false, true)) {
      submit(() -> {
        tablesDirty.set(false);
        for (String table : Set.copyOf(servedTables)) {
          refreshTable(table);
        }
      });
    }
  }

  /// Schedules a refresh of server addresses and liveness.
  void refreshServers() {
    if (serversDirty.compareAndSet(false, true)) {
      submit(() -> {
        serversDirty.set(false);
        readServers();
      });
    }
  }

  private void submit(Runnable task) {
    try {
      updater.execute(() -> {
        try {
          task.run();
        } catch (RuntimeException e) {
          if (!updater.isShutdown()) {
            LOGGER.warn("Routing refresh failed: {}", e.getMessage(), e);
          }
        }
      });
    } catch (RejectedExecutionException e) {
      LOGGER.debug("Routing updater stopped; ignoring a change");
    }
  }

  @Override
  public void close() {
    updater.shutdownNow();
  }

  private void readServers() {
    HelixDataAccessor accessor = manager.getHelixDataAccessor();
    PropertyKey.Builder keys = accessor.keyBuilder();
    Map<String, ServerAddress> addresses = new HashMap<>();
    List<InstanceConfig> configs = accessor.getChildValues(keys.instanceConfigs(), true);
    for (InstanceConfig config : configs) {
      String id = config.getInstanceName();
      if (InstanceIds.isServer(id)) {
        int port;
        try {
          port = Integer.parseInt(config.getPort());
        } catch (NumberFormatException e) {
          port = InstanceIds.port(id);
        }
        String host = config.getHostName() == null ? InstanceIds.host(id) : config.getHostName();
        addresses.put(id, new ServerAddress(id, host, port, adminPort(config)));
      }
    }
    routing.updateServers(addresses);
    List<LiveInstance> live = accessor.getChildValues(keys.liveInstances(), true);
    Set<String> liveIds = new HashSet<>();
    for (LiveInstance instance : live) {
      liveIds.add(instance.getInstanceName());
    }
    routing.updateLiveInstances(liveIds);
  }

  private static int adminPort(InstanceConfig config) {
    try {
      return Integer.parseInt(config.getRecord().getSimpleField(InstanceInfo.ADMIN_PORT));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /// Refreshes routing when a table config or schema changes (ZooKeeper re-arms the watch after each event).
  private void watch(String propertyStorePath) {
    if (watchedPaths.add(propertyStorePath)) {
      manager.getHelixPropertyStore().subscribeDataChanges(propertyStorePath, metadataListener);
    }
  }

  /// What the segments' ZooKeeper records say for broker pruning and the hybrid time boundary: partitions (tables
  /// with a `segmentPartitionConfig`), time ranges and end times (tables with a time column). One batched read,
  /// skipped when the table has neither.
  private record SegmentRecords(Map<String, SegmentPartitionInfo> partitions, Map<String, TimeInterval> times,
      Map<String, Long> endTimesMs) {
  }

  private SegmentRecords segmentRecords(String tableNameWithType, TableConfig config) {
    boolean partitioned = config.tableIndexConfig().segmentPartitionConfig() != null;
    boolean timed = config.segmentsConfig().timeColumnName() != null;
    Map<String, SegmentPartitionInfo> partitions = new HashMap<>();
    Map<String, TimeInterval> times = new HashMap<>();
    Map<String, Long> endTimesMs = new HashMap<>();
    if (!partitioned && !timed) {
      return new SegmentRecords(partitions, times, endTimesMs);
    }
    List<ZNRecord> records = manager.getHelixPropertyStore().getChildren(
        PropertyStorePaths.segments(tableNameWithType), null, AccessOption.PERSISTENT, 1, 0);
    for (ZNRecord record : records == null ? List.<ZNRecord>of() : records) {
      if (record == null) {
        continue;
      }
      SegmentPartitionInfo info = partitioned
          ? SegmentPartitionInfo.parse(record.getSimpleField(SegmentZkMetadata.PARTITION_METADATA)) : null;
      if (info != null) {
        partitions.put(record.getId(), info);
      }
      TimeInterval interval = timed ? TimeSegmentPruner.segmentInterval(record.getSimpleFields()) : null;
      if (interval != null) {
        times.put(record.getId(), interval);
      }
      if (timed) {
        endTimesMs.put(record.getId(), TimeBoundaryCalculator.endTimeMs(record.getSimpleFields()));
      }
    }
    return new SegmentRecords(partitions, times, endTimesMs);
  }

  /// Brokers the `brokerResource` external view shows ONLINE for a table, this one always counted.
  private int onlineBrokers(HelixDataAccessor accessor, String tableNameWithType) {
    ExternalView brokers = accessor.getProperty(accessor.keyBuilder().externalView(StateModels.BROKER_RESOURCE));
    Map<String, String> states = brokers == null ? null : brokers.getStateMap(tableNameWithType);
    int count = 1;
    if (states != null) {
      for (Map.Entry<String, String> state : states.entrySet()) {
        if (!state.getKey().equals(manager.getInstanceName()) && StateModels.ONLINE.equals(state.getValue())) {
          count++;
        }
      }
    }
    return count;
  }

  /// The OFFLINE half's time boundary (used while the table is hybrid), from the end times of the segments a replica
  /// serves and the ideal state's explicitly set boundary.
  private void updateTimeBoundary(String offlineTableName, TableConfig config, @Nullable Schema schema,
      @Nullable IdealState idealState, Map<String, Long> endTimesMs) {
    TableRoute route = routing.route(offlineTableName);
    long maxEndTimeMs = route == null ? -1 : TimeBoundaryCalculator.maxEndTimeMs(route.segments(), endTimesMs);
    long explicitMs = TimeBoundaryCalculator.explicitBoundaryMs(idealState == null ? null
        : idealState.getRecord().getSimpleField(TimeBoundaryCalculator.HYBRID_TABLE_TIME_BOUNDARY));
    routing.updateTimeBoundary(offlineTableName,
        TimeBoundaryCalculator.compute(config, schema, maxEndTimeMs, explicitMs));
  }

  private void refreshTable(String tableNameWithType) {
    try {
      HelixDataAccessor accessor = manager.getHelixDataAccessor();
      PropertyKey.Builder keys = accessor.keyBuilder();
      IdealState idealState = accessor.getProperty(keys.idealStates(tableNameWithType));
      ExternalView externalView = accessor.getProperty(keys.externalView(tableNameWithType));
      String configPath = PropertyStorePaths.tableConfig(tableNameWithType);
      watch(configPath);
      ZNRecord configRecord = manager.getHelixPropertyStore().get(configPath, null, AccessOption.PERSISTENT);
      if (configRecord == null) {
        routing.removeTable(tableNameWithType);
        return;
      }
      TableConfig config = ZnRecords.toTableConfig(configRecord);
      String schemaPath = PropertyStorePaths.schema(config.schemaName());
      watch(schemaPath);
      ZNRecord schemaRecord = manager.getHelixPropertyStore().get(schemaPath, null, AccessOption.PERSISTENT);
      Schema schema = schemaRecord == null ? null : ZnRecords.toSchema(schemaRecord);
      Map<String, Map<String, String>> ideal = idealState == null ? Map.of() : idealState.getRecord().getMapFields();
      Map<String, Map<String, String>> external = externalView == null ? Map.of()
          : externalView.getRecord().getMapFields();
      SegmentRecords records = segmentRecords(tableNameWithType, config);
      routing.updateTable(tableNameWithType, ideal, external, config, schema, records.partitions(), records.times());
      if (TableNameBuilder.tableType(tableNameWithType) == TableType.OFFLINE) {
        updateTimeBoundary(tableNameWithType, config, schema, idealState, records.endTimesMs());
      }
      quotas.update(tableNameWithType, config, onlineBrokers(accessor, tableNameWithType));
    } catch (RuntimeException e) {
      if (!updater.isShutdown()) {
        LOGGER.warn("Cannot refresh routing of {}: {}", tableNameWithType, e.getMessage(), e);
      }
    }
  }
}
