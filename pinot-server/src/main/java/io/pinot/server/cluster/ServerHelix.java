// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.cluster;

import io.pinot.common.cluster.InstanceRegistration;
import io.pinot.common.cluster.StateModels;
import io.pinot.common.metadata.InstanceInfo;
import io.pinot.server.data.InstanceDataManager;
import io.pinot.server.realtime.RealtimeSegments;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.helix.HelixDataAccessor;
import org.apache.helix.HelixManager;
import org.apache.helix.HelixManagerFactory;
import org.apache.helix.InstanceType;
import org.apache.helix.model.IdealState;
import org.apache.helix.model.Message;
import org.jspecify.annotations.Nullable;

/// The server's membership in the Helix cluster: registers its instance config (ports, default tenant tags
/// `DefaultTenant_OFFLINE` and `DefaultTenant_REALTIME`), then joins as a participant with Pinot's segment
/// state model and the segment-refresh message handler.
public final class ServerHelix implements AutoCloseable {
  private final HelixManager manager;
  private final InstanceDataManager dataManager;

  private ServerHelix(HelixManager manager, InstanceDataManager dataManager) {
    this.manager = manager;
    this.dataManager = dataManager;
  }

  public static ServerHelix join(String zkAddress, String clusterName, InstanceInfo instance,
      InstanceDataManager dataManager, RealtimeSegments realtime) throws Exception {
    InstanceRegistration.register(zkAddress, clusterName, instance,
        List.of("DefaultTenant_OFFLINE", "DefaultTenant_REALTIME"));
    HelixManager manager = HelixManagerFactory.getZKHelixManager(clusterName, instance.instanceName(),
        InstanceType.PARTICIPANT, zkAddress);
    ClusterMetadataReader reader = new ClusterMetadataReader(manager);
    manager.getStateMachineEngine().registerStateModelFactory(StateModels.SEGMENT_STATE_MODEL,
        new SegmentStateModelFactory(dataManager, reader, realtime));
    manager.getMessagingService().registerMessageHandlerFactory(Message.MessageType.USER_DEFINE_MSG.name(),
        new SegmentRefreshHandlerFactory(dataManager, reader, realtime));
    manager.connect();
    return new ServerHelix(manager, dataManager);
  }

  /// The lead controller's base URL, or null while none leads.
  public @Nullable String controllerUrl() {
    return new ControllerLocator(manager).get();
  }

  /// Whether every segment the table's ideal state has ONLINE on this server is loaded here (Pinot's check before a
  /// dedup or partial-upsert table consumes).
  public boolean allSegmentsLoaded(String tableNameWithType) {
    HelixDataAccessor accessor = manager.getHelixDataAccessor();
    IdealState idealState = accessor.getProperty(accessor.keyBuilder().idealStates(tableNameWithType));
    if (idealState == null) {
      return false;
    }
    Set<String> loaded = new HashSet<>(dataManager.loadedSegments(tableNameWithType));
    String instance = manager.getInstanceName();
    for (String segment : idealState.getPartitionSet()) {
      Map<String, String> replicas = idealState.getInstanceStateMap(segment);
      if (replicas != null && StateModels.ONLINE.equals(replicas.get(instance)) && !loaded.contains(segment)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    manager.disconnect();
  }
}
