// SPDX-License-Identifier: Apache-2.0
package io.pinot.perf.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.utils.JsonUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/// Sends queries to a broker over keep-alive HTTP/1.1 and times them on the client (wall time, as the
/// shared run_bench.py does). Thread-safe.
final class QueryRunner implements AutoCloseable {
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final URI endpoint;

  /// @param millis client wall time
  /// @param errorCode the first exception's code, or 0
  record Timed(double millis, JsonNode response, int errorCode, String errorMessage) {
  }

  QueryRunner(String brokerUrl) {
    this.endpoint = URI.create(brokerUrl + "/query/sql");
  }

  Timed run(String sql) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofMinutes(5))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JsonUtils.toJson(Map.of("sql", sql)))).build();
    long start = System.nanoTime();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    double millis = (System.nanoTime() - start) / 1e6;
    if (response.statusCode() != 200) {
      return new Timed(millis, JsonUtils.newObjectNode(), response.statusCode(), "HTTP " + response.statusCode());
    }
    JsonNode json = JsonUtils.parse(response.body());
    JsonNode exception = json.path("exceptions").path(0);
    return new Timed(millis, json, exception.path("errorCode").asInt(0), exception.path("message").asText(""));
  }

  @Override
  public void close() {
    client.close();
  }
}
