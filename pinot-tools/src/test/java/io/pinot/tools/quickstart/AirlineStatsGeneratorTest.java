// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.data.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AirlineStatsGeneratorTest {
  private static final long DAY = 86_400_000L;
  private static final int TODAY = 20_300;

  @TempDir
  Path dir;

  private final Schema schema = JsonUtils.fromJson(AirlineStatsTable.schemaJson(), Schema.class);

  @Test
  void historyIsDeterministicValidAndCoversTheDays() throws IOException {
    Path first = dir.resolve("a.csv");
    Path second = dir.resolve("b.csv");
    AirlineStatsGenerator.writeCsv(first, TODAY - 3, TODAY - 1, 11);
    AirlineStatsGenerator.writeCsv(second, TODAY - 3, TODAY - 1, 11);
    assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
    AirlineStatsGenerator.writeCsv(second, TODAY - 3, TODAY - 1, 12);
    assertThat(Files.readAllBytes(first)).isNotEqualTo(Files.readAllBytes(second));

    List<String> lines = Files.readAllLines(first);
    assertThat(lines).hasSize(1 + 3 * AirlineStatsGenerator.FLIGHTS_PER_DAY);
    List<String> header = Arrays.asList(lines.get(0).split(","));
    assertThat(header).containsExactly(AirlineStatsGenerator.COLUMNS);
    assertThat(schema.columnNames()).containsExactlyInAnyOrder(AirlineStatsGenerator.COLUMNS);
    int dayColumn = header.indexOf("DaysSinceEpoch");
    int cancelled = 0;
    for (String line : lines.subList(1, lines.size())) {
      List<String> values = SampleRows.assertValidCsv(schema, header, line);
      assertThat(Integer.parseInt(values.get(dayColumn))).isBetween(TODAY - 3, TODAY - 1);
      assertThat(values.get(header.indexOf("Origin"))).isNotEqualTo(values.get(header.indexOf("Dest")));
      int depTime = Integer.parseInt(values.get(header.indexOf("CRSDepTime")));
      assertThat(depTime % 100).isLessThan(60);
      cancelled += Integer.parseInt(values.get(header.indexOf("Cancelled")));
    }
    assertThat(cancelled).isBetween(1, 3 * AirlineStatsGenerator.FLIGHTS_PER_DAY / 10);
  }

  @Test
  void streamReplaysYesterdaysHistoryThenFliesToday() throws IOException {
    Path csv = dir.resolve("yesterday.csv");
    AirlineStatsGenerator.writeCsv(csv, TODAY - 1, TODAY - 1, 5);
    List<String> history = Files.readAllLines(csv).subList(1, 1 + AirlineStatsGenerator.FLIGHTS_PER_DAY);
    long now = TODAY * DAY + 13 * 3_600_000L + 7 * 60_000L;
    EventGenerator generator = AirlineStatsGenerator.liveEvents(5, true);
    List<String> replayed = new ArrayList<>();
    for (int i = 0; i < AirlineStatsGenerator.FLIGHTS_PER_DAY; i++) {
      JsonNode row = SampleRows.assertValidJson(schema, generator.next(now + i).json());
      replayed.add(csvOf(row));
    }
    assertThat(replayed).isEqualTo(history.stream().map(line -> String.join(",", SampleRows.splitCsv(line)))
        .toList());
    for (int i = 0; i < 100; i++) {
      JsonNode row = SampleRows.assertValidJson(schema, generator.next(now + i).json());
      assertThat(row.get("DaysSinceEpoch").asInt()).isEqualTo(TODAY);
      assertThat(row.get("CRSDepTime").asInt()).isEqualTo(1307);
    }
  }

  @Test
  void restartedStreamDoesNotReplay() {
    JsonNode row = JsonUtils.parse(AirlineStatsGenerator.liveEvents(5, false).next(TODAY * DAY).json());
    assertThat(row.get("DaysSinceEpoch").asInt()).isEqualTo(TODAY);
  }

  private static String csvOf(JsonNode row) {
    List<String> values = new ArrayList<>();
    for (String column : AirlineStatsGenerator.COLUMNS) {
      values.add(row.get(column).asText());
    }
    return String.join(",", values);
  }
}
