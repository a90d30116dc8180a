// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobSpecTemplatesTest {
  @TempDir
  Path tempDir;

  @Test
  void replacesVariables() {
    String rendered = JobSpecTemplates.render("inputDirURI: '/data/${year}/${month}/${day}'\nx: ${year}",
        Map.of("year", "2014", "month", "01", "day", "03"));

    assertThat(rendered).isEqualTo("inputDirURI: '/data/2014/01/03'\nx: 2014");
  }

  @Test
  void namesEveryMissingVariable() {
    assertThatThrownBy(() -> JobSpecTemplates.render("${b} ${a} ${b} ${known}", Map.of("known", "1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The job spec uses ${a}, ${b} but no value was given: pass -values a=... b=... or a "
            + "-propertyFile");
  }

  @Test
  void doubleDollarEscapesAndTextWithoutVariablesIsUnchanged() {
    assertThat(JobSpecTemplates.render("a: $${literal} $5 {x}", Map.of())).isEqualTo("a: ${literal} $5 {x}");
    assertThat(JobSpecTemplates.render("cost: $\\{1}", Map.of())).isEqualTo("cost: $\\{1}");
  }

  @Test
  void valuesOverridePropertyFileWhichOverridesEnvironment() throws IOException {
    Path properties = tempDir.resolve("job.properties");
    Files.writeString(properties, "year=2013\nmonth=12\n");

    Map<String, String> context = JobSpecTemplates.context(List.of("year=2014", "url=http://h:9000/?a=b"),
        properties, Map.of("year", "2000", "day", "07", "month", "06"));

    assertThat(context).containsEntry("year", "2014").containsEntry("month", "12").containsEntry("day", "07")
        .containsEntry("url", "http://h:9000/?a=b");
  }

  @Test
  void rejectsValuesWithoutEquals() {
    assertThatThrownBy(() -> JobSpecTemplates.parseValues(List.of("year")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid -values entry 'year': use name=value");
  }
}
