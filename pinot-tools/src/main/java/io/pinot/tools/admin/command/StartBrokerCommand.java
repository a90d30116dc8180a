// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.admin.command;

import io.pinot.broker.BrokerConfigKey;
import io.pinot.broker.BrokerStarter;
import io.pinot.spi.env.PinotConfiguration;
import io.pinot.tools.admin.AdminCommand;
import io.pinot.tools.admin.NodeLifecycle;
import io.pinot.tools.admin.ProcessRole;
import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// `StartBroker`: a broker answering `POST /query/sql`, with Apache Pinot's flags over the
/// `-configFileName` properties (`pinot.zk.server`, `pinot.broker.client.queryPort`...).
@Command(name = "StartBroker", description = "Start a broker (queries on port 8099) and keep it running until "
    + "stopped (Ctrl-C or StopProcess -broker).")
public final class StartBrokerCommand extends AdminCommand {
  @Option(names = "-zkAddress", paramLabel = "<host:port>", description = "ZooKeeper address (default: "
      + "localhost:2181).")
  @Nullable String zkAddress;

  @Option(names = "-clusterName", paramLabel = "<name>", description = "Helix cluster name (default: PinotCluster).")
  @Nullable String clusterName;

  @Option(names = "-brokerHost", paramLabel = "<host>", description = "Host name of this broker (default: "
      + "localhost).")
  @Nullable String brokerHost;

  @Option(names = "-brokerPort", paramLabel = "<port>", description = "Query port (default: 8099).")
  @Nullable Integer brokerPort;

  @Option(names = "-configFileName", paramLabel = "<file>", description = "Broker properties file; flags override "
      + "its values.")
  @Nullable Path configFileName;

  /// The broker's configuration: file, then flags.
  PinotConfiguration configuration() throws IOException {
    return NodeStarts.configuration(configFileName, NodeStarts.flags(
        BrokerConfigKey.ZK_ADDRESS.key(), zkAddress,
        BrokerConfigKey.CLUSTER_NAME.key(), clusterName,
        BrokerConfigKey.HOST.key(), brokerHost,
        BrokerConfigKey.QUERY_PORT.key(), brokerPort));
  }

  @Override
  public Integer call() throws Exception {
    PinotConfiguration configuration = configuration();
    BrokerStarter broker = new BrokerStarter(configuration);
    NodeStarts.start(broker, broker::start, "broker", "port " + configuration.getString(BrokerConfigKey.QUERY_PORT));
    return NodeLifecycle.runUntilShutdown(ProcessRole.BROKER, broker, "Started broker " + broker.instanceId()
        + " on port " + broker.port() + ". Press Ctrl-C to stop.", out());
  }
}
