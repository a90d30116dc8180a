// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller;

import io.pinot.spi.env.ConfigKey;
import java.util.List;

/// The controller's configuration keys, with Apache Pinot's names and defaults.
public enum ControllerConfigKey implements ConfigKey {
  /// ZooKeeper connect string.
  ZK_ADDRESS("controller.zk.str", "localhost:2181"),
  /// Helix cluster name.
  CLUSTER_NAME("controller.helix.cluster.name", "PinotCluster"),
  /// Host name used in the instance id and in download URLs.
  HOST("controller.host", "localhost"),
  /// REST port (0 binds a free port).
  PORT("controller.port", "9000", List.of("controller.access.protocols.http.port")),
  /// Host clients and servers use to reach the controller (defaults to `controller.host`).
  VIP_HOST("controller.vip.host", ""),
  /// Port clients and servers use to reach the controller (defaults to the bound port).
  VIP_PORT("controller.vip.port", ""),
  /// Deep store root: a local directory (or `file:` URI) holding segment tarballs.
  DATA_DIR("controller.data.dir", ""),
  /// Scratch space for uploads.
  LOCAL_TEMP_DIR("controller.local.temp.dir", ""),
  /// Whether new brokers and servers are tagged with DefaultTenant automatically.
  TENANT_ISOLATION("cluster.tenant.isolation.enable", "true"),
  /// How often REALTIME tables are checked for new stream partitions and interrupted commits (Pinot's
  /// `RealtimeSegmentValidationManager`), as a period such as `1h` or `30s`.
  REALTIME_SEGMENT_VALIDATION_FREQUENCY("controller.realtime.segment.validation.frequencyPeriod", "1h"),
  /// How often the retention manager deletes segments past their table's retention (Pinot's `RetentionManager`).
  RETENTION_FREQUENCY("controller.retention.frequencyPeriod", "6h"),
  /// Whether the ZooKeeper browser REST API (`/zk/...`) may change ZooKeeper: with the default `false`,
  /// `PUT /zk/put` and `DELETE /zk/delete` answer 403 and the browser is read-only.
  ZK_BROWSER_WRITABLE("controller.zk.browser.writable", "false");

  private final String key;
  private final String defaultValue;
  private final List<String> aliases;

  ControllerConfigKey(String key, String defaultValue) {
    this(key, defaultValue, List.of());
  }

  ControllerConfigKey(String key, String defaultValue, List<String> aliases) {
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
