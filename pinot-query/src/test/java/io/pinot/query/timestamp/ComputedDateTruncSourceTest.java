// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.timestamp;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.utils.JsonUtils;
import io.pinot.segment.creator.SegmentCreator;
import io.pinot.segment.creator.SegmentGeneratorConfig;
import io.pinot.segment.index.timestamp.TimestampGranularity;
import io.pinot.segment.loader.ImmutableSegment;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.mutable.MutableSegment;
import io.pinot.segment.mutable.MutableSegmentConfig;
import io.pinot.segment.readers.InMemoryRecordReader;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.GenericRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `DATETRUNC` computed over every kind of timestamp column: a sorted dictionary column (doc-id ranges), an unsorted
/// one (mapped dictionary ids), a raw one, and the unsorted dictionary of a consuming segment (values truncated as
/// read); each reads the truncated values of its documents, and a segment with the derived column serves that.
class ComputedDateTruncSourceTest {
  private static final Schema SCHEMA = JsonUtils.fromJson("""
      {"schemaName": "t", "dateTimeFieldSpecs": [
        {"name": "sorted", "dataType": "TIMESTAMP", "format": "TIMESTAMP", "granularity": "1:MILLISECONDS"},
        {"name": "random", "dataType": "TIMESTAMP", "format": "TIMESTAMP", "granularity": "1:MILLISECONDS"},
        {"name": "raw", "dataType": "LONG", "format": "1:MILLISECONDS:EPOCH", "granularity": "1:MILLISECONDS"}]}""",
      Schema.class);
  private static final TableConfig TABLE = JsonUtils.fromJson("""
      {"tableName": "t", "tableType": "OFFLINE", "tableIndexConfig": {"noDictionaryColumns": ["raw"]},
       "fieldConfigList": [{"name": "random", "indexes": {"timestamp": {"granularities": ["WEEK"]}}}]}""",
      TableConfig.class);

  @TempDir
  Path dir;

  private static List<Map<String, Object>> rows(int count) {
    Random random = new Random(4);
    List<Map<String, Object>> rows = new ArrayList<>();
    long sorted = 1_700_000_000_000L;
    for (int i = 0; i < count; i++) {
      sorted += random.nextInt(5_000_000);
      Map<String, Object> row = new HashMap<>();
      row.put("sorted", sorted);
      row.put("random", -50_000_000_000L + random.nextLong(200_000_000_000L));
      row.put("raw", 1_650_000_000_000L + random.nextLong(100_000_000_000L));
      rows.add(row);
    }
    return rows;
  }

  private static long[] values(DataSource source, int numDocs) {
    int[] docIds = new int[numDocs];
    for (int i = 0; i < numDocs; i++) {
      docIds[i] = i;
    }
    long[] values = new long[numDocs];
    Dictionary dictionary = source.dictionary();
    if (dictionary != null && source.forwardIndex().dictionaryEncoded()) {
      int[] ids = new int[numDocs];
      source.forwardIndex().readDictIds(docIds, numDocs, ids);
      dictionary.readLongValues(ids, numDocs, values);
    } else {
      source.forwardIndex().readLongValues(docIds, numDocs, values);
    }
    return values;
  }

  private static void assertTruncates(IndexSegment segment, String column, TimestampGranularity granularity) {
    DataSource source = segment.dataSource(column);
    DataSource computed = ComputedDateTruncSource.of("v", source, granularity);
    long[] original = values(source, segment.numDocs());
    long[] truncated = values(computed, segment.numDocs());
    for (int doc = 0; doc < segment.numDocs(); doc++) {
      assertThat(truncated[doc]).as("%s %s doc %d", column, granularity, doc)
          .isEqualTo(granularity.truncate(original[doc]));
    }
    if (computed.dictionary() != null && segment.numDocs() > 0) {
      assertThat(computed.metadata().minValue()).isEqualTo(computed.dictionary().getLongValue(0));
    }
  }

  @Test
  void immutableColumnsOfEveryKind() throws IOException {
    for (int count : new int[] {0, 1, 3000}) {
      SegmentGeneratorConfig config = SegmentGeneratorConfig.builder().schema(SCHEMA).tableConfig(TABLE)
          .outputDir(dir.resolve("s" + count)).build();
      try (ImmutableSegment segment = SegmentLoader.load(SegmentCreator.create(config,
          new InMemoryRecordReader(rows(count))).segmentDir())) {
        for (TimestampGranularity granularity : TimestampGranularity.values()) {
          for (String column : List.of("sorted", "random", "raw")) {
            assertTruncates(segment, column, granularity);
          }
        }
        DataSource day = ComputedDateTruncSource.of("d", segment.dataSource("sorted"), TimestampGranularity.DAY);
        if (count == 3000) {
          assertThat(day.sortedIndex()).isNotNull();
          // Doc-id ranges of each day are those of the sorted column's values in that day.
          int last = day.dictionary().length() - 1;
          assertThat(day.sortedIndex().docIdStart(0)).isZero();
          assertThat(day.sortedIndex().docIdEnd(last)).isEqualTo(3000);
          assertThat(ComputedDateTruncSource.of("r", segment.dataSource("raw"), TimestampGranularity.DAY)
              .dictionary()).isNull();
        }
        // The segment's derived column is what the query wrapper serves.
        DateTruncCall week = new DateTruncCall("datetrunc('WEEK',random)", "random", TimestampGranularity.WEEK);
        DateTruncSegment wrapped = new DateTruncSegment(segment, Map.of(week.name(), week));
        assertThat(wrapped.dataSource(week.name())).isSameAs(segment.dataSource("$random$WEEK"));
        DateTruncCall month = new DateTruncCall("m", "random", TimestampGranularity.MONTH);
        assertThat(new DateTruncSegment(segment, Map.of("m", month)).dataSource("m"))
            .isInstanceOf(ComputedDateTruncSource.class);
      }
    }
  }

  @Test
  void consumingSegmentsTruncateAsTheyRead() {
    MutableSegment segment = new MutableSegment(MutableSegmentConfig.builder().tableConfig(TABLE).schema(SCHEMA)
        .segmentName("t__0__0__20240101T0000Z").capacity(10_000).build());
    try {
      for (Map<String, Object> values : rows(2000)) {
        GenericRow row = new GenericRow();
        values.forEach(row::putValue);
        segment.index(row);
      }
      for (TimestampGranularity granularity : TimestampGranularity.values()) {
        for (String column : List.of("sorted", "random", "raw")) {
          assertTruncates(segment, column, granularity);
        }
      }
    } finally {
      segment.close();
    }
  }
}
