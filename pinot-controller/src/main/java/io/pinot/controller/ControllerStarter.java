// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller;

import io.pinot.common.auth.BasicAuthFilter;
import io.pinot.common.auth.BasicAuthPrincipals;
import io.pinot.common.http.RestServer;
import io.pinot.common.utils.InstanceIds;
import io.pinot.common.utils.NetUtils;
import io.pinot.controller.api.ControllerApi;
import io.pinot.controller.deepstore.SegmentDeepStore;
import io.pinot.controller.helix.ClusterInitializer;
import io.pinot.controller.helix.ControllerHelix;
import io.pinot.controller.helix.ControllerJobStore;
import io.pinot.controller.helix.IdealStateManager;
import io.pinot.controller.helix.InstanceManager;
import io.pinot.controller.helix.MetadataStore;
import io.pinot.controller.helix.SegmentMessenger;
import io.pinot.controller.helix.ZkBrowser;
import io.pinot.controller.periodic.PeriodicTasks;
import io.pinot.controller.realtime.RealtimeSegmentManager;
import io.pinot.controller.realtime.RealtimeServices;
import io.pinot.controller.realtime.SegmentCompletionManager;
import io.pinot.controller.rebalance.RebalanceJobs;
import io.pinot.controller.rebalance.TableRebalancer;
import io.pinot.controller.retention.RetentionManager;
import io.pinot.controller.segment.SegmentManager;
import io.pinot.controller.table.TableManager;
import io.pinot.spi.env.PinotConfiguration;
import io.pinot.spi.filesystem.LocalPinotFS;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Starts and stops one controller: creates the Helix cluster if needed, joins it as a Helix controller
/// (Helix elects the leader among controllers), and serves the REST API. Several controllers may run in
/// one JVM; nothing is static.
public final class ControllerStarter implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(ControllerStarter.class);

  private final ControllerConfig config;
  private @Nullable ControllerHelix helix;
  private @Nullable RestServer restServer;
  private @Nullable ControllerContext context;
  private @Nullable RealtimeServices realtime;
  private @Nullable PeriodicTasks periodicTasks;
  private @Nullable TableRebalancer rebalancer;
  private int port;

  /// Apache Pinot's prefix of the controller's principals: `controller.admin.access.control.principals=admin,user`,
  /// `controller.admin.access.control.principals.<name>.password` (`.tables`, `.permissions`).
  public static final String ACCESS_CONTROL_PREFIX = "controller.admin.access.control";
  /// Paths open without credentials (Pinot's unprotected set), besides the UI's static files.
  private static final Set<String> UNPROTECTED_PATHS = Set.of("", "help", "health", "auth/info", "auth/verify");

  private final BasicAuthPrincipals principals;

  public ControllerStarter(PinotConfiguration configuration) {
    this.config = ControllerConfig.from(configuration);
    this.principals = BasicAuthPrincipals.from(configuration, ACCESS_CONTROL_PREFIX);
  }

  public synchronized void start() throws Exception {
    Files.createDirectories(config.dataDir());
    Files.createDirectories(config.localTempDir());
    port = NetUtils.resolvePort(config.port());
    String instanceId = InstanceIds.controller(config.host(), port);
    LOGGER.info("Starting controller {} (cluster {}, ZooKeeper {})", instanceId, config.clusterName(),
        config.zkAddress());
    ClusterInitializer.initialize(config.zkAddress(), config.clusterName());
    helix = ControllerHelix.connect(config.zkAddress(), config.clusterName(), instanceId);
    InstanceManager instances = new InstanceManager(helix.manager());
    instances.registerIfAbsent(instanceId, config.host(), port);
    MetadataStore store = new MetadataStore(helix.manager().getHelixPropertyStore());
    IdealStateManager idealStates = new IdealStateManager(helix.manager());
    SegmentDeepStore deepStore = new SegmentDeepStore(new LocalPinotFS(), config.dataDir());
    String downloadHost = config.vipHost() != null ? config.vipHost() : config.host();
    int downloadPort = config.vipPort() > 0 ? config.vipPort() : port;
    RealtimeSegmentManager realtimeSegments = new RealtimeSegmentManager(store, idealStates, instances, deepStore,
        () -> "http://" + downloadHost + ":" + downloadPort);
    SegmentMessenger messenger = new SegmentMessenger(helix.manager());
    realtime = new RealtimeServices(store, realtimeSegments, new SegmentCompletionManager(store, idealStates,
        realtimeSegments, config.localTempDir().resolve("realtime-uploads"), System::currentTimeMillis),
        messenger, config.realtimeValidationPeriodMs(), helix.manager()::isLeader);
    TableManager tables = new TableManager(store, idealStates, instances, deepStore, realtimeSegments);
    ControllerJobStore jobs = new ControllerJobStore(helix.manager().getHelixPropertyStore());
    SegmentManager segments = new SegmentManager(store, idealStates, instances,
        messenger, deepStore, () -> "http://" + downloadHost + ":" + downloadPort, jobs);
    HttpClient httpClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    periodicTasks = new PeriodicTasks(helix.manager()::isLeader);
    RetentionManager retention = new RetentionManager(store, segments, System::currentTimeMillis);
    periodicTasks.register(RetentionManager.TASK_NAME, config.retentionPeriodMs(), retention::run);
    RealtimeServices realtimeServices = realtime;
    // RealtimeServices runs its validation at its own period; registered here for on-demand runs only.
    periodicTasks.register(RealtimeServices.VALIDATION_TASK, 0, table -> realtimeServices.validateAll());
    rebalancer = new TableRebalancer(store, idealStates, instances, new RebalanceJobs(jobs, System::currentTimeMillis),
        System::currentTimeMillis);
    context = new ControllerContext(config, instanceId, store, idealStates, instances, deepStore, tables, segments,
        realtime, periodicTasks, httpClient, new ZkBrowser(helix.manager()), jobs,
        rebalancer);
    helix.watchInstances(tables::reconcileBrokerResource);
    restServer = RestServer.start("0.0.0.0", port, ControllerApi.resources(context)
        .register(new BasicAuthFilter(principals, UNPROTECTED_PATHS, false)));
    LOGGER.info("Controller {} serving REST on port {}", instanceId, port);
  }

  /// The bound REST port.
  public int port() {
    return port;
  }

  public String instanceId() {
    return InstanceIds.controller(config.host(), port);
  }

  public ControllerConfig config() {
    return config;
  }

  @Override
  public synchronized void close() {
    if (restServer != null) {
      restServer.close();
      restServer = null;
    }
    if (periodicTasks != null) {
      periodicTasks.close();
      periodicTasks = null;
    }
    if (rebalancer != null) {
      rebalancer.close();
      rebalancer = null;
    }
    if (realtime != null) {
      realtime.close();
      realtime = null;
    }
    if (helix != null) {
      helix.close();
      helix = null;
    }
    if (context != null) {
      context.httpClient().close();
      context = null;
    }
  }
}
