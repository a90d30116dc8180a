// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.function;

import static io.pinot.common.function.Functions.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import org.junit.jupiter.api.Test;

class ConversionFunctionsTest {
  @Test
  void castFollowsPinot() {
    assertThat(call("cast", "12.9", "INT")).isEqualTo(12);
    assertThat(call("cast", "12", "INTEGER")).isEqualTo(12);
    assertThat(call("cast", "2024-01-02 00:00:00", "LONG")).isEqualTo(1_704_153_600_000L);
    assertThat(call("cast", "-3.5", "BIGINT")).isEqualTo(-3L);
    assertThat(call("cast", 3.99, "INT")).isEqualTo(3);
    assertThat(call("cast", 3, "DOUBLE")).isEqualTo(3.0);
    assertThat(call("cast", 3, "VARCHAR")).isEqualTo("3");
    assertThat(call("cast", "1.10", "DECIMAL")).isEqualTo(new BigDecimal("1.10"));
    assertThat(call("cast", 1, "BOOLEAN")).isEqualTo(true);
    assertThat(call("cast", 1000L, "TIMESTAMP")).isEqualTo(new Timestamp(1000L));
    assertThat((byte[]) call("cast", "0a", "BYTES")).containsExactly(10);
    assertThat((byte[]) call("cast", "0a", "VARBINARY")).containsExactly(10);
    assertThatThrownBy(() -> call("cast", 1, "POINT")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unknown data type: POINT");
    assertThatThrownBy(() -> call("cast", new Object[] {1}, "INT")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void byteConversions() {
    assertThat((byte[]) call("hexToBytes", "00ff")).containsExactly(0, -1);
    assertThat(call("bytesToHex", new byte[] {0, -1})).isEqualTo("00ff");
    assertThat((byte[]) call("base64Encode", new byte[] {1, 2, 3})).containsExactly('A', 'Q', 'I', 'D');
    assertThat((byte[]) call("base64Decode", "AQID".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
        .containsExactly(1, 2, 3);
    BigDecimal decimal = new BigDecimal("-123.4500");
    assertThat(call("bytesToBigDecimal", call("bigDecimalToBytes", decimal))).isEqualTo(decimal);
    assertThat((byte[]) call("bigDecimalToBytes", new BigDecimal("1.5"))).containsExactly(0, 1, 15);
    assertThat(call("hexDecimalToLong", "0xff")).isEqualTo(255L);
    assertThat(call("hexDecimalToLong", "ffffffffffffffff")).isEqualTo(-1L);
    assertThat(call("longToHexDecimal", 255L)).isEqualTo("ff");
  }
}
