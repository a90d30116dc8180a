// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.scatter;

import io.pinot.broker.routing.ServerAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/// Tells servers to stop a query, as Apache Pinot's broker does: `DELETE http://<host>:<adminPort>/query/<queryId>`
/// on each server's admin API, in parallel, waiting at most `timeoutMs` for the answers. Thread-safe.
public final class ServerQueryCanceller implements AutoCloseable {
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  /// Sends the cancellation to every server with a known admin port.
  ///
  /// @return `host:adminPort` → HTTP status (200 cancelled, 404 not running there), or -1 when the server did not
  ///     answer in time or could not be reached
  public Map<String, Integer> cancel(List<ServerAddress> servers, String queryId, long timeoutMs) {
    Map<String, CompletableFuture<HttpResponse<Void>>> calls = new LinkedHashMap<>();
    for (ServerAddress server : servers) {
      if (server.adminPort() <= 0) {
        continue;
      }
      URI uri = URI.create("http://" + server.host() + ":" + server.adminPort() + "/query/"
          + URLEncoder.encode(queryId, StandardCharsets.UTF_8));
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMillis(Math.max(1, timeoutMs)))
          .DELETE().build();
      calls.put(server.host() + ":" + server.adminPort(),
          client.sendAsync(request, HttpResponse.BodyHandlers.discarding()));
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    Map<String, Integer> statuses = new LinkedHashMap<>();
    for (Map.Entry<String, CompletableFuture<HttpResponse<Void>>> call : new ArrayList<>(calls.entrySet())) {
      statuses.put(call.getKey(), status(call.getValue(), deadline));
    }
    return statuses;
  }

  private static int status(CompletableFuture<HttpResponse<Void>> call, long deadlineNanos) {
    try {
      return call.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS).statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    } catch (ExecutionException | TimeoutException e) {
      call.cancel(true);
      return -1;
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
