// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.utils.JsonUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/// Minimal HTTP/1.1 client for tests: JSON in, status and JSON out.
final class Http implements AutoCloseable {
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String authorization;

  Http() {
    this("");
  }

  /// A client that sends `authorization` (when not empty) as the `Authorization` header of every request.
  Http(String authorization) {
    this.authorization = authorization;
  }

  String authorization() {
    return authorization;
  }

  record Reply(int status, String body) {
    JsonNode json() {
      return JsonUtils.parse(body);
    }
  }

  Reply get(String url) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build());
  }

  Reply getWithHeaders(String url, Map<String, String> headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
    headers.forEach(request::header);
    return send(request.build());
  }

  Reply post(String url, String json) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  Reply put(String url, String json) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  Reply delete(String url) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).DELETE().build());
  }

  /// Runs a query on a broker and returns the whole response JSON.
  JsonNode query(String brokerUrl, String sql) throws IOException, InterruptedException {
    Reply reply = post(brokerUrl + "/query/sql", JsonUtils.toJson(Map.of("sql", sql)));
    if (reply.status() != 200) {
      throw new IOException("Broker answered HTTP " + reply.status() + ": " + reply.body());
    }
    return reply.json();
  }

  private Reply send(HttpRequest request) throws IOException, InterruptedException {
    if (!authorization.isEmpty() && request.headers().firstValue("Authorization").isEmpty()) {
      request = HttpRequest.newBuilder(request, (name, value) -> true).header("Authorization", authorization).build();
    }
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response.body());
  }

  /// Polls `url` until it answers 200 or the deadline passes.
  boolean awaitOk(String url, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (get(url).status() == 200) {
          return true;
        }
      } catch (IOException e) {
        // not up yet
      }
      Thread.sleep(250);
    }
    return false;
  }

  @Override
  public void close() {
    client.close();
  }
}
