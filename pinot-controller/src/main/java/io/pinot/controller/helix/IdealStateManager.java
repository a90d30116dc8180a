// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.helix;

import io.pinot.common.cluster.StateModels;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.apache.helix.AccessOption;
import org.apache.helix.HelixAdmin;
import org.apache.helix.HelixDataAccessor;
import org.apache.helix.HelixManager;
import org.apache.helix.model.ExternalView;
import org.apache.helix.model.IdealState;
import org.apache.helix.zookeeper.datamodel.ZNRecord;
import org.apache.helix.zookeeper.zkclient.DataUpdater;
import org.jspecify.annotations.Nullable;

/// Ideal states and external views of table resources and of `brokerResource`. Tables use Helix's
/// CUSTOMIZED mode: the controller writes each segment's instance→state map and Helix drives servers
/// there. Updates are atomic read-modify-writes of the ideal state record (version-checked by ZooKeeper).
public final class IdealStateManager {
  private final HelixManager manager;
  private final HelixAdmin admin;
  private final String clusterName;

  public IdealStateManager(HelixManager manager) {
    this.manager = manager;
    this.admin = manager.getClusterManagmentTool();
    this.clusterName = manager.getClusterName();
  }

  public boolean resourceExists(String resource) {
    return admin.getResourcesInCluster(clusterName).contains(resource);
  }

  public void createTableResource(String tableNameWithType, int replication) {
    IdealState idealState = new IdealState(tableNameWithType);
    idealState.setStateModelDefRef(StateModels.SEGMENT_STATE_MODEL);
    idealState.setRebalanceMode(IdealState.RebalanceMode.CUSTOMIZED);
    idealState.setReplicas(Integer.toString(replication));
    idealState.setNumPartitions(0);
    admin.addResource(clusterName, tableNameWithType, idealState);
  }

  public void dropTableResource(String tableNameWithType) {
    if (resourceExists(tableNameWithType)) {
      admin.dropResource(clusterName, tableNameWithType);
    }
  }

  /// Segment → (instance → state) of the table's ideal state; empty when the table has none.
  public Map<String, Map<String, String>> idealState(String tableNameWithType) {
    IdealState idealState = admin.getResourceIdealState(clusterName, tableNameWithType);
    return idealState == null ? Map.of() : copy(idealState.getRecord().getMapFields());
  }

  /// Segment → (instance → state) of the table's external view; empty when there is none yet.
  public Map<String, Map<String, String>> externalView(String tableNameWithType) {
    ExternalView view = admin.getResourceExternalView(clusterName, tableNameWithType);
    return view == null ? Map.of() : copy(view.getRecord().getMapFields());
  }

  /// Sets one segment's instance→state map (ONLINE on each instance).
  public void assignSegment(String tableNameWithType, String segmentName, Set<String> instances) {
    Map<String, String> states = new TreeMap<>();
    for (String instance : instances) {
      states.put(instance, StateModels.ONLINE);
    }
    update(tableNameWithType, record -> {
      record.setMapField(segmentName, states);
      return record;
    });
  }

  /// Sets several segments' instance→state maps in one atomic update (a REALTIME commit turns the committed
  /// segment ONLINE and adds the next CONSUMING one together).
  public void setSegmentStates(String tableNameWithType, Map<String, Map<String, String>> segmentStates) {
    update(tableNameWithType, record -> {
      segmentStates.forEach((segment, states) -> record.setMapField(segment, new TreeMap<>(states)));
      return record;
    });
  }

  /// Replaces a table's whole segment → (instance → state) map with what `change` makes of the current one, in
  /// one atomic, version-checked update (`change` may run again when another writer got there first, so it must
  /// be a pure function of its input). Returns the assignment written.
  public Map<String, Map<String, String>> updateAssignment(String tableNameWithType,
      UnaryOperator<Map<String, Map<String, String>>> change) {
    AtomicReference<Map<String, Map<String, String>>> written = new AtomicReference<>(Map.of());
    update(tableNameWithType, record -> {
      Map<String, Map<String, String>> next = change.apply(copy(record.getMapFields()));
      Map<String, Map<String, String>> fields = new TreeMap<>();
      next.forEach((segment, states) -> fields.put(segment, new TreeMap<>(states)));
      record.setMapFields(fields);
      written.set(next);
      return record;
    });
    return written.get();
  }

  /// A simple field of a table's ideal state (`isTablePaused`...), or null.
  public @Nullable String simpleField(String tableNameWithType, String key) {
    IdealState idealState = admin.getResourceIdealState(clusterName, tableNameWithType);
    return idealState == null ? null : idealState.getRecord().getSimpleField(key);
  }

  public void setSimpleField(String tableNameWithType, String key, String value) {
    update(tableNameWithType, record -> {
      record.setSimpleField(key, value);
      return record;
    });
  }

  public void removeSegment(String tableNameWithType, String segmentName) {
    update(tableNameWithType, record -> {
      record.getMapFields().remove(segmentName);
      return record;
    });
  }

  /// Makes exactly `brokers` serve the table in `brokerResource`; an empty set removes the table.
  public void setTableBrokers(String tableNameWithType, Set<String> brokers) {
    Map<String, String> states = new TreeMap<>();
    for (String broker : brokers) {
      states.put(broker, StateModels.ONLINE);
    }
    update(StateModels.BROKER_RESOURCE, record -> {
      if (states.isEmpty()) {
        record.getMapFields().remove(tableNameWithType);
      } else {
        record.setMapField(tableNameWithType, states);
      }
      return record;
    });
  }

  public Map<String, Map<String, String>> brokerResourceIdealState() {
    return idealState(StateModels.BROKER_RESOURCE);
  }

  public Map<String, Map<String, String>> brokerResourceExternalView() {
    return externalView(StateModels.BROKER_RESOURCE);
  }

  private void update(String resource, DataUpdater<ZNRecord> change) {
    HelixDataAccessor accessor = manager.getHelixDataAccessor();
    String path = accessor.keyBuilder().idealStates(resource).getPath();
    boolean updated = accessor.getBaseDataAccessor().update(path, current -> {
      if (current == null) {
        throw new IllegalStateException("Ideal state of " + resource + " does not exist");
      }
      ZNRecord changed = change.update(new ZNRecord(current));
      changed.setSimpleField("NUM_PARTITIONS",
          Integer.toString(changed.getMapFields().size()));
      return changed;
    }, AccessOption.PERSISTENT);
    if (!updated) {
      throw new IllegalStateException("Failed to update the ideal state of " + resource);
    }
  }

  private static Map<String, Map<String, String>> copy(Map<String, Map<String, String>> fields) {
    Map<String, Map<String, String>> result = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, String>> entry : new TreeMap<>(fields).entrySet()) {
      result.put(entry.getKey(), new TreeMap<>(entry.getValue()));
    }
    return result;
  }
}
