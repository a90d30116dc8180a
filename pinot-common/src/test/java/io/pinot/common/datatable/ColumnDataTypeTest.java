// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.datatable;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.spi.data.DataType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ColumnDataTypeTest {

  @Test
  void mapsSchemaTypes() {
    assertThat(ColumnDataType.of(DataType.STRING, false)).isEqualTo(ColumnDataType.STRING_ARRAY);
    assertThat(ColumnDataType.of(DataType.BOOLEAN, true)).isEqualTo(ColumnDataType.BOOLEAN);
    assertThat(ColumnDataType.BOOLEAN.storedType()).isEqualTo(ColumnDataType.INT);
    assertThat(ColumnDataType.TIMESTAMP_ARRAY.storedType()).isEqualTo(ColumnDataType.LONG_ARRAY);
    assertThat(ColumnDataType.STRING.fixedWidth()).isEqualTo(4);
    assertThat(ColumnDataType.BYTES.fixedWidth()).isEqualTo(8);
  }

  @Test
  void formatsLikePinotsBroker() {
    assertThat(ColumnDataType.BOOLEAN.format(1)).isEqualTo(true);
    assertThat(ColumnDataType.BYTES.format(new byte[]{(byte) 0xAB, 1})).isEqualTo("ab01");
    assertThat(ColumnDataType.BIG_DECIMAL.format(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(ColumnDataType.DOUBLE.format(3)).isEqualTo(3.0);
    assertThat(ColumnDataType.LONG.format(3)).isEqualTo(3L);
    assertThat(ColumnDataType.TIMESTAMP.format(0L)).isEqualTo(new java.sql.Timestamp(0L).toString());
    assertThat(ColumnDataType.BOOLEAN_ARRAY.format(new int[]{0, 1})).isEqualTo(new boolean[]{false, true});
  }
}
