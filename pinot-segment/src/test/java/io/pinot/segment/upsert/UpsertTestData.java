// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.upsert;

import io.pinot.common.utils.JsonUtils;
import io.pinot.segment.creator.SegmentCreationResult;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.mutable.LlcSegmentName;
import io.pinot.segment.mutable.MutableSegment;
import io.pinot.segment.mutable.MutableSegmentConfig;
import io.pinot.segment.mutable.MutableSegmentConverter;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.GenericRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/// An `orders` table keyed by `id` (comparison column `ts`, delete marker `deleted`), its upsert configs, and helpers
/// to build consuming and committed segments of it.
final class UpsertTestData {
  static final Schema SCHEMA = JsonUtils.fromJson("""
      {"schemaName": "orders", "enableColumnBasedNullHandling": true,
       "dimensionFieldSpecs": [
         {"name": "id", "dataType": "INT"}, {"name": "name", "dataType": "STRING"},
         {"name": "tags", "dataType": "STRING", "singleValueField": false},
         {"name": "deleted", "dataType": "BOOLEAN"}],
       "metricFieldSpecs": [
         {"name": "value", "dataType": "LONG"}, {"name": "clicks", "dataType": "INT"},
         {"name": "score", "dataType": "DOUBLE"}],
       "dateTimeFieldSpecs": [
         {"name": "ts", "dataType": "LONG", "format": "1:MILLISECONDS:EPOCH", "granularity": "1:MILLISECONDS"}],
       "primaryKeyColumns": ["id"]}
      """, Schema.class);

  private UpsertTestData() {
  }

  /// The REALTIME `orders` table with the given `upsertConfig`/`dedupConfig` JSON entries (e.g.
  /// `"upsertConfig": {"mode": "FULL"}`), or none when `sections` is empty.
  static TableConfig table(String sections) {
    return JsonUtils.fromJson("""
        {"tableName": "orders_REALTIME", "tableType": "REALTIME",
         "segmentsConfig": {"timeColumnName": "ts", "timeType": "MILLISECONDS"},
         "tableIndexConfig": {"invertedIndexColumns": ["name"]},
         "routing": {"instanceSelectorType": "strictReplicaGroup"}%s}
        """.formatted(sections.isEmpty() ? "" : ", " + sections), TableConfig.class);
  }

  static TableConfig full() {
    return table("\"upsertConfig\": {\"mode\": \"FULL\", \"deleteRecordColumn\": \"deleted\"}");
  }

  static MutableSegment consuming(TableConfig table, int sequence, int capacity) {
    return new MutableSegment(MutableSegmentConfig.builder().tableConfig(table).schema(SCHEMA)
        .segmentName(LlcSegmentName.of("orders", 0, sequence, 1_700_000_000_000L + sequence).toString())
        .capacity(capacity).creationTime(1_700_000_000_000L + sequence).build());
  }

  static GenericRow row(int id, long ts, long value) {
    return row(Map.of("id", id, "ts", ts, "value", value));
  }

  static GenericRow row(Map<String, Object> values) {
    GenericRow row = new GenericRow();
    values.forEach(row::putValue);
    return row;
  }

  /// Indexes a row into a consuming segment with the manager's protocol: update, index, add.
  static boolean ingest(PartitionUpsertMetadataManager manager, MutableSegment segment, GenericRow row) {
    GenericRow updated = manager.updateRecord(row);
    int docId = segment.numDocs();
    if (!segment.index(updated)) {
      throw new IllegalStateException("segment full");
    }
    return manager.addRecord(segment, docId, updated);
  }

  /// The committed copy of a consuming segment, loaded from `dir`.
  static IndexSegment commit(MutableSegment segment, Path dir) throws IOException {
    SegmentCreationResult result = MutableSegmentConverter.convert(segment.snapshot(), dir);
    return SegmentLoader.load(result.segmentDir());
  }
}
