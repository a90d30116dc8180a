// SPDX-License-Identifier: Apache-2.0
package io.pinot.proxy.rest;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/// Where the REST listener sends a request, by path alone (Trino and Presto give no other hint): the proxy's own
/// health and metrics; brokers for queries, running queries, cursors and the routing and time-boundary debug
/// endpoints; the controller for everything else. A request with `FORWARD_HOST` / `FORWARD_PORT` headers (Spark's
/// connector) goes to that instance, if it is a live broker.
public sealed interface RestRoute {
  /// Answered by the proxy itself.
  record Local(String endpoint) implements RestRoute {
  }

  /// Any live broker.
  record Broker() implements RestRoute {
  }

  /// The controller.
  record Controller() implements RestRoute {
  }

  /// The instance the request's forwarding headers name.
  record Instance(String host, String port) implements RestRoute {
  }

  /// The route of a request for `path` (already without the proxy's base path), with the values of its
  /// `FORWARD_HOST` and `FORWARD_PORT` headers (null when absent).
  static RestRoute of(String path, @Nullable String forwardHost, @Nullable String forwardPort) {
    if (path.equals("/health") || path.equals("/metrics")) {
      return new Local(path.substring(1));
    }
    if (forwardHost != null && !forwardHost.isBlank()) {
      return new Instance(forwardHost.trim(), forwardPort == null ? "" : forwardPort.trim());
    }
    String lower = path.toLowerCase(Locale.ROOT);
    if (lower.equals("/query") || lower.startsWith("/query/") || lower.equals("/queries")
        || lower.startsWith("/responsestore/") || lower.startsWith("/debug/routingtable")
        || lower.startsWith("/debug/timeboundary")) {
      return new Broker();
    }
    return new Controller();
  }
}
