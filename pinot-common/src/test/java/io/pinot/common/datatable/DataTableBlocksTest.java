// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.datatable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataTableBlocksTest {
  private static final DataSchema SCHEMA = new DataSchema(List.of("i", "l", "d", "s", "b", "bd", "sa", "ia"),
      List.of(ColumnDataType.INT, ColumnDataType.LONG, ColumnDataType.DOUBLE, ColumnDataType.STRING,
          ColumnDataType.BYTES, ColumnDataType.BIG_DECIMAL, ColumnDataType.STRING_ARRAY, ColumnDataType.INT_ARRAY));

  private static DataTable table(int numRows) {
    DataTableBuilder builder = new DataTableBuilder(SCHEMA);
    for (int r = 0; r < numRows; r++) {
      builder.startRow();
      builder.setInt(0, r);
      builder.setLong(1, 1_000_000_000_000L + r);
      builder.setDouble(2, r / 4.0);
      if (r % 3 == 0) {
        builder.setNull(3);
      } else {
        builder.setString(3, "s" + (r % 5));
      }
      builder.setBytes(4, new byte[]{(byte) r, 7});
      builder.setBigDecimal(5, new BigDecimal("-12.5").add(BigDecimal.valueOf(r)));
      builder.setStringArray(6, new String[]{"a" + r, "b"});
      builder.setIntArray(7, new int[]{r, -r});
    }
    builder.putMetadata(MetadataKey.NUM_DOCS_SCANNED, numRows).addException(235, "1 segment missing");
    return builder.build();
  }

  @Test
  void rowRangesKeepEveryCellAndNullAndDropMetadata() {
    DataTable source = table(10);
    DataTable block = DataTable.fromBytes(DataTableBlocks.rows(source, 4, 9).toBytes());

    assertThat(block.numRows()).isEqualTo(5);
    assertThat(block.dataSchema()).isEqualTo(SCHEMA);
    assertThat(block.metadata()).isEmpty();
    assertThat(block.exceptions()).isEmpty();
    for (int r = 0; r < 5; r++) {
      for (int c = 0; c < SCHEMA.size(); c++) {
        assertThat(block.getValue(r, c)).as("row %d column %d", r, c).isEqualTo(source.getValue(r + 4, c));
      }
    }
    // rows 6 and 9 of the source have a null string; row 9 is outside the range
    assertThat(block.isNull(2, 3)).isTrue();
    assertThat(block.isNull(1, 3)).isFalse();
    assertThat(block.nullRowIds(3).getCardinality()).isEqualTo(1);
  }

  @Test
  void emptyAndFullRanges() {
    DataTable source = table(3);
    assertThat(DataTableBlocks.rows(source, 3, 3).numRows()).isZero();
    assertThat(DataTableBlocks.rows(source, 0, 3).getString(2, 3)).isEqualTo("s2");
    assertThatThrownBy(() -> DataTableBlocks.rows(source, 2, 4)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> DataTableBlocks.rows(source, 2, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> DataTableBlocks.rows(DataTableBlocks.metadataOnly(source), 0, 0))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("metadata-only");
  }

  @Test
  void metadataOnlyKeepsStatisticsAndExceptionsWithoutRows() {
    DataTable block = DataTable.fromBytes(DataTableBlocks.metadataOnly(table(4)).toBytes());
    assertThat(block.dataSchema()).isNull();
    assertThat(block.numRows()).isZero();
    assertThat(block.metadata()).containsExactly(Map.entry("numDocsScanned", "4"));
    assertThat(block.exceptions()).containsExactly(Map.entry(235, "1 segment missing"));
  }

  @Test
  void metadataOnlySkipsNamesPinotReadersCannotSkip() {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("numDocsScanned", "3");
    metadata.put("noSuchKey", "x");
    metadata.put("numBlocks", "2");
    DataTable block = DataTable.fromBytes(DataTableBlocks.metadataOnly(metadata, Map.of()).toBytes());
    assertThat(block.metadata()).containsExactly(Map.entry("numDocsScanned", "3"));
  }
}
