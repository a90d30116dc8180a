// SPDX-License-Identifier: Apache-2.0
package io.pinot.server;

import io.pinot.common.auth.BasicAuthPrincipals;
import io.pinot.common.http.RestServer;
import io.pinot.common.metadata.InstanceInfo;
import io.pinot.common.utils.InstanceIds;
import io.pinot.common.utils.NetUtils;
import io.pinot.server.api.ServerAdminApi;
import io.pinot.server.cluster.ServerHelix;
import io.pinot.server.data.InstanceDataManager;
import io.pinot.server.data.SegmentFetcher;
import io.pinot.server.grpc.GrpcQueryServer;
import io.pinot.server.query.QueryScheduler;
import io.pinot.server.realtime.CompletionClient;
import io.pinot.server.realtime.RealtimeSegments;
import io.pinot.server.transport.QueryServer;
import io.pinot.spi.env.PinotConfiguration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Starts and stops one server: opens the query transport and the admin API, registers in the cluster and
/// joins it as a Helix participant, after which Helix drives segment loads. On restart, segments whose local
/// copy is current load from disk. Several servers may run in one JVM; nothing is static.
public final class ServerStarter implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(ServerStarter.class);

  private final ServerConfig config;
  private @Nullable InstanceDataManager dataManager;
  private @Nullable QueryScheduler scheduler;
  private @Nullable QueryServer queryServer;
  private @Nullable GrpcQueryServer grpcServer;
  private @Nullable RestServer adminServer;
  private volatile @Nullable ServerHelix helix;
  private @Nullable RealtimeSegments realtime;
  private String instanceId = "";

  /// Apache Pinot's prefix of the server's principals (checked on the gRPC query API):
  /// `pinot.server.access.control.principals=admin,user`, `...principals.<name>.password` and `.tables`.
  public static final String ACCESS_CONTROL_PREFIX = "pinot.server.access.control";

  private final BasicAuthPrincipals principals;

  public ServerStarter(PinotConfiguration configuration) {
    this.config = ServerConfig.from(configuration);
    this.principals = BasicAuthPrincipals.from(configuration, ACCESS_CONTROL_PREFIX);
  }

  public synchronized void start() throws Exception {
    dataManager = new InstanceDataManager(config.dataDir(), config.segmentTarDir(),
        new SegmentFetcher(config.authToken()));
    int nettyPort = NetUtils.resolvePort(config.nettyPort());
    instanceId = config.instanceId().isBlank() ? InstanceIds.server(config.host(), nettyPort) : config.instanceId();
    scheduler = QueryScheduler.forInstance(instanceId, dataManager, config);
    queryServer = new QueryServer(nettyPort, scheduler::submit);
    if (config.grpcEnabled()) {
      grpcServer = GrpcQueryServer.start(NetUtils.resolvePort(config.grpcPort()), scheduler, config.queryTimeoutMs(),
          principals);
    }
    CompletionClient completion = new CompletionClient(this::controllerUrl, instanceId, config.authToken());
    realtime = new RealtimeSegments(dataManager, completion,
        this::allSegmentsLoaded);
    adminServer = RestServer.start("0.0.0.0", NetUtils.resolvePort(config.adminPort()),
        ServerAdminApi.resources(dataManager, scheduler.runningQueries(), realtime));
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(InstanceInfo.ADMIN_PORT, Integer.toString(adminServer.port()));
    fields.put(InstanceInfo.GRPC_PORT, Integer.toString(grpcPort()));
    InstanceInfo instance = new InstanceInfo(instanceId, config.host(), queryServer.port(), true, List.of(), fields);
    helix = ServerHelix.join(config.zkAddress(), config.clusterName(), instance, dataManager, realtime);
    LOGGER.info("Server {} started: queries on port {}, admin on port {}, gRPC on port {}, data in {}", instanceId,
        queryServer.port(), adminServer.port(), grpcPort(), config.dataDir());
  }

  private @Nullable String controllerUrl() {
    ServerHelix current = helix;
    return current == null ? null : current.controllerUrl();
  }

  private boolean allSegmentsLoaded(String tableNameWithType) {
    ServerHelix current = helix;
    return current != null && current.allSegmentsLoaded(tableNameWithType);
  }

  /// The server's segments (null before start).
  public @Nullable InstanceDataManager dataManager() {
    return dataManager;
  }

  /// The server's consuming segments (null before start).
  public @Nullable RealtimeSegments realtime() {
    return realtime;
  }

  public String instanceId() {
    return instanceId;
  }

  public int nettyPort() {
    return queryServer == null ? -1 : queryServer.port();
  }

  public int adminPort() {
    return adminServer == null ? -1 : adminServer.port();
  }

  /// The gRPC query port, or -1 when the gRPC API is disabled or the server is stopped.
  public int grpcPort() {
    return grpcServer == null ? -1 : grpcServer.port();
  }

  @Override
  public synchronized void close() {
    if (realtime != null) {
      realtime.close();
      realtime = null;
    }
    if (helix != null) {
      helix.close();
      helix = null;
    }
    if (grpcServer != null) {
      grpcServer.close();
      grpcServer = null;
    }
    if (queryServer != null) {
      queryServer.close();
      queryServer = null;
    }
    if (adminServer != null) {
      adminServer.close();
      adminServer = null;
    }
    if (scheduler != null) {
      scheduler.close();
      scheduler = null;
    }
    if (dataManager != null) {
      dataManager.close();
      dataManager = null;
    }
  }
}
