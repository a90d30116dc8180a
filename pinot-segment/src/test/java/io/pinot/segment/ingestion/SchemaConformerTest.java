// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.FieldType;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.GenericRow;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/// The type mapping of ingestion: each source value type into each column type.
class SchemaConformerTest {
  private static final Schema SCHEMA = Schema.of("t", List.of(
      FieldSpec.of("i", DataType.INT, FieldType.DIMENSION), FieldSpec.of("l", DataType.LONG, FieldType.DIMENSION),
      FieldSpec.of("f", DataType.FLOAT, FieldType.DIMENSION), FieldSpec.of("d", DataType.DOUBLE, FieldType.DIMENSION),
      FieldSpec.of("bd", DataType.BIG_DECIMAL, FieldType.DIMENSION),
      FieldSpec.of("b", DataType.BOOLEAN, FieldType.DIMENSION),
      FieldSpec.of("ts", DataType.TIMESTAMP, FieldType.DIMENSION),
      FieldSpec.of("s", DataType.STRING, FieldType.DIMENSION), FieldSpec.of("j", DataType.JSON, FieldType.DIMENSION),
      FieldSpec.of("by", DataType.BYTES, FieldType.DIMENSION), FieldSpec.multiValue("mi", DataType.INT),
      FieldSpec.multiValue("ms", DataType.STRING)), List.of(), List.of());

  private static Object conform(String column, Object value) {
    GenericRow input = new GenericRow();
    input.putValue(column, value);
    input.putValue("notInSchema", 1);
    GenericRow output = new GenericRow();
    new SchemaConformer(SCHEMA).conform(input, output);
    assertThat(output.hasColumn("notInSchema")).isFalse();
    assertThat(output.fields().keySet()).containsExactlyElementsOf(SCHEMA.columnNames());
    return output.getValue(column);
  }

  @Test
  void stringsBecomeNumbersAndNumbersBecomeStrings() {
    assertThat(conform("i", "42")).isEqualTo(42);
    assertThat(conform("l", "-7")).isEqualTo(-7L);
    assertThat(conform("f", "1.5")).isEqualTo(1.5f);
    assertThat(conform("d", "1e-3")).isEqualTo(0.001);
    assertThat(conform("bd", "1.230")).isEqualTo(new BigDecimal("1.230"));
    assertThat(conform("s", 42)).isEqualTo("42");
    assertThat(conform("s", 0.5)).isEqualTo("0.5");
    assertThat(conform("s", true)).isEqualTo("true");
    assertThat(conform("s", new BigDecimal("1E+2"))).isEqualTo("100");
    assertThat(conform("i", 3.9)).isEqualTo(3);
    assertThat(conform("bd", 0.1)).isEqualTo(new BigDecimal("0.1"));
    assertThat(conform("d", 2)).isEqualTo(2.0);
  }

  @Test
  void logicalTypesAreStoredInTheirPhysicalForm() {
    assertThat(conform("b", true)).isEqualTo(1);
    assertThat(conform("b", "false")).isEqualTo(0);
    assertThat(conform("b", 1)).isEqualTo(1);
    assertThat(conform("ts", new Timestamp(123L))).isEqualTo(123L);
    assertThat(conform("ts", "1970-01-01 00:00:01")).isEqualTo(1000L);
    assertThat(conform("ts", 5)).isEqualTo(5L);
    assertThat(conform("ts", LocalDate.ofEpochDay(1))).isEqualTo(86_400_000L);
    assertThat(conform("l", LocalDate.ofEpochDay(3))).isEqualTo(3L);
    assertThat(conform("s", UUID.fromString("123e4567-e89b-12d3-a456-426614174000")))
        .isEqualTo("123e4567-e89b-12d3-a456-426614174000");
    assertThat((byte[]) conform("by", "0aff")).containsExactly(10, -1);
    assertThat((byte[]) conform("by", new byte[] {1})).containsExactly(1);
  }

  @Test
  void epochValuesAreNotRescaled() {
    assertThat(conform("ts", 1_700_000_000L)).isEqualTo(1_700_000_000L);
    assertThat(conform("l", new Timestamp(1_700_000_000_123L))).isEqualTo(1_700_000_000_123L);
  }

  @Test
  void multiValuesAndSingleValuesAreStandardized() {
    assertThat((Object[]) conform("mi", new Object[] {"1", 2L, null, 3.0})).containsExactly(1, 2, 3);
    assertThat((Object[]) conform("mi", 7)).containsExactly(7);
    assertThat((Object[]) conform("mi", List.of(1, 2))).containsExactly(1, 2);
    assertThat(conform("mi", new Object[0])).isNull();
    assertThat(conform("mi", new Object[] {null})).isNull();
    assertThat((Object[]) conform("ms", new Object[] {"a", 1})).containsExactly("a", "1");
    assertThat(conform("i", new Object[] {5})).isEqualTo(5);
    assertThat(conform("i", List.of())).isNull();
    assertThat(conform("s", new Object[] {"only", null})).isEqualTo("only");
    assertThatThrownBy(() -> conform("i", new Object[] {1, 2})).isInstanceOf(RuntimeException.class)
        .hasMessageContaining("Column[i]").hasMessageContaining("2 values");
  }

  @Test
  void nestedValuesBecomeJsonText() {
    assertThat(conform("j", Map.of("a", 1))).isEqualTo("{\"a\":1}");
    assertThat(conform("j", new Object[] {1, "x"})).isEqualTo("[1,\"x\"]");
    assertThat(conform("j", "{\"kept\":true}")).isEqualTo("{\"kept\":true}");
    assertThat(conform("s", Map.of("a", 1))).isEqualTo("{\"a\":1}");
  }

  @Test
  void valuesThatDoNotFitNameTheColumn() {
    assertThatThrownBy(() -> conform("i", "twelve")).isInstanceOf(RuntimeException.class)
        .hasMessageContaining("Column[i]").hasMessageContaining("'twelve'");
    assertThatThrownBy(() -> conform("i", 3_000_000_000L)).hasMessageContaining("Column[i]");
    assertThatThrownBy(() -> conform("by", "not hex")).hasMessageContaining("Column[by]");
    assertThat(conform("i", null)).isNull();
  }
}
