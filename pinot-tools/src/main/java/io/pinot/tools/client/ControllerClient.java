// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.utils.JsonUtils;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/// The controller REST calls the admin commands and the ingestion job make, with Apache Pinot's paths:
/// schemas, tables, segment upload (`POST /v2/segments`: multipart tar push, or URI push with the
/// `UPLOAD_TYPE: URI` and `DOWNLOAD_URI` headers). Errors carry the controller's `error` text. Thread-safe.
public final class ControllerClient {
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(10);

  private final RestCalls calls;

  /// @param baseUrl `http://host:9000`, without a trailing slash
  /// @param authorization the `Authorization` header value (`Basic ...`, `Bearer ...`), or null
  public ControllerClient(String baseUrl, @Nullable String authorization) {
    String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.calls = new RestCalls(URI.create(trimmed), "controller", authorization);
  }

  public URI baseUri() {
    return calls.baseUri();
  }

  /// `POST /schemas?override=&force=` with the schema JSON; returns the controller's answer.
  public String addSchema(String schemaJson, boolean override, boolean force) throws IOException {
    return calls.send(json(calls.request("/schemas?override=" + override + "&force=" + force, CALL_TIMEOUT),
        schemaJson).build());
  }

  /// `POST /tables` with a table config JSON.
  public String addTable(String tableConfigJson) throws IOException {
    return calls.send(json(calls.request("/tables", CALL_TIMEOUT), tableConfigJson).build());
  }

  /// `DELETE /tables/{name}` (`?type=offline|realtime` when a type is given).
  public String deleteTable(String tableName, @Nullable String type) throws IOException {
    String query = type == null ? "" : "?type=" + encode(type);
    return calls.send(calls.request("/tables/" + encode(tableName) + query, CALL_TIMEOUT).DELETE().build());
  }

  /// `DELETE /schemas/{name}`.
  public String deleteSchema(String schemaName) throws IOException {
    return calls.send(calls.request("/schemas/" + encode(schemaName), CALL_TIMEOUT).DELETE().build());
  }

  /// `POST /tables/{tableName}/rebalance?<query>` (the query names the type and Pinot's rebalance options); returns
  /// Pinot's `RebalanceResult` JSON.
  public String rebalance(String tableName, String query) throws IOException {
    return calls.send(calls.request("/tables/" + encode(tableName) + "/rebalance?" + query, CALL_TIMEOUT)
        .POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  /// `GET /rebalanceStatus/{jobId}`: the job's progress JSON, or null for an unknown job.
  public @Nullable String rebalanceStatus(String jobId) throws IOException {
    return getOrNull("/rebalanceStatus/" + encode(jobId));
  }

  /// `GET` of a controller path (`/tables/events/schema`), or null when it answers 404.
  public @Nullable String getOrNull(String path) throws IOException {
    return calls.sendOrNull(calls.request(path, CALL_TIMEOUT).GET().build());
  }

  /// Tar push: `POST /v2/segments?tableName=&tableType=` with the tarball as the first multipart part.
  public String uploadSegment(String tableName, String tableType, Path tarFile) throws IOException {
    String boundary = "pinot-" + UUID.randomUUID();
    String fileName = tarFile.getFileName().toString();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileName + "\"; filename=\""
        + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    if (!Files.isRegularFile(tarFile)) {
      throw new IOException("Segment tarball " + tarFile + " does not exist");
    }
    HttpRequest request = calls.request(uploadPath(tableName, tableType), UPLOAD_TIMEOUT)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
            HttpRequest.BodyPublishers.ofFile(tarFile), HttpRequest.BodyPublishers.ofByteArray(tail)))
        .build();
    return calls.send(request);
  }

  /// URI push: `POST /v2/segments?tableName=&tableType=` with headers `UPLOAD_TYPE: URI` and
  /// `DOWNLOAD_URI`, and no body; the controller fetches the tarball from the URI.
  public String pushSegmentUri(String tableName, String tableType, String downloadUri) throws IOException {
    HttpRequest request = calls.request(uploadPath(tableName, tableType), UPLOAD_TIMEOUT)
        .header("UPLOAD_TYPE", "URI")
        .header("DOWNLOAD_URI", downloadUri)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.noBody())
        .build();
    return calls.send(request);
  }

  /// The segment names of a table (`GET /segments/{table}`), flattened over table types.
  public List<String> segmentNames(String tableName) throws IOException {
    String body = getOrNull("/segments/" + encode(tableName));
    List<String> names = new ArrayList<>();
    if (body == null) {
      return names;
    }
    collectTextValues(JsonUtils.parse(body), names);
    return names;
  }

  private static void collectTextValues(JsonNode node, List<String> into) {
    if (node.isTextual()) {
      into.add(node.asText());
    } else {
      for (JsonNode child : node) {
        collectTextValues(child, into);
      }
    }
  }

  /// The `status` text of a controller answer (`{"status": "..."}`), or the answer itself, on one line.
  public static String statusText(String body) {
    String trimmed = body == null ? "" : body.strip();
    if (trimmed.startsWith("{")) {
      try {
        JsonNode status = JsonUtils.parse(trimmed).get("status");
        if (status != null && status.isTextual()) {
          return status.asText();
        }
      } catch (IllegalArgumentException e) {
        // Not JSON: use the raw text.
      }
    }
    return trimmed.replace('\n', ' ');
  }

  private static String uploadPath(String tableName, String tableType) {
    return "/v2/segments?tableName=" + encode(tableName) + "&tableType=" + encode(tableType);
  }

  private static HttpRequest.Builder json(HttpRequest.Builder builder, String body) {
    return builder.header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
