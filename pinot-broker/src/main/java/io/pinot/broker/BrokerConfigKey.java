// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker;

import io.pinot.spi.env.ConfigKey;
import java.util.List;

/// The broker's configuration keys, with Apache Pinot's names and defaults.
public enum BrokerConfigKey implements ConfigKey {
  ZK_ADDRESS("pinot.zk.server", "localhost:2181", List.of("pinot.broker.zk.address")),
  CLUSTER_NAME("pinot.cluster.name", "PinotCluster"),
  /// Host in the instance id `Broker_<host>_<port>`.
  HOST("pinot.broker.hostname", "localhost", List.of("pinot.broker.host")),
  /// Port of `POST /query/sql` (0 binds a free port).
  QUERY_PORT("pinot.broker.client.queryPort", "8099"),
  /// Explicit instance id, overriding `Broker_<host>_<port>`.
  INSTANCE_ID("pinot.broker.instance.id", ""),
  /// Default query timeout in milliseconds (the `timeoutMs` query option overrides it).
  TIMEOUT_MS("pinot.broker.timeoutMs", "10000"),
  /// Whether queries run with `enableNullHandling=true` unless they set the option themselves.
  ENABLE_NULL_HANDLING("pinot.broker.query.enable.null.handling", "false"),
  /// Time allowed to open a connection to a server.
  SERVER_CONNECT_TIMEOUT_MS("pinot.broker.server.connect.timeoutMs", "2000");

  private final String key;
  private final String defaultValue;
  private final List<String> aliases;

  BrokerConfigKey(String key, String defaultValue) {
    this(key, defaultValue, List.of());
  }

  BrokerConfigKey(String key, String defaultValue, List<String> aliases) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.aliases = aliases;
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public String defaultValue() {
    return defaultValue;
  }

  @Override
  public List<String> aliases() {
    return aliases;
  }
}
