// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.tools.ingestion.IngestionPlugins;
import io.pinot.tools.ingestion.JobSpecLoader;
import io.pinot.tools.ingestion.spec.JobType;
import io.pinot.tools.ingestion.spec.SegmentGenerationJobSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SampleTableLoaderTest {
  @Test
  void writesAStandardJobSpec() {
    SampleTableLoader loader = new SampleTableLoader(BaseballStatsTable.sampleTable(), "http://localhost:9000",
        "http://localhost:8099", new PrintWriter(new StringWriter()));

    SegmentGenerationJobSpec spec = JobSpecLoader.parse(loader.jobSpecYaml(Path.of("/qs/it's/rawdata"),
        Path.of("/qs/segments")));

    assertThat(spec.jobType()).isEqualTo("SegmentCreationAndTarPush");
    assertThat(spec.inputDirURI()).isEqualTo("/qs/it's/rawdata");
    assertThat(spec.outputDirURI()).isEqualTo("/qs/segments");
    assertThat(spec.tableSpec().schemaURI()).isEqualTo("http://localhost:9000/tables/baseballStats/schema");
    assertThat(spec.pinotClusterSpecs().get(0).controllerURI()).isEqualTo("http://localhost:9000");
    IngestionPlugins.checkRunners(spec.executionFrameworkSpec(), JobType.fromName(spec.jobType()));
    assertThat(spec.tableSpec().tableName()).isEqualTo("baseballStats");
    assertThat(BaseballStatsTable.sampleTable().sampleQueries())
        .contains(SampleTable.SampleQuery.of("select count(*) from baseballStats limit 10"));
  }

  @Test
  void theJobSpecNamesTheTable() {
    SampleTableLoader loader = new SampleTableLoader(ClientSalaryNullsTable.sampleTable(), "http://localhost:9000",
        "http://localhost:8099", new PrintWriter(new StringWriter()));

    SegmentGenerationJobSpec spec = JobSpecLoader.parse(loader.jobSpecYaml(Path.of("/qs/rawdata"),
        Path.of("/qs/segments")));

    assertThat(spec.tableSpec().tableName()).isEqualTo("clientSalaryNulls");
    assertThat(spec.tableSpec().schemaURI()).isEqualTo("http://localhost:9000/tables/clientSalaryNulls/schema");
    assertThat(spec.tableSpec().tableConfigURI()).isEqualTo("http://localhost:9000/tables/clientSalaryNulls");
  }
}
