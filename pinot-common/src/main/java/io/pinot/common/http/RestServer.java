// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pinot.common.utils.JsonUtils;
import jakarta.ws.rs.ext.ContextResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/// An HTTP server (Jersey on Grizzly) for a node's REST API, with the project's JSON mapper and
/// Pinot-shaped error bodies. Port 0 binds a free port; [#port()] tells which. A hot endpoint may be served by a
/// plain Grizzly [HttpHandler] beside Jersey, mapped at its exact path, to skip Jersey's per-request machinery.
public final class RestServer implements AutoCloseable {
  private final HttpServer server;
  private final int port;

  private RestServer(HttpServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /// Starts serving `resources` (a ResourceConfig holding the node's resources and binders).
  public static RestServer start(String host, int port, ResourceConfig resources) {
    return start(host, port, resources, Map.of());
  }

  /// As [#start(String, int, ResourceConfig)], with `handlers` serving exact paths (such as `/query/sql`) instead
  /// of Jersey; every other path stays Jersey's.
  public static RestServer start(String host, int port, ResourceConfig resources, Map<String, HttpHandler> handlers) {
    resources.property(ServerProperties.WADL_FEATURE_DISABLE, true);
    resources.register(JacksonFeature.withoutExceptionMappers());
    resources.register((ContextResolver<ObjectMapper>) type -> JsonUtils.MAPPER);
    resources.register(new ErrorMappers.WebApplicationMapper());
    resources.register(new ErrorMappers.IllegalArgumentMapper());
    resources.register(new ErrorMappers.ThrowableMapper());
    HttpServer server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://" + host + ":" + port + "/"),
        resources, false);
    server.getServerConfiguration().setDefaultQueryEncoding(StandardCharsets.UTF_8);
    for (Map.Entry<String, HttpHandler> handler : handlers.entrySet()) {
      server.getServerConfiguration().addHttpHandler(handler.getValue(),
          HttpHandlerRegistration.builder().contextPath("").urlPattern(handler.getKey()).build());
    }
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
    }
    NetworkListener listener = server.getListeners().iterator().next();
    return new RestServer(server, listener.getPort());
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    try {
      // Graceful: in-flight requests finish (up to 2 s); forcing it while it runs kills its thread noisily.
      server.shutdown(2, TimeUnit.SECONDS).get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.shutdownNow();
    } catch (ExecutionException | TimeoutException e) {
      server.shutdownNow();
    }
  }
}
