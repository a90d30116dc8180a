// SPDX-License-Identifier: Apache-2.0
package io.pinot.proxy.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.pinot.common.auth.BasicAuthPrincipals;
import io.pinot.proxy.ProxyMetrics;
import io.pinot.spi.annotations.SuppressForbidden;
import io.pinot.proxy.TlsConfig;
import io.pinot.proxy.cluster.ClusterView;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The proxy's REST listener (HTTP or HTTPS): `GET /health` and `GET /metrics` answered here, every other request
/// forwarded by path (see [RestRoute], [RestForwarder]). One virtual thread per request.
@SuppressForbidden(reason = "com.sun.net.httpserver is the JDK's supported HTTP server API (module jdk.httpserver)")
public final class RestProxyServer implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(RestProxyServer.class);

  /// The largest request body forwarded and the time limit of one forwarded call.
  public record Limits(long maxRequestBytes, long timeoutMs) {
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final RestForwarder forwarder;

  private RestProxyServer(HttpServer server, ExecutorService executor, RestForwarder forwarder) {
    this.server = server;
    this.executor = executor;
    this.forwarder = forwarder;
  }

  /// Binds `address:port` (port 0 for a free one).
  ///
  /// @param tls the listener's TLS material, or null for plain HTTP
  public static RestProxyServer start(String address, int port, ClusterView cluster, BasicAuthPrincipals principals,
      ProxyMetrics metrics, Limits limits, @Nullable TlsConfig tls)
      throws IOException, GeneralSecurityException {
    InetSocketAddress bind = new InetSocketAddress(address, port);
    HttpServer server;
    if (tls == null) {
      server = HttpServer.create(bind, 0);
    } else {
      HttpsServer https = HttpsServer.create(bind, 0);
      https.setHttpsConfigurator(new TlsConfigurator(tls.sslContext(), tls.requiresClientCertificates()));
      server = https;
    }
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    RestForwarder forwarder = new RestForwarder(cluster, principals, metrics, limits.maxRequestBytes(),
        limits.timeoutMs());
    server.setExecutor(executor);
    server.createContext("/", exchange -> handle(exchange, forwarder, metrics));
    server.start();
    LOGGER.info("Proxy REST listener on port {} ({})", server.getAddress().getPort(), tls == null ? "HTTP" : "HTTPS");
    return new RestProxyServer(server, executor, forwarder);
  }

  private static void handle(HttpExchange exchange, RestForwarder forwarder, ProxyMetrics metrics) {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      RestRoute route = RestRoute.of(path, exchange.getRequestHeaders().getFirst("FORWARD_HOST"),
          exchange.getRequestHeaders().getFirst("FORWARD_PORT"));
      if (route instanceof RestRoute.Local local) {
        byte[] body = (local.endpoint().equals("health") ? "OK" : metrics.prometheusText()).getBytes(
            StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      } else {
        forwarder.forward(exchange, route);
      }
    } catch (IOException e) {
      LOGGER.debug("REST exchange ended early: {}", e.toString());
    }
  }

  /// TLS on each connection, requiring a trusted client certificate when a trust store is configured.
  @SuppressForbidden(reason = "com.sun.net.httpserver is the JDK's supported HTTP server API (module jdk.httpserver)")
  private static final class TlsConfigurator extends HttpsConfigurator {
    private final boolean needClientAuth;

    TlsConfigurator(SSLContext context, boolean needClientAuth) {
      super(context);
      this.needClientAuth = needClientAuth;
    }

    @Override
    public void configure(HttpsParameters parameters) {
      SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
      ssl.setNeedClientAuth(needClientAuth);
      parameters.setSSLParameters(ssl);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    forwarder.close();
  }
}
