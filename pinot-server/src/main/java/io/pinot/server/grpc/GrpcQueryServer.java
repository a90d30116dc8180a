// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.grpc;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.pinot.common.auth.BasicAuthPrincipals;
import io.pinot.common.grpc.GrpcServers;
import io.pinot.server.query.QueryScheduler;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The server's gRPC query API (`pinot.server.grpc.port`, default 8090; `pinot.server.grpc.enable`): the endpoint
/// Trino's and PrestoDB's Pinot connectors stream segment queries from, directly or through `pinot-proxy`.
public final class GrpcQueryServer implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(GrpcQueryServer.class);
  /// Largest request accepted, as Pinot's default (`GrpcConfig`, 128 MiB); larger ones fail RESOURCE_EXHAUSTED.
  public static final int MAX_INBOUND_MESSAGE_BYTES = 128 << 20;

  private final Server server;

  private GrpcQueryServer(Server server) {
    this.server = server;
  }

  /// Binds `port` (0 for a free one) on all interfaces and serves queries through `scheduler`.
  ///
  /// @param principals the credentials a request's `authorization` metadata must match (none: not checked)
  public static GrpcQueryServer start(int port, QueryScheduler scheduler, long defaultTimeoutMs,
      BasicAuthPrincipals principals) throws IOException {
    return start(port, scheduler, defaultTimeoutMs, principals, MAX_INBOUND_MESSAGE_BYTES);
  }

  static GrpcQueryServer start(int port, QueryScheduler scheduler, long defaultTimeoutMs,
      BasicAuthPrincipals principals, int maxInboundBytes) throws IOException {
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress(port))
        .maxInboundMessageSize(maxInboundBytes)
        .addService(new GrpcQueryService(scheduler, defaultTimeoutMs, principals).definition())
        .build()
        .start();
    LOGGER.info("gRPC query server listening on port {}", server.getPort());
    return new GrpcQueryServer(server);
  }

  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    GrpcServers.shutdown(server);
  }
}
