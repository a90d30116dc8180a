// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.utils;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InstanceIdsTest {
  @Test
  void buildsAndParsesPinotInstanceIds() {
    assertThat(InstanceIds.server("10.0.0.1", 8098)).isEqualTo("Server_10.0.0.1_8098");
    assertThat(InstanceIds.broker("h", 8099)).isEqualTo("Broker_h_8099");
    assertThat(InstanceIds.controller("h", 9000)).isEqualTo("Controller_h_9000");
    assertThat(InstanceIds.host("Server_my_host_7000")).isEqualTo("my_host");
    assertThat(InstanceIds.port("Server_my_host_7000")).isEqualTo(7000);
    assertThat(InstanceIds.port("no-port")).isEqualTo(-1);
    assertThat(InstanceIds.role("Minion_h_9514")).isEqualTo("MINION");
    assertThat(InstanceIds.role("other")).isEqualTo("UNKNOWN");
    assertThat(InstanceIds.isServer("Server_h_1")).isTrue();
    assertThat(InstanceIds.isBroker("Server_h_1")).isFalse();
  }
}
