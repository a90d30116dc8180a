// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.routing;

/// Where a server takes query requests: its instance id and Netty host and port.
public record ServerAddress(String instanceId, String host, int port) {
}
