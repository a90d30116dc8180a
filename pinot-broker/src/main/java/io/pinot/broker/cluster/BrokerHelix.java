// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.cluster;

import io.pinot.broker.queryquota.QueryQuotaManager;
import io.pinot.broker.routing.RoutingManager;
import io.pinot.common.cluster.InstanceRegistration;
import io.pinot.common.cluster.StateModels;
import io.pinot.common.metadata.InstanceInfo;
import java.util.List;
import org.apache.helix.HelixManager;
import org.apache.helix.HelixManagerFactory;
import org.apache.helix.InstanceType;
import org.apache.helix.NotificationContext;
import org.apache.helix.api.listeners.ExternalViewChangeListener;
import org.apache.helix.api.listeners.IdealStateChangeListener;
import org.apache.helix.api.listeners.InstanceConfigChangeListener;
import org.apache.helix.api.listeners.LiveInstanceChangeListener;
import org.apache.helix.model.Message;
import org.apache.helix.participant.statemachine.StateModel;
import org.apache.helix.participant.statemachine.StateModelFactory;
import org.apache.helix.participant.statemachine.StateModelInfo;
import org.apache.helix.participant.statemachine.Transition;

/// The broker's membership in the Helix cluster: registers its instance config (tag `DefaultTenant_BROKER`
/// when untagged), joins as a participant of `brokerResource` (a table partition going ONLINE means "serve
/// this table") and watches ideal states, external views, instances and table metadata to keep routing
/// current.
public final class BrokerHelix implements AutoCloseable {
  private final HelixManager manager;
  private final RoutingUpdater updater;

  private BrokerHelix(HelixManager manager, RoutingUpdater updater) {
    this.manager = manager;
    this.updater = updater;
  }

  public static BrokerHelix join(String zkAddress, String clusterName, InstanceInfo instance, RoutingManager routing)
      throws Exception {
    return join(zkAddress, clusterName, instance, routing, new QueryQuotaManager());
  }

  /// As above, keeping `quotas` in step with the tables' `quota.maxQueriesPerSecond` and the online brokers.
  public static BrokerHelix join(String zkAddress, String clusterName, InstanceInfo instance, RoutingManager routing,
      QueryQuotaManager quotas) throws Exception {
    InstanceRegistration.register(zkAddress, clusterName, instance, List.of("DefaultTenant_BROKER"));
    HelixManager manager = HelixManagerFactory.getZKHelixManager(clusterName, instance.instanceName(),
        InstanceType.PARTICIPANT, zkAddress);
    RoutingUpdater updater = new RoutingUpdater(manager, routing, quotas);
    manager.getStateMachineEngine().registerStateModelFactory(StateModels.BROKER_STATE_MODEL,
        new BrokerResourceStateModelFactory(updater));
    manager.connect();
    updater.refreshServers();
    manager.addInstanceConfigChangeListener((InstanceConfigChangeListener) (configs, context) ->
        updater.refreshServers());
    manager.addLiveInstanceChangeListener((LiveInstanceChangeListener) (live, context) -> updater.refreshServers());
    manager.addExternalViewChangeListener((ExternalViewChangeListener) (views, context) -> updater.refreshAll());
    manager.addIdealStateChangeListener((IdealStateChangeListener) (states, context) -> updater.refreshAll());
    return new BrokerHelix(manager, updater);
  }

  @Override
  public void close() {
    updater.close();
    manager.disconnect();
  }

  /// Apache Pinot's `BrokerResourceOnlineOfflineStateModel`: a partition is a table name with type.
  static final class BrokerResourceStateModelFactory extends StateModelFactory<StateModel> {
    private final RoutingUpdater updater;

    BrokerResourceStateModelFactory(RoutingUpdater updater) {
      this.updater = updater;
    }

    @Override
    public StateModel createNewStateModel(String resourceName, String tableNameWithType) {
      return new BrokerResourceStateModel(updater, tableNameWithType);
    }
  }

  /// Transitions of one table on this broker.
  @StateModelInfo(states = "{'OFFLINE','ONLINE','DROPPED'}", initialState = "OFFLINE")
  public static final class BrokerResourceStateModel extends StateModel {
    private final RoutingUpdater updater;
    private final String table;

    BrokerResourceStateModel(RoutingUpdater updater, String table) {
      this.updater = updater;
      this.table = table;
    }

    @Transition(from = StateModels.OFFLINE, to = StateModels.ONLINE)
    public void onBecomeOnlineFromOffline(Message message, NotificationContext context) {
      updater.addTable(table);
    }

    @Transition(from = StateModels.ONLINE, to = StateModels.OFFLINE)
    public void onBecomeOfflineFromOnline(Message message, NotificationContext context) {
      updater.removeTable(table);
    }

    @Transition(from = StateModels.OFFLINE, to = StateModels.DROPPED)
    public void onBecomeDroppedFromOffline(Message message, NotificationContext context) {
      updater.removeTable(table);
    }

    @Transition(from = StateModels.ERROR, to = StateModels.OFFLINE)
    public void onBecomeOfflineFromError(Message message, NotificationContext context) {
      updater.removeTable(table);
    }
  }
}
