// SPDX-License-Identifier: Apache-2.0
package io.pinot.proxy.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.utils.JsonUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The proxy's view of the cluster, read from the controller every refresh interval: `GET /liveinstances`, then
/// `GET /instances/{id}` for each live server and broker, keeping those enabled (and, for servers, with a gRPC
/// port). A failed refresh keeps the previous view, so a controller restart does not stop traffic; a target missing
/// from the view triggers one early refresh (at most one per second), so that a newly started server is usable at
/// once. Thread-safe.
public final class ClusterView implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(ClusterView.class);
  private static final long MIN_REFRESH_GAP_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final String controllerUrl;
  private final String authorization;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final ScheduledExecutorService refresher;
  private volatile ClusterMembers members = ClusterMembers.EMPTY;
  private volatile long lastRefreshNanos;

  /// @param authorization `Authorization` header for the controller, or empty
  public ClusterView(String controllerUrl, String authorization, long refreshIntervalMs) {
    this.controllerUrl = controllerUrl.endsWith("/") ? controllerUrl.substring(0, controllerUrl.length() - 1)
        : controllerUrl;
    this.authorization = authorization;
    this.refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "proxy-cluster-view");
      thread.setDaemon(true);
      return thread;
    });
    refresher.scheduleWithFixedDelay(this::refreshQuietly, 0, refreshIntervalMs, TimeUnit.MILLISECONDS);
  }

  public String controllerUrl() {
    return controllerUrl;
  }

  public ClusterMembers members() {
    return members;
  }

  /// Re-reads the cluster now unless it was read in the last second; returns the (possibly new) view.
  /// Callers that arrive during a refresh wait for it and get its result rather than starting another, so a burst of
  /// requests naming unknown targets costs at most one controller read per second.
  public synchronized ClusterMembers refreshIfStale() {
    if (System.nanoTime() - lastRefreshNanos > MIN_REFRESH_GAP_NANOS) {
      refreshQuietly();
    }
    return members;
  }

  private synchronized void refreshQuietly() {
    try {
      members = read();
    } catch (IOException | RuntimeException e) {
      LOGGER.warn("Cannot read the cluster from controller {}: {}", controllerUrl, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lastRefreshNanos = System.nanoTime();
    }
  }

  private ClusterMembers read() throws IOException, InterruptedException {
    List<ClusterMembers.Server> servers = new ArrayList<>();
    List<ClusterMembers.Broker> brokers = new ArrayList<>();
    for (JsonNode id : get("/liveinstances").path("instances")) {
      String instanceId = id.asText();
      if (!instanceId.startsWith("Server_") && !instanceId.startsWith("Broker_")) {
        continue;
      }
      JsonNode info = get("/instances/" + instanceId);
      if (!info.path("enabled").asBoolean(true)) {
        continue;
      }
      String host = info.path("hostName").asText();
      if (instanceId.startsWith("Server_")) {
        int grpcPort = info.path("grpcPort").asInt(-1);
        if (grpcPort > 0) {
          servers.add(new ClusterMembers.Server(instanceId, host, grpcPort, info.path("adminPort").asInt(-1)));
        }
      } else {
        brokers.add(new ClusterMembers.Broker(instanceId, host, Integer.parseInt(info.path("port").asText("-1"))));
      }
    }
    return new ClusterMembers(servers, brokers);
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(controllerUrl + path))
        .timeout(Duration.ofSeconds(10)).header("Accept", "application/json");
    if (!authorization.isEmpty()) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response = client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + path + " answered HTTP " + response.statusCode());
    }
    return JsonUtils.parse(response.body());
  }

  @Override
  public void close() {
    refresher.shutdownNow();
    client.close();
  }
}
