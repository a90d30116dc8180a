// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.admin.command;

import io.pinot.tools.admin.AdminCommand;
import io.pinot.tools.admin.NodeLifecycle;
import io.pinot.tools.admin.ProcessRole;
import io.pinot.tools.cluster.ZookeeperStarter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// `StartZookeeper -zkPort 2181 -dataDir <dir>`: an embedded single-node ZooKeeper, running until stopped.
@Command(name = "StartZookeeper", description = "Start ZooKeeper and keep it running until stopped (Ctrl-C or "
    + "StopProcess -zooKeeper).")
public final class StartZookeeperCommand extends AdminCommand {
  @Option(names = "-zkPort", paramLabel = "<port>", description = "Client port (default: 2181).")
  int zkPort = 2181;

  @Option(names = "-dataDir", paramLabel = "<dir>", description = "Data directory (default: <tmp>/PinotZkDir).")
  Path dataDir = NodeStarts.tempDir("PinotZkDir");

  @Override
  public Integer call() throws Exception {
    ZookeeperStarter zookeeper;
    try {
      zookeeper = ZookeeperStarter.start(zkPort, dataDir);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot start ZooKeeper on port " + zkPort + " (is the port in use?): "
          + e.getMessage(), e);
    }
    return NodeLifecycle.runUntilShutdown(ProcessRole.ZOOKEEPER, zookeeper, "Started ZooKeeper at "
        + zookeeper.address() + " with data in " + dataDir.toAbsolutePath() + ". Press Ctrl-C to stop.", out());
  }
}
