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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/// The same rows as an immutable segment built by the batch creator, as a mutable (consuming) segment queried
/// through a snapshot, and as the segment committed from it: every query must give the same result on all three.
class MutableSegmentQueryEquivalenceTest {
  @TempDir
  static Path dir;

  private static QueryHarness harness;
  private static IndexSegment immutable;
  private static MutableSegment mutable;
  private static IndexSegment committed;
  private static IndexSegment firstHalf;
  private static IndexSegment secondHalf;
  private static MutableSegment mutableSecondHalf;
  private static long someTs;
  private static long tsLow;
  private static long tsHigh;

  @BeforeAll
  static void setUp() throws Exception {
    List<Map<String, Object>> rows = TestData.segments(20_260_202L, new int[] {4000}).get(0);
    someTs = (Long) rows.get(1234).get("ts");
    tsLow = (Long) rows.get(1000).get("ts");
    tsHigh = (Long) rows.get(3000).get("ts");
    harness = new QueryHarness();
    List<GenericRow> genericRows = QueryHarness.genericRows(rows);
    immutable = immutable("events_batch_0", genericRows);
    firstHalf = immutable("events_batch_1", genericRows.subList(0, 2000));
    secondHalf = immutable("events_batch_2", genericRows.subList(2000, 4000));
    mutable = mutable(0, genericRows);
    mutableSecondHalf = mutable(1, genericRows.subList(2000, 4000));
    committed = SegmentLoader.load(MutableSegmentConverter.convert(mutable.snapshot(), dir.resolve("committed"))
        .segmentDir());
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
    secondHalf.close();
    mutableSecondHalf.close();
    immutable.close();
    committed.close();
    mutable.close();
    harness.close();
  }

  static Stream<String> queries() {
    String count = "SELECT COUNT(*) FROM events WHERE ";
    List<String> queries = new ArrayList<>(List.of(
        "SELECT COUNT(*) FROM events",
        count + "country = 'DE'",
        count + "country <> 'DE'",
        count + "country IN ('US', 'JP', 'XX')",
        count + "country NOT IN ('US', 'JP')",
        count + "country != 'US' AND device = 'mobile'",
        count + "city LIKE 'city_1%'",
        count + "city NOT LIKE '%5'",
        count + "session LIKE 's1%'",
        count + "price > 500",
        count + "quantity IN (1, 3, 5)",
        count + "big < 0",
        count + "ts = " + someTs,
        count + "is_new = true",
        count + "user_id IN (1000000001, 1000000002, 1000000003)",
        count + "country = 'nowhere'",
        count + "price < 10 OR session = 's1234' OR city = 'city_007'",
        count + "NOT city IN ('city_001', 'city_002') AND NOT (price > 100)",
        count + "tags = 'a'",
        count + "tags IN ('a', 'b')",
        count + "tags NOT IN ('a', 'b')",
        count + "codes = 3 AND tags = 'f' AND country = 'US'",
        count + "tags LIKE '%c%'",
        "SELECT SUM(price), MIN(price), MAX(price), AVG(price) FROM events",
        "SELECT SUM(age), MIN(age), MAX(age) FROM events WHERE country = 'JP'",
        "SELECT MIN(ts), MAX(ts) FROM events",
        "SELECT MIN(age), MAX(age), MIN(score), MAX(score), MIN(user_id), MAX(user_id) FROM events",
        "SELECT DISTINCTCOUNT(country), DISTINCTCOUNT(session), DISTINCTCOUNT(city) FROM events",
        "SELECT DISTINCTCOUNT(tags), DISTINCTCOUNT(device) FROM events WHERE country = 'US'",
        "SELECT COUNT(*), SUM(price) FROM events WHERE country = 'nowhere'",
        "SELECT country, COUNT(*) FROM events GROUP BY country ORDER BY COUNT(*) DESC, country",
        "SELECT device, COUNT(*) AS c, SUM(price) AS s FROM events GROUP BY device ORDER BY c DESC, device",
        "SELECT country, device, COUNT(*) FROM events WHERE device <> 'tv' GROUP BY country, device "
            + "ORDER BY 3 DESC, 1, 2 LIMIT 20",
        "SELECT city, SUM(revenue) FROM events GROUP BY city ORDER BY SUM(revenue) DESC, city LIMIT 15",
        "SELECT user_id, COUNT(*) FROM events GROUP BY user_id ORDER BY COUNT(*) DESC, user_id LIMIT 10",
        "SELECT session, COUNT(*), MAX(price) FROM events GROUP BY session ORDER BY COUNT(*) DESC, session LIMIT 10",
        "SELECT quantity, AVG(price), MIN(big) FROM events GROUP BY quantity ORDER BY quantity LIMIT 10",
        "SELECT is_new, COUNT(*) FROM events GROUP BY is_new ORDER BY is_new",
        "SELECT DISTINCT country FROM events ORDER BY country LIMIT 20",
        "SELECT tags, COUNT(*) FROM events GROUP BY tags ORDER BY tags",
        "SELECT codes, COUNT(*) FROM events WHERE tags = 'c' GROUP BY codes ORDER BY COUNT(*) DESC, codes LIMIT 5",
        "SELECT country, DISTINCTCOUNT(tags) FROM events GROUP BY country ORDER BY country LIMIT 20",
        "SELECT ts, city, price FROM events ORDER BY price DESC, ts LIMIT 20",
        "SELECT ts, country FROM events WHERE country = 'MX' ORDER BY ts DESC LIMIT 5 OFFSET 3",
        "SELECT session, big FROM events WHERE big > 900000000 ORDER BY big DESC, ts LIMIT 10",
        "SELECT ts FROM events WHERE country = 'DE' AND city = 'city_010' ORDER BY ts LIMIT 100",
        "SELECT country, price FROM events ORDER BY price, ts LIMIT 7",
        "SELECT * FROM events WHERE session = 's1a2b' ORDER BY ts LIMIT 5"));
    return queries.stream();
  }

  static Stream<String> unsortedDictionaryQueriesStream() {
    return unsortedDictionaryQueries().stream();
  }

  /// Queries whose plans rely on dictionary order on immutable segments, which mutable dictionaries (insertion
  /// order, `Dictionary#sorted()` false) do not have: range predicates on dictionary columns (id ranges), ORDER BY
  /// dictionary columns (id order), DISTINCTCOUNT of numeric dictionary columns merged across segments (values
  /// read in id order are merged as sorted arrays).
  static List<String> unsortedDictionaryQueries() {
    String count = "SELECT COUNT(*) FROM events WHERE ";
    return List.of(
        count + "age BETWEEN 30 AND 40",
        count + "age NOT BETWEEN 30 AND 40",
        count + "age > 50 OR country = 'FR'",
        count + "ts >= " + tsLow + " AND ts < " + tsHigh,
        count + "ts > " + tsHigh + " OR ts <= " + tsLow,
        count + "score > 8.5",
        count + "user_id > 1000002000",
        count + "country > 'DE' AND country <= 'JP'",
        count + "codes > 15",
        "SELECT age, COUNT(*) FROM events WHERE age >= 70 GROUP BY age ORDER BY age",
        "SELECT country, age FROM events WHERE age > 75 ORDER BY age, ts LIMIT 10",
        "SELECT city, ts FROM events ORDER BY city, ts DESC LIMIT 12",
        "SELECT country, ts FROM events ORDER BY country DESC, ts LIMIT 12",
        "SELECT ts, country FROM events ORDER BY ts LIMIT 6 OFFSET 4",
        "SELECT user_id, age FROM events WHERE ts < " + tsLow + " ORDER BY user_id, ts LIMIT 30",
        "SELECT DISTINCTCOUNT(user_id), DISTINCTCOUNT(score) FROM events WHERE device = 'tv'",
        "SELECT DISTINCTCOUNT(ts), DISTINCTCOUNT(codes), DISTINCTCOUNT(city) FROM events",
        "SELECT device, DISTINCTCOUNT(age), DISTINCTCOUNT(score) FROM events GROUP BY device ORDER BY device");
  }

  private static void assertSameResult(String sql, BrokerResponse expected, BrokerResponse actual, String kind) {
    assertThat(expected.exceptions()).as("immutable: " + sql).isEmpty();
    assertThat(actual.exceptions()).as(kind + ": " + sql).isEmpty();
    String difference = ResultComparison.difference(actual.resultTable().rows(), expected.resultTable().rows(),
        sql.contains("ORDER BY"));
    assertThat(difference).as(kind + ": " + sql).isNull();
    assertThat(actual.resultTable().dataSchema()).as(kind + " schema: " + sql)
        .isEqualTo(expected.resultTable().dataSchema());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void mutableSnapshotAnswersLikeTheImmutableSegment(String sql) {
    BrokerResponse expected = harness.query(sql, List.of(immutable));
    assertSameResult(sql, expected, harness.query(sql, List.of(mutable.snapshot())), "mutable");
  }

  /// A consuming segment next to a committed one on the same server: results are merged across segments.
  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void mutableNextToImmutableAnswersLikeImmutableSegments(String sql) {
    BrokerResponse expected = harness.query(sql, List.of(firstHalf, secondHalf));
    assertSameResult(sql, expected, harness.query(sql, List.of(firstHalf, mutableSecondHalf.snapshot())), "mixed");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"queries", "unsortedDictionaryQueriesStream"})
  void committedSegmentAnswersLikeTheImmutableSegment(String sql) {
    BrokerResponse expected = harness.query(sql, List.of(immutable));
    assertSameResult(sql, expected, harness.query(sql, List.of(committed)), "committed");
  }

  /// Range predicates, ORDER BY and DISTINCTCOUNT over a dictionary whose ids are not in value order.
  @ParameterizedTest(name = "{0}")
  @MethodSource("unsortedDictionaryQueriesStream")
  void unsortedDictionaryQueriesAnswerLikeTheImmutableSegment(String sql) {
    assertSameResult(sql, harness.query(sql, List.of(immutable)), harness.query(sql, List.of(mutable.snapshot())),
        "mutable");
    assertSameResult(sql, harness.query(sql, List.of(firstHalf, secondHalf)),
        harness.query(sql, List.of(firstHalf, mutableSecondHalf.snapshot())), "mixed");
  }
}
