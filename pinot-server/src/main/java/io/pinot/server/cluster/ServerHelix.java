// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.cluster;

import io.pinot.common.cluster.InstanceRegistration;
import io.pinot.common.cluster.StateModels;
import io.pinot.common.metadata.InstanceInfo;
import io.pinot.server.data.InstanceDataManager;
import io.pinot.server.realtime.RealtimeSegments;
import java.util.List;
import org.apache.helix.HelixManager;
import org.apache.helix.HelixManagerFactory;
import org.apache.helix.InstanceType;
import org.apache.helix.model.Message;
import org.jspecify.annotations.Nullable;

/// The server's membership in the Helix cluster: registers its instance config (ports, default tenant tags
/// `DefaultTenant_OFFLINE` and `DefaultTenant_REALTIME`), then joins as a participant with Pinot's segment
/// state model and the segment-refresh message handler.
public final class ServerHelix implements AutoCloseable {
  private final HelixManager manager;

  private ServerHelix(HelixManager manager) {
    this.manager = manager;
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
    return new ServerHelix(manager);
  }

  /// The lead controller's base URL, or null while none leads.
  public @Nullable String controllerUrl() {
    return new ControllerLocator(manager).get();
  }

  @Override
  public void close() {
    manager.disconnect();
  }
}
