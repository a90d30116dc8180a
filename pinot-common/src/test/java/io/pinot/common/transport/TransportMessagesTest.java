// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransportMessagesTest {
  @Test
  void requestRoundTripsWithUnicodeAndEmptyLists() {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("timeoutMs", "5000");
    options.put("ключ", "värde");
    InstanceRequest request = new InstanceRequest(Long.MAX_VALUE, "Broker_h_1", "SELECT \"é\" FROM t", "t_OFFLINE",
        List.of("seg_0", "seg_1"), 1234, options, true);
    ByteBuf buffer = Unpooled.buffer();
    TransportMessages.writeRequest(request, buffer);
    assertThat(buffer.readByte()).isEqualTo(TransportMessages.REQUEST);
    assertThat(TransportMessages.readRequest(buffer)).isEqualTo(request);
    assertThat(buffer.readableBytes()).isZero();

    InstanceRequest empty = new InstanceRequest(0, "", "", "t_OFFLINE", List.of(), 1, Map.of(), false);
    ByteBuf second = Unpooled.buffer();
    TransportMessages.writeRequest(empty, second);
    second.readByte();
    assertThat(TransportMessages.readRequest(second)).isEqualTo(empty);
  }

  @Test
  void responseCarriesRequestIdAndPayload() {
    ByteBuf buffer = Unpooled.buffer();
    TransportMessages.writeResponse(42, new byte[] {1, 2, 3}, buffer);
    assertThat(buffer.readByte()).isEqualTo(TransportMessages.RESPONSE);
    assertThat(buffer.readLong()).isEqualTo(42);
    assertThat(buffer.readInt()).isEqualTo(3);
  }

  @Test
  void corruptCountsAreRejected() {
    ByteBuf buffer = Unpooled.buffer();
    buffer.writeLong(1);
    buffer.writeInt(1_000_000);
    assertThatThrownBy(() -> TransportMessages.readRequest(buffer)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Corrupt transport frame");
  }
}
