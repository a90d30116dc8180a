// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools;

import io.pinot.broker.BrokerConfigKey;
import io.pinot.broker.BrokerStarter;
import io.pinot.controller.ControllerConfigKey;
import io.pinot.controller.ControllerStarter;
import io.pinot.server.ServerConfigKey;
import io.pinot.server.ServerStarter;
import io.pinot.spi.env.PinotConfiguration;
import io.pinot.tools.cluster.ZookeeperStarter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// A whole cluster in one JVM — ZooKeeper (embedded, or an external address), one controller, brokers and
/// servers — on loopback, each node with its own config and data directory. Used by QuickStart and by
/// tests. Nodes start in order (ZooKeeper, controller, brokers, servers) and stop in reverse.
public final class EmbeddedPinotCluster implements AutoCloseable {
  private final Builder builder;
  private @Nullable ZookeeperStarter zookeeper;
  private @Nullable ControllerStarter controller;
  private final List<BrokerStarter> brokers = new ArrayList<>();
  private final List<@Nullable ServerStarter> servers = new ArrayList<>();
  private String zkAddress = "";

  private EmbeddedPinotCluster(Builder builder) {
    this.builder = builder;
  }

  public static Builder builder(Path workDir) {
    return new Builder(workDir);
  }

  public synchronized EmbeddedPinotCluster start() throws Exception {
    if (builder.externalZkAddress != null) {
      zkAddress = builder.externalZkAddress;
    } else {
      zookeeper = ZookeeperStarter.start(builder.zkPort, builder.workDir.resolve("zookeeper"));
      zkAddress = zookeeper.address();
    }
    controller = new ControllerStarter(PinotConfiguration.empty()
        .with(ControllerConfigKey.ZK_ADDRESS.key(), zkAddress)
        .with(ControllerConfigKey.CLUSTER_NAME.key(), builder.clusterName)
        .with(ControllerConfigKey.HOST.key(), builder.host)
        .with(ControllerConfigKey.PORT.key(), builder.controllerPort)
        .with(ControllerConfigKey.DATA_DIR.key(), builder.workDir.resolve("controller").toString())
        .with(builder.controllerOverrides));
    controller.start();
    for (int i = 0; i < builder.numBrokers; i++) {
      BrokerStarter broker = new BrokerStarter(PinotConfiguration.empty()
          .with(BrokerConfigKey.ZK_ADDRESS.key(), zkAddress)
          .with(BrokerConfigKey.CLUSTER_NAME.key(), builder.clusterName)
          .with(BrokerConfigKey.HOST.key(), builder.host)
          .with(BrokerConfigKey.QUERY_PORT.key(), i == 0 ? builder.brokerPort : 0)
          .with(builder.brokerOverrides));
      broker.start();
      brokers.add(broker);
    }
    for (int i = 0; i < builder.numServers; i++) {
      servers.add(startServer(i, i == 0 ? builder.serverPort : 0));
    }
    return this;
  }

  private ServerStarter startServer(int index, int nettyPort) throws Exception {
    Path serverDir = builder.workDir.resolve("server-" + index);
    ServerStarter server = new ServerStarter(PinotConfiguration.empty()
        .with(ServerConfigKey.ZK_ADDRESS.key(), zkAddress)
        .with(ServerConfigKey.CLUSTER_NAME.key(), builder.clusterName)
        .with(ServerConfigKey.HOST.key(), builder.host)
        .with(ServerConfigKey.NETTY_PORT.key(), nettyPort)
        .with(ServerConfigKey.ADMIN_PORT.key(), index == 0 ? builder.serverAdminPort : 0)
        .with(ServerConfigKey.GRPC_PORT.key(), index == 0 ? builder.serverGrpcPort : 0)
        .with(ServerConfigKey.DATA_DIR.key(), serverDir.resolve("index").toString())
        .with(ServerConfigKey.SEGMENT_TAR_DIR.key(), serverDir.resolve("tars").toString())
        .with(builder.serverOverrides));
    server.start();
    return server;
  }

  /// Starts one more server (free ports, its own data directory), as an operator adds capacity; it joins the
  /// default tenant. Returns it; its index is the next one.
  public synchronized ServerStarter addServer() throws Exception {
    if (controller == null) {
      throw new IllegalStateException("Cluster is not started");
    }
    ServerStarter server = startServer(servers.size(), 0);
    servers.add(server);
    return server;
  }

  /// Stops one server (as a crash would, without unregistering), keeping its data directory.
  public synchronized void stopServer(int index) {
    ServerStarter server = servers.get(index);
    if (server != null) {
      server.close();
      servers.set(index, null);
    }
  }

  /// Restarts a stopped server on the same instance id and data directory.
  public synchronized void restartServer(int index, int nettyPort) throws Exception {
    if (servers.get(index) == null) {
      servers.set(index, startServer(index, nettyPort));
    }
  }

  public String zkAddress() {
    return zkAddress;
  }

  public String clusterName() {
    return builder.clusterName;
  }

  public ControllerStarter controller() {
    if (controller == null) {
      throw new IllegalStateException("Cluster is not started");
    }
    return controller;
  }

  public String controllerUrl() {
    return "http://" + builder.host + ":" + controller().port();
  }

  public String brokerUrl() {
    return "http://" + builder.host + ":" + brokers.get(0).port();
  }

  public List<BrokerStarter> brokers() {
    return List.copyOf(brokers);
  }

  /// The running servers (stopped ones are skipped).
  public List<ServerStarter> servers() {
    List<ServerStarter> running = new ArrayList<>();
    for (ServerStarter server : servers) {
      if (server != null) {
        running.add(server);
      }
    }
    return running;
  }

  public @Nullable ServerStarter server(int index) {
    return servers.get(index);
  }

  @Override
  public synchronized void close() {
    for (int i = servers.size() - 1; i >= 0; i--) {
      stopServer(i);
    }
    for (int i = brokers.size() - 1; i >= 0; i--) {
      brokers.get(i).close();
    }
    brokers.clear();
    if (controller != null) {
      controller.close();
      controller = null;
    }
    if (zookeeper != null) {
      zookeeper.close();
      zookeeper = null;
    }
  }

  /// Settings of an [EmbeddedPinotCluster]; ports default to 0 (free ports).
  public static final class Builder {
    private final Path workDir;
    private String clusterName = "PinotCluster";
    private String host = "localhost";
    private @Nullable String externalZkAddress;
    private int zkPort;
    private int controllerPort;
    private int brokerPort;
    private int serverPort;
    private int serverAdminPort;
    private int serverGrpcPort;
    private int numBrokers = 1;
    private int numServers = 1;
    private final Map<String, String> controllerOverrides = new HashMap<>();
    private final Map<String, String> brokerOverrides = new HashMap<>();
    private final Map<String, String> serverOverrides = new HashMap<>();

    private Builder(Path workDir) {
      this.workDir = workDir;
    }

    public Builder clusterName(String name) {
      this.clusterName = name;
      return this;
    }

    public Builder host(String hostName) {
      this.host = hostName;
      return this;
    }

    public Builder externalZookeeper(@Nullable String address) {
      this.externalZkAddress = address;
      return this;
    }

    public Builder zkPort(int port) {
      this.zkPort = port;
      return this;
    }

    public Builder controllerPort(int port) {
      this.controllerPort = port;
      return this;
    }

    /// Port of the first broker; further brokers take free ports.
    public Builder brokerPort(int port) {
      this.brokerPort = port;
      return this;
    }

    /// Netty and admin ports of the first server; further servers take free ports.
    public Builder serverPorts(int nettyPort, int adminPort) {
      this.serverPort = nettyPort;
      this.serverAdminPort = adminPort;
      return this;
    }

    /// gRPC query port of the first server (further servers take free ports).
    public Builder serverGrpcPort(int port) {
      this.serverGrpcPort = port;
      return this;
    }

    public Builder numBrokers(int count) {
      this.numBrokers = count;
      return this;
    }

    public Builder numServers(int count) {
      this.numServers = count;
      return this;
    }

    public Builder controllerConfig(String key, String value) {
      controllerOverrides.put(key, value);
      return this;
    }

    public Builder brokerConfig(String key, String value) {
      brokerOverrides.put(key, value);
      return this;
    }

    public Builder serverConfig(String key, String value) {
      serverOverrides.put(key, value);
      return this;
    }

    public EmbeddedPinotCluster build() {
      return new EmbeddedPinotCluster(this);
    }
  }
}
