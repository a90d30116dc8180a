// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.utils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/// Network helpers for node start-up.
public final class NetUtils {
  private NetUtils() {
  }

  /// A port that was free a moment ago on all interfaces (for configs that say port 0 but need the number
  /// before binding, such as instance ids).
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot find a free port", e);
    }
  }

  /// `port`, or a free port when it is 0.
  public static int resolvePort(int port) {
    return port == 0 ? freePort() : port;
  }

  /// This machine's address as text, falling back to loopback.
  public static String hostAddress() {
    try {
      return InetAddress.getLocalHost().getHostAddress();
    } catch (IOException e) {
      return "127.0.0.1";
    }
  }
}
