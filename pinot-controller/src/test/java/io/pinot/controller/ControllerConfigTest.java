// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.spi.env.PinotConfiguration;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControllerConfigTest {
  @Test
  void defaultsArePinots() {
    ControllerConfig config = ControllerConfig.from(PinotConfiguration.empty());
    assertThat(config.zkAddress()).isEqualTo("localhost:2181");
    assertThat(config.clusterName()).isEqualTo("PinotCluster");
    assertThat(config.host()).isEqualTo("localhost");
    assertThat(config.port()).isEqualTo(9000);
    assertThat(config.vipHost()).isNull();
    assertThat(config.vipPort()).isEqualTo(-1);
    assertThat(config.dataDir()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "PinotController")
        .toAbsolutePath());
    assertThat(config.localTempDir()).isEqualTo(config.dataDir().resolve(".tmp"));
    assertThat(config.tenantIsolation()).isTrue();
    assertThat(config.retentionPeriodMs()).isEqualTo(21_600_000L);
    assertThat(config.zkBrowserWritable()).isFalse();
  }

  @Test
  void everyKeyMaps() {
    ControllerConfig config = ControllerConfig.from(new PinotConfiguration(Map.ofEntries(
        Map.entry("controller.zk.str", "zk:2182"), Map.entry("controller.helix.cluster.name", "Other"),
        Map.entry("controller.host", "h"), Map.entry("controller.access.protocols.http.port", "9100"),
        Map.entry("controller.vip.host", "vip"), Map.entry("controller.vip.port", "80"),
        Map.entry("controller.data.dir", "file:/data/deep"), Map.entry("controller.local.temp.dir", "/tmp/x"),
        Map.entry("cluster.tenant.isolation.enable", "false"),
        Map.entry("controller.realtime.segment.validation.frequencyPeriod", "1h30m"),
        Map.entry("controller.retention.frequencyPeriod", "2h"),
        Map.entry("controller.zk.browser.writable", "true"))));
    assertThat(config).isEqualTo(new ControllerConfig("zk:2182", "Other", "h", 9100, "vip", 80,
        Path.of("/data/deep"), Path.of("/tmp/x"), false, 5_400_000L, 7_200_000L,
        true));
  }
}
