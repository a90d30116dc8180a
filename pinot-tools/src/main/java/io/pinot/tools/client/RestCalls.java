// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.utils.JsonUtils;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/// Sends requests to one Pinot REST endpoint (controller or broker) and turns failures into one-line
/// messages: an error status becomes a [PinotHttpException] carrying the server's `error` text, a refused
/// connection an [IOException] saying what could not be reached. Uses HTTP/1.1 (Grizzly stalls on the
/// h2c upgrade of request bodies). Thread-safe.
final class RestCalls {
  private final URI baseUri;
  private final String what;
  private final @Nullable String authorization;
  private final HttpClient http;

  RestCalls(URI baseUri, String what, @Nullable String authorization) {
    this.baseUri = baseUri;
    this.what = what;
    this.authorization = authorization;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  URI baseUri() {
    return baseUri;
  }

  /// A request builder for `pathAndQuery` (starting with `/`), with the auth header when configured.
  HttpRequest.Builder request(String pathAndQuery, Duration timeout) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUri + pathAndQuery)).timeout(timeout)
        .header("Accept", "application/json");
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  /// Sends the request and returns the response body.
  ///
  /// @throws PinotHttpException for an error status
  /// @throws IOException when the endpoint cannot be reached or times out
  String send(HttpRequest request) throws IOException {
    HttpResponse<String> response = exchange(request);
    if (response.statusCode() >= 400) {
      throw new PinotHttpException(response.statusCode(), request.method() + " " + request.uri() + " failed with HTTP "
          + response.statusCode() + ": " + errorText(response.body()));
    }
    return response.body();
  }

  /// Sends the request and returns the body, or null for 404.
  @Nullable String sendOrNull(HttpRequest request) throws IOException {
    HttpResponse<String> response = exchange(request);
    if (response.statusCode() == 404) {
      return null;
    }
    if (response.statusCode() >= 400) {
      throw new PinotHttpException(response.statusCode(), request.method() + " " + request.uri() + " failed with HTTP "
          + response.statusCode() + ": " + errorText(response.body()));
    }
    return response.body();
  }

  private HttpResponse<String> exchange(HttpRequest request) throws IOException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpConnectTimeoutException e) {
      throw new IOException("Timed out connecting to the " + what + " at " + baseUri + " (is it running?)", e);
    } catch (HttpTimeoutException e) {
      throw new IOException("The " + what + " at " + baseUri + " did not answer " + request.method() + " "
          + request.uri().getPath() + " in time", e);
    } catch (ConnectException e) {
      throw new IOException("Cannot connect to the " + what + " at " + baseUri + " (is it running?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while calling the " + what + " at " + baseUri, e);
    }
  }

  /// The `error` (controller) or `message`/exceptions text of an error body, or the body itself, shortened.
  static String errorText(String body) {
    String trimmed = body == null ? "" : body.strip();
    if (trimmed.startsWith("{")) {
      try {
        JsonNode json = JsonUtils.parse(trimmed);
        for (String field : new String[] {"error", "message", "errorMessage"}) {
          JsonNode value = json.get(field);
          if (value != null && value.isTextual()) {
            return value.asText();
          }
        }
      } catch (IllegalArgumentException e) {
        // Not JSON after all: fall through to the raw text.
      }
    }
    if (trimmed.isEmpty()) {
      return "(empty response)";
    }
    return trimmed.length() > 300 ? trimmed.substring(0, 300) + "..." : trimmed;
  }
}
