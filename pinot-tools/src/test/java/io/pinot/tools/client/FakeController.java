// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/// A hand-written fake of the controller's REST API on a free loopback port, for tests of the admin commands
/// and the ingestion job without a cluster: it records every request, answers `GET`s from a map of paths, and
/// answers other calls with queued responses (default `200 {"status":"OK"}`).
public final class FakeController implements AutoCloseable {
  /// One request as received.
  public record Request(String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body) {
    public String header(String name) {
      for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
        if (entry.getKey().equalsIgnoreCase(name)) {
          return entry.getValue().get(0);
        }
      }
      return null;
    }

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private record Response(int status, String body) {
  }

  private final HttpServer server;
  private final List<Request> requests = new ArrayList<>();
  private final Map<String, String> gets = new ConcurrentHashMap<>();
  private final Deque<Response> responses = new ArrayDeque<>();

  public FakeController() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public String url() {
    return "http://localhost:" + server.getAddress().getPort();
  }

  /// Answers `GET path` with `body` (200).
  public FakeController get(String path, String body) {
    gets.put(path, body);
    return this;
  }

  /// Queues the answer to the next non-GET request.
  public synchronized FakeController respond(int status, String body) {
    responses.add(new Response(status, body));
    return this;
  }

  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  /// The non-GET requests.
  public synchronized List<Request> writes() {
    return requests.stream().filter(request -> !request.method().equals("GET")).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    String pathAndQuery = exchange.getRequestURI().getRawPath()
        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
    Response response;
    synchronized (this) {
      requests.add(new Request(exchange.getRequestMethod(), pathAndQuery, Map.copyOf(exchange.getRequestHeaders()),
          body));
      if (exchange.getRequestMethod().equals("GET")) {
        String found = gets.get(exchange.getRequestURI().getRawPath());
        response = found == null ? new Response(404, "{\"code\":404,\"error\":\"Not found\"}")
            : new Response(200, found);
      } else {
        Response queued = responses.poll();
        response = queued == null ? new Response(200, "{\"status\":\"OK\"}") : queued;
      }
    }
    byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(response.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
