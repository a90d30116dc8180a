// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.response.BrokerResponse;
import io.pinot.common.utils.JsonUtils;
import io.pinot.query.testing.TestCluster;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.mutable.LlcSegmentName;
import io.pinot.segment.mutable.MutableSegment;
import io.pinot.segment.mutable.MutableSegmentConfig;
import io.pinot.segment.mutable.MutableSegmentConverter;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.segment.upsert.PartitionUpsertMetadataManager;
import io.pinot.segment.upsert.TableUpsertMetadataManager;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.GenericRow;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/// Queries over an upsert table: 100,000 updates of 10,000 keys, spread over two committed segments and a consuming
/// one, leave exactly 10,000 queryable rows holding the latest value by comparison column, whatever the query shape
/// (metadata `count(*)`, index-only counts, filters, group-by, selection with LIMIT); a delete hides its key;
/// `skipUpsert` returns every version.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpsertQueryTest {
  private static final Schema SCHEMA = JsonUtils.fromJson("""
      {"schemaName": "orders",
       "dimensionFieldSpecs": [{"name": "id", "dataType": "INT"}, {"name": "city", "dataType": "STRING"},
         {"name": "deleted", "dataType": "BOOLEAN"}],
       "metricFieldSpecs": [{"name": "value", "dataType": "LONG"}],
       "dateTimeFieldSpecs": [{"name": "ts", "dataType": "LONG", "format": "1:MILLISECONDS:EPOCH",
         "granularity": "1:MILLISECONDS"}],
       "primaryKeyColumns": ["id"]}
      """, Schema.class);
  private static final TableConfig TABLE = JsonUtils.fromJson("""
      {"tableName": "orders_REALTIME", "tableType": "REALTIME",
       "segmentsConfig": {"timeColumnName": "ts", "timeType": "MILLISECONDS"},
       "tableIndexConfig": {"invertedIndexColumns": ["city"]},
       "upsertConfig": {"mode": "FULL", "deleteRecordColumn": "deleted"}}
      """, TableConfig.class);
  private static final int NUM_KEYS = 10_000;
  private static final int NUM_UPDATES = 100_000;

  @TempDir
  static Path dir;

  private TestCluster cluster;
  private final Map<Integer, long[]> latest = new HashMap<>();
  private long numDeleted;

  @BeforeAll
  void ingest() throws Exception {
    PartitionUpsertMetadataManager manager = TableUpsertMetadataManager.of(TABLE, SCHEMA).partition(0);
    Random random = new Random(7);
    List<IndexSegment> segments = new java.util.ArrayList<>();
    MutableSegment consuming = null;
    for (int i = 0; i < NUM_UPDATES; i++) {
      if (i % 40_000 == 0) {
        if (consuming != null) {
          IndexSegment committed = SegmentLoader.load(MutableSegmentConverter.convert(consuming.snapshot(),
              dir.resolve("s" + i)).segmentDir());
          manager.replaceSegment(committed, consuming);
          consuming.close();
          segments.add(committed);
        }
        consuming = new MutableSegment(MutableSegmentConfig.builder().tableConfig(TABLE).schema(SCHEMA)
            .segmentName(LlcSegmentName.of("orders", 0, i / 40_000, 1_700_000_000_000L).toString())
            .capacity(40_000).creationTime(1_700_000_000_000L).build());
        manager.trackConsumingSegment(consuming);
      }
      int id = i < NUM_KEYS ? i : random.nextInt(NUM_KEYS);
      long ts = random.nextInt(10_000_000);
      long value = random.nextInt(1000);
      GenericRow row = new GenericRow();
      row.putValue("id", id);
      row.putValue("ts", ts);
      row.putValue("value", value);
      row.putValue("city", "c" + (id % 10));
      int docId = consuming.numDocs();
      consuming.index(manager.updateRecord(row));
      manager.addRecord(consuming, docId, row);
      long[] current = latest.get(id);
      if (current == null || ts >= current[0]) {
        latest.put(id, new long[] {ts, value});
      }
    }
    // Delete 100 keys with rows newer than anything they had.
    for (int id = 0; id < 100; id++) {
      GenericRow row = new GenericRow();
      row.putValue("id", id);
      row.putValue("ts", 20_000_000L);
      row.putValue("deleted", true);
      int docId = consuming.numDocs();
      consuming.index(row);
      manager.addRecord(consuming, docId, row);
      latest.remove(id);
      numDeleted++;
    }
    segments.add(consuming.snapshot());
    cluster = new TestCluster(SCHEMA, List.of(segments.subList(0, 1), segments.subList(1, segments.size())),
        ServerQueryExecutorConfig.defaults());
  }

  @AfterAll
  void close() throws Exception {
    cluster.close();
  }

  @Test
  void countStarSeesOneRowPerLiveKey() {
    assertThat(single("SELECT count(*) FROM orders")).isEqualTo((long) NUM_KEYS - numDeleted);
    assertThat(single("SELECT count(*) FROM orders WHERE city = 'c3'"))
        .isEqualTo(latest.keySet().stream().filter(id -> id % 10 == 3).count());
    assertThat(single("SELECT count(*) FROM orders WHERE id < 100")).isEqualTo(0L);
  }

  @Test
  void aggregationsSeeTheLatestValueOfEachKey() {
    long expectedSum = latest.values().stream().mapToLong(tsAndValue -> tsAndValue[1]).sum();
    long expectedMax = latest.values().stream().mapToLong(tsAndValue -> tsAndValue[0]).max().orElseThrow();
    assertThat(((Number) row("SELECT sum(value), max(ts) FROM orders")[0]).longValue()).isEqualTo(expectedSum);
    assertThat(((Number) row("SELECT sum(value), max(ts) FROM orders")[1]).longValue()).isEqualTo(expectedMax);
    BrokerResponse grouped = cluster.query("SELECT city, count(*) FROM orders GROUP BY city ORDER BY city LIMIT 20");
    long total = 0;
    for (Object[] row : grouped.resultTable().rows()) {
      total += ((Number) row[1]).longValue();
    }
    assertThat(total).isEqualTo(latest.size());
  }

  @Test
  void selectionReturnsOnlyLatestVersions() {
    BrokerResponse response = cluster.query("SELECT id, value, ts FROM orders WHERE id BETWEEN 500 AND 599 "
        + "ORDER BY id LIMIT 1000");
    assertThat(response.exceptions()).isEmpty();
    List<Object[]> rows = response.resultTable().rows();
    assertThat(rows).hasSize(100);
    for (Object[] row : rows) {
      long[] expected = latest.get(((Number) row[0]).intValue());
      assertThat(((Number) row[1]).longValue()).isEqualTo(expected[1]);
      assertThat(((Number) row[2]).longValue()).isEqualTo(expected[0]);
    }
    assertThat(cluster.query("SELECT id FROM orders LIMIT 20000").resultTable().rows()).hasSize(latest.size());
  }

  @Test
  void skipUpsertReturnsEveryVersion() {
    long all = NUM_UPDATES + numDeleted;
    assertThat(single("SET skipUpsert = true; SELECT count(*) FROM orders")).isEqualTo(all);
    assertThat(((Number) cluster.query("SELECT count(*) FROM orders", Map.of("skipUpsert", "true")).resultTable()
        .rows().get(0)[0]).longValue()).isEqualTo(all);
    assertThat(single("SET skipUpsert = true; SELECT count(*) FROM orders WHERE id < 100"))
        .isGreaterThanOrEqualTo(200L);
    assertThat(single("SET skipUpsert = false; SELECT count(*) FROM orders")).isEqualTo((long) latest.size());
  }

  private long single(String sql) {
    return ((Number) row(sql)[0]).longValue();
  }

  private Object[] row(String sql) {
    BrokerResponse response = cluster.query(sql);
    assertThat(response.exceptions()).as(sql).isEmpty();
    return response.resultTable().rows().get(0);
  }
}
