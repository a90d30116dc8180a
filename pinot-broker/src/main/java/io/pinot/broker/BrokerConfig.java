// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker;

import io.pinot.spi.env.PinotConfiguration;

/// The broker's typed configuration, read once at start-up from [BrokerConfigKey]s.
public record BrokerConfig(
    String zkAddress,
    String clusterName,
    String host,
    int queryPort,
    String instanceId,
    long timeoutMs,
    int serverConnectTimeoutMs,
    boolean enableNullHandling) {

  public static BrokerConfig from(PinotConfiguration config) {
    return new BrokerConfig(config.getString(BrokerConfigKey.ZK_ADDRESS),
        config.getString(BrokerConfigKey.CLUSTER_NAME), config.getString(BrokerConfigKey.HOST),
        config.getInt(BrokerConfigKey.QUERY_PORT), config.getString(BrokerConfigKey.INSTANCE_ID),
        config.getLong(BrokerConfigKey.TIMEOUT_MS), config.getInt(BrokerConfigKey.SERVER_CONNECT_TIMEOUT_MS),
        config.getBoolean(BrokerConfigKey.ENABLE_NULL_HANDLING));
  }
}
