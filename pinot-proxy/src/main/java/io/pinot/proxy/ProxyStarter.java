// SPDX-License-Identifier: Apache-2.0
package io.pinot.proxy;

import io.pinot.common.auth.BasicAuthPrincipals;
import io.pinot.proxy.cluster.ClusterMembers;
import io.pinot.proxy.cluster.ClusterView;
import io.pinot.proxy.grpc.ForwardTarget;
import io.pinot.proxy.grpc.GrpcProxyServer;
import io.pinot.proxy.rest.RestProxyServer;
import io.pinot.spi.env.PinotConfiguration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Starts and stops one proxy: the cluster view (read from the controller), the gRPC listener and the REST
/// listener. Several proxies may run in one JVM; nothing is static.
public final class ProxyStarter implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(ProxyStarter.class);
  /// The principals prefix: `pinot.proxy.access.control.principals` and `...principals.<name>.password`.
  public static final String ACCESS_CONTROL_PREFIX = "pinot.proxy.access.control";

  private final PinotConfiguration config;
  private final ProxyMetrics metrics = new ProxyMetrics();
  private @Nullable ClusterView cluster;
  private @Nullable GrpcProxyServer grpc;
  private @Nullable RestProxyServer rest;

  public ProxyStarter(PinotConfiguration config) {
    this.config = config;
  }

  public synchronized void start() throws Exception {
    BasicAuthPrincipals principals = BasicAuthPrincipals.from(config, ACCESS_CONTROL_PREFIX);
    String bind = config.getString(ProxyConfigKey.BIND_ADDRESS);
    ClusterView view = new ClusterView(config.getString(ProxyConfigKey.CONTROLLER_URL),
        config.getString(ProxyConfigKey.CONTROLLER_AUTHORIZATION), config.getLong(ProxyConfigKey.REFRESH_INTERVAL_MS));
    cluster = view;
    TlsConfig grpcTls = config.getBoolean(ProxyConfigKey.GRPC_TLS_ENABLED) ? TlsConfig.from(config) : null;
    TlsConfig restTls = config.getBoolean(ProxyConfigKey.REST_TLS_ENABLED) ? TlsConfig.from(config) : null;
    grpc = GrpcProxyServer.start(bind, config.getInt(ProxyConfigKey.GRPC_PORT), new Members(view), principals,
        metrics, config.getInt(ProxyConfigKey.GRPC_MAX_INBOUND_MESSAGE_BYTES), grpcTls);
    rest = RestProxyServer.start(bind, config.getInt(ProxyConfigKey.REST_PORT), view, principals, metrics,
        new RestProxyServer.Limits(config.getLong(ProxyConfigKey.REST_MAX_REQUEST_BYTES),
            config.getLong(ProxyConfigKey.REST_TIMEOUT_MS)), restTls);
    LOGGER.info("Proxy for controller {} started: REST on port {}, gRPC on port {}{}", view.controllerUrl(),
        rest.port(), grpc.port(), principals.isEnabled() ? ", checking credentials" : "");
  }

  /// The cluster view as a source of forwarding targets.
  private record Members(ClusterView view) implements ForwardTarget.Members {
    @Override
    public ClusterMembers current() {
      return view.members();
    }

    @Override
    public ClusterMembers fresh() {
      return view.refreshIfStale();
    }
  }

  public int restPort() {
    return rest == null ? -1 : rest.port();
  }

  public int grpcPort() {
    return grpc == null ? -1 : grpc.port();
  }

  public ProxyMetrics metrics() {
    return metrics;
  }

  @Override
  public synchronized void close() {
    if (rest != null) {
      rest.close();
      rest = null;
    }
    if (grpc != null) {
      grpc.close();
      grpc = null;
    }
    if (cluster != null) {
      cluster.close();
      cluster = null;
    }
  }
}
