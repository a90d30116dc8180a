// SPDX-License-Identifier: Apache-2.0
package io.pinot.proxy.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import io.pinot.common.auth.BasicAuthPrincipals;
import io.pinot.common.utils.JsonUtils;
import io.pinot.proxy.ProxyMetrics;
import io.pinot.spi.annotations.SuppressForbidden;
import io.pinot.proxy.cluster.ClusterMembers;
import io.pinot.proxy.cluster.ClusterView;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/// Forwards one REST request to its upstream and streams the answer back: method, path, query string, end-to-end
/// headers (`Authorization` included) and body go up; status, headers and body come back unchanged, so status codes
/// and error bodies are the upstream's own. Hop-by-hop headers and the `FORWARD_*` hints are dropped and
/// `X-Forwarded-*` added. With principals configured, a request without a valid credential is refused (401) before
/// anything is forwarded. An idempotent request whose broker cannot be reached is retried on another broker; a
/// request that was sent is never retried. The proxy's own errors are `{"code", "error"}` JSON.
@SuppressForbidden(reason = "com.sun.net.httpserver is the JDK's supported HTTP server API (module jdk.httpserver)")
final class RestForwarder implements AutoCloseable {
  /// Headers not forwarded in either direction (hop-by-hop, or set by the HTTP client itself).
  private static final Set<String> DROPPED = Set.of("connection", "keep-alive", "proxy-authenticate",
      "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect",
      "forward_host", "forward_port", "http2-settings");

  /// Largest body of a GET or HEAD request, which is held in memory so that the request can go to another broker.
  static final long MAX_BUFFERED_BODY_BYTES = 1 << 20;

  private final ClusterView cluster;
  private final BasicAuthPrincipals principals;
  private final ProxyMetrics metrics;
  private final long maxRequestBytes;
  private final Duration timeout;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
  private final AtomicInteger nextBroker = new AtomicInteger();

  RestForwarder(ClusterView cluster, BasicAuthPrincipals principals, ProxyMetrics metrics, long maxRequestBytes,
      long timeoutMs) {
    this.cluster = cluster;
    this.principals = principals;
    this.metrics = metrics;
    this.maxRequestBytes = maxRequestBytes;
    this.timeout = Duration.ofMillis(timeoutMs);
  }

  void forward(HttpExchange exchange, RestRoute route) throws IOException {
    metrics.restCall();
    if (principals.isEnabled()
        && principals.authenticate(exchange.getRequestHeaders().getFirst("Authorization")).isEmpty()) {
      metrics.restRefused();
      exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"pinot-proxy\"");
      error(exchange, 401, "Authentication required: send a valid 'Authorization: Basic ...' header");
      return;
    }
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length != null && parseLong(length) > maxRequestBytes) {
      metrics.restRefused();
      error(exchange, 413, "Request body of " + length + " bytes is over the proxy's limit of " + maxRequestBytes);
      return;
    }
    List<String> bases = upstreams(route);
    if (bases.isEmpty()) {
      metrics.restRefused();
      if (route instanceof RestRoute.Instance instance) {
        error(exchange, 403, "FORWARD_HOST " + instance.host() + ":" + instance.port()
            + " is not a live broker of this cluster");
      } else {
        error(exchange, 503, "No live broker in the cluster");
      }
      return;
    }
    String method = exchange.getRequestMethod();
    boolean idempotent = method.equals("GET") || method.equals("HEAD");
    // An idempotent request's body (normally none) is kept so that it can go to another broker; any other body
    // streams through, cut off at the limit.
    HttpRequest.BodyPublisher body;
    if (idempotent) {
      byte[] bytes = readBody(exchange);
      if (bytes == null) {
        metrics.restRefused();
        error(exchange, 413, "A " + method + " request's body is over the proxy's limit of " + bufferedLimit()
            + " bytes");
        return;
      }
      body = bytes.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes);
    } else {
      HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(
          () -> new LimitedInputStream(exchange.getRequestBody(), maxRequestBytes));
      long declared = length == null ? -1 : parseLong(length);
      body = declared >= 0 ? HttpRequest.BodyPublishers.fromPublisher(stream, declared) : stream;
    }
    IOException lastFailure = null;
    for (int attempt = 0; attempt < (idempotent ? bases.size() : 1); attempt++) {
      HttpRequest request = upstreamRequest(exchange, bases.get(attempt), body);
      HttpResponse<InputStream> response;
      try {
        response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      } catch (HttpConnectTimeoutException | ConnectException e) {
        lastFailure = e;
        continue;
      } catch (LimitedInputStream.LimitExceeded e) {
        metrics.restRefused();
        error(exchange, 413, e.getMessage());
        return;
      } catch (HttpTimeoutException e) {
        metrics.restUpstreamError();
        error(exchange, 504, "Upstream " + bases.get(attempt) + " did not answer within " + timeout.toMillis()
            + " ms");
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        error(exchange, 503, "The proxy is shutting down");
        return;
      }
      relay(exchange, method, response);
      return;
    }
    metrics.restUpstreamError();
    error(exchange, 502, "Cannot reach " + String.join(", ", bases) + ": " + lastFailure);
  }

  /// Upstream base URLs to try, in order: one controller, the named instance, or every live broker starting at the
  /// next in turn.
  private List<String> upstreams(RestRoute route) {
    return switch (route) {
      case RestRoute.Controller c -> List.of(cluster.controllerUrl());
      case RestRoute.Instance instance -> {
        ClusterMembers.Broker broker = null;
        try {
          int port = Integer.parseInt(instance.port());
          broker = cluster.members().broker(instance.host(), port);
          if (broker == null) {
            broker = cluster.refreshIfStale().broker(instance.host(), port);
          }
        } catch (NumberFormatException e) {
          // not a port: refused below
        }
        yield broker == null ? List.of() : List.of("http://" + broker.host() + ":" + broker.port());
      }
      case RestRoute.Broker b -> {
        List<ClusterMembers.Broker> brokers = cluster.members().brokers();
        if (brokers.isEmpty()) {
          brokers = cluster.refreshIfStale().brokers();
        }
        List<String> urls = new ArrayList<>();
        int start = Math.floorMod(nextBroker.getAndIncrement(), Math.max(1, brokers.size()));
        for (int i = 0; i < brokers.size(); i++) {
          ClusterMembers.Broker broker = brokers.get((start + i) % brokers.size());
          urls.add("http://" + broker.host() + ":" + broker.port());
        }
        yield urls;
      }
      case RestRoute.Local l -> List.of();
    };
  }

  private HttpRequest upstreamRequest(HttpExchange exchange, String base, HttpRequest.BodyPublisher body) {
    URI uri = exchange.getRequestURI();
    String target = base + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target)).timeout(timeout);
    exchange.getRequestHeaders().forEach((name, values) -> {
      if (!DROPPED.contains(name.toLowerCase(Locale.ROOT))) {
        values.forEach(value -> request.header(name, value));
      }
    });
    request.header("X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());
    request.header("X-Forwarded-Proto", exchange instanceof HttpsExchange ? "https" : "http");
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (host != null) {
      request.header("X-Forwarded-Host", host);
    }
    return request.method(exchange.getRequestMethod(), body).build();
  }

  private static void relay(HttpExchange exchange, String method, HttpResponse<InputStream> response)
      throws IOException {
    response.headers().map().forEach((name, values) -> {
      if (!DROPPED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
        exchange.getResponseHeaders().put(name, values);
      }
    });
    int status = response.statusCode();
    long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    boolean noBody = method.equals("HEAD") || status == 204 || status == 304;
    try (InputStream in = response.body()) {
      if (noBody || length == 0) {
        exchange.sendResponseHeaders(status, -1);
        return;
      }
      exchange.sendResponseHeaders(status, length > 0 ? length : 0);
      try (OutputStream out = exchange.getResponseBody()) {
        in.transferTo(out);
      }
    }
  }

  /// The body of an idempotent request, kept in memory for a retry, or null when it is over the limit: the smaller of
  /// the proxy's limit and [#MAX_BUFFERED_BODY_BYTES], so that no request makes the proxy hold much of its heap.
  private byte @Nullable [] readBody(HttpExchange exchange) throws IOException {
    long limit = bufferedLimit();
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes((int) limit + 1);
      return body.length > limit ? null : body;
    }
  }

  private long bufferedLimit() {
    return Math.min(maxRequestBytes, MAX_BUFFERED_BODY_BYTES);
  }

  private static void error(HttpExchange exchange, int status, String message) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", status);
    body.put("error", message);
    byte[] bytes = JsonUtils.toJson(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static long parseLong(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
