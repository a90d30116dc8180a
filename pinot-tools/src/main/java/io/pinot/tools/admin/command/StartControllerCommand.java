// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.admin.command;

import io.pinot.controller.ControllerConfigKey;
import io.pinot.controller.ControllerStarter;
import io.pinot.spi.env.PinotConfiguration;
import io.pinot.tools.admin.AdminCommand;
import io.pinot.tools.admin.NodeLifecycle;
import io.pinot.tools.admin.ProcessRole;
import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// `StartController`: a controller (REST and Helix controller) with Apache Pinot's flags, over the
/// `-configFileName` properties (`controller.zk.str`, `controller.port`, `controller.data.dir`...).
@Command(name = "StartController", description = "Start a controller (REST on port 9000) and keep it running "
    + "until stopped (Ctrl-C or StopProcess -controller).")
public final class StartControllerCommand extends AdminCommand {
  @Option(names = "-zkAddress", paramLabel = "<host:port>", description = "ZooKeeper address (default: "
      + "localhost:2181).")
  @Nullable String zkAddress;

  @Option(names = "-clusterName", paramLabel = "<name>", description = "Helix cluster name (default: PinotCluster).")
  @Nullable String clusterName;

  @Option(names = "-controllerHost", paramLabel = "<host>", description = "Host name of this controller "
      + "(default: localhost).")
  @Nullable String controllerHost;

  @Option(names = "-controllerPort", paramLabel = "<port>", description = "REST port (default: 9000).")
  @Nullable Integer controllerPort;

  @Option(names = "-dataDir", paramLabel = "<dir>", description = "Deep store directory for segment tarballs "
      + "(default: <tmp>/PinotController).")
  @Nullable String dataDir;

  @Option(names = "-configFileName", paramLabel = "<file>", description = "Controller properties file; flags "
      + "override its values.")
  @Nullable Path configFileName;

  /// The controller's configuration: file, then flags, then defaults for what neither set.
  PinotConfiguration configuration() throws IOException {
    PinotConfiguration configuration = NodeStarts.configuration(configFileName, NodeStarts.flags(
        ControllerConfigKey.ZK_ADDRESS.key(), zkAddress,
        ControllerConfigKey.CLUSTER_NAME.key(), clusterName,
        ControllerConfigKey.HOST.key(), controllerHost,
        ControllerConfigKey.PORT.key(), controllerPort,
        ControllerConfigKey.DATA_DIR.key(), dataDir));
    return NodeStarts.withDefault(configuration, ControllerConfigKey.DATA_DIR.key(),
        NodeStarts.tempDir("PinotController").toString());
  }

  @Override
  public Integer call() throws Exception {
    PinotConfiguration configuration = configuration();
    ControllerStarter controller = new ControllerStarter(configuration);
    NodeStarts.start(controller, controller::start, "controller",
        "port " + configuration.getString(ControllerConfigKey.PORT));
    return NodeLifecycle.runUntilShutdown(ProcessRole.CONTROLLER, controller, "Started controller "
        + controller.instanceId() + " on port " + controller.port() + ". Press Ctrl-C to stop.", out());
  }
}
