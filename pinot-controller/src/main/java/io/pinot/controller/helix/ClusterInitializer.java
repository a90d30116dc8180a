// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.helix;

import io.pinot.common.cluster.StateModels;
import java.util.Map;
import org.apache.helix.HelixAdmin;
import org.apache.helix.manager.zk.ZKHelixAdmin;
import org.apache.helix.model.HelixConfigScope;
import org.apache.helix.model.IdealState;
import org.apache.helix.model.StateModelDefinition;
import org.apache.helix.model.builder.HelixConfigScopeBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Creates the Helix cluster as Apache Pinot lays it out, idempotently: the cluster, Pinot's two state
/// models, participant auto-join, and the `brokerResource` resource (customized mode, one partition per
/// table).
public final class ClusterInitializer {
  private static final Logger LOGGER = LoggerFactory.getLogger(ClusterInitializer.class);

  private ClusterInitializer() {
  }

  /// Connects to ZooKeeper, sets the cluster up and disconnects.
  public static void initialize(String zkAddress, String clusterName) {
    HelixAdmin admin = new ZKHelixAdmin.Builder().setZkAddress(zkAddress).build();
    try {
      initialize(admin, clusterName);
    } finally {
      admin.close();
    }
  }

  public static void initialize(HelixAdmin admin, String clusterName) {
    if (!admin.getClusters().contains(clusterName)) {
      LOGGER.info("Creating Helix cluster {}", clusterName);
      admin.addCluster(clusterName, false);
    }
    addStateModel(admin, clusterName, StateModels.segmentStateModel());
    addStateModel(admin, clusterName, StateModels.brokerStateModel());
    HelixConfigScope scope = new HelixConfigScopeBuilder(HelixConfigScope.ConfigScopeProperty.CLUSTER)
        .forCluster(clusterName).build();
    admin.setConfig(scope, Map.of("allowParticipantAutoJoin", "true"));
    if (!admin.getResourcesInCluster(clusterName).contains(StateModels.BROKER_RESOURCE)) {
      IdealState brokerResource = new IdealState(StateModels.BROKER_RESOURCE);
      brokerResource.setStateModelDefRef(StateModels.BROKER_STATE_MODEL);
      brokerResource.setRebalanceMode(IdealState.RebalanceMode.CUSTOMIZED);
      brokerResource.setReplicas("0");
      brokerResource.setNumPartitions(0);
      admin.addResource(clusterName, StateModels.BROKER_RESOURCE, brokerResource);
    }
  }

  private static void addStateModel(HelixAdmin admin, String clusterName, StateModelDefinition definition) {
    if (admin.getStateModelDef(clusterName, definition.getId()) == null) {
      admin.addStateModelDef(clusterName, definition.getId(), definition);
    }
  }
}
