// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.cluster;

import io.pinot.common.utils.NetUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.zookeeper.server.embedded.ExitHandler;
import org.apache.zookeeper.server.embedded.ZooKeeperServerEmbedded;

/// An embedded single-node ZooKeeper for `StartZookeeper`, QuickStart and tests. Port 0 picks a free port.
public final class ZookeeperStarter implements AutoCloseable {
  private final ZooKeeperServerEmbedded server;
  private final int port;

  private ZookeeperStarter(ZooKeeperServerEmbedded server, int port) {
    this.server = server;
    this.port = port;
  }

  /// Starts ZooKeeper on `port` with its data under `dataDir`, and waits until it accepts clients.
  public static ZookeeperStarter start(int port, Path dataDir) throws Exception {
    int clientPort = NetUtils.resolvePort(port);
    Files.createDirectories(dataDir);
    Properties properties = new Properties();
    properties.setProperty("clientPort", Integer.toString(clientPort));
    properties.setProperty("clientPortAddress", "0.0.0.0");
    properties.setProperty("tickTime", "2000");
    properties.setProperty("initLimit", "10");
    properties.setProperty("syncLimit", "5");
    properties.setProperty("maxClientCnxns", "0");
    properties.setProperty("admin.enableServer", "false");
    properties.setProperty("4lw.commands.whitelist", "ruok,stat");
    ZooKeeperServerEmbedded server = ZooKeeperServerEmbedded.builder().baseDir(dataDir.toAbsolutePath())
        .configuration(properties).exitHandler(ExitHandler.LOG_ONLY).build();
    server.start(30_000);
    return new ZookeeperStarter(server, clientPort);
  }

  public int port() {
    return port;
  }

  /// `localhost:<port>`.
  public String address() {
    return "localhost:" + port;
  }

  @Override
  public void close() {
    server.close();
  }
}
