// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.response.BrokerResponse;
import io.pinot.query.testing.ResultComparison;
import io.pinot.spi.config.table.FieldConfig;
import io.pinot.spi.config.table.IndexingConfig;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.config.table.TableType;
import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.FieldType;
import io.pinot.spi.data.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// The same rows in two tables, with and without range indexes and bloom filters: the planner answers range
/// predicates from the range index (no entry scanned in the filter) and prunes whole segments for equality and IN
/// predicates with the bloom filter (`numSegmentsPrunedByValue`), and every query returns the same rows either way.
class IndexedFilterQueryTest {
  private static final int NUM_SEGMENTS = 4;
  private static final int ROWS_PER_SEGMENT = 3000;

  @TempDir
  static Path dir;

  private static IndexTestCluster indexed;
  private static IndexTestCluster plain;

  @BeforeAll
  static void setUp() throws Exception {
    Schema schema = Schema.of("ev", List.of(
        FieldSpec.of("country", DataType.STRING, FieldType.DIMENSION),
        FieldSpec.of("age", DataType.INT, FieldType.DIMENSION),
        FieldSpec.of("user_id", DataType.LONG, FieldType.DIMENSION),
        FieldSpec.of("session", DataType.STRING, FieldType.DIMENSION),
        FieldSpec.multiValue("tags", DataType.STRING),
        FieldSpec.multiValue("codes", DataType.INT)),
        List.of(FieldSpec.of("price", DataType.DOUBLE, FieldType.METRIC),
            FieldSpec.of("duration", DataType.INT, FieldType.METRIC),
            FieldSpec.of("big", DataType.LONG, FieldType.METRIC)),
        List.of());
    List<String> raw = List.of("price", "duration", "session");
    IndexingConfig withIndexes = new IndexingConfig(null, null, List.of("country"), List.of("age", "price",
        "duration"), List.of("user_id", "session"), raw, null, null, Map.of());
    FieldConfig big = new FieldConfig("big", FieldConfig.EncodingType.RAW, null, null,
        FieldConfig.CompressionCodec.ZSTANDARD, Map.of("range", Map.of()), null, null, null, Map.of());
    TableConfig indexedTable = TableConfig.of("ev", TableType.OFFLINE, null, withIndexes)
        .withFieldConfigs(List.of(big,
            FieldConfig.of("codes", FieldConfig.EncodingType.RAW, FieldConfig.CompressionCodec.LZ4)));
    TableConfig plainTable = TableConfig.of("ev", TableType.OFFLINE, null, new IndexingConfig(null, null, null, null,
        null, raw, null, null, Map.of()));
    List<List<Map<String, Object>>> segments = rows();
    indexed = new IndexTestCluster(dir.resolve("indexed"), schema, indexedTable, segments);
    plain = new IndexTestCluster(dir.resolve("plain"), schema, plainTable, segments);
  }

  @AfterAll
  static void tearDown() throws Exception {
    indexed.close();
    plain.close();
  }

  /// Users and sessions are interleaved over the segments (value mod 4 is the segment), so min/max metadata cannot
  /// prune them but an equality matches one segment only.
  private static List<List<Map<String, Object>>> rows() {
    Random random = new Random(42);
    List<List<Map<String, Object>>> segments = new ArrayList<>();
    for (int s = 0; s < NUM_SEGMENTS; s++) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int i = 0; i < ROWS_PER_SEGMENT; i++) {
        Map<String, Object> row = new HashMap<>();
        row.put("country", "c" + random.nextInt(30));
        row.put("age", 18 + random.nextInt(70));
        row.put("user_id", 1_000_000L + 4L * random.nextInt(500) + s);
        row.put("session", String.format("%016x", 4L * random.nextInt(2000) + s));
        row.put("tags", new Object[] {"t" + random.nextInt(8), "t" + random.nextInt(8)});
        row.put("codes", random.nextInt(5) == 0 ? new Object[0] : new Object[] {random.nextInt(20),
            random.nextInt(20)});
        row.put("price", random.nextInt(100_000) / 100.0);
        row.put("duration", random.nextInt(10_000));
        row.put("big", random.nextLong() % 1_000_000_000L);
        rows.add(row);
      }
      segments.add(rows);
    }
    return segments;
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "age BETWEEN 30 AND 40", "age > 70", "age >= 19", "age < 19", "age <= 86", "age > 86",
      "price > 500", "price BETWEEN 100.5 AND 200.25", "price < 0.5", "price >= 999.99",
      "duration BETWEEN 1000 AND 2000", "duration < 10", "duration > 9990", "duration = 1234",
      "duration <> 1234", "big > 0", "big BETWEEN -500000000 AND 500000000",
      "age BETWEEN 30 AND 40 AND price > 500", "age > 80 OR duration < 100",
      "NOT (age BETWEEN 20 AND 80)", "country = 'c3' AND duration BETWEEN 1000 AND 5000"})
  void rangePredicatesUseTheRangeIndexAndMatchTheScan(String filter) {
    String sql = "SELECT COUNT(*), SUM(price), MIN(age), MAX(duration) FROM ev WHERE " + filter;
    BrokerResponse withIndex = indexed.query(sql);
    BrokerResponse withoutIndex = plain.query(sql);
    assertThat(withIndex.exceptions()).isEmpty();
    assertThat(ResultComparison.difference(withIndex.resultTable().rows(), withoutIndex.resultTable().rows(), true))
        .as(filter).isNull();
    assertThat(withoutIndex.numEntriesScannedInFilter()).as("scan without index").isPositive();
    assertThat(withIndex.numEntriesScannedInFilter()).as("entries scanned with the range index").isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"user_id = 1000401", "user_id IN (1000402, 1000403)", "user_id = 1001000",
      "session = '00000000000001f3'", "session IN ('00000000000001f2', '0000000000000000')",
      "user_id = 1000401 AND age > 20", "user_id = 1000401 OR session = '00000000000001f2'"})
  void equalityPredicatesPruneSegmentsWithTheBloomFilter(String filter) {
    String sql = "SELECT COUNT(*), SUM(duration) FROM ev WHERE " + filter;
    BrokerResponse withIndex = indexed.query(sql);
    BrokerResponse withoutIndex = plain.query(sql);
    assertThat(withIndex.exceptions()).isEmpty();
    assertThat(ResultComparison.difference(withIndex.resultTable().rows(), withoutIndex.resultTable().rows(), true))
        .as(filter).isNull();
    // Each value lives in at most one segment (or, for OR, two): the others are ruled out by the bloom filters.
    assertThat(withIndex.numSegmentsPrunedByValue()).as("segments pruned by value").isGreaterThanOrEqualTo(2);
    assertThat(withIndex.numSegmentsProcessed()).isLessThanOrEqualTo(2);
    assertThat(withoutIndex.numSegmentsPrunedByValue()).as("min/max pruning alone").isZero();
  }

  @Test
  void rawMultiValueColumnsFilterAndScan() {
    for (String filter : List.of("codes = 3", "codes IN (1, 2)", "codes <> 3", "codes BETWEEN 5 AND 7",
        "codes NOT IN (0, 19)")) {
      String sql = "SELECT COUNT(*) FROM ev WHERE " + filter;
      BrokerResponse withRawColumn = indexed.query(sql);
      assertThat(withRawColumn.exceptions()).as(filter).isEmpty();
      assertThat(withRawColumn.resultTable().rows().get(0)[0]).as(filter)
          .isEqualTo(plain.query(sql).resultTable().rows().get(0)[0]);
    }
  }
}
