// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.realtime;

import io.pinot.common.protocol.CompletionResponse;
import io.pinot.common.protocol.SegmentCompletionProtocol;
import io.pinot.common.protocol.SegmentCompletionProtocol.Status;
import io.pinot.common.utils.JsonUtils;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The server's side of the segment completion protocol: HTTP calls to the lead controller's completion
/// endpoints. A call that cannot reach the controller answers NOT_SENT, so the caller retries. Thread-safe.
public final class CompletionClient implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(CompletionClient.class);

  private final Supplier<@Nullable String> controller;
  private final String instanceId;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private final String authorization;

  public CompletionClient(Supplier<@Nullable String> controller, String instanceId) {
    this(controller, instanceId, "");
  }

  /// @param authorization `Authorization` header for the controller (when it checks credentials), or empty
  public CompletionClient(Supplier<@Nullable String> controller, String instanceId, String authorization) {
    this.controller = controller;
    this.instanceId = instanceId;
    this.authorization = authorization;
  }

  public CompletionResponse segmentConsumed(String segment, long offset, String reason, long rowCount) {
    return send("GET", SegmentCompletionProtocol.MSG_TYPE_CONSUMED, segment, offset,
        "&reason=" + encode(reason) + "&rowCount=" + rowCount, null);
  }

  public CompletionResponse segmentCommitStart(String segment, long offset) {
    return send("GET", SegmentCompletionProtocol.MSG_TYPE_COMMIT_START, segment, offset, "", null);
  }

  public CompletionResponse segmentUpload(String segment, long offset, Path tarGz) {
    return send("POST", SegmentCompletionProtocol.MSG_TYPE_SEGMENT_UPLOAD, segment, offset, "", tarGz);
  }

  public CompletionResponse segmentCommitEnd(String segment, long offset, String location) {
    return send("POST", SegmentCompletionProtocol.MSG_TYPE_COMMIT_END_METADATA, segment, offset,
        "&location=" + encode(location), null);
  }

  public CompletionResponse segmentStoppedConsuming(String segment, long offset, String reason) {
    return send("GET", SegmentCompletionProtocol.MSG_TYPE_STOPPED_CONSUMING, segment, offset,
        "&reason=" + encode(reason), null);
  }

  private CompletionResponse send(String method, String path, String segment, long offset, String extra,
      @Nullable Path body) {
    String base = controller.get();
    if (base == null) {
      return CompletionResponse.of(Status.NOT_SENT);
    }
    String url = base + "/" + path + "?name=" + encode(segment) + "&instance=" + encode(instanceId)
        + "&streamPartitionMsgOffset=" + offset + extra;
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
      if (!authorization.isEmpty()) {
        request.header("Authorization", authorization);
      }
      if (method.equals("POST")) {
        request.header("Content-Type", "application/octet-stream").POST(body == null
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofFile(body));
      } else {
        request.GET();
      }
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        LOGGER.warn("{} for segment {} answered HTTP {}: {}", path, segment, response.statusCode(), response.body());
        return CompletionResponse.of(Status.NOT_SENT);
      }
      return JsonUtils.fromJson(response.body(), CompletionResponse.class);
    } catch (IOException | RuntimeException e) {
      LOGGER.warn("{} for segment {} failed: {}", path, segment, e.getMessage());
      return CompletionResponse.of(Status.NOT_SENT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CompletionResponse.of(Status.NOT_SENT);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    http.close();
  }
}
