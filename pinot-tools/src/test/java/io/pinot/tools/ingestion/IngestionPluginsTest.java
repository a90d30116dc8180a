// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.spi.filesystem.LocalPinotFS;
import io.pinot.tools.ingestion.spec.ExecutionFrameworkSpec;
import io.pinot.tools.ingestion.spec.JobType;
import io.pinot.tools.ingestion.spec.PinotFSSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestionPluginsTest {
  private static final String STANDALONE = "org.apache.pinot.plugin.ingestion.batch.standalone.";

  @Test
  void acceptsPinotsStandaloneRunnersAndOurs() {
    ExecutionFrameworkSpec framework = new ExecutionFrameworkSpec("Standalone",
        STANDALONE + "SegmentGenerationJobRunner", STANDALONE + "SegmentTarPushJobRunner",
        "io.pinot.tools.ingestion.StandaloneIngestionJob", STANDALONE + "SegmentMetadataPushJobRunner", Map.of());

    for (JobType type : JobType.values()) {
      IngestionPlugins.checkRunners(framework, type);
    }
    IngestionPlugins.checkRunners(new ExecutionFrameworkSpec(null, null, null, null, null, null),
        JobType.SEGMENT_CREATION_AND_TAR_PUSH);
  }

  @Test
  void rejectsSparkAndUnknownRunnersNamingTheSupportedOnes() {
    assertThatThrownBy(() -> IngestionPlugins.checkRunners(new ExecutionFrameworkSpec("spark", null, null, null,
        null, null), JobType.SEGMENT_CREATION))
        .hasMessage("executionFrameworkSpec.name 'spark' is not supported: only 'standalone' runs here (Spark and "
            + "Hadoop runners are not available)");
    assertThatThrownBy(() -> IngestionPlugins.checkRunners(new ExecutionFrameworkSpec("standalone",
        "org.apache.pinot.plugin.ingestion.batch.hadoop.HadoopSegmentGenerationJobRunner", null, null, null, null),
        JobType.SEGMENT_CREATION))
        .hasMessageContaining("(Spark and Hadoop runners are not available; use the standalone runner)")
        .hasMessageEndingWith("use " + STANDALONE + "SegmentGenerationJobRunner or "
            + "io.pinot.tools.ingestion.StandaloneIngestionJob");
    assertThatThrownBy(() -> IngestionPlugins.checkRunners(new ExecutionFrameworkSpec(null, null,
        "com.example.MyPush", null, null, null), JobType.SEGMENT_TAR_PUSH))
        .hasMessageStartingWith("executionFrameworkSpec.segmentTarPushJobRunnerClassName 'com.example.MyPush' is "
            + "not supported");
  }

  @Test
  void mapsLocalFileSystemsAndRejectsOthers() {
    List<PinotFSSpec> pinotSpec = List.of(new PinotFSSpec("file", "org.apache.pinot.spi.filesystem.LocalPinotFS",
        null));
    assertThat(IngestionPlugins.fileSystem("file", pinotSpec)).isInstanceOf(LocalPinotFS.class);
    assertThat(IngestionPlugins.fileSystem(null, List.of())).isInstanceOf(LocalPinotFS.class);
    assertThatThrownBy(() -> IngestionPlugins.fileSystem("file", List.of(new PinotFSSpec("s3",
        "org.apache.pinot.plugin.filesystem.S3PinotFS", Map.of("region", "us-east-1")))))
        .hasMessageStartingWith("pinotFSSpecs: class 'org.apache.pinot.plugin.filesystem.S3PinotFS' for scheme "
            + "'s3' is not supported: use org.apache.pinot.spi.filesystem.LocalPinotFS or "
            + "io.pinot.spi.filesystem.LocalPinotFS");
    assertThatThrownBy(() -> IngestionPlugins.localPath("inputDirURI", "s3://bucket/data", List.of()))
        .hasMessage("inputDirURI 's3://bucket/data': URI scheme 's3' is not supported by the standalone runner: "
            + "use local paths or file: URIs");
  }

  @Test
  void resolvesLocalPathsAndFileUris() {
    assertThat(IngestionPlugins.localPath("f", "/data/in", List.of())).isEqualTo(Path.of("/data/in"));
    assertThat(IngestionPlugins.localPath("f", "file:///data/in", List.of())).isEqualTo(Path.of("/data/in"));
    assertThat(IngestionPlugins.localPath("f", "file:/data/in", List.of())).isEqualTo(Path.of("/data/in"));
    assertThat(IngestionPlugins.localPath("f", "file:///data/my dir", List.of())).isEqualTo(Path.of("/data/my dir"));
    assertThat(IngestionPlugins.localPath("f", "relative/dir", List.of()))
        .isEqualTo(Path.of("relative/dir").toAbsolutePath().normalize());
  }
}
