// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.datatable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataTableTest {

  @Test
  void tinyTableMatchesHandComputedBytes() {
    DataSchema schema = new DataSchema(List.of("a", "s"), List.of(ColumnDataType.INT, ColumnDataType.STRING));
    DataTableBuilder builder = new DataTableBuilder(schema);
    builder.startRow();
    builder.setInt(0, 7);
    builder.setString(1, "x");
    builder.putMetadata(MetadataKey.NUM_DOCS_SCANNED, 5);
    byte[] bytes = builder.build().toBytes();

    String expected = ""
        // version, numRows, numColumns
        + "00000004" + "00000001" + "00000002"
        // exceptions (52, 4), dictionary (56, 9), schema (65, 31), fixed (96, 8), variable (104, 0)
        + "00000034" + "00000004" + "00000038" + "00000009" + "00000041" + "0000001f" + "00000060" + "00000008"
        + "00000068" + "00000000"
        // exceptions: none
        + "00000000"
        // dictionary: ["x"]
        + "00000001" + "00000001" + "78"
        // schema: 2 columns "a", "s", types "INT", "STRING"
        + "00000002" + "00000001" + "61" + "00000001" + "73" + "00000003" + "494e54" + "00000006" + "535452494e47"
        // fixed: a = 7, s = dictionary id 0
        + "00000007" + "00000000"
        // metadata: length 16, 1 entry, key 2 (numDocsScanned) = 5L
        + "00000010" + "00000001" + "00000002" + "0000000000000005";
    assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(expected);

    DataTable decoded = DataTable.fromBytes(bytes);
    assertThat(decoded.numRows()).isEqualTo(1);
    assertThat(decoded.dataSchema()).isEqualTo(schema);
    assertThat(decoded.getInt(0, 0)).isEqualTo(7);
    assertThat(decoded.getString(0, 1)).isEqualTo("x");
    assertThat(decoded.metadata()).containsExactly(org.assertj.core.api.Assertions.entry("numDocsScanned", "5"));
  }

  @Test
  void everyColumnTypeRoundTrips() {
    List<ColumnDataType> types = List.of(ColumnDataType.INT, ColumnDataType.LONG, ColumnDataType.FLOAT,
        ColumnDataType.DOUBLE, ColumnDataType.BIG_DECIMAL, ColumnDataType.BOOLEAN, ColumnDataType.TIMESTAMP,
        ColumnDataType.STRING, ColumnDataType.JSON, ColumnDataType.BYTES, ColumnDataType.INT_ARRAY,
        ColumnDataType.LONG_ARRAY, ColumnDataType.FLOAT_ARRAY, ColumnDataType.DOUBLE_ARRAY,
        ColumnDataType.STRING_ARRAY, ColumnDataType.BYTES_ARRAY, ColumnDataType.OBJECT, ColumnDataType.OBJECT);
    List<String> names = types.stream().map(t -> "c_" + t.name().toLowerCase()).toList();
    DataSchema schema = new DataSchema(names.stream().map(n -> n + names.indexOf(n)).toList(), types);
    Object[][] rows = {
        {1, 2L, 1.5f, 2.5, new BigDecimal("-123.4500"), 1, 1_700_000_000_000L, "héllo", "{\"a\":1}",
            new byte[]{1, (byte) 0xff}, new int[]{1, 2}, new long[]{3L}, new float[]{0.5f}, new double[]{},
            new String[]{"x", "héllo"}, new byte[][]{{1}, {}}, new CustomObject(7, new byte[]{9, 8}), null},
        {-1, Long.MIN_VALUE, Float.NaN, Double.NEGATIVE_INFINITY, BigDecimal.ZERO, 0, 0L, "", "null",
            new byte[0], new int[0], new long[]{-1L, 5L}, new float[0], new double[]{1e300}, new String[0],
            new byte[0][], new CustomObject(3, new byte[0]), new CustomObject(4, new byte[]{1})}};
    DataTableBuilder builder = new DataTableBuilder(schema);
    for (Object[] row : rows) {
      builder.startRow();
      for (int c = 0; c < row.length; c++) {
        builder.setValue(c, row[c]);
      }
    }
    builder.putMetadata(MetadataKey.TOTAL_DOCS, 10).putMetadata(MetadataKey.NUM_SEGMENTS_QUERIED, 3)
        .putMetadata(MetadataKey.NUM_GROUPS_LIMIT_REACHED, "true").addException(250, "timed out");
    DataTable table = DataTable.fromBytes(builder.build().toBytes());

    assertThat(table.numRows()).isEqualTo(2);
    assertThat(table.dataSchema()).isEqualTo(schema);
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < schema.size(); c++) {
        Object value = table.getValue(r, c);
        if (value instanceof CustomObject object) {
          CustomObject expectedObject = (CustomObject) rows[r][c];
          assertThat(object.type()).isEqualTo(expectedObject.type());
          assertThat(object.bytes()).isEqualTo(expectedObject.bytes());
        } else {
          assertThat(value).as("row %s column %s", r, c).isEqualTo(rows[r][c]);
        }
      }
    }
    assertThat(table.getBigDecimal(0, 4).scale()).isEqualTo(4);
    assertThat(table.metadata()).containsEntry("totalDocs", "10").containsEntry("numSegmentsQueried", "3")
        .containsEntry("numGroupsLimitReached", "true");
    assertThat(table.exceptions()).containsEntry(250, "timed out");
  }

  @Test
  void metadataOnlyTableRoundTrips() {
    DataTable table = new DataTableBuilder(null).addException(200, "boom")
        .putMetadata(MetadataKey.REQUEST_ID, 42).build();
    DataTable decoded = DataTable.fromBytes(table.toBytes());
    assertThat(decoded.dataSchema()).isNull();
    assertThat(decoded.numRows()).isZero();
    assertThat(decoded.exceptions()).containsEntry(200, "boom");
    assertThat(decoded.metadataAsLong(MetadataKey.REQUEST_ID, -1)).isEqualTo(42);
  }

  @Test
  void readerSkipsNullBitmapTailAndReadsNewerMetadataKeys() {
    // A Pinot 1.3 server may append null bitmaps to the fixed section and send metadata ids above 25.
    byte[] bytes = new DataTableBuilder(new DataSchema(List.of("a"), List.of(ColumnDataType.LONG))).build()
        .toBytes();
    ByteBuffer original = ByteBuffer.wrap(bytes);
    int fixedStart = original.getInt(36);
    byte[] metadata = ByteBuffer.allocate(4 + 4 + 4 + 4 + 4 + 1).putInt(17).putInt(2).putInt(26).putInt(3)
        .putInt(38).put((byte) 1).array();
    ByteBuffer patched = ByteBuffer.allocate(fixedStart + 8 + metadata.length);
    patched.put(bytes, 0, fixedStart).putLong(0L).put(metadata);
    patched.putInt(40, 8).putInt(44, fixedStart + 8).putInt(48, 0);
    DataTable table = DataTable.fromBytes(patched.array());
    assertThat(table.metadata()).containsEntry("numConsumingSegmentsProcessed", "3").containsEntry("sorted", "true");
  }

  @Test
  void nullCellsRoundTripAsPlaceholdersAndBitmaps() {
    DataSchema schema = new DataSchema(List.of("l", "s", "o"), List.of(ColumnDataType.LONG, ColumnDataType.STRING,
        ColumnDataType.OBJECT));
    DataTableBuilder builder = new DataTableBuilder(schema);
    for (int r = 0; r < 70_000; r++) {
      builder.startRow();
      builder.setValue(0, r % 3 == 0 ? null : (long) r);
      builder.setValue(1, "s");
      builder.setValue(2, r == 69_999 ? null : new CustomObject(1, new byte[]{1}));
    }
    DataTable table = DataTable.fromBytes(builder.build().toBytes());

    assertThat(table.nullRowIds(0).getCardinality()).isEqualTo(23_334);
    assertThat(table.isNull(69_999, 0)).isTrue();
    assertThat(table.isNull(69_998, 0)).isFalse();
    assertThat(table.getLong(69_998, 0)).isEqualTo(69_998L);
    assertThat(table.getLong(3, 0)).isZero();
    assertThat(table.nullRowIds(1)).isNull();
    assertThat(table.nullRowIds(2).toArray()).containsExactly(69_999);
    assertThat(table.getCustomObject(69_999, 2)).isNull();
    assertThat(new DataTableBuilder(schema).build().nullRowIds(0)).isNull();
  }

  @Test
  void rejectsOtherVersionsAndNonPortableKeys() {
    byte[] bytes = new DataTableBuilder(null).build().toBytes();
    bytes[3] = 3;
    assertThatThrownBy(() -> DataTable.fromBytes(bytes)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version 3");
    assertThatThrownBy(() -> new DataTableBuilder(null).putMetadata(MetadataKey.NUM_BLOCKS, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DataTable.fromBytes(new byte[]{0, 0, 0, 4, 0}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unknownMetadataNamesAreNotWrittenAndCountMatches() {
    DataTable table = new DataTable(0, null, new String[0], new byte[0], new byte[0],
        java.util.Map.of("bogus", "1"), java.util.Map.of());
    DataTable decoded = DataTable.fromBytes(table.toBytes());
    assertThat(decoded.metadata()).isEmpty();
  }
}
