// SPDX-License-Identifier: Apache-2.0
package io.pinot.perf.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.utils.JsonUtils;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/// Sends queries to a broker over keep-alive HTTP/1.1, one connection per client thread, and times them on
/// the client (wall time, as the shared run_bench.py does). Thread-safe.
final class QueryRunner implements AutoCloseable {
  private final URI broker;
  private final ThreadLocal<KeepAliveHttp> connections;
  private final List<KeepAliveHttp> opened = new CopyOnWriteArrayList<>();

  /// @param millis client wall time
  /// @param errorCode the first exception's code, or 0
  record Timed(double millis, JsonNode response, int errorCode, String errorMessage) {
  }

  QueryRunner(String brokerUrl) {
    this.broker = URI.create(brokerUrl);
    this.connections = ThreadLocal.withInitial(() -> {
      KeepAliveHttp connection = new KeepAliveHttp(broker);
      opened.add(connection);
      return connection;
    });
  }

  Timed run(String sql) throws IOException {
    String body = JsonUtils.toJson(Map.of("sql", sql));
    long start = System.nanoTime();
    KeepAliveHttp.Response response = connections.get().postJson("/query/sql", body);
    double millis = (System.nanoTime() - start) / 1e6;
    if (response.status() != 200) {
      return new Timed(millis, JsonUtils.newObjectNode(), response.status(), "HTTP " + response.status());
    }
    JsonNode json = JsonUtils.parse(response.body());
    JsonNode exception = json.path("exceptions").path(0);
    return new Timed(millis, json, exception.path("errorCode").asInt(0), exception.path("message").asText(""));
  }

  @Override
  public void close() {
    for (KeepAliveHttp connection : opened) {
      connection.close();
    }
  }
}
