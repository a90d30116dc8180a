// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.admin.command;

import io.pinot.tools.admin.AdminCommand;
import io.pinot.tools.client.BrokerClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// `PostQuery -query <sql>`: sends SQL to a broker's `POST /query/sql` and prints Pinot's JSON response.
@Command(name = "PostQuery", description = "Run a SQL query on a broker and print the JSON response.")
public final class PostQueryCommand extends AdminCommand {
  @Option(names = "-brokerHost", paramLabel = "<host>", description = "Broker host (default: localhost).")
  String brokerHost = "localhost";

  @Option(names = "-brokerPort", paramLabel = "<port>", description = "Broker port (default: 8099).")
  int brokerPort = 8099;

  @Option(names = "-brokerProtocol", paramLabel = "<http|https>", description = "Broker protocol (default: http).")
  String brokerProtocol = "http";

  @Option(names = "-query", required = true, paramLabel = "<sql>", description = "The SQL query.")
  String query;

  @Option(names = "-queryType", hidden = true, description = "Ignored (only SQL is supported).")
  @Nullable String queryType;

  @Option(names = "-authToken", paramLabel = "<header>", description = "Authorization header value.")
  @Nullable String authToken;

  @Option(names = "-user", paramLabel = "<user>", description = "User name for basic auth.")
  @Nullable String user;

  @Option(names = "-password", paramLabel = "<password>", description = "Password for basic auth.")
  @Nullable String password;

  String brokerUrl() {
    return brokerProtocol.toLowerCase(Locale.ROOT) + "://" + brokerHost + ":" + brokerPort;
  }

  @Override
  public Integer call() throws IOException {
    String authorization = authToken;
    if (authorization == null && user != null) {
      authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + (password == null ? "" : password))
          .getBytes(StandardCharsets.UTF_8));
    }
    out().println(new BrokerClient(brokerUrl(), authorization).query(query));
    return 0;
  }
}
