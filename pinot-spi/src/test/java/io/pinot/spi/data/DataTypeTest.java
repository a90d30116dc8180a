// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DataTypeTest {
  @Test
  void convertsTextToStoredValues() {
    assertThat(DataType.INT.convert(" 42 ")).isEqualTo(42);
    assertThat(DataType.INT.convert("12.0")).isEqualTo(12);
    assertThat(DataType.INT.convert("-2147483648")).isEqualTo(Integer.MIN_VALUE);
    assertThat(DataType.LONG.convert("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThat(DataType.DOUBLE.convert("1e3")).isEqualTo(1000.0);
    assertThat(DataType.BIG_DECIMAL.convert("1.50")).isEqualTo(new BigDecimal("1.50"));
    assertThat(DataType.BOOLEAN.convert("TRUE")).isEqualTo(1);
    assertThat(DataType.BOOLEAN.convert("0")).isEqualTo(0);
    assertThat(DataType.TIMESTAMP.convert("2024-01-01 00:00:01")).isEqualTo(1704067201000L);
    assertThat(DataType.TIMESTAMP.convert("1704067200000")).isEqualTo(1704067200000L);
    assertThat(DataType.BYTES.convert("0aff")).isEqualTo(new byte[] {10, (byte) 255});
    assertThat(DataType.STRING.convert(" keep ")).isEqualTo(" keep ");
  }

  @Test
  void rejectsValuesOfTheWrongType() {
    assertThatThrownBy(() -> DataType.INT.convert("abc")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot convert 'abc' to INT");
    assertThatThrownBy(() -> DataType.INT.convert("2147483648")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DataType.INT.convert("1.5")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DataType.BOOLEAN.convert("maybe")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DataType.INT.convertValue(1.5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void convertsReaderValues() {
    assertThat(DataType.INT.convertValue(7L)).isEqualTo(7);
    assertThat(DataType.LONG.convertValue(7)).isEqualTo(7L);
    assertThat(DataType.DOUBLE.convertValue(7)).isEqualTo(7.0);
    assertThat(DataType.BOOLEAN.convertValue(true)).isEqualTo(1);
    assertThat(DataType.STRING.convertValue(12)).isEqualTo("12");
    assertThat(DataType.fromName("bigint")).isEqualTo(DataType.LONG);
  }

  @Test
  void defaultNullValuesFollowPinot() {
    assertThat(FieldSpec.of("d", DataType.INT, FieldType.DIMENSION).defaultValue()).isEqualTo(Integer.MIN_VALUE);
    assertThat(FieldSpec.of("m", DataType.INT, FieldType.METRIC).defaultValue()).isEqualTo(0);
    assertThat(FieldSpec.of("s", DataType.STRING, FieldType.DIMENSION).defaultValue()).isEqualTo("null");
    assertThat(FieldSpec.of("d", DataType.DOUBLE, FieldType.DIMENSION).defaultValue())
        .isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(new FieldSpec("x", DataType.LONG, null, 5, null, null, null, null, FieldType.METRIC).defaultValue())
        .isEqualTo(5L);
  }
}
