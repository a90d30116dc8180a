// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.routing;

/// Where a server takes query requests (its instance id and Netty host and port) and its admin REST port (where
/// queries are cancelled), -1 when unknown.
public record ServerAddress(String instanceId, String host, int port, int adminPort) {
  public ServerAddress(String instanceId, String host, int port) {
    this(instanceId, host, port, -1);
  }
}
