// SPDX-License-Identifier: Apache-2.0
package io.pinot.proxy.grpc;

import io.grpc.Metadata;
import io.grpc.Status;
import io.pinot.proxy.cluster.ClusterMembers;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// Where a gRPC segment query goes: the server named by `FORWARD_HOST` / `FORWARD_PORT` in the request's metadata map
/// (Trino, Presto, Spark; keys matched case-insensitively) or, failing that, in the HTTP/2 headers `forward_host` /
/// `forward_port` (Spark). The target must be a live server of the cluster: the proxy is never an open relay.
public final class ForwardTarget {
  static final String FORWARD_HOST = "FORWARD_HOST";
  static final String FORWARD_PORT = "FORWARD_PORT";
  static final Metadata.Key<String> HOST_HEADER = Metadata.Key.of("forward_host", Metadata.ASCII_STRING_MARSHALLER);
  static final Metadata.Key<String> PORT_HEADER = Metadata.Key.of("forward_port", Metadata.ASCII_STRING_MARSHALLER);

  /// A refusal: the status the client gets.
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Status status;

    Refused(Status status) {
      super(status.getDescription(), null, false, false);
      this.status = status;
    }

    Status status() {
      return status;
    }
  }

  private ForwardTarget() {
  }

  /// The live server the request names.
  ///
  /// @throws Refused INVALID_ARGUMENT without a host or with a bad port, PERMISSION_DENIED when no live server of the
  ///     cluster matches
  static ClusterMembers.Server resolve(Map<String, String> requestMetadata, Metadata headers, Members members)
      throws Refused {
    String host = value(requestMetadata, FORWARD_HOST);
    String port = value(requestMetadata, FORWARD_PORT);
    if (host == null) {
      host = headers.get(HOST_HEADER);
      port = headers.get(PORT_HEADER);
    }
    if (host == null || host.isBlank()) {
      throw new Refused(Status.INVALID_ARGUMENT.withDescription("The request names no server: set FORWARD_HOST "
          + "(and FORWARD_PORT) in its metadata to the server that holds its segments"));
    }
    host = host.trim();
    Integer portNumber = null;
    if (port != null && !port.isBlank()) {
      try {
        portNumber = Integer.valueOf(port.trim());
      } catch (NumberFormatException e) {
        throw new Refused(Status.INVALID_ARGUMENT.withDescription("FORWARD_PORT is not a number: " + port));
      }
    }
    ClusterMembers.Server server = members.current().server(host, portNumber);
    if (server == null) {
      server = members.fresh().server(host, portNumber);
    }
    if (server == null) {
      throw new Refused(Status.PERMISSION_DENIED.withDescription("FORWARD_HOST " + host
          + (portNumber == null ? "" : ":" + portNumber) + " is not a live server of this cluster"));
    }
    return server;
  }

  /// The current cluster view, and a freshly read one for a miss.
  public interface Members {
    ClusterMembers current();

    ClusterMembers fresh();
  }

  static @Nullable String value(Map<String, String> metadata, String key) {
    String exact = metadata.get(key);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, String> entry : metadata.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(key)) {
        return entry.getValue();
      }
    }
    return null;
  }
}
