// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.quickstart;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;

/// Checks, before a quickstart starts anything, that its fixed ports are free, so that a second quickstart
/// (or anything else on 9000) fails with one line naming the port instead of a half-started cluster.
final class PortCheck {
  private PortCheck() {
  }

  /// @param ports port → what uses it (`controller`), in check order
  /// @throws IllegalStateException naming the first port that is taken
  static void requireFree(Map<Integer, String> ports) {
    for (Map.Entry<Integer, String> entry : ports.entrySet()) {
      if (!isFree(entry.getKey())) {
        throw new IllegalStateException("Port " + entry.getKey() + " (" + entry.getValue() + ") is already in use: "
            + "stop the process using it (an earlier QuickStart?) and try again");
      }
    }
  }

  static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
