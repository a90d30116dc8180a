// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.utils;

import java.util.Locale;

/// Apache Pinot's instance ids: `Controller_<host>_<port>`, `Broker_<host>_<port>`,
/// `Server_<host>_<nettyPort>`, `Minion_<host>_<port>`. The port is the last `_`-separated token and
/// the host everything between the role prefix and it (hosts may contain `_`).
public final class InstanceIds {
  public static final String CONTROLLER_PREFIX = "Controller_";
  public static final String BROKER_PREFIX = "Broker_";
  public static final String SERVER_PREFIX = "Server_";
  public static final String MINION_PREFIX = "Minion_";

  private InstanceIds() {
  }

  public static String controller(String host, int port) {
    return CONTROLLER_PREFIX + host + "_" + port;
  }

  public static String broker(String host, int port) {
    return BROKER_PREFIX + host + "_" + port;
  }

  public static String server(String host, int port) {
    return SERVER_PREFIX + host + "_" + port;
  }

  public static String minion(String host, int port) {
    return MINION_PREFIX + host + "_" + port;
  }

  public static boolean isServer(String instanceId) {
    return instanceId.startsWith(SERVER_PREFIX);
  }

  public static boolean isBroker(String instanceId) {
    return instanceId.startsWith(BROKER_PREFIX);
  }

  public static boolean isController(String instanceId) {
    return instanceId.startsWith(CONTROLLER_PREFIX);
  }

  public static boolean isMinion(String instanceId) {
    return instanceId.startsWith(MINION_PREFIX);
  }

  /// The host part of an instance id (without role prefix), or the id itself when it has no port part.
  public static String host(String instanceId) {
    String withoutPrefix = stripPrefix(instanceId);
    int last = withoutPrefix.lastIndexOf('_');
    return last < 0 ? withoutPrefix : withoutPrefix.substring(0, last);
  }

  /// The port part of an instance id, or -1 when it has none.
  public static int port(String instanceId) {
    int last = instanceId.lastIndexOf('_');
    if (last < 0) {
      return -1;
    }
    try {
      return Integer.parseInt(instanceId.substring(last + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /// The role name Pinot's REST API uses for an instance: CONTROLLER, BROKER, SERVER, MINION or UNKNOWN.
  public static String role(String instanceId) {
    for (String prefix : new String[] {CONTROLLER_PREFIX, BROKER_PREFIX, SERVER_PREFIX, MINION_PREFIX}) {
      if (instanceId.startsWith(prefix)) {
        return prefix.substring(0, prefix.length() - 1).toUpperCase(Locale.ROOT);
      }
    }
    return "UNKNOWN";
  }

  private static String stripPrefix(String instanceId) {
    for (String prefix : new String[] {CONTROLLER_PREFIX, BROKER_PREFIX, SERVER_PREFIX, MINION_PREFIX}) {
      if (instanceId.startsWith(prefix)) {
        return instanceId.substring(prefix.length());
      }
    }
    return instanceId;
  }
}
