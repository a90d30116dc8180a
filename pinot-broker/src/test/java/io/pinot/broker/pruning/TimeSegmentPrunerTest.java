// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.pruning;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.broker.routing.TableRoute;
import io.pinot.common.utils.JsonUtils;
import io.pinot.query.context.FilterNode;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.Predicate;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TimeSegmentPrunerTest {
  private static final Identifier DAYS = new Identifier("daysSinceEpoch");
  private static final Identifier CITY = new Identifier("city");
  private static final long DAY = TimeUnit.DAYS.toMillis(1);

  /// Segments d10_19 (days 10..19), d20_29, d30_39, one without a recorded range, and one outside the metadata.
  private static TableRoute route(String format) {
    Schema schema = JsonUtils.fromJson("{\"schemaName\": \"t\", \"dimensionFieldSpecs\": [{\"name\": \"city\", "
        + "\"dataType\": \"STRING\"}], \"dateTimeFieldSpecs\": [{\"name\": \"daysSinceEpoch\", \"dataType\": "
        + "\"" + (format.contains("SIMPLE") ? "STRING" : "INT") + "\", \"format\": \"" + format
        + "\", \"granularity\": \"1:DAYS\"}]}", Schema.class);
    TableConfig config = JsonUtils.fromJson("{\"tableName\": \"t\", \"tableType\": \"OFFLINE\", \"segmentsConfig\": "
        + "{\"timeColumnName\": \"daysSinceEpoch\", \"replication\": \"1\"}}", TableConfig.class);
    Map<String, List<String>> segments = Map.of("d10_19", List.of("S1"), "d20_29", List.of("S1"),
        "d30_39", List.of("S1"), "unknown", List.of("S1"));
    Map<String, TimeInterval> times = Map.of("d10_19", days(10, 19), "d20_29", days(20, 29), "d30_39", days(30, 39),
        "notRouted", days(0, 100));
    return new TableRoute("t_OFFLINE", segments, config, schema, Map.of(), times);
  }

  private static TimeInterval days(long first, long last) {
    return new TimeInterval(first * DAY, last * DAY);
  }

  private static BigDecimal number(long value) {
    return BigDecimal.valueOf(value);
  }

  private static java.util.Set<String> pruned(FilterNode filter) {
    return TimeSegmentPruner.pruned(route("1:DAYS:EPOCH"), filter);
  }

  @Test
  void rangesPruneSegmentsOutsideThemAtExactBoundaries() {
    assertThat(pruned(new Predicate.Range(DAYS, number(19), false, null, false)))
        .containsExactly("d10_19");
    assertThat(pruned(new Predicate.Range(DAYS, number(19), true, null, false))).isEmpty();
    assertThat(pruned(new Predicate.Range(DAYS, null, false, number(20), false)))
        .containsExactlyInAnyOrder("d20_29", "d30_39");
    assertThat(pruned(new Predicate.Range(DAYS, number(20), true, number(29), true)))
        .containsExactlyInAnyOrder("d10_19", "d30_39");
    assertThat(pruned(new Predicate.Range(DAYS, number(100), true, null, false)))
        .as("a segment without a recorded range is never pruned").doesNotContain("unknown")
        .containsExactlyInAnyOrder("d10_19", "d20_29", "d30_39");
  }

  @Test
  void equalityAndInKeepOnlyTheSegmentsHoldingTheValues() {
    assertThat(pruned(new Predicate.Eq(DAYS, number(25)))).containsExactlyInAnyOrder("d10_19", "d30_39");
    assertThat(pruned(new Predicate.In(DAYS, List.of(number(35), number(10)))))
        .containsExactly("d20_29");
    assertThat(pruned(new Predicate.Eq(DAYS, "25"))).as("string literal of an epoch column")
        .containsExactlyInAnyOrder("d10_19", "d30_39");
  }

  @Test
  void andOrNotCombineTimeRanges() {
    FilterNode after15 = new Predicate.Range(DAYS, number(15), true, null, false);
    FilterNode before22 = new Predicate.Range(DAYS, null, false, number(22), false);
    FilterNode city = new Predicate.Eq(CITY, "paris");
    assertThat(pruned(new FilterNode.And(List.of(after15, before22, city)))).containsExactly("d30_39");
    assertThat(pruned(new FilterNode.Or(List.of(new Predicate.Eq(DAYS, number(12)),
        new Predicate.Eq(DAYS, number(33)))))).containsExactly("d20_29");
    assertThat(pruned(new FilterNode.Or(List.of(new Predicate.Eq(DAYS, number(12)), city))))
        .as("OR with a predicate on another column").isEmpty();
    assertThat(pruned(new FilterNode.Not(new Predicate.Range(DAYS, null, false, number(30), false))))
        .containsExactlyInAnyOrder("d10_19", "d20_29");
    assertThat(pruned(new FilterNode.And(List.of(new Predicate.Range(DAYS, null, false, number(5), false),
        new Predicate.Range(DAYS, number(10), false, null, false)))))
        .as("an empty time range prunes every segment")
        .containsExactlyInAnyOrder("d10_19", "d20_29", "d30_39", "unknown");
  }

  @Test
  void unconvertibleValuesAndOtherPredicatesNeverPrune() {
    assertThat(pruned(new Predicate.Eq(DAYS, new BigDecimal("25.5")))).isEmpty();
    assertThat(pruned(new Predicate.Eq(DAYS, "yesterday"))).isEmpty();
    assertThat(pruned(new Predicate.NotEq(DAYS, number(25)))).isEmpty();
    assertThat(pruned(new Predicate.NotIn(DAYS, List.of(number(25))))).isEmpty();
    assertThat(pruned(new Predicate.Eq(CITY, "paris"))).isEmpty();
    assertThat(TimeSegmentPruner.pruned(route("1:DAYS:EPOCH"), null)).isEmpty();
  }

  @Test
  void simpleDateFormatValuesAreConvertedWithTheColumnFormat() {
    TableRoute route = route("1:DAYS:SIMPLE_DATE_FORMAT:yyyy-MM-dd");
    assertThat(TimeSegmentPruner.pruned(route, new Predicate.Range(DAYS, "1970-01-31", true, null, false)))
        .containsExactlyInAnyOrder("d10_19", "d20_29");
    assertThat(TimeSegmentPruner.pruned(route, new Predicate.Eq(DAYS, "not a date"))).isEmpty();
  }

  @Test
  void segmentRangesComeFromZooKeeperFieldsInTheirUnit() {
    assertThat(TimeSegmentPruner.segmentInterval(Map.of("segment.start.time", "10", "segment.end.time", "19",
        "segment.time.unit", "DAYS"))).isEqualTo(days(10, 19));
    assertThat(TimeSegmentPruner.segmentInterval(Map.of("segment.start.time", "1000", "segment.end.time", "2000",
        "segment.time.unit", "MILLISECONDS"))).isEqualTo(new TimeInterval(1000, 2000));
    assertThat(TimeSegmentPruner.segmentInterval(Map.of("segment.start.time", "3", "segment.end.time", "4")))
        .as("Pinot's default unit").isEqualTo(days(3, 4));
    assertThat(TimeSegmentPruner.segmentInterval(Map.of("segment.start.time", "-1", "segment.end.time", "4")))
        .isNull();
    assertThat(TimeSegmentPruner.segmentInterval(Map.of("segment.start.time", "5", "segment.end.time", "4")))
        .isNull();
    assertThat(TimeSegmentPruner.segmentInterval(Map.of())).isNull();
  }

  @Test
  void intervalAlgebraKeepsListsSortedAndDisjoint() {
    List<TimeInterval> a = List.of(new TimeInterval(1, 3), new TimeInterval(7, 9));
    List<TimeInterval> b = List.of(new TimeInterval(2, 8));
    assertThat(TimeIntervals.intersection(a, b)).containsExactly(new TimeInterval(2, 3), new TimeInterval(7, 8));
    assertThat(TimeIntervals.union(a, b)).containsExactly(new TimeInterval(1, 9));
    assertThat(TimeIntervals.complement(a)).containsExactly(new TimeInterval(Long.MIN_VALUE, 0),
        new TimeInterval(4, 6), new TimeInterval(10, Long.MAX_VALUE));
    assertThat(TimeIntervals.complement(List.of(TimeInterval.ALL))).isEmpty();
    assertThat(TimeIntervals.complement(List.of())).containsExactly(TimeInterval.ALL);
    assertThat(TimeIntervals.normalize(List.of(new TimeInterval(5, 5), new TimeInterval(4, 4))))
        .containsExactly(new TimeInterval(4, 5));
  }
}
