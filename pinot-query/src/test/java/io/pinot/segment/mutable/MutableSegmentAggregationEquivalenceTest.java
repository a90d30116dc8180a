// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.response.BrokerResponse;
import io.pinot.query.testing.ResultComparison;
import io.pinot.query.testing.TestData;
import io.pinot.segment.creator.SegmentCreator;
import io.pinot.segment.creator.SegmentGeneratorConfig;
import io.pinot.segment.creator.name.FixedSegmentNameGenerator;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.readers.InMemoryRecordReader;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.spi.data.readers.GenericRow;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// The exact statistical and sketch aggregations (PERCENTILE, DISTINCTCOUNTBITMAP, MINMAXRANGE, VAR/STDDEV) and
/// DISTINCTCOUNTHLL give the same result on a consuming segment (insertion-ordered dictionaries, so PERCENTILE
/// cannot count sorted dictionary ids) as on the immutable segment built from the same rows, alone and next to
/// a committed segment.
class MutableSegmentAggregationEquivalenceTest {
  @TempDir
  static Path dir;

  private static QueryHarness harness;
  private static IndexSegment immutable;
  private static IndexSegment firstHalf;
  private static MutableSegment mutable;
  private static MutableSegment mutableSecondHalf;

  @BeforeAll
  static void setUp() throws Exception {
    List<Map<String, Object>> rows = TestData.segments(20_261_121L, new int[] {3000}).get(0);
    harness = new QueryHarness();
    List<GenericRow> genericRows = QueryHarness.genericRows(rows);
    immutable = immutable("events_batch_0", genericRows);
    firstHalf = immutable("events_batch_1", genericRows.subList(0, 1500));
    mutable = mutable(0, genericRows);
    mutableSecondHalf = mutable(1, genericRows.subList(1500, 3000));
  }

  private static IndexSegment immutable(String name, List<GenericRow> rows) throws Exception {
    SegmentGeneratorConfig config = SegmentGeneratorConfig.builder().tableConfig(TestData.tableConfig())
        .schema(harness.schema()).outputDir(dir.resolve("batch"))
        .segmentNameGenerator(new FixedSegmentNameGenerator(name)).build();
    return SegmentLoader.load(SegmentCreator.create(config, new InMemoryRecordReader(rows)).segmentDir());
  }

  private static MutableSegment mutable(int partition, List<GenericRow> rows) {
    MutableSegment segment = new MutableSegment(MutableSegmentConfig.builder()
        .tableConfig(QueryHarness.REALTIME_TABLE).schema(harness.schema())
        .segmentName(LlcSegmentName.of("events", partition, 0, 1_700_000_000_000L).toString()).capacity(10_000)
        .build());
    for (GenericRow row : rows) {
      assertThat(segment.index(row)).isTrue();
    }
    return segment;
  }

  @AfterAll
  static void tearDown() throws Exception {
    firstHalf.close();
    mutableSecondHalf.close();
    immutable.close();
    mutable.close();
    harness.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "SELECT PERCENTILE(age, 50), PERCENTILE(score, 90), PERCENTILE(user_id, 99), PERCENTILE(price, 25), "
          + "PERCENTILE95(ts) FROM events",
      "SELECT device, PERCENTILE(age, 50), PERCENTILE(price, 75) FROM events GROUP BY device ORDER BY device",
      "SELECT DISTINCTCOUNTBITMAP(city), DISTINCTCOUNTBITMAP(user_id), DISTINCTCOUNTBITMAP(session), "
          + "DISTINCTCOUNTBITMAP(age), DISTINCTCOUNTBITMAP(score) FROM events",
      "SELECT country, DISTINCTCOUNTBITMAP(city) FROM events GROUP BY country ORDER BY country",
      "SELECT MINMAXRANGE(age), MINMAXRANGE(price), VAR_POP(age), STDDEV_SAMP(price) FROM events",
      "SELECT device, MINMAXRANGE(user_id), VAR_SAMP(quantity) FROM events GROUP BY device ORDER BY device",
      "SELECT DISTINCTCOUNTHLL(city), DISTINCTCOUNTHLL(user_id), DISTINCTCOUNTHLL(age) FROM events",
      "SELECT device, DISTINCTCOUNTHLL(city), DISTINCTCOUNTHLL(session), DISTINCTCOUNTHLL(price), "
          + "DISTINCTCOUNTHLL(score) FROM events GROUP BY device ORDER BY device",
      "SELECT DISTINCTCOUNTHLL(session), DISTINCTCOUNTHLL(price), DISTINCTCOUNTHLL(score) FROM events",
      "SELECT PERCENTILE(age, 50), DISTINCTCOUNTBITMAP(city) FROM events WHERE country = 'nowhere'"})
  void consumingSegmentAnswersLikeTheImmutableSegment(String sql) {
    assertSameResult(sql, harness.query(sql, List.of(immutable)), harness.query(sql, List.of(mutable.snapshot())));
    assertSameResult(sql, harness.query(sql, List.of(immutable)),
        harness.query(sql, List.of(firstHalf, mutableSecondHalf.snapshot())));
  }

  private static void assertSameResult(String sql, BrokerResponse expected, BrokerResponse actual) {
    assertThat(expected.exceptions()).as(sql).isEmpty();
    assertThat(actual.exceptions()).as(sql).isEmpty();
    assertThat(ResultComparison.difference(actual.resultTable().rows(), expected.resultTable().rows(), true))
        .as(sql).isNull();
    assertThat(actual.resultTable().dataSchema()).as(sql).isEqualTo(expected.resultTable().dataSchema());
  }
}
