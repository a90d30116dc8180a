// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.spi.env.PinotConfiguration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerConfigTest {
  @Test
  void defaultsArePinots() {
    assertThat(BrokerConfig.from(PinotConfiguration.empty()))
        .isEqualTo(new BrokerConfig("localhost:2181", "PinotCluster", "localhost", 8099, "", 10_000, 2_000, false));
  }

  @Test
  void everyKeyMaps() {
    assertThat(BrokerConfig.from(new PinotConfiguration(Map.of("pinot.zk.server", "zk:1", "pinot.cluster.name", "C",
        "pinot.broker.hostname", "h", "pinot.broker.client.queryPort", "8000", "pinot.broker.instance.id", "B_1",
        "pinot.broker.timeoutMs", "5000", "pinot.broker.server.connect.timeoutMs", "100"))))
        .isEqualTo(new BrokerConfig("zk:1", "C", "h", 8000, "B_1", 5000, 100, false));
  }
}
