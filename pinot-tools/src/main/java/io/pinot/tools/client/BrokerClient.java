// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.client;

import io.pinot.common.utils.JsonUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// Posts SQL to a broker's `POST /query/sql` (`{"sql": ...}`) and returns Pinot's response JSON as text.
/// Thread-safe.
public final class BrokerClient {
  private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(120);

  private final RestCalls calls;

  /// @param baseUrl `http://host:8099`, without a trailing slash
  public BrokerClient(String baseUrl, @Nullable String authorization) {
    String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.calls = new RestCalls(URI.create(trimmed), "broker", authorization);
  }

  public URI baseUri() {
    return calls.baseUri();
  }

  /// Runs one query; errors inside the query (unknown table, bad SQL) come back in the JSON's `exceptions`.
  public String query(String sql) throws IOException {
    String body = JsonUtils.toJson(Map.of("sql", sql));
    HttpRequest request = calls.request("/query/sql", QUERY_TIMEOUT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
    return calls.send(request);
  }
}
