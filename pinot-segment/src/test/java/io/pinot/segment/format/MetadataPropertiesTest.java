// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.segment.spi.ColumnMetadata;
import io.pinot.segment.spi.SegmentMetadata;
import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldType;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MetadataPropertiesTest {
  @Test
  void roundTripsSegmentAndColumnMetadata() {
    Map<String, ColumnMetadata> columns = new LinkedHashMap<>();
    columns.put("name, with = odd:chars", new ColumnMetadata("name, with = odd:chars", DataType.STRING,
        FieldType.DIMENSION, true, 3, 2, false, true, 1, 0, 3, " lead\u00e9", "z\n", true));
    columns.put("tags", new ColumnMetadata("tags", DataType.STRING, FieldType.DIMENSION, false, 3, 5, false, true, 3,
        4, 7, "", "zz", false));
    columns.put("price", new ColumnMetadata("price", DataType.DOUBLE, FieldType.METRIC, true, 3, -1, false, false, 0,
        0, 3, Double.NEGATIVE_INFINITY, Double.NaN, false));
    columns.put("flag", new ColumnMetadata("flag", DataType.BOOLEAN, FieldType.DIMENSION, true, 3, 2, true, true, 1,
        0, 3, 0, 1, false));
    columns.put("blob", new ColumnMetadata("blob", DataType.BYTES, FieldType.DIMENSION, true, 3, 1, true, true, 1, 0,
        3, new byte[] {(byte) 0xCA, (byte) 0xFE}, new byte[] {(byte) 0xCA, (byte) 0xFE}, false));
    columns.put("amount", new ColumnMetadata("amount", DataType.BIG_DECIMAL, FieldType.METRIC, true, 3, 2, false,
        true, 1, 0, 3, new BigDecimal("-1.50"), new BigDecimal("1E+3"), false));
    columns.put("ts", new ColumnMetadata("ts", DataType.LONG, FieldType.DATE_TIME, true, 3, 3, true, true, 2, 0, 3,
        Long.MIN_VALUE, Long.MAX_VALUE, false));
    columns.put("empty", new ColumnMetadata("empty", DataType.INT, FieldType.DIMENSION, true, 0, 0, true, true, 1, 0,
        0, null, null, false));
    SegmentMetadata metadata = new SegmentMetadata("seg_1", "events", 3, "ts", 10, 20, TimeUnit.DAYS, "psf1", 1234L,
        99L, columns, Map.of("k", "v=w"));
    String text = MetadataProperties.write(metadata, Map.of("tags", new MetadataProperties.ColumnExtras(2, "null")));

    SegmentMetadata read = MetadataProperties.read(text, 99L);
    assertThat(read).usingRecursiveComparison().ignoringFields("columns").isEqualTo(metadata);
    assertThat(read.columns().keySet()).containsExactlyElementsOf(columns.keySet());
    assertThat(read.columns().get("tags")).isEqualTo(columns.get("tags"));
    assertThat(read.columns().get("name, with = odd:chars")).isEqualTo(columns.get("name, with = odd:chars"));
    assertThat(read.columns().get("price").maxValue()).isEqualTo(Double.NaN);
    assertThat(read.columns().get("price").minValue()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(read.columns().get("flag").maxValue()).isEqualTo(1);
    assertThat((byte[]) read.columns().get("blob").minValue()).containsExactly(0xCA, 0xFE);
    assertThat(read.columns().get("amount").maxValue()).isEqualTo(new BigDecimal("1E+3"));
    assertThat(read.columns().get("ts").minValue()).isEqualTo(Long.MIN_VALUE);
    assertThat(read.columns().get("empty").minValue()).isNull();
  }

  @Test
  void writesPinotKeyNames() {
    Map<String, ColumnMetadata> columns = Map.of("c", new ColumnMetadata("c", DataType.INT, FieldType.METRIC, true,
        5, 3, false, true, 2, 0, 5, 1, 9, false));
    SegmentMetadata metadata = new SegmentMetadata("s", "t", 5, null, -1, -1, null, "psf1", 7L, 0L, columns,
        Map.of());
    String text = MetadataProperties.write(metadata, Map.of("c", new MetadataProperties.ColumnExtras(4, "0")));
    assertThat(text).contains("segment.name = s\n", "segment.table.name = t\n", "segment.total.docs = 5\n",
        "segment.index.version = psf1\n", "segment.creation.time = 7\n", "segment.metric.column.names = c\n",
        "column.c.cardinality = 3\n", "column.c.totalDocs = 5\n", "column.c.dataType = INT\n",
        "column.c.bitsPerElement = 2\n", "column.c.lengthOfEachEntry = 4\n", "column.c.columnType = METRIC\n",
        "column.c.isSorted = false\n", "column.c.hasDictionary = true\n", "column.c.isSingleValues = true\n",
        "column.c.maxNumberOfMultiValues = 0\n", "column.c.totalNumberOfEntries = 5\n", "column.c.minValue = 1\n",
        "column.c.maxValue = 9\n", "column.c.hasInvertedIndex = false\n", "column.c.defaultNullValue = 0\n");
    assertThat(text).doesNotContain("segment.time.column.name", "segment.start.time");
  }

  @Test
  void missingRequiredKeysAreReported() {
    assertThatThrownBy(() -> MetadataProperties.read("segment.name = x\n", 0)).isInstanceOf(
        IllegalStateException.class).hasMessageContaining("segment.table.name");
  }

  @Test
  void creationMetaIsTwoBigEndianLongs() {
    byte[] bytes = new CreationMeta(0x0102030405060708L, 42L).toBytes();
    assertThat(bytes).hasSize(16);
    assertThat(bytes[0]).isEqualTo((byte) 1);
    assertThat(bytes[15]).isEqualTo((byte) 42);
    assertThat(CreationMeta.fromBytes(bytes)).isEqualTo(new CreationMeta(0x0102030405060708L, 42L));
    assertThatThrownBy(() -> CreationMeta.fromBytes(new byte[8])).isInstanceOf(IllegalStateException.class);
  }
}
