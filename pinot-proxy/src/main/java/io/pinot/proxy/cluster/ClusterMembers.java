// SPDX-License-Identifier: Apache-2.0
package io.pinot.proxy.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/// The cluster as the proxy last read it: live, enabled servers and brokers. Immutable.
///
/// @param servers servers that answer gRPC segment queries (registered gRPC port above 0)
/// @param brokers brokers that answer queries
public record ClusterMembers(List<Server> servers, List<Broker> brokers) {
  /// A server: its instance id `Server_<host>_<port>`, host and gRPC and admin ports.
  public record Server(String instanceId, String host, int grpcPort, int adminPort) {
  }

  /// A broker: its instance id `Broker_<host>_<port>`, host and query port.
  public record Broker(String instanceId, String host, int port) {
  }

  public static final ClusterMembers EMPTY = new ClusterMembers(List.of(), List.of());

  public ClusterMembers {
    servers = List.copyOf(servers);
    brokers = List.copyOf(brokers);
  }

  /// The server a gRPC call names with `FORWARD_HOST` and `FORWARD_PORT`: the host matches a server's host name (or
  /// its instance id) case-insensitively; when several servers share the host, the port must be one of their gRPC
  /// ports; a lone server on the host is chosen whatever port the client sent (Trino sends one configured port for
  /// every server). Null when no live server matches, so that the proxy never relays to anything else.
  public @Nullable Server server(String host, @Nullable Integer port) {
    List<Server> onHost = new ArrayList<>();
    for (Server server : servers) {
      if (server.host().equalsIgnoreCase(host) || server.instanceId().equalsIgnoreCase(host)) {
        onHost.add(server);
      }
    }
    for (Server server : onHost) {
      if (port != null && server.grpcPort() == port) {
        return server;
      }
    }
    return onHost.size() == 1 ? onHost.get(0) : null;
  }

  /// A live broker at `host:port`, or null.
  public @Nullable Broker broker(String host, int port) {
    for (Broker broker : brokers) {
      if (broker.port() == port && broker.host().toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT))) {
        return broker;
      }
    }
    return null;
  }
}
