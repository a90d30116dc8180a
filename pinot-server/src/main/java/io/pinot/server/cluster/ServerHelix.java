// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.cluster;

import io.pinot.common.cluster.InstanceRegistration;
import io.pinot.common.cluster.StateModels;
import io.pinot.common.metadata.InstanceInfo;
import io.pinot.server.data.InstanceDataManager;
import java.util.List;
import org.apache.helix.HelixManager;
import org.apache.helix.HelixManagerFactory;
import org.apache.helix.InstanceType;
import org.apache.helix.model.Message;

/// The server's membership in the Helix cluster: registers its instance config (ports, default tenant tags
/// `DefaultTenant_OFFLINE` and `DefaultTenant_REALTIME`), then joins as a participant with Pinot's segment
/// state model and the segment-refresh message handler.
public final class ServerHelix implements AutoCloseable {
  private final HelixManager manager;

  private ServerHelix(HelixManager manager) {
    this.manager = manager;
  }

  public static ServerHelix join(String zkAddress, String clusterName, InstanceInfo instance,
      InstanceDataManager dataManager) throws Exception {
    InstanceRegistration.register(zkAddress, clusterName, instance,
        List.of("DefaultTenant_OFFLINE", "DefaultTenant_REALTIME"));
    HelixManager manager = HelixManagerFactory.getZKHelixManager(clusterName, instance.instanceName(),
        InstanceType.PARTICIPANT, zkAddress);
    ClusterMetadataReader reader = new ClusterMetadataReader(manager);
    manager.getStateMachineEngine().registerStateModelFactory(StateModels.SEGMENT_STATE_MODEL,
        new SegmentStateModelFactory(dataManager, reader));
    manager.getMessagingService().registerMessageHandlerFactory(Message.MessageType.USER_DEFINE_MSG.name(),
        new SegmentRefreshHandlerFactory(dataManager, reader));
    manager.connect();
    return new ServerHelix(manager);
  }

  @Override
  public void close() {
    manager.disconnect();
  }
}
