// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker;

import io.pinot.broker.api.BrokerHealthResource;
import io.pinot.broker.api.ClientQueryResource;
import io.pinot.broker.api.DebugResource;
import io.pinot.broker.api.QueryHttpHandler;
import io.pinot.broker.api.QueryResource;
import io.pinot.broker.api.RunningQueriesResource;
import io.pinot.broker.cluster.BrokerHelix;
import io.pinot.broker.queryquota.QueryQuotaManager;
import io.pinot.broker.requesthandler.BrokerQueryHandler;
import io.pinot.broker.routing.RoutingManager;
import io.pinot.broker.scatter.ServerChannels;
import io.pinot.common.http.RestServer;
import io.pinot.common.metadata.InstanceInfo;
import io.pinot.common.utils.InstanceIds;
import io.pinot.common.utils.NetUtils;
import io.pinot.common.auth.BasicAuthFilter;
import io.pinot.common.auth.BasicAuthPrincipals;
import io.pinot.spi.env.PinotConfiguration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.glassfish.jersey.server.ResourceConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Starts and stops one broker: joins the Helix cluster (routing from ideal states and external views),
/// connects to servers lazily over the Netty transport, and answers `POST /query/sql`. Several brokers may
/// run in one JVM; nothing is static.
public final class BrokerStarter implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(BrokerStarter.class);

  private final BrokerConfig config;
  private @Nullable ServerChannels channels;
  private @Nullable BrokerHelix helix;
  private @Nullable RestServer restServer;
  private @Nullable BrokerQueryHandler queryHandler;
  private int port;
  private String instanceId = "";

  /// Apache Pinot's prefix of the broker's principals: `pinot.broker.access.control.principals=admin,user`,
  /// `pinot.broker.access.control.principals.<name>.password` and `.tables`.
  public static final String ACCESS_CONTROL_PREFIX = "pinot.broker.access.control";

  private final BasicAuthPrincipals principals;

  public BrokerStarter(PinotConfiguration configuration) {
    this.config = BrokerConfig.from(configuration);
    this.principals = BasicAuthPrincipals.from(configuration, ACCESS_CONTROL_PREFIX);
  }

  public synchronized void start() throws Exception {
    port = NetUtils.resolvePort(config.queryPort());
    instanceId = config.instanceId().isBlank() ? InstanceIds.broker(config.host(), port) : config.instanceId();
    LOGGER.info("Starting broker {} (cluster {}, ZooKeeper {})", instanceId, config.clusterName(),
        config.zkAddress());
    RoutingManager routing = new RoutingManager();
    channels = new ServerChannels(config.serverConnectTimeoutMs());
    QueryQuotaManager quotas = new QueryQuotaManager();
    queryHandler = new BrokerQueryHandler(instanceId, config.timeoutMs(), routing, channels, quotas,
        config.enableNullHandling());
    ResourceConfig resources = new ResourceConfig();
    resources.registerInstances(new BrokerHealthResource(), new QueryResource(queryHandler),
        new RunningQueriesResource(queryHandler), new ClientQueryResource(queryHandler), new DebugResource(routing));
    resources.register(new BasicAuthFilter(principals, Set.of("health"), true));
    restServer = RestServer.start("0.0.0.0", port, resources,
        Map.of(QueryHttpHandler.PATH, new QueryHttpHandler(queryHandler, principals)));
    InstanceInfo instance = new InstanceInfo(instanceId, config.host(), port, true, List.of(), Map.of());
    helix = BrokerHelix.join(config.zkAddress(), config.clusterName(), instance, routing, quotas);
    LOGGER.info("Broker {} serving queries on port {}", instanceId, port);
  }

  public int port() {
    return port;
  }

  public String instanceId() {
    return instanceId;
  }

  @Override
  public synchronized void close() {
    if (helix != null) {
      helix.close();
      helix = null;
    }
    if (restServer != null) {
      restServer.close();
      restServer = null;
    }
    if (queryHandler != null) {
      queryHandler.close();
      queryHandler = null;
    }
    if (channels != null) {
      channels.close();
      channels = null;
    }
  }
}
