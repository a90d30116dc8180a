// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.reduce;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.datatable.ColumnDataType;
import io.pinot.common.datatable.CustomObject;
import io.pinot.common.datatable.DataSchema;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.datatable.DataTableBuilder;
import io.pinot.common.datatable.MetadataKey;
import io.pinot.common.response.BrokerResponse;
import io.pinot.common.response.QueryProcessingError;
import io.pinot.query.BrokerQueryCompiler;
import io.pinot.query.CompiledQuery;
import io.pinot.query.function.ObjectTypes;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class BrokerReducerTest {
  private final BrokerQueryCompiler compiler = new BrokerQueryCompiler();
  private final BrokerReducer reducer = new BrokerReducer();

  private static DataTable roundTrip(DataTableBuilder builder) {
    return DataTable.fromBytes(builder.build().toBytes());
  }

  private static CustomObject avg(double sum, long count) {
    return new CustomObject(ObjectTypes.AVG_PAIR, ByteBuffer.allocate(16).putDouble(sum).putLong(count).array());
  }

  private static DataTableBuilder withStats(DataTableBuilder builder, long docs, int segments) {
    return builder.putMetadata(MetadataKey.NUM_DOCS_SCANNED, docs).putMetadata(MetadataKey.TOTAL_DOCS, docs * 2)
        .putMetadata(MetadataKey.NUM_SEGMENTS_QUERIED, segments).putMetadata(MetadataKey.NUM_SEGMENTS_PROCESSED,
            segments).putMetadata(MetadataKey.NUM_SEGMENTS_MATCHED, segments)
        .putMetadata(MetadataKey.NUM_ENTRIES_SCANNED_POST_FILTER, docs * 3);
  }

  @Test
  void mergesAggregationIntermediatesAndSumsStats() {
    CompiledQuery query = compiler.compile("SELECT COUNT(*), SUM(x), AVG(x) AS a, MAX(x) FROM t");
    DataSchema schema = new DataSchema(List.of("count(*)", "sum(x)", "avg(x)", "max(x)"),
        List.of(ColumnDataType.LONG, ColumnDataType.DOUBLE, ColumnDataType.OBJECT, ColumnDataType.DOUBLE));
    DataTableBuilder first = new DataTableBuilder(schema);
    first.startRow();
    first.setLong(0, 3);
    first.setDouble(1, 6.0);
    first.setCustomObject(2, avg(6.0, 3));
    first.setDouble(3, 3.0);
    DataTableBuilder second = new DataTableBuilder(schema);
    second.startRow();
    second.setLong(0, 1);
    second.setDouble(1, 10.0);
    second.setCustomObject(2, avg(10.0, 1));
    second.setDouble(3, 10.0);
    ReducedResult result = reducer.reduce(query, List.of(roundTrip(withStats(first, 3, 2)),
        roundTrip(withStats(second, 1, 1).addException(235, "1 segments [s] missing"))));

    assertThat(result.resultTable().dataSchema().columnNames()).containsExactly("count(*)", "sum(x)", "a", "max(x)");
    assertThat(result.resultTable().dataSchema().columnDataTypes()).containsExactly(ColumnDataType.LONG,
        ColumnDataType.DOUBLE, ColumnDataType.DOUBLE, ColumnDataType.DOUBLE);
    assertThat(result.resultTable().rows().get(0)).containsExactly(4L, 16.0, 4.0, 10.0);
    assertThat(result.stats().numDocsScanned()).isEqualTo(4);
    assertThat(result.stats().totalDocs()).isEqualTo(8);
    assertThat(result.stats().numSegmentsQueried()).isEqualTo(3);
    assertThat(result.stats().numEntriesScannedPostFilter()).isEqualTo(12);
    assertThat(result.exceptions()).containsExactly(new QueryProcessingError(235,
        "ServerSegmentMissing: 1 segments [s] missing"));

    BrokerResponse response = result.toBrokerResponse().numServersQueried(2).numServersResponded(2).build();
    assertThat(response.numRowsResultSet()).isEqualTo(1);
    assertThat(response.partialResult()).isTrue();
  }

  @Test
  void mergesGroupsThenAppliesHavingOrderAndLimit() {
    CompiledQuery query = compiler.compile("SELECT k, SUM(v) FROM t GROUP BY k HAVING COUNT(*) > 1 "
        + "ORDER BY SUM(v) DESC, k LIMIT 2");
    DataSchema schema = new DataSchema(List.of("k", "sum(v)", "count(*)"),
        List.of(ColumnDataType.STRING, ColumnDataType.DOUBLE, ColumnDataType.LONG));
    DataTableBuilder first = new DataTableBuilder(schema);
    Object[][] firstRows = {{"a", 1.0, 1L}, {"b", 5.0, 2L}, {"c", 7.0, 1L}};
    Object[][] secondRows = {{"a", 9.0, 1L}, {"c", 1.0, 1L}, {"d", 100.0, 1L}};
    ReducedResult result = reducer.reduce(query, List.of(roundTrip(rows(first, firstRows)),
        roundTrip(rows(new DataTableBuilder(schema), secondRows))));
    assertThat(result.resultTable().dataSchema().columnNames()).containsExactly("k", "sum(v)");
    assertThat(result.resultTable().rows()).containsExactly(new Object[]{"a", 10.0}, new Object[]{"c", 8.0});
  }

  @Test
  void mergesOrderedSelectionsWithOffset() {
    CompiledQuery query = compiler.compile("SELECT name, ts FROM t ORDER BY ts DESC LIMIT 2 OFFSET 1");
    DataSchema schema = new DataSchema(List.of("name", "ts"), List.of(ColumnDataType.STRING,
        ColumnDataType.TIMESTAMP));
    DataTable first = roundTrip(rows(new DataTableBuilder(schema), new Object[][]{{"x", 5L}, {"y", 1L}}));
    DataTable second = roundTrip(rows(new DataTableBuilder(schema), new Object[][]{{"z", 4L}, {"w", 3L}}));
    DataTable empty = roundTrip(new DataTableBuilder(new DataSchema(List.of("name", "ts"),
        List.of(ColumnDataType.STRING, ColumnDataType.STRING))));
    ReducedResult result = reducer.reduce(query, List.of(empty, first, second));
    assertThat(result.resultTable().dataSchema().columnDataTypes()).containsExactly(ColumnDataType.STRING,
        ColumnDataType.TIMESTAMP);
    assertThat(result.resultTable().rows()).hasSize(2);
    assertThat(result.resultTable().rows().get(0)[0]).isEqualTo("z");
    assertThat(result.resultTable().rows().get(1)[0]).isEqualTo("w");
    assertThat(result.resultTable().rows().get(0)[1]).isEqualTo(new java.sql.Timestamp(4L).toString());
  }

  @Test
  void noResultTableWhenEveryServerFailed() {
    CompiledQuery query = compiler.compile("SELECT COUNT(*) FROM t");
    ReducedResult result = reducer.reduce(query, List.of(roundTrip(new DataTableBuilder(null)
        .addException(250, "Query timed out"))));
    assertThat(result.resultTable()).isNull();
    assertThat(result.exceptions()).containsExactly(new QueryProcessingError(250,
        "ExecutionTimeoutError: Query timed out"));
    assertThat(reducer.reduce(query, List.of()).resultTable()).isNull();
  }

  @Test
  void groupsLimitFlagIsCarried() {
    CompiledQuery query = compiler.compile("SELECT k, COUNT(*) FROM t GROUP BY k");
    DataSchema schema = new DataSchema(List.of("k", "count(*)"), List.of(ColumnDataType.INT, ColumnDataType.LONG));
    DataTableBuilder builder = rows(new DataTableBuilder(schema), new Object[][]{{1, 2L}});
    builder.putMetadata(MetadataKey.NUM_GROUPS_LIMIT_REACHED, "true");
    ReducedResult result = reducer.reduce(query, List.of(roundTrip(builder)));
    assertThat(result.numGroupsLimitReached()).isTrue();
    assertThat(result.resultTable().rows().get(0)).containsExactly(1, 2L);
  }

  private static DataTableBuilder rows(DataTableBuilder builder, Object[][] rows) {
    for (Object[] row : rows) {
      builder.startRow();
      for (int c = 0; c < row.length; c++) {
        builder.setValue(c, row[c]);
      }
    }
    return builder;
  }
}
