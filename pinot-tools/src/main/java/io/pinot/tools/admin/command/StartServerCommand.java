// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.admin.command;

import io.pinot.server.ServerConfigKey;
import io.pinot.server.ServerStarter;
import io.pinot.spi.env.PinotConfiguration;
import io.pinot.tools.admin.AdminCommand;
import io.pinot.tools.admin.NodeLifecycle;
import io.pinot.tools.admin.ProcessRole;
import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// `StartServer`: a server hosting segments, with Apache Pinot's flags over the `-configFileName`
/// properties (`pinot.server.netty.port`, `pinot.server.instance.dataDir`...). Without `-dataDir` and
/// `-segmentDir`, each server port gets its own directories under the temp directory, so several servers
/// can run on one machine.
@Command(name = "StartServer", description = "Start a server (queries on port 8098, admin on 8097) and keep it "
    + "running until stopped (Ctrl-C or StopProcess -server).")
public final class StartServerCommand extends AdminCommand {
  @Option(names = "-zkAddress", paramLabel = "<host:port>", description = "ZooKeeper address (default: "
      + "localhost:2181).")
  @Nullable String zkAddress;

  @Option(names = "-clusterName", paramLabel = "<name>", description = "Helix cluster name (default: PinotCluster).")
  @Nullable String clusterName;

  @Option(names = "-serverHost", paramLabel = "<host>", description = "Host name of this server (default: "
      + "localhost).")
  @Nullable String serverHost;

  @Option(names = "-serverPort", paramLabel = "<port>", description = "Query (Netty) port (default: 8098).")
  @Nullable Integer serverPort;

  @Option(names = "-serverAdminPort", paramLabel = "<port>", description = "Admin REST port (default: 8097).")
  @Nullable Integer serverAdminPort;

  @Option(names = "-serverGrpcPort", paramLabel = "<port>", description = "gRPC query port for Trino and PrestoDB "
      + "(default: 8090; pinot.server.grpc.enable=false turns it off).")
  @Nullable Integer serverGrpcPort;

  @Option(names = "-dataDir", paramLabel = "<dir>", description = "Directory of loaded segments (default: "
      + "<tmp>/PinotServer/<port>/index).")
  @Nullable String dataDir;

  @Option(names = "-segmentDir", paramLabel = "<dir>", description = "Directory for downloaded segment tarballs "
      + "(default: <tmp>/PinotServer/<port>/segmentTar).")
  @Nullable String segmentDir;

  @Option(names = "-configFileName", paramLabel = "<file>", description = "Server properties file; flags override "
      + "its values.")
  @Nullable Path configFileName;

  /// The server's configuration: file, then flags, then per-port default directories.
  PinotConfiguration configuration() throws IOException {
    PinotConfiguration configuration = NodeStarts.configuration(configFileName, NodeStarts.flags(
        ServerConfigKey.ZK_ADDRESS.key(), zkAddress,
        ServerConfigKey.CLUSTER_NAME.key(), clusterName,
        ServerConfigKey.HOST.key(), serverHost,
        ServerConfigKey.NETTY_PORT.key(), serverPort,
        ServerConfigKey.ADMIN_PORT.key(), serverAdminPort,
        ServerConfigKey.GRPC_PORT.key(), serverGrpcPort,
        ServerConfigKey.DATA_DIR.key(), dataDir,
        ServerConfigKey.SEGMENT_TAR_DIR.key(), segmentDir));
    Path home = NodeStarts.tempDir("PinotServer").resolve(configuration.getString(ServerConfigKey.NETTY_PORT));
    configuration = NodeStarts.withDefault(configuration, ServerConfigKey.DATA_DIR.key(),
        home.resolve("index").toString());
    return NodeStarts.withDefault(configuration, ServerConfigKey.SEGMENT_TAR_DIR.key(),
        home.resolve("segmentTar").toString());
  }

  @Override
  public Integer call() throws Exception {
    PinotConfiguration configuration = configuration();
    ServerStarter server = new ServerStarter(configuration);
    NodeStarts.start(server, server::start, "server", "port " + configuration.getString(ServerConfigKey.NETTY_PORT)
        + " or " + configuration.getString(ServerConfigKey.ADMIN_PORT));
    return NodeLifecycle.runUntilShutdown(ProcessRole.SERVER, server, "Started server " + server.instanceId()
        + " (queries on port " + server.nettyPort() + ", admin on port " + server.adminPort() + ", gRPC on port "
        + server.grpcPort() + "). Press Ctrl-C to stop.", out());
  }
}
