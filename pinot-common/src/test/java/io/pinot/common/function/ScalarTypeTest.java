// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.spi.data.DataType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/// The conversion table of [ScalarType], which both function arguments and ingestion type coercion use.
class ScalarTypeTest {
  @Test
  void numbersNarrowByTruncationButNotBeyondTheirRange() {
    assertThat(ScalarType.INT.convert(1.7)).isEqualTo(1);
    assertThat(ScalarType.INT.convert(-1.7)).isEqualTo(-1);
    assertThat(ScalarType.INT.convert(42L)).isEqualTo(42);
    assertThat(ScalarType.INT.convert((long) Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
    assertThatThrownBy(() -> ScalarType.INT.convert(Integer.MAX_VALUE + 1L))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("to INT");
    assertThat(ScalarType.LONG.convert(new BigDecimal("12.9"))).isEqualTo(12L);
    assertThatThrownBy(() -> ScalarType.LONG.convert(1e19)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ScalarType.LONG.convert(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThat(ScalarType.FLOAT.convert(0.1)).isEqualTo(0.1f);
    assertThat(ScalarType.DOUBLE.convert(0.1f)).isEqualTo(0.1);
    assertThat(ScalarType.BIG_DECIMAL.convert(0.1)).isEqualTo(new BigDecimal("0.1"));
    assertThat(ScalarType.BIG_DECIMAL.convert(Long.MAX_VALUE)).isEqualTo(new BigDecimal(Long.MAX_VALUE));
  }

  @Test
  void textParsesToNumbers() {
    assertThat(ScalarType.INT.convert(" 12 ")).isEqualTo(12);
    assertThat(ScalarType.INT.convert("12.0")).isEqualTo(12);
    assertThatThrownBy(() -> ScalarType.INT.convert("12.5")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'12.5'");
    assertThatThrownBy(() -> ScalarType.INT.convert("2147483648")).isInstanceOf(IllegalArgumentException.class);
    assertThat(ScalarType.LONG.convert("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
    assertThat(ScalarType.DOUBLE.convert("1e3")).isEqualTo(1000.0);
    assertThat(ScalarType.BIG_DECIMAL.convert("1.230")).isEqualTo(new BigDecimal("1.230"));
    assertThatThrownBy(() -> ScalarType.DOUBLE.convert("abc")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void numbersAndOtherValuesPrintAsText() {
    assertThat(ScalarType.STRING.convert(12)).isEqualTo("12");
    assertThat(ScalarType.STRING.convert(1.5)).isEqualTo("1.5");
    assertThat(ScalarType.STRING.convert(1.5f)).isEqualTo("1.5");
    assertThat(ScalarType.STRING.convert(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(ScalarType.STRING.convert(true)).isEqualTo("true");
    assertThat(ScalarType.STRING.convert(new byte[] {1, (byte) 0xab})).isEqualTo("01ab");
    assertThat(ScalarType.STRING.convert(Map.of("a", 1))).isEqualTo("{\"a\":1}");
    assertThat(ScalarType.STRING.convert(LocalDate.of(2024, 2, 29))).isEqualTo("2024-02-29");
    assertThat(ScalarType.JSON.convert(List.of(1, "x"))).isEqualTo("[1,\"x\"]");
    assertThat(ScalarType.JSON.convert("{\"raw\":true}")).isEqualTo("{\"raw\":true}");
  }

  @Test
  void booleansTimestampsBytesAndDates() {
    assertThat(ScalarType.BOOLEAN.convert("TRUE")).isEqualTo(true);
    assertThat(ScalarType.BOOLEAN.convert("1")).isEqualTo(true);
    assertThat(ScalarType.BOOLEAN.convert("yes")).isEqualTo(false);
    assertThat(ScalarType.BOOLEAN.convert(1)).isEqualTo(true);
    assertThat(ScalarType.BOOLEAN.convert(0)).isEqualTo(false);
    assertThat(ScalarType.INT.convert(true)).isEqualTo(1);
    assertThat(ScalarType.TIMESTAMP.convert(1000L)).isEqualTo(new Timestamp(1000L));
    assertThat(ScalarType.TIMESTAMP.convert("2024-01-02 03:04:05.678")).isEqualTo(new Timestamp(1704164645678L));
    assertThat(ScalarType.TIMESTAMP.convert("2024-01-02T03:04:05+01:00")).isEqualTo(new Timestamp(1704161045000L));
    assertThat(ScalarType.TIMESTAMP.convert("2024-01-02")).isEqualTo(new Timestamp(1704153600000L));
    assertThat(ScalarType.LONG.convert(new Timestamp(5L))).isEqualTo(5L);
    assertThat(ScalarType.LONG.convert(LocalDate.ofEpochDay(3))).isEqualTo(3L);
    assertThat(ScalarType.LONG.convert(LocalTime.of(0, 0, 1))).isEqualTo(1000L);
    assertThat((byte[]) ScalarType.BYTES.convert("0aff")).containsExactly(10, -1);
    assertThat((byte[]) ScalarType.BYTES.convert(ByteBuffer.wrap(new byte[] {7}))).containsExactly(7);
    assertThat((byte[]) ScalarType.BYTES.convert(new UUID(0, 1))).hasSize(16);
    assertThatThrownBy(() -> ScalarType.BYTES.convert("xyz")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ScalarType.BYTES.convert(12)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void arraysConvertElementWiseAndScalarsBecomeOneElement() {
    assertThat(ScalarType.LONG_ARRAY.convert(new Object[] {1, "2", null})).isEqualTo(new Object[] {1L, 2L, null});
    assertThat(ScalarType.INT_ARRAY.convert(List.of(1.9, 2))).isEqualTo(new Object[] {1, 2});
    assertThat(ScalarType.DOUBLE_ARRAY.convert(new int[] {1, 2})).isEqualTo(new Object[] {1.0, 2.0});
    assertThat(ScalarType.STRING_ARRAY.convert("x")).isEqualTo(new Object[] {"x"});
    assertThat(ScalarType.STRING_ARRAY.convert(new Object[0])).isEqualTo(new Object[0]);
  }

  @Test
  void columnTypesMapToScalarTypes() {
    assertThat(ScalarType.of(DataType.TIMESTAMP, true)).isEqualTo(ScalarType.TIMESTAMP);
    assertThat(ScalarType.of(DataType.INT, false)).isEqualTo(ScalarType.INT_ARRAY);
    assertThat(ScalarType.of(DataType.JSON, false)).isEqualTo(ScalarType.STRING_ARRAY);
    assertThat(ScalarType.LONG_ARRAY.elementType()).isEqualTo(ScalarType.LONG);
    assertThat(ScalarType.INT_ARRAY.isArray()).isTrue();
    assertThat(ScalarType.BYTES.dataType()).isEqualTo(DataType.BYTES);
  }
}
