// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

import io.pinot.common.utils.NetUtils;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/// ZooKeeper, a controller, a broker and N servers, each a separate OS process started through the
/// distribution's `bin/pinot-admin.sh` with Pinot's flags, on free loopback ports. Servers use a short
/// ZooKeeper session timeout so that the cluster notices a killed server within seconds.
final class ProcessCluster implements AutoCloseable {
  static final String CLUSTER = "PinotCluster";

  private final Path distribution;
  private final Path workDir;
  private final Http http = new Http();
  private final Map<String, String> environment;
  private final List<PinotProcess> processes = new ArrayList<>();
  private final List<PinotProcess> servers = new ArrayList<>();
  private final int zkPort = NetUtils.freePort();
  private final int controllerPort = NetUtils.freePort();
  private final int brokerPort = NetUtils.freePort();
  private final List<int[]> serverPorts = new ArrayList<>();

  ProcessCluster(Path distribution, Path workDir) {
    this.distribution = distribution;
    this.workDir = workDir;
    this.environment = Map.of("PINOT_PID_DIR", workDir.resolve("pids").toString(),
        "JAVA_OPTS", "-Xmx768m -Dzk.session.timeout=6000");
  }

  ProcessCluster start(int numServers) throws IOException, InterruptedException {
    start("zookeeper", "StartZookeeper", "-zkPort", Integer.toString(zkPort), "-dataDir",
        workDir.resolve("zk").toString());
    start("controller", "StartController", "-zkAddress", zkAddress(), "-clusterName", CLUSTER, "-controllerHost",
        "localhost", "-controllerPort", Integer.toString(controllerPort), "-dataDir",
        workDir.resolve("controller").toString());
    await(controllerUrl() + "/health", "controller");
    start("broker", "StartBroker", "-zkAddress", zkAddress(), "-clusterName", CLUSTER, "-brokerHost", "localhost",
        "-brokerPort", Integer.toString(brokerPort));
    await(brokerUrl() + "/health", "broker");
    for (int i = 0; i < numServers; i++) {
      int[] ports = {NetUtils.freePort(), NetUtils.freePort()};
      serverPorts.add(ports);
      PinotProcess server = start("server-" + i, "StartServer", "-zkAddress", zkAddress(), "-clusterName", CLUSTER,
          "-serverHost", "localhost", "-serverPort", Integer.toString(ports[0]), "-serverAdminPort",
          Integer.toString(ports[1]), "-dataDir", workDir.resolve("server-" + i + "/index").toString(),
          "-segmentDir", workDir.resolve("server-" + i + "/tars").toString());
      servers.add(server);
      await("http://localhost:" + ports[1] + "/health", "server-" + i);
    }
    return this;
  }

  private PinotProcess start(String name, String... arguments) throws IOException {
    PinotProcess process = PinotProcess.start(name, distribution, workDir.resolve("logs"), environment, arguments);
    processes.add(process);
    return process;
  }

  private void await(String url, String name) throws InterruptedException {
    if (!http.awaitOk(url, Duration.ofSeconds(90))) {
      StringBuilder logs = new StringBuilder();
      for (PinotProcess process : processes) {
        logs.append("\n--- ").append(process.name()).append(" ---\n").append(process.logTail(40));
      }
      throw new IllegalStateException(name + " did not become healthy at " + url + logs);
    }
  }

  String zkAddress() {
    return "localhost:" + zkPort;
  }

  String controllerUrl() {
    return "http://localhost:" + controllerPort;
  }

  String brokerUrl() {
    return "http://localhost:" + brokerPort;
  }

  String serverInstanceId(int index) {
    return "Server_localhost_" + serverPorts.get(index)[0];
  }

  /// Kills a server with SIGKILL.
  void killServer(int index) throws InterruptedException {
    servers.get(index).kill();
  }

  /// Restarts a killed server with the same ports and data directory.
  void restartServer(int index) throws IOException, InterruptedException {
    servers.get(index).restart();
    await("http://localhost:" + serverPorts.get(index)[1] + "/health", "server-" + index);
  }

  Path distribution() {
    return distribution;
  }

  Map<String, String> environment() {
    return environment;
  }

  Http http() {
    return http;
  }

  String logs() {
    StringBuilder logs = new StringBuilder();
    for (PinotProcess process : processes) {
      logs.append("\n--- ").append(process.name()).append(" ---\n").append(process.logTail(60));
    }
    return logs.toString();
  }

  @Override
  public void close() throws InterruptedException {
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).close();
    }
    http.close();
  }
}
