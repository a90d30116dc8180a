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
  }

  @Test
  void everyKeyMaps() {
    ControllerConfig config = ControllerConfig.from(new PinotConfiguration(Map.of(
        "controller.zk.str", "zk:2182", "controller.helix.cluster.name", "Other", "controller.host", "h",
        "controller.access.protocols.http.port", "9100", "controller.vip.host", "vip", "controller.vip.port", "80",
        "controller.data.dir", "file:/data/deep", "controller.local.temp.dir", "/tmp/x",
        "cluster.tenant.isolation.enable", "false", "controller.realtime.segment.validation.frequencyPeriod",
        "1h30m")));
    assertThat(config).isEqualTo(new ControllerConfig("zk:2182", "Other", "h", 9100, "vip", 80,
        Path.of("/data/deep"), Path.of("/tmp/x"), false, 5_400_000L));
  }
}
