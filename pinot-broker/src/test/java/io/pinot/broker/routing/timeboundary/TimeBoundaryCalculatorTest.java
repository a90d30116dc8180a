// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.routing.timeboundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.utils.JsonUtils;
import io.pinot.query.TimeBoundaryFilter;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TimeBoundaryCalculatorTest {
  private static final long DAY = TimeUnit.DAYS.toMillis(1);
  private static final long HOUR = TimeUnit.HOURS.toMillis(1);

  private static Schema schema(String dataType, String format) {
    return JsonUtils.fromJson("{\"schemaName\": \"t\", \"dimensionFieldSpecs\": [{\"name\": \"city\", "
        + "\"dataType\": \"STRING\"}], \"dateTimeFieldSpecs\": [{\"name\": \"ts\", \"dataType\": \"" + dataType
        + "\", \"format\": \"" + format + "\", \"granularity\": \"1:MILLISECONDS\"}]}", Schema.class);
  }

  private static TableConfig config(String extraSegmentsConfig, String extraTopLevel) {
    return JsonUtils.fromJson("{\"tableName\": \"t\", \"tableType\": \"OFFLINE\", \"segmentsConfig\": "
        + "{\"timeColumnName\": \"ts\", \"replication\": \"1\"" + extraSegmentsConfig + "}" + extraTopLevel + "}",
        TableConfig.class);
  }

  private static String value(TableConfig config, Schema schema, long maxEndTimeMs) {
    TimeBoundaryFilter boundary = TimeBoundaryCalculator.compute(config, schema, maxEndTimeMs, -1);
    assertThat(boundary).isNotNull();
    assertThat(boundary.timeColumn()).isEqualTo("ts");
    return boundary.timeValue();
  }

  @Test
  void dailyTablesSubtractOneDayInTheColumnsUnit() {
    long maxEnd = 100 * DAY + 5 * HOUR;
    assertThat(value(config("", ""), schema("LONG", "1:MILLISECONDS:EPOCH"), maxEnd))
        .isEqualTo(Long.toString(maxEnd - DAY));
    assertThat(value(config("", ""), schema("LONG", "1:SECONDS:EPOCH"), maxEnd))
        .isEqualTo(Long.toString((maxEnd - DAY) / 1000));
    // An EPOCH count rounds down to the unit and size, as Pinot's fromMillisToFormat.
    assertThat(value(config("", ""), schema("INT", "1:DAYS:EPOCH"), maxEnd)).isEqualTo("99");
    assertThat(value(config("", ""), schema("INT", "EPOCH|HOURS|5"), maxEnd))
        .isEqualTo(Long.toString((99 * 24 + 5) / 5));
    assertThat(value(config("", ""), schema("STRING", "1:DAYS:SIMPLE_DATE_FORMAT:yyyyMMdd"), maxEnd))
        .isEqualTo("19700410");
    assertThat(value(config("", ""), schema("TIMESTAMP", "1:MILLISECONDS:TIMESTAMP"), maxEnd + 120))
        .isEqualTo("1970-04-10 05:00:00.12");
    assertThat(value(config("", ""), schema("TIMESTAMP", "TIMESTAMP"), maxEnd)).isEqualTo("1970-04-10 05:00:00.0");
  }

  @Test
  void hourlyTablesSubtractOneHourUnlessTheirUnitIsDays() {
    long maxEnd = 100 * DAY + 5 * HOUR;
    String hourly = ", \"segmentPushFrequency\": \"HOURLY\"";
    assertThat(value(config(hourly, ""), schema("LONG", "1:MILLISECONDS:EPOCH"), maxEnd))
        .isEqualTo(Long.toString(maxEnd - HOUR));
    assertThat(value(config(", \"segmentPushFrequency\": \"hourly\"", ""), schema("LONG", "1:HOURS:EPOCH"), maxEnd))
        .isEqualTo(Long.toString(100 * 24 + 4));
    assertThat(value(config(hourly, ""), schema("INT", "1:DAYS:EPOCH"), maxEnd)).isEqualTo("99");
    assertThat(value(config(hourly, ""), schema("STRING", "1:DAYS:SIMPLE_DATE_FORMAT:yyyyMMdd"), maxEnd))
        .isEqualTo("19700410");
    assertThat(value(config(", \"segmentPushFrequency\": \"DAILY\"", ""), schema("LONG", "1:MILLISECONDS:EPOCH"),
        maxEnd)).isEqualTo(Long.toString(maxEnd - DAY));
    // The batch ingestion config's frequency comes first.
    String batch = ", \"ingestionConfig\": {\"batchIngestionConfig\": {\"segmentIngestionFrequency\": \"HOURLY\"}}";
    assertThat(value(config(", \"segmentPushFrequency\": \"DAILY\"", batch), schema("LONG", "1:MILLISECONDS:EPOCH"),
        maxEnd)).isEqualTo(Long.toString(maxEnd - HOUR));
  }

  @Test
  void anExplicitlySetBoundaryWins() {
    TimeBoundaryFilter boundary = TimeBoundaryCalculator.compute(config("", ""), schema("LONG", "1:SECONDS:EPOCH"),
        100 * DAY, 7_000);
    assertThat(boundary).isEqualTo(new TimeBoundaryFilter("ts", "7"));
    assertThat(TimeBoundaryCalculator.explicitBoundaryMs("7000")).isEqualTo(7000);
    assertThat(TimeBoundaryCalculator.explicitBoundaryMs(null)).isEqualTo(-1);
    assertThat(TimeBoundaryCalculator.explicitBoundaryMs("soon")).isEqualTo(-1);
  }

  @Test
  void noBoundaryWithoutAValidEndTimeOrTimeColumn() {
    Schema schema = schema("LONG", "1:MILLISECONDS:EPOCH");
    assertThat(TimeBoundaryCalculator.compute(config("", ""), schema, -1, -1)).isNull();
    // A boundary that would fall before the epoch is no boundary either.
    assertThat(TimeBoundaryCalculator.compute(config("", ""), schema, DAY, -1)).isNull();
    assertThat(TimeBoundaryCalculator.compute(config("", ""), null, 10 * DAY, -1)).isNull();
    TableConfig noTime = JsonUtils.fromJson("{\"tableName\": \"t\", \"tableType\": \"OFFLINE\"}", TableConfig.class);
    assertThat(TimeBoundaryCalculator.compute(noTime, schema, 10 * DAY, -1)).isNull();
    TableConfig otherColumn = JsonUtils.fromJson("{\"tableName\": \"t\", \"tableType\": \"OFFLINE\", "
        + "\"segmentsConfig\": {\"timeColumnName\": \"missing\"}}", TableConfig.class);
    assertThat(TimeBoundaryCalculator.compute(otherColumn, schema, 10 * DAY, -1)).isNull();
  }

  @Test
  void segmentEndTimesComeFromZooKeeperMetadata() {
    assertThat(TimeBoundaryCalculator.endTimeMs(Map.of("segment.end.time", "20", "segment.time.unit", "SECONDS",
        "segment.total.docs", "5"))).isEqualTo(20_000);
    assertThat(TimeBoundaryCalculator.endTimeMs(Map.of("segment.end.time", "3"))).isEqualTo(3 * DAY);
    // Empty segments, non-positive or unreadable end times do not count.
    assertThat(TimeBoundaryCalculator.endTimeMs(Map.of("segment.end.time", "20", "segment.time.unit", "SECONDS",
        "segment.total.docs", "0"))).isEqualTo(-1);
    assertThat(TimeBoundaryCalculator.endTimeMs(Map.of("segment.end.time", "-1"))).isEqualTo(-1);
    assertThat(TimeBoundaryCalculator.endTimeMs(Map.of())).isEqualTo(-1);
    assertThat(TimeBoundaryCalculator.endTimeMs(Map.of("segment.end.time", "5", "segment.time.unit", "EONS")))
        .isEqualTo(-1);
  }

  @Test
  void onlySegmentsServedByAReplicaCount() {
    Map<String, List<String>> segments = Map.of("old", List.of("S1"), "new", List.of(), "empty", List.of("S1"));
    Map<String, Long> endTimes = Map.of("old", 10L, "new", 50L, "empty", -1L, "unrouted", 90L);
    assertThat(TimeBoundaryCalculator.maxEndTimeMs(segments, endTimes)).isEqualTo(10);
    assertThat(TimeBoundaryCalculator.maxEndTimeMs(Map.of("new", List.of()), endTimes)).isEqualTo(-1);
  }
}
