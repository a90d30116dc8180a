// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.data;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Downloads segment tarballs from their download URI (`http(s)://` from the controller, or `file:`), with
/// retries and exponential back-off. Thread-safe.
public final class SegmentFetcher implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(SegmentFetcher.class);
  private static final int ATTEMPTS = 3;

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL).build();
  private final String authorization;

  public SegmentFetcher() {
    this("");
  }

  /// @param authorization `Authorization` header for HTTP downloads (the controller's credentials), or empty
  public SegmentFetcher(String authorization) {
    this.authorization = authorization;
  }

  /// Fetches `uri` into `destination` (replaced if present).
  public void fetch(String uri, Path destination) throws IOException {
    URI target = URI.create(uri);
    IOException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        fetchOnce(target, destination);
        return;
      } catch (IOException e) {
        last = e;
        LOGGER.warn("Download of {} failed (attempt {}/{}): {}", uri, attempt, ATTEMPTS, e.getMessage());
        sleep(200L << attempt);
      }
    }
    throw last;
  }

  private void fetchOnce(URI uri, Path destination) throws IOException {
    Files.createDirectories(destination.toAbsolutePath().getParent());
    if ("file".equals(uri.getScheme())) {
      Files.copy(Path.of(uri), destination, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).GET();
    if (!authorization.isEmpty()) {
      builder.header("Authorization", authorization);
    }
    HttpRequest request = builder.build();
    try {
      HttpResponse<Path> response = client.send(request, HttpResponse.BodyHandlers.ofFile(destination));
      if (response.statusCode() != 200) {
        Files.deleteIfExists(destination);
        throw new IOException("HTTP " + response.statusCode() + " from " + uri);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while downloading " + uri, e);
    }
  }

  private static void sleep(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted", e);
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
