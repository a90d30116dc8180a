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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientSalaryNullsGeneratorTest {
  @TempDir
  Path dir;

  @Test
  void isDeterministicAndHasTheRequestedRows() throws IOException {
    Path first = dir.resolve("a.csv");
    Path second = dir.resolve("b.csv");
    ClientSalaryNullsGenerator.writeCsv(first, 1_000, 42);
    ClientSalaryNullsGenerator.writeCsv(second, 1_000, 42);

    assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
    assertThat(Files.readAllLines(first)).hasSize(1_001);
    ClientSalaryNullsGenerator.writeCsv(second, 1_000, 43);
    assertThat(Files.readAllBytes(first)).isNotEqualTo(Files.readAllBytes(second));
  }

  @Test
  void nullableColumnsHaveNullsAndTheOthersNever() throws IOException {
    Path csv = dir.resolve("data.csv");
    int rows = ClientSalaryNullsGenerator.DEFAULT_ROWS;
    ClientSalaryNullsGenerator.writeCsv(csv, rows, ClientSalaryNullsGenerator.DEFAULT_SEED);
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo(ClientSalaryNullsGenerator.HEADER);

    int nullDescriptions = 0;
    int nullSalaries = 0;
    int bothNull = 0;
    Set<String> descriptions = new HashSet<>();
    Set<Integer> clientIds = new HashSet<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(",", -1);
      assertThat(fields).as(line).hasSize(5);
      assertThat(clientIds.add(Integer.parseInt(fields[0]))).as("unique clientId").isTrue();
      assertThat(fields[1]).as("city is notNull").isNotEmpty();
      assertThat(Integer.parseInt(fields[4])).as("DaysSinceEpoch").isBetween(19_000, 19_729);
      nullDescriptions += fields[2].isEmpty() ? 1 : 0;
      nullSalaries += fields[3].isEmpty() ? 1 : 0;
      bothNull += fields[2].isEmpty() && fields[3].isEmpty() ? 1 : 0;
      if (!fields[2].isEmpty()) {
        descriptions.add(fields[2]);
      }
      if (!fields[3].isEmpty()) {
        assertThat(Integer.parseInt(fields[3])).isBetween(35_000, 155_000);
      }
    }
    assertThat(nullDescriptions).as("null descriptions").isBetween(rows * 20 / 100, rows * 30 / 100);
    assertThat(nullSalaries).as("null salaries").isBetween(rows * 10 / 100, rows * 20 / 100);
    assertThat(bothNull).as("rows with both nulls").isPositive();
    assertThat(descriptions).as("few enough for a readable GROUP BY").hasSize(5);
  }

  @Test
  void schemaEnablesColumnBasedNullHandlingAndTableConfigIsValid() {
    Schema schema = JsonUtils.fromJson(ClientSalaryNullsTable.schemaJson(), Schema.class);
    assertThat(schema.schemaName()).isEqualTo("clientSalaryNulls");
    assertThat(schema.enableColumnBasedNullHandling()).isTrue();
    assertThat(schema.columnNames()).containsExactlyInAnyOrderElementsOf(
        Arrays.asList(ClientSalaryNullsGenerator.HEADER.split(",")));
    assertThat(schema.fieldSpec("clientId").nonNullable()).isTrue();
    assertThat(schema.fieldSpec("city").nonNullable()).isTrue();
    assertThat(schema.fieldSpec("description").nonNullable()).isFalse();
    assertThat(schema.fieldSpec("salary").nonNullable()).isFalse();

    TableConfig table = JsonUtils.fromJson(ClientSalaryNullsTable.tableConfigJson(), TableConfig.class);
    assertThat(table.tableName()).isEqualTo("clientSalaryNulls_OFFLINE");
    assertThat(table.schemaName()).isEqualTo("clientSalaryNulls");
    assertThat(ClientSalaryNullsTable.sampleTable().sampleQueries()).isNotEmpty()
        .allSatisfy(query -> assertThat(query.sql()).contains("FROM clientSalaryNulls"));
  }
}
