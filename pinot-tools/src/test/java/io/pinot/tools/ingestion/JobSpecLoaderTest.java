// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pinot.tools.ingestion.spec.JobType;
import io.pinot.tools.ingestion.spec.SegmentGenerationJobSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobSpecLoaderTest {
  @TempDir
  Path tempDir;

  /// The shared benchmark's job spec template (`../shared/bench/pinot/`), loaded unchanged after its
  /// `@PLACEHOLDER@`s are filled in, as the benchmark does.
  @Test
  void loadsTheBenchmarkJobSpec() throws IOException {
    Path template = Path.of(System.getProperty("pinot.root", "."), "..", "shared", "bench", "pinot",
        "ingestion_job.yaml.tmpl");
    assumeTrue(Files.isRegularFile(template), "shared benchmark files are not beside the repository");
    String text = Files.readString(template).replace("@INPUT_DIR@", "/data/events")
        .replace("@OUTPUT_DIR@", "/data/segments").replace("@PARALLELISM@", "2").replace("@TABLE@", "events")
        .replace("@CONTROLLER@", "http://localhost:9000");
    Path spec = tempDir.resolve("job.yaml");
    Files.writeString(spec, text);

    SegmentGenerationJobSpec job = JobSpecLoader.load(spec, Map.of());

    assertThat(JobType.fromName(job.jobType())).isEqualTo(JobType.SEGMENT_CREATION_AND_TAR_PUSH);
    assertThat(job.executionFrameworkSpec().name()).isEqualTo("standalone");
    assertThat(job.inputDirURI()).isEqualTo("/data/events");
    assertThat(job.includeFileNamePattern()).isEqualTo("glob:**/*.csv");
    assertThat(job.outputDirURI()).isEqualTo("/data/segments");
    assertThat(job.overwriteOutput()).isTrue();
    assertThat(job.segmentCreationJobParallelism()).isEqualTo(2);
    assertThat(job.pinotFSSpecs()).hasSize(1);
    assertThat(job.pinotFSSpecs().get(0).scheme()).isEqualTo("file");
    assertThat(job.recordReaderSpec().dataFormat()).isEqualTo("csv");
    assertThat(job.recordReaderSpec().configs()).containsEntry("delimiter", ",").containsEntry("multiValueDelimiter",
        ";");
    assertThat(job.tableSpec().tableName()).isEqualTo("events");
    assertThat(job.tableSpec().schemaURI()).isEqualTo("http://localhost:9000/tables/events/schema");
    assertThat(job.tableSpec().tableConfigURI()).isEqualTo("http://localhost:9000/tables/events");
    assertThat(job.segmentNameGeneratorSpec().type()).isEqualTo("simple");
    assertThat(job.pinotClusterSpecs().get(0).controllerURI()).isEqualTo("http://localhost:9000");
    assertThat(job.pushJobSpec().pushParallelism()).isEqualTo(2);
    assertThat(job.pushJobSpec().pushAttempts()).isEqualTo(2);
    assertThat(job.pushJobSpec().pushRetryIntervalMillis()).isEqualTo(1000);
    IngestionPlugins.checkRunners(job.executionFrameworkSpec(), JobType.fromName(job.jobType()));
  }

  @Test
  void parsesEveryFieldOfAHandWrittenSpecAndIgnoresUnknownKeys() {
    SegmentGenerationJobSpec job = JobSpecLoader.parse("""
        executionFrameworkSpec:
          name: 'standalone'
          segmentGenerationJobRunnerClassName: io.pinot.tools.ingestion.StandaloneIngestionJob
          segmentUriPushJobRunnerClassName: org.apache.pinot.plugin.ingestion.batch.standalone.SegmentUriPushJobRunner
          extraConfigs:
            stagingDir: /tmp/staging
        jobType: segmentCreationAndUriPush
        inputDirURI: 'file:///data/in'
        searchRecursively: false
        includeFileNamePattern: 'glob:*.json'
        excludeFileNamePattern: 'glob:*.tmp'
        outputDirURI: /data/out
        cleanUpOutputDir: true
        failOnEmptySegment: true
        continueOnError: true
        recordReaderSpec:
          dataFormat: json
          className: org.apache.pinot.plugin.inputformat.json.JSONRecordReader
          configs:
            header: true
            skipHeader: 1
        tableSpec:
          tableName: transcript
          schemaURI: /specs/schema.json
          tableConfigURI: /specs/table.json
        segmentNameGeneratorSpec:
          type: normalizedDate
          configs:
            segment.name.prefix: transcript_batch
            exclude.sequence.id: true
        pinotClusterSpecs:
          - controllerURI: http://a:9000
          - controllerURI: http://b:9000
        pushJobSpec:
          pushAttempts: 3
          pushParallelism: 4
          pushRetryIntervalMillis: 250
          segmentUriPrefix: 'http://files:8080'
          segmentUriSuffix: '?v=1'
          pushFileNamePattern: 'glob:**/*.tar.gz'
        authToken: Basic YWRtaW46dmVyeXNlY3JldA
        tlsSpec:
          keyStoreType: jks
        createMetadataTarGz: true
        """);

    assertThat(JobType.fromName(job.jobType())).isEqualTo(JobType.SEGMENT_CREATION_AND_URI_PUSH);
    assertThat(job.executionFrameworkSpec().extraConfigs()).containsEntry("stagingDir", "/tmp/staging");
    assertThat(job.isSearchRecursively()).isFalse();
    assertThat(job.excludeFileNamePattern()).isEqualTo("glob:*.tmp");
    assertThat(job.cleanUpOutputDir()).isTrue();
    assertThat(job.failOnEmptySegment()).isTrue();
    assertThat(job.continueOnError()).isTrue();
    assertThat(job.recordReaderSpec().configs()).containsEntry("header", "true").containsEntry("skipHeader", "1");
    assertThat(job.segmentNameGeneratorSpec().configs()).containsEntry("exclude.sequence.id", "true");
    assertThat(job.pinotClusterSpecs()).hasSize(2);
    assertThat(job.pushJobSpec().segmentUriPrefix()).isEqualTo("http://files:8080");
    assertThat(job.pushJobSpec().segmentUriSuffix()).isEqualTo("?v=1");
    assertThat(job.pushJobSpec().pushFileNamePattern()).isEqualTo("glob:**/*.tar.gz");
    assertThat(job.authToken()).isEqualTo("Basic YWRtaW46dmVyeXNlY3JldA");
    assertThat(job.withAuthToken("Bearer t").authToken()).isEqualTo("Bearer t");
    IngestionPlugins.checkRunners(job.executionFrameworkSpec(), JobType.fromName(job.jobType()));
  }

  @Test
  void defaultsFollowPinot() {
    SegmentGenerationJobSpec job = JobSpecLoader.parse("jobType: SegmentCreation\n");

    assertThat(job.isSearchRecursively()).isTrue();
    assertThat(job.segmentCreationJobParallelism()).isEqualTo(1);
    assertThat(job.overwriteOutput()).isFalse();
    assertThat(job.pushJobSpec().pushAttempts()).isEqualTo(1);
    assertThat(job.pushJobSpec().pushParallelism()).isEqualTo(1);
    assertThat(job.pushJobSpec().pushRetryIntervalMillis()).isEqualTo(1000);
    assertThat(job.pinotClusterSpecs()).isEmpty();
    assertThat(job.recordReaderSpec().configs()).isEmpty();
  }

  @Test
  void templatesTheFileBeforeParsing() throws IOException {
    Path spec = tempDir.resolve("job.yaml");
    Files.writeString(spec, "jobType: SegmentCreation\ninputDirURI: /data/${year}/${month}\n");

    SegmentGenerationJobSpec job = JobSpecLoader.load(spec, Map.of("year", "2014", "month", "01"));

    assertThat(job.inputDirURI()).isEqualTo("/data/2014/01");
    assertThatThrownBy(() -> JobSpecLoader.load(spec, Map.of("year", "2014")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid job spec " + spec)
        .hasMessageContaining("${month}");
  }

  @Test
  void reportsYamlErrorsWithTheirPosition() throws IOException {
    Path spec = tempDir.resolve("bad.yaml");
    Files.writeString(spec, "jobType: SegmentCreation\ninputDirURI: 'unclosed\n");

    assertThatThrownBy(() -> JobSpecLoader.load(spec, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid job spec " + spec + ": ")
        .hasMessageContaining("line");
    assertThatThrownBy(() -> JobSpecLoader.parse(""))
        .hasMessage("the job spec is empty");
    assertThatThrownBy(() -> JobSpecLoader.load(tempDir.resolve("missing.yaml"), Map.of()))
        .hasMessageEndingWith("does not exist");
  }

  @Test
  void jobTypesParseCaseInsensitivelyAndNameTheChoices() {
    assertThat(JobType.fromName("SEGMENTCREATIONANDTARPUSH").pushMode()).isEqualTo(JobType.PushMode.TAR);
    assertThat(JobType.fromName("SegmentMetadataPush").createsSegments()).isFalse();
    assertThatThrownBy(() -> JobType.fromName("Spark"))
        .hasMessageStartingWith("Unknown jobType 'Spark': use one of SegmentCreation, SegmentTarPush");
  }
}
