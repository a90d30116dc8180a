// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.admin;

import io.pinot.tools.client.ControllerClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/// The options naming the controller a command talks to, as Apache Pinot spells them: `-controllerHost`
/// (default localhost), `-controllerPort` (9000), `-controllerProtocol` (http), and the credentials
/// `-authToken` (a full `Authorization` header value) or `-user`/`-password` (basic auth).
public final class ControllerOptions {
  @Option(names = "-controllerHost", paramLabel = "<host>", description = "Controller host (default: localhost).")
  private String host = "localhost";

  @Option(names = "-controllerPort", paramLabel = "<port>", description = "Controller port (default: 9000).")
  private int port = 9000;

  @Option(names = "-controllerProtocol", paramLabel = "<http|https>",
      description = "Controller protocol (default: http).")
  private String protocol = "http";

  @Option(names = "-authToken", paramLabel = "<header>",
      description = "Authorization header value, e.g. 'Basic YWRtaW46dmVyeXNlY3JldA'.")
  private @Nullable String authToken;

  @Option(names = "-user", paramLabel = "<user>", description = "User name for basic auth.")
  private @Nullable String user;

  @Option(names = "-password", paramLabel = "<password>", description = "Password for basic auth.")
  private @Nullable String password;

  /// `http://localhost:9000`.
  public String url() {
    return protocol.toLowerCase(Locale.ROOT) + "://" + host + ":" + port;
  }

  /// The `Authorization` header value, or null without credentials.
  public @Nullable String authorization() {
    if (authToken != null && !authToken.isBlank()) {
      return authToken.trim();
    }
    if (user != null && !user.isBlank()) {
      String credentials = user + ":" + (password == null ? "" : password);
      return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
    return null;
  }

  public ControllerClient client() {
    return new ControllerClient(url(), authorization());
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }
}
