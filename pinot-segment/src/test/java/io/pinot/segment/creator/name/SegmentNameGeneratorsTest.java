// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator.name;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.spi.config.table.IndexingConfig;
import io.pinot.spi.config.table.SegmentsConfig;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.config.table.TableType;
import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.Schema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentNameGeneratorsTest {
  private static final Schema SCHEMA = Schema.of("events", List.of(), List.of(),
      List.of(FieldSpec.dateTime("ts", DataType.LONG, "1:MILLISECONDS:EPOCH", "1:MILLISECONDS")));

  @Test
  void simpleJoinsTheNonNullParts() {
    SegmentNameGenerator generator = SegmentNameGenerators.create(null, null, "events", table("APPEND", null),
        SCHEMA);
    assertThat(generator).isInstanceOf(SimpleSegmentNameGenerator.class);
    assertThat(generator.generate(3, 100L, 200L)).isEqualTo("events_100_200_3");
    assertThat(generator.generate(0, null, null)).isEqualTo("events_0");
    assertThat(generator.generate(-1, null, null)).isEqualTo("events");
    assertThat(generator.generate(-1, "2024-01-01", "2024-01-02")).isEqualTo("events_2024-01-01_2024-01-02");
  }

  @Test
  void simpleHonoursPrefixPostfixAndExclusions() {
    Map<String, String> configs = Map.of("segment.name.prefix", "pre", "segment.name.postfix", "post",
        "exclude.sequence.id", "true");
    SegmentNameGenerator generator = SegmentNameGenerators.create("SIMPLE", configs, "events",
        table("APPEND", null), SCHEMA);
    assertThat(generator.generate(3, 1L, 2L)).isEqualTo("pre_1_2_post");
    SegmentNameGenerator omitTimes = SegmentNameGenerators.create("simple",
        Map.of("omit.timestamps.in.segment.name", "true"), "events", table("APPEND", null), SCHEMA);
    assertThat(omitTimes.generate(4, 1L, 2L)).isEqualTo("events_4");
    SegmentNameGenerator uuid = SegmentNameGenerators.create("simple", Map.of("append.uuid.to.segment.name", "true"),
        "events", table("APPEND", null), SCHEMA);
    assertThat(uuid.generate(0, null, null)).matches("events_0_[0-9a-f-]{36}");
  }

  @Test
  void simpleRejectsForbiddenCharacters() {
    SegmentNameGenerator generator = new SimpleSegmentNameGenerator("events");
    assertThatThrownBy(() -> generator.generate(0, "2024-01-01T00:00:00", "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2024-01-01T00:00:00");
    assertThatThrownBy(() -> new SimpleSegmentNameGenerator("a/b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FixedSegmentNameGenerator("..")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void normalizedDateRendersDaysOrHoursForAppendTables() {
    SegmentNameGenerator daily = SegmentNameGenerators.create("normalizedDate", Map.of(), "events",
        table("APPEND", null), SCHEMA);
    assertThat(daily.generate(1, 1704067200000L, 1704153600000L + 3_600_000L))
        .isEqualTo("events_2024-01-01_2024-01-02_1");
    SegmentNameGenerator hourly = SegmentNameGenerators.create("normalizeddate", Map.of("segment.name.postfix", "p"),
        "events", table("APPEND", "HOURLY"), SCHEMA);
    assertThat(hourly.generate(-1, 1704067200000L, 1704070800000L)).isEqualTo("events_2024-01-01-00_2024-01-01-01_p");
    assertThatThrownBy(() -> daily.generate(0, null, null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void normalizedDateOmitsDatesForRefreshTablesAndReadsBatchIngestionConfig() {
    SegmentNameGenerator refresh = SegmentNameGenerators.create("normalizedDate", Map.of("exclude.sequence.id",
        "true"), "events", table("REFRESH", null), SCHEMA);
    assertThat(refresh.generate(5, 1L, 2L)).isEqualTo("events");
    TableConfig batch = new TableConfig("events", TableType.OFFLINE, segments("REFRESH", null), null,
        IndexingConfig.empty(), Map.of("ingestionConfig", Map.of("batchIngestionConfig",
            Map.of("segmentIngestionType", "APPEND", "segmentIngestionFrequency", "HOURLY"))));
    SegmentNameGenerator append = SegmentNameGenerators.create("normalizedDate", Map.of(), "events", batch, SCHEMA);
    assertThat(append.generate(0, 0L, 0L)).isEqualTo("events_1970-01-01-00_1970-01-01-00_0");
  }

  @Test
  void fixedAndUnsupportedTypes() {
    SegmentNameGenerator fixed = SegmentNameGenerators.create("fixed", Map.of("segment.name", "my_segment"), "events",
        table("APPEND", null), SCHEMA);
    assertThat(fixed.generate(9, 1L, 2L)).isEqualTo("my_segment");
    assertThatThrownBy(() -> SegmentNameGenerators.create("fixed", Map.of(), "events", table("APPEND", null), SCHEMA))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("segment.name");
    assertThatThrownBy(() -> SegmentNameGenerators.create("inputFile", Map.of(), "events", table("APPEND", null),
        SCHEMA)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not supported yet");
    assertThatThrownBy(() -> SegmentNameGenerators.create("bogus", Map.of(), "events", table("APPEND", null),
        SCHEMA)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void normalizedDateForAppendNeedsATimeColumn() {
    TableConfig noTime = new TableConfig("events", TableType.OFFLINE, new SegmentsConfig(null, null, null, null, null,
        null, null, "APPEND", Map.of()), null, IndexingConfig.empty(), Map.of());
    assertThatThrownBy(() -> SegmentNameGenerators.create("normalizedDate", Map.of(), "events", noTime, SCHEMA))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeColumnName");
  }

  private static TableConfig table(String pushType, String frequency) {
    return new TableConfig("events", TableType.OFFLINE, segments(pushType, frequency), null, IndexingConfig.empty(),
        Map.of());
  }

  private static SegmentsConfig segments(String pushType, String frequency) {
    return new SegmentsConfig("events", "ts", "MILLISECONDS", "1", null, null, null, pushType,
        frequency == null ? Map.of() : Map.of("segmentPushFrequency", frequency));
  }
}
