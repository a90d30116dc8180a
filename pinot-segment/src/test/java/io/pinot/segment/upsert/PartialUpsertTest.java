// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.upsert;

import static io.pinot.segment.upsert.UpsertTestData.ingest;
import static io.pinot.segment.upsert.UpsertTestData.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.segment.mutable.MutableSegment;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.segment.testing.SegmentValues;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.config.table.UpsertConfig.Strategy;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Partial upsert: each strategy merges as Pinot documents, with its null rules, over consuming and committed
/// segments.
class PartialUpsertTest {
  @TempDir
  Path dir;

  @Test
  void strategiesMergeNonNullValues() {
    assertThat(PartialUpsertMerger.merge(Strategy.IGNORE, 1L, 2L)).isEqualTo(1L);
    assertThat(PartialUpsertMerger.merge(Strategy.OVERWRITE, 1L, 2L)).isEqualTo(2L);
    assertThat(PartialUpsertMerger.merge(Strategy.FORCE_OVERWRITE, 1L, 2L)).isEqualTo(2L);
    assertThat(PartialUpsertMerger.merge(Strategy.INCREMENT, 1L, 2L)).isEqualTo(3L);
    assertThat(PartialUpsertMerger.merge(Strategy.INCREMENT, 1, 2)).isEqualTo(3);
    assertThat(PartialUpsertMerger.merge(Strategy.INCREMENT, 1.5, 2.0)).isEqualTo(3.5);
    assertThat(PartialUpsertMerger.merge(Strategy.INCREMENT, 1.5f, 2f)).isEqualTo(3.5f);
    assertThat(PartialUpsertMerger.merge(Strategy.INCREMENT, new java.math.BigDecimal("1.1"),
        new java.math.BigDecimal("2.2"))).isEqualTo(new java.math.BigDecimal("3.3"));
    assertThat(PartialUpsertMerger.merge(Strategy.MAX, 5L, 2L)).isEqualTo(5L);
    assertThat(PartialUpsertMerger.merge(Strategy.MAX, "a", "b")).isEqualTo("b");
    assertThat(PartialUpsertMerger.merge(Strategy.MIN, 5L, 2L)).isEqualTo(2L);
    assertThat(PartialUpsertMerger.merge(Strategy.MIN, new byte[] {2}, new byte[] {(byte) 0xff}))
        .isEqualTo(new byte[] {2});
    assertThat((Object[]) PartialUpsertMerger.merge(Strategy.APPEND, new Object[] {"b", "a"}, new Object[] {"a"}))
        .containsExactly("b", "a", "a");
    assertThat((Object[]) PartialUpsertMerger.merge(Strategy.UNION, new Object[] {"c", "a"}, new Object[] {"b", "a"}))
        .containsExactly("a", "b", "c");
  }

  @Test
  void rowsMergeWithTheLatestVersionPerStrategyAndNullRule() throws Exception {
    TableConfig table = UpsertTestData.table("""
        "upsertConfig": {"mode": "PARTIAL", "defaultPartialUpsertStrategy": "IGNORE",
          "partialUpsertStrategies": {"value": "INCREMENT", "clicks": "MAX", "score": "MIN", "tags": "UNION",
                                      "name": "OVERWRITE"}}""");
    PartitionUpsertMetadataManager manager = TableUpsertMetadataManager.of(table, UpsertTestData.SCHEMA).partition(0);
    MutableSegment segment = UpsertTestData.consuming(table, 0, 100);
    ingest(manager, segment, row(Map.of("id", 1, "ts", 1L, "value", 10L, "clicks", 5, "score", 2.0,
        "tags", new Object[] {"x"}, "name", "first")));
    // Nulls (absent values) keep the previous value for every strategy.
    ingest(manager, segment, row(Map.of("id", 1, "ts", 2L, "value", 5L, "tags", new Object[] {"y", "x"})));
    ingest(manager, segment, row(Map.of("id", 1, "ts", 3L, "value", "7", "clicks", 9, "score", 1.0,
        "name", "second")));
    // Out of order: not merged, and not valid.
    assertThat(ingest(manager, segment, row(Map.of("id", 1, "ts", 0L, "value", 1000L)))).isFalse();
    // A new key is stored as it comes (a previous null takes the new value).
    ingest(manager, segment, row(Map.of("id", 2, "ts", 1L, "clicks", 4)));
    ingest(manager, segment, row(Map.of("id", 2, "ts", 2L, "value", 3L)));

    Map<Integer, List<Object>> latest = latestRows(segment.snapshot());
    assertThat(latest.get(1)).containsExactly(22L, 9, 1.0, List.of("x", "y"), "second");
    assertThat(latest.get(2).get(0)).isEqualTo(3L);
    assertThat(latest.get(2).get(1)).isEqualTo(4);

    // The next consuming segment merges with versions read from the committed segment.
    IndexSegment committed = UpsertTestData.commit(segment, dir);
    manager.replaceSegment(committed, segment);
    MutableSegment next = UpsertTestData.consuming(table, 1, 100);
    ingest(manager, next, row(Map.of("id", 1, "ts", 4L, "value", 1L, "tags", new Object[] {"z"})));
    assertThat(latestRows(next.snapshot()).get(1)).containsExactly(23L, 9, 1.0, List.of("x", "y", "z"), "second");
    assertThat(committed.queryableDocIds().getCardinality()).isEqualTo(1);
    committed.close();
  }

  @Test
  void aDeleteIsNotMergedAndHidesTheKeyUntilANewRowStartsAfresh() {
    TableConfig table = UpsertTestData.table("""
        "upsertConfig": {"mode": "PARTIAL", "deleteRecordColumn": "deleted",
          "partialUpsertStrategies": {"value": "INCREMENT"}}""");
    PartitionUpsertMetadataManager manager = TableUpsertMetadataManager.of(table, UpsertTestData.SCHEMA).partition(0);
    MutableSegment segment = UpsertTestData.consuming(table, 0, 100);
    ingest(manager, segment, row(1, 1, 10));
    ingest(manager, segment, row(Map.of("id", 1, "ts", 2L, "deleted", true)));
    assertThat(segment.snapshot().queryableDocIds().isEmpty()).isTrue();
    ingest(manager, segment, row(1, 3, 5));
    assertThat(latestRows(segment.snapshot()).get(1).get(0)).as("the deleted version is not merged").isEqualTo(5L);
  }

  @Test
  void forceOverwriteTakesNullsAndOverwriteKeepsThePreviousValue() {
    TableConfig table = UpsertTestData.table("""
        "upsertConfig": {"mode": "PARTIAL", "partialUpsertStrategies": {"value": "FORCE_OVERWRITE"}}""");
    PartitionUpsertMetadataManager manager = TableUpsertMetadataManager.of(table, UpsertTestData.SCHEMA).partition(0);
    MutableSegment segment = UpsertTestData.consuming(table, 0, 100);
    ingest(manager, segment, row(Map.of("id", 1, "ts", 1L, "value", 10L, "name", "kept")));
    ingest(manager, segment, row(Map.of("id", 1, "ts", 2L)));
    List<Object> latest = latestRows(segment.snapshot()).get(1);
    assertThat(latest.get(0)).as("FORCE_OVERWRITE with null: the column's null").isNull();
    assertThat(latest.get(4)).as("default OVERWRITE with null keeps the previous value").isEqualTo("kept");
  }

  /// Per key: value, clicks, score, tags, name of the queryable document (null where recorded null).
  private static Map<Integer, List<Object>> latestRows(IndexSegment segment) {
    Map<Integer, List<Object>> rows = new HashMap<>();
    List<Object> ids = SegmentValues.column(segment, "id");
    DocValues values = new DocValues(segment, List.of("value", "clicks", "score", "tags", "name"));
    for (int docId : PartitionUpsertMetadataManagerTest.docs(segment.queryableDocIds())) {
      List<Object> row = new java.util.ArrayList<>();
      for (int i = 0; i < 5; i++) {
        Object value = values.value(i, docId);
        row.add(value instanceof Object[] array ? List.of(array) : value);
      }
      rows.put((Integer) ids.get(docId), row);
    }
    return rows;
  }
}
