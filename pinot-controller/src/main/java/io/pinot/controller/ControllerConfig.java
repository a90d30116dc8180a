// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller;

import io.pinot.spi.env.PinotConfiguration;
import io.pinot.spi.stream.DurationParser;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/// The controller's typed configuration, read once at start-up from [ControllerConfigKey]s.
///
/// @param dataDir the deep store root (segment tarballs per raw table)
/// @param vipHost host in download URLs, or null to use `host`
/// @param vipPort port in download URLs, or -1 to use the bound port
/// @param zkBrowserWritable whether `/zk/put` and `/zk/delete` may change ZooKeeper
public record ControllerConfig(
    String zkAddress,
    String clusterName,
    String host,
    int port,
    @Nullable String vipHost,
    int vipPort,
    Path dataDir,
    Path localTempDir,
    boolean tenantIsolation,
    long realtimeValidationPeriodMs,
    long retentionPeriodMs,
    boolean zkBrowserWritable) {

  public static ControllerConfig from(PinotConfiguration config) {
    String dataDir = config.getString(ControllerConfigKey.DATA_DIR);
    Path data = dataDir.isBlank() ? Path.of(System.getProperty("java.io.tmpdir"), "PinotController")
        : Path.of(dataDir.startsWith("file:") ? dataDir.substring("file:".length()) : dataDir);
    String tempDir = config.getString(ControllerConfigKey.LOCAL_TEMP_DIR);
    Path temp = tempDir.isBlank() ? data.resolve(".tmp") : Path.of(tempDir);
    String vipHost = config.getString(ControllerConfigKey.VIP_HOST);
    String vipPort = config.getString(ControllerConfigKey.VIP_PORT);
    return new ControllerConfig(config.getString(ControllerConfigKey.ZK_ADDRESS),
        config.getString(ControllerConfigKey.CLUSTER_NAME), config.getString(ControllerConfigKey.HOST),
        config.getInt(ControllerConfigKey.PORT), vipHost.isBlank() ? null : vipHost,
        vipPort.isBlank() ? -1 : Integer.parseInt(vipPort.trim()), data.toAbsolutePath(), temp.toAbsolutePath(),
        config.getBoolean(ControllerConfigKey.TENANT_ISOLATION),
        DurationParser.millis(ControllerConfigKey.REALTIME_SEGMENT_VALIDATION_FREQUENCY.key(),
            config.getString(ControllerConfigKey.REALTIME_SEGMENT_VALIDATION_FREQUENCY)),
        DurationParser.millis(ControllerConfigKey.RETENTION_FREQUENCY.key(),
            config.getString(ControllerConfigKey.RETENTION_FREQUENCY)),
        config.getBoolean(ControllerConfigKey.ZK_BROWSER_WRITABLE));
  }
}
