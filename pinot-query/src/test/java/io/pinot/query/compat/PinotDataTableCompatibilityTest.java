// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.datatable.DataSchema;
import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.common.datatable.MetadataKey;
import io.pinot.query.runtime.ServerQueryExecutorConfig;
import io.pinot.query.runtime.ServerQueryRequest;
import io.pinot.query.testing.TestCluster;
import io.pinot.query.testing.TestData;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.apache.pinot.common.datatable.DataTable;
import org.apache.pinot.common.datatable.DataTableFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Apache Pinot 1.3's own DataTable reader (the classes Trino's connector links) decodes what our servers
/// write: every selection column type, the string dictionary, metadata and exceptions. (Pinot 0.11's
/// reader, used by Presto, was checked by hand the same way; it cannot share a classpath with 1.3.)
class PinotDataTableCompatibilityTest {

  @Test
  void pinotReadsEverySelectionColumnType() throws Exception {
    DataSchema schema = new DataSchema(List.of("i", "l", "f", "d", "s", "b", "bool", "ts", "ia", "sa", "la", "da",
        "fa"), List.of(ColumnDataType.INT, ColumnDataType.LONG, ColumnDataType.FLOAT, ColumnDataType.DOUBLE,
        ColumnDataType.STRING, ColumnDataType.BYTES, ColumnDataType.BOOLEAN, ColumnDataType.TIMESTAMP,
        ColumnDataType.INT_ARRAY, ColumnDataType.STRING_ARRAY, ColumnDataType.LONG_ARRAY,
        ColumnDataType.DOUBLE_ARRAY, ColumnDataType.FLOAT_ARRAY));
    DataTableBuilder builder = new DataTableBuilder(schema);
    for (int r = 0; r < 3; r++) {
      builder.startRow();
      Object[] row = {r, 10L * r, 1.5f * r, 2.5 * r, "s" + r, new byte[]{(byte) r, 1}, r % 2, 1_700_000_000_000L + r,
          new int[]{r, r + 1}, new String[]{"x", "s" + r}, new long[]{r}, new double[]{r / 2.0},
          new float[]{r, -r}};
      for (int c = 0; c < row.length; c++) {
        builder.setValue(c, row[c]);
      }
    }
    builder.putMetadata(MetadataKey.NUM_DOCS_SCANNED, 42).putMetadata(MetadataKey.NUM_SEGMENTS_QUERIED, 3)
        .putMetadata(MetadataKey.NUM_GROUPS_LIMIT_REACHED, "true").putMetadata(MetadataKey.REQUEST_ID, 7)
        .addException(235, "1 segments missing");
    DataTable pinot = DataTableFactory.getDataTable(ByteBuffer.wrap(builder.build().toBytes()));

    assertThat(pinot.getNumberOfRows()).isEqualTo(3);
    assertThat(pinot.getDataSchema().getColumnNames()).containsExactly("i", "l", "f", "d", "s", "b", "bool", "ts",
        "ia", "sa", "la", "da", "fa");
    assertThat(pinot.getDataSchema().getColumnDataType(6).name()).isEqualTo("BOOLEAN");
    assertThat(pinot.getInt(2, 0)).isEqualTo(2);
    assertThat(pinot.getLong(2, 1)).isEqualTo(20L);
    assertThat(pinot.getFloat(2, 2)).isEqualTo(3.0f);
    assertThat(pinot.getDouble(2, 3)).isEqualTo(5.0);
    assertThat(pinot.getString(2, 4)).isEqualTo("s2");
    assertThat(pinot.getBytes(2, 5).getBytes()).containsExactly(2, 1);
    assertThat(pinot.getInt(1, 6)).isEqualTo(1);
    assertThat(pinot.getLong(1, 7)).isEqualTo(1_700_000_000_001L);
    assertThat(pinot.getIntArray(1, 8)).containsExactly(1, 2);
    assertThat(pinot.getStringArray(1, 9)).containsExactly("x", "s1");
    assertThat(pinot.getLongArray(2, 10)).containsExactly(2L);
    assertThat(pinot.getDoubleArray(1, 11)).containsExactly(0.5);
    assertThat(pinot.getFloatArray(2, 12)).containsExactly(2f, -2f);
    assertThat(pinot.getMetadata()).containsEntry("numDocsScanned", "42").containsEntry("numSegmentsQueried", "3")
        .containsEntry("numGroupsLimitReached", "true").containsEntry("requestId", "7");
    assertThat(pinot.getExceptions()).containsEntry(235, "1 segments missing");
  }

  @Test
  void pinotReadsNullBitmaps() throws Exception {
    DataSchema schema = new DataSchema(List.of("i", "s", "d", "sa", "bd"), List.of(ColumnDataType.INT,
        ColumnDataType.STRING, ColumnDataType.DOUBLE, ColumnDataType.STRING_ARRAY, ColumnDataType.BIG_DECIMAL));
    DataTableBuilder builder = new DataTableBuilder(schema);
    for (int r = 0; r < 5; r++) {
      builder.startRow();
      builder.setValue(0, r % 2 == 0 ? null : r);
      builder.setValue(1, r == 4 ? null : "v" + r);
      builder.setValue(2, 0.5 * r);
      builder.setValue(3, r == 1 ? null : new String[]{"a"});
      builder.setValue(4, r == 3 ? null : BigDecimal.valueOf(r));
    }
    DataTable pinot = DataTableFactory.getDataTable(ByteBuffer.wrap(builder.build().toBytes()));

    assertThat(pinot.getNullRowIds(0).toArray()).containsExactly(0, 2, 4);
    assertThat(pinot.getNullRowIds(1).toArray()).containsExactly(4);
    assertThat(pinot.getNullRowIds(2)).isNull();
    assertThat(pinot.getNullRowIds(3).toArray()).containsExactly(1);
    assertThat(pinot.getNullRowIds(4).toArray()).containsExactly(3);
    assertThat(pinot.getInt(3, 0)).isEqualTo(3);
    assertThat(pinot.getString(3, 1)).isEqualTo("v3");
    assertThat(pinot.getString(4, 1)).isEmpty();
    assertThat(pinot.getDouble(4, 2)).isEqualTo(2.0);
    assertThat(pinot.getStringArray(1, 3)).isEmpty();
    assertThat(pinot.getBigDecimal(3, 4)).isEqualByComparingTo("0");
  }

  @Test
  void pinotReadsAServersSelectionResponse(@TempDir Path dir) throws Exception {
    try (TestCluster cluster = new TestCluster(dir, TestData.segments(3L, new int[]{200}), 1,
        ServerQueryExecutorConfig.defaults())) {
      ServerQueryRequest request = ServerQueryRequest.builder("SELECT country, ts, tags, price, is_new FROM events "
          + "WHERE age > 30 LIMIT 5", "events_OFFLINE").schema(TestData.schema()).build();
      byte[] bytes = cluster.server().execute(request, cluster.segments(0)).toBytes();
      DataTable pinot = DataTableFactory.getDataTable(ByteBuffer.wrap(bytes));
      assertThat(pinot.getNumberOfRows()).isEqualTo(5);
      assertThat(pinot.getDataSchema().getColumnNames()).containsExactly("country", "ts", "tags", "price", "is_new");
      assertThat(pinot.getStringArray(0, 2)).isNotEmpty();
      assertThat(Long.parseLong(pinot.getMetadata().get("numDocsScanned"))).isEqualTo(5);
    }
  }
}
