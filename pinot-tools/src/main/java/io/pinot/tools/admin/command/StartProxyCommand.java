// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.admin.command;

import io.pinot.proxy.ProxyConfigKey;
import io.pinot.proxy.ProxyStarter;
import io.pinot.spi.env.PinotConfiguration;
import io.pinot.tools.admin.AdminCommand;
import io.pinot.tools.admin.NodeLifecycle;
import io.pinot.tools.admin.ProcessRole;
import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// `StartProxy`: the cluster's edge for clients outside its network (Trino, PrestoDB, Spark): gRPC segment queries
/// forwarded to the server each names, REST calls to brokers or the controller by path. Flags over the
/// `-configFileName` properties (`pinot.proxy.*`, TLS and credentials included).
@Command(name = "StartProxy", description = "Start a proxy (REST on port 9080, gRPC on port 9096) for a cluster and "
    + "keep it running until stopped (Ctrl-C or StopProcess -proxy).")
public final class StartProxyCommand extends AdminCommand {
  @Option(names = "-controllerUrl", paramLabel = "<url>", description = "Controller the proxy reads the cluster "
      + "from and forwards controller calls to (default: http://localhost:9000).")
  @Nullable String controllerUrl;

  @Option(names = "-restPort", paramLabel = "<port>", description = "REST listener port (default: 9080).")
  @Nullable Integer restPort;

  @Option(names = "-grpcPort", paramLabel = "<port>", description = "gRPC listener port (default: 9096).")
  @Nullable Integer grpcPort;

  @Option(names = "-configFileName", paramLabel = "<file>", description = "Proxy properties file (pinot.proxy.*: "
      + "ports, TLS, principals); flags override its values.")
  @Nullable Path configFileName;

  /// The proxy's configuration: file, then flags.
  PinotConfiguration configuration() throws IOException {
    return NodeStarts.configuration(configFileName, NodeStarts.flags(
        ProxyConfigKey.CONTROLLER_URL.key(), controllerUrl,
        ProxyConfigKey.REST_PORT.key(), restPort,
        ProxyConfigKey.GRPC_PORT.key(), grpcPort));
  }

  @Override
  public Integer call() throws Exception {
    PinotConfiguration configuration = configuration();
    ProxyStarter proxy = new ProxyStarter(configuration);
    NodeStarts.start(proxy, proxy::start, "proxy", "port " + configuration.getString(ProxyConfigKey.REST_PORT)
        + " or " + configuration.getString(ProxyConfigKey.GRPC_PORT));
    return NodeLifecycle.runUntilShutdown(ProcessRole.PROXY, proxy, "Started proxy for "
        + configuration.getString(ProxyConfigKey.CONTROLLER_URL) + " (REST on port " + proxy.restPort()
        + ", gRPC on port " + proxy.grpcPort() + "). Press Ctrl-C to stop.", out());
  }
}
