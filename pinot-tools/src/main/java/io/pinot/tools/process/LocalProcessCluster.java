// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.process;

import io.pinot.common.utils.NetUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/// ZooKeeper, a controller, a broker and N servers, each a separate OS process started through the
/// distribution's `bin/pinot-admin.sh` with Pinot's flags, on free loopback ports — a real deployment on one
/// machine, for process-level tests and the cluster benchmark. `JAVA_OPTS` is passed to every process (tests
/// shorten the ZooKeeper session timeout so that a killed server is noticed within seconds).
public final class LocalProcessCluster implements AutoCloseable {
  public static final String CLUSTER = "PinotCluster";

  private final Path distribution;
  private final Path workDir;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();
  private final Map<String, String> environment;
  private final List<PinotProcess> processes = new ArrayList<>();
  private final List<PinotProcess> servers = new ArrayList<>();
  private final int zkPort = NetUtils.freePort();
  private final int controllerPort = NetUtils.freePort();
  private final int brokerPort = NetUtils.freePort();
  private final List<int[]> serverPorts = new ArrayList<>();
  private @Nullable PinotProcess proxyProcess;

  public LocalProcessCluster(Path distribution, Path workDir, String javaOpts) {
    this.distribution = distribution;
    this.workDir = workDir;
    this.environment = Map.of("PINOT_PID_DIR", workDir.resolve("pids").toString(),
        "JAVA_OPTS", javaOpts);
  }

  public LocalProcessCluster start(int numServers) throws IOException, InterruptedException {
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
      int[] ports = {NetUtils.freePort(), NetUtils.freePort(), NetUtils.freePort()};
      serverPorts.add(ports);
      PinotProcess server = start("server-" + i, "StartServer", "-zkAddress", zkAddress(), "-clusterName", CLUSTER,
          "-serverHost", "localhost", "-serverPort", Integer.toString(ports[0]), "-serverAdminPort",
          Integer.toString(ports[1]), "-serverGrpcPort", Integer.toString(ports[2]), "-dataDir",
          workDir.resolve("server-" + i + "/index").toString(), "-segmentDir",
          workDir.resolve("server-" + i + "/tars").toString());
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
    if (!awaitOk(url, Duration.ofSeconds(90))) {
      StringBuilder logs = new StringBuilder();
      for (PinotProcess process : processes) {
        logs.append("\n--- ").append(process.name()).append(" ---\n").append(process.logTail(40));
      }
      throw new IllegalStateException(name + " did not become healthy at " + url + logs);
    }
  }

  /// Polls `url` until it answers HTTP 200 or the timeout passes.
  public boolean awaitOk(String url, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return true;
        }
      } catch (IOException e) {
        // not up yet
      }
      Thread.sleep(250);
    }
    return false;
  }

  public String zkAddress() {
    return "localhost:" + zkPort;
  }

  public String controllerUrl() {
    return "http://localhost:" + controllerPort;
  }

  public String brokerUrl() {
    return "http://localhost:" + brokerPort;
  }

  /// A proxy for this cluster in its own JVM with `javaOpts` (for example a small heap), its REST and gRPC ports free
  /// ones; returns {restPort, grpcPort} once it is healthy.
  public int[] startProxy(String javaOpts) throws IOException, InterruptedException {
    int[] ports = {NetUtils.freePort(), NetUtils.freePort()};
    Map<String, String> proxyEnvironment = new HashMap<>(environment);
    proxyEnvironment.put("JAVA_OPTS", javaOpts);
    PinotProcess proxy = PinotProcess.start("proxy", distribution, workDir.resolve("logs"), proxyEnvironment,
        "StartProxy", "-controllerUrl", controllerUrl(), "-restPort", Integer.toString(ports[0]), "-grpcPort",
        Integer.toString(ports[1]));
    processes.add(proxy);
    proxyProcess = proxy;
    await("http://localhost:" + ports[0] + "/health", "proxy");
    return ports;
  }

  /// The proxy's process id, or -1 when none was started.
  public long proxyPid() {
    return proxyProcess == null ? -1 : proxyProcess.pid();
  }

  public String serverInstanceId(int index) {
    return "Server_localhost_" + serverPorts.get(index)[0];
  }

  /// Kills a server with SIGKILL.
  public void killServer(int index) throws InterruptedException {
    servers.get(index).kill();
  }

  /// Restarts a killed server with the same ports and data directory.
  public void restartServer(int index) throws IOException, InterruptedException {
    servers.get(index).restart();
    await("http://localhost:" + serverPorts.get(index)[1] + "/health", "server-" + index);
  }

  public Path distribution() {
    return distribution;
  }

  public Map<String, String> environment() {
    return environment;
  }

  /// The whole log of one process (`zookeeper`, `controller`, `broker`, `server-<i>`), across restarts.
  public String log(String name) throws IOException {
    return Files.readString(workDir.resolve("logs").resolve(name + ".log"));
  }

  public String logs() {
    StringBuilder logs = new StringBuilder();
    for (PinotProcess process : processes) {
      logs.append("\n--- ").append(process.name()).append(" ---\n").append(process.logTail(60));
    }
    return logs.toString();
  }

  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).close();
    }
    http.close();
  }

  /// Runs a `pinot-admin.sh` command to completion with this cluster's environment; returns its exit code
  /// and writes its output to `log`.
  public int runAdmin(Path log, long timeoutSeconds, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(distribution.resolve("bin/pinot-admin.sh").toString());
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }
}
