// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaseballStatsGeneratorTest {
  @TempDir
  Path dir;

  @Test
  void isDeterministicAndHasTheRequestedRows() throws IOException {
    Path first = dir.resolve("a.csv");
    Path second = dir.resolve("b.csv");
    BaseballStatsGenerator.writeCsv(first, 5_000, 42);
    BaseballStatsGenerator.writeCsv(second, 5_000, 42);

    assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
    assertThat(Files.readAllLines(first)).hasSize(5_001);
    BaseballStatsGenerator.writeCsv(second, 5_000, 43);
    assertThat(Files.readAllBytes(first)).isNotEqualTo(Files.readAllBytes(second));
  }

  @Test
  void headerIsTheSchemaAndRowsArePlausible() throws IOException {
    Path csv = dir.resolve("data.csv");
    BaseballStatsGenerator.writeCsv(csv, 20_000, BaseballStatsGenerator.DEFAULT_SEED);
    List<String> lines = Files.readAllLines(csv);
    Schema schema = JsonUtils.fromJson(BaseballStatsTable.schemaJson(), Schema.class);

    List<String> header = Arrays.asList(lines.get(0).split(","));
    assertThat(header).containsExactlyInAnyOrderElementsOf(schema.columnNames()).hasSize(25);
    int year = header.indexOf("yearID");
    int hits = header.indexOf("hits");
    int atBats = header.indexOf("AtBatting");
    int recent = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(",", -1);
      assertThat(fields).hasSize(25);
      int yearId = Integer.parseInt(fields[year]);
      assertThat(yearId).isBetween(1871, 2013);
      assertThat(Integer.parseInt(fields[hits])).isBetween(0, Integer.parseInt(fields[atBats]));
      recent += yearId > 2010 ? 1 : 0;
    }
    assertThat(recent).as("rows after 2010, for the quickstart's sample query").isGreaterThan(100);
  }

  @Test
  void schemaAndTableConfigAreValid() {
    Schema schema = JsonUtils.fromJson(BaseballStatsTable.schemaJson(), Schema.class);
    assertThat(schema.schemaName()).isEqualTo("baseballStats");
    assertThat(schema.dimensionFieldSpecs()).hasSize(5);
    assertThat(schema.metricFieldSpecs()).hasSize(20);
    assertThat(schema.hasColumn("G_old")).isTrue();

    TableConfig table = JsonUtils.fromJson(BaseballStatsTable.tableConfigJson(), TableConfig.class);
    assertThat(table.tableName()).isEqualTo("baseballStats_OFFLINE");
    assertThat(table.schemaName()).isEqualTo("baseballStats");
  }
}
