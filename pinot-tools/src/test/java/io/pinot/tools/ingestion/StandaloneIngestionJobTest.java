// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.tools.client.FakeController;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The standalone job against a fake controller: segments are really built (pinot-segment) and pushed over
/// HTTP; the fake records what the controller would receive.
class StandaloneIngestionJobTest {
  private static final String SCHEMA = """
      {"schemaName": "events",
       "dimensionFieldSpecs": [{"name": "id", "dataType": "INT"}, {"name": "name", "dataType": "STRING"},
         {"name": "tags", "dataType": "STRING", "singleValueField": false}],
       "metricFieldSpecs": [{"name": "score", "dataType": "DOUBLE"}]}
      """;
  private static final String TABLE = """
      {"tableName": "events", "tableType": "OFFLINE", "segmentsConfig": {"replication": "1"}%s}
      """;

  private static final String STANDALONE = "org.apache.pinot.plugin.ingestion.batch.standalone.";

  @TempDir
  Path dir;

  private FakeController controller;
  private final StringWriter output = new StringWriter();

  @BeforeEach
  void startController() throws IOException {
    controller = new FakeController().get("/tables/events/schema", SCHEMA)
        .get("/tables/events", "{\"OFFLINE\": " + TABLE.formatted("") + "}");
    Files.createDirectories(dir.resolve("in/2024"));
    csv("in/a.csv", "1,alice,x;y,1.5", "2,bob,z,2.5");
    csv("in/2024/b.csv", "3,carol,x,3.5", "4,dave,,4.5", "5,erin,y,5.5");
    csv("in/2024/c.csv", "6,frank,x;z,6.5");
  }

  @AfterEach
  void stopController() {
    controller.close();
  }

  private void csv(String name, String... rows) throws IOException {
    Files.writeString(dir.resolve(name), "id,name,tags,score\n" + String.join("\n", rows) + "\n");
  }

  private String spec(String jobType, String extra) {
    return """
        executionFrameworkSpec:
          name: standalone
          segmentGenerationJobRunnerClassName: %s
        jobType: %s
        inputDirURI: '%s'
        includeFileNamePattern: 'glob:**/*.csv'
        outputDirURI: 'file://%s'
        segmentCreationJobParallelism: 2
        recordReaderSpec:
          dataFormat: csv
          className: org.apache.pinot.plugin.inputformat.csv.CSVRecordReader
          configs:
            multiValueDelimiter: ';'
        tableSpec:
          tableName: events
        pinotClusterSpecs:
          - controllerURI: '%s'
        pushJobSpec:
          pushParallelism: 2
          pushRetryIntervalMillis: 10
        %s
        """.formatted(STANDALONE + "SegmentGenerationJobRunner", jobType, dir.resolve("in"), dir.resolve("out"),
        controller.url(), extra);
  }

  private IngestionJobResult run(String yaml) throws IOException {
    return new StandaloneIngestionJob(JobSpecLoader.parse(yaml), new PrintWriter(output, true)).run();
  }

  private List<String> outputFiles() throws IOException {
    if (!Files.exists(dir.resolve("out"))) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
      return files.filter(Files::isRegularFile).map(file -> dir.resolve("out").relativize(file).toString())
          .sorted().toList();
    }
  }

  @Test
  void createsOneSegmentPerFileAndTarPushesThem() throws IOException {
    IngestionJobResult result = run(spec("SegmentCreationAndTarPush", ""));

    assertThat(result.segments()).extracting(SegmentReport::segmentName)
        .containsExactly("events_OFFLINE_0", "events_OFFLINE_1", "events_OFFLINE_2");
    // Input files in path order: in/2024/b.csv, in/2024/c.csv, in/a.csv.
    assertThat(result.segments()).extracting(SegmentReport::numDocs).containsExactly(3L, 1L, 2L);
    assertThat(result.totalDocs()).isEqualTo(6);
    assertThat(result.numPushed()).isEqualTo(3);
    assertThat(outputFiles()).containsExactly("2024/events_OFFLINE_0.tar.gz", "2024/events_OFFLINE_1.tar.gz",
        "events_OFFLINE_2.tar.gz");
    assertThat(controller.writes()).hasSize(3).allSatisfy(request -> {
      assertThat(request.pathAndQuery()).isEqualTo("/v2/segments?tableName=events&tableType=OFFLINE");
      assertThat(request.header("Content-Type")).startsWith("multipart/form-data");
    });
    assertThat(output.toString()).contains("Created segment events_OFFLINE_0 from b.csv: 3 rows")
        .contains("Pushed segment events_OFFLINE_0").contains("Ingestion job SegmentCreationAndTarPush done: "
            + "3 segments with 6 rows created in");
  }

  @Test
  void aBadRowFailsTheJobNamingFileAndLineAndPushesNothing() throws IOException {
    csv("in/2024/c.csv", "6,frank,x,6.5", "seven,grace,y,7.5");

    assertThatThrownBy(() -> run(spec("SegmentCreationAndTarPush", "")))
        .isInstanceOf(IngestionJobException.class)
        .hasMessageContaining("c.csv")
        .hasMessageContaining("line 3")
        .hasMessageContaining("'seven'")
        .hasMessageContaining("continueOnError");
    assertThat(controller.writes()).isEmpty();
    assertThat(outputFiles()).isEmpty();
  }

  @Test
  void continueOnErrorSkipsAndReportsBadRows() throws IOException {
    csv("in/2024/c.csv", "6,frank,x,6.5", "seven,grace,y,7.5", "8,heidi,y,not-a-number");

    IngestionJobResult result = run(spec("SegmentCreationAndTarPush", "continueOnError: true"));

    assertThat(result.totalDocs()).isEqualTo(6);
    assertThat(result.totalSkippedRows()).isEqualTo(2);
    SegmentReport bad = result.segments().get(1);
    assertThat(bad.inputFile().getFileName()).hasToString("c.csv");
    assertThat(bad.skippedSamples()).hasSize(2).first().asString().contains("line 3");
    assertThat(output.toString()).contains("(2 bad rows skipped)").contains("Skipped 2 bad rows in total:");
    assertThat(controller.writes()).hasSize(3);
  }

  @Test
  void theTableConfigCanAskToSkipBadRows() throws IOException {
    controller.get("/tables/events", TABLE.formatted(", \"ingestionConfig\": {\"continueOnError\": true}"));
    csv("in/2024/c.csv", "seven,grace,y,7.5", "9,ivan,x,1.0");

    IngestionJobResult result = run(spec("SegmentCreation", ""));

    assertThat(result.totalSkippedRows()).isEqualTo(1);
    assertThat(result.numPushed()).isZero();
    assertThat(controller.writes()).isEmpty();
  }

  @Test
  void retriesServerErrorsButNotRejections() throws IOException {
    controller.respond(503, "{\"code\":503,\"error\":\"busy\"}");
    IngestionJobResult result = run(spec("SegmentCreationAndTarPush", "").replace("pushParallelism: 2",
        "pushParallelism: 1\n  pushAttempts: 2"));
    assertThat(result.numPushed()).isEqualTo(3);
    assertThat(controller.writes()).hasSize(4);

    controller.respond(400, "{\"code\":400,\"error\":\"Segment is invalid\"}");
    assertThatThrownBy(() -> run(spec("SegmentTarPush", "overwriteOutput: true").replace("pushParallelism: 2",
        "pushParallelism: 1\n  pushAttempts: 5")))
        .isInstanceOf(IngestionJobException.class)
        .hasMessageContaining("Cannot push segment events_OFFLINE_")
        .hasMessageContaining("Segment is invalid")
        .hasMessageContaining("(0 of 3 pushes had completed)");
  }

  @Test
  void uriPushSendsPrefixPathAndSuffix() throws IOException {
    run(spec("SegmentCreationAndUriPush", "").replace("pushRetryIntervalMillis: 10",
        "pushRetryIntervalMillis: 10\n  segmentUriPrefix: 'http://files:8080'\n  segmentUriSuffix: '?v=1'"));

    assertThat(controller.writes()).extracting(request -> request.header("DOWNLOAD_URI"))
        .containsExactlyInAnyOrder("http://files:8080" + dir.resolve("out/2024/events_OFFLINE_0.tar.gz") + "?v=1",
            "http://files:8080" + dir.resolve("out/2024/events_OFFLINE_1.tar.gz") + "?v=1",
            "http://files:8080" + dir.resolve("out/events_OFFLINE_2.tar.gz") + "?v=1");
    assertThat(controller.writes()).allSatisfy(request -> assertThat(request.header("UPLOAD_TYPE")).isEqualTo("URI"));
  }

  @Test
  void pushOnlyJobsPushTheTarballsOfTheOutputDirectory() throws IOException {
    run(spec("SegmentCreation", ""));
    assertThat(controller.writes()).isEmpty();

    IngestionJobResult pushed = run(spec("SegmentMetadataPush", "cleanUpOutputDir: true"));

    assertThat(pushed.segments()).isEmpty();
    assertThat(pushed.numPushed()).isEqualTo(3);
    assertThat(output.toString()).contains("Metadata push is not supported yet: pushing the segment tarballs "
        + "instead (tar push).");
    assertThat(outputFiles()).isEmpty();
  }

  @Test
  void refusesToOverwriteOutputUnlessAsked() throws IOException {
    run(spec("SegmentCreation", ""));

    assertThatThrownBy(() -> run(spec("SegmentCreation", "")))
        .hasMessageContaining("already exists: set overwriteOutput: true");
    assertThat(run(spec("SegmentCreation", "overwriteOutput: true")).segments()).hasSize(3);
  }

  @Test
  void rejectsDuplicateSegmentNamesAndEmptyInputs() throws IOException {
    assertThatThrownBy(() -> run(spec("SegmentCreation",
        "segmentNameGeneratorSpec:\n  type: fixed\n  configs:\n    segment.name: same")))
        .hasMessageContaining("both produce segment same");
    assertThat(outputFiles()).isEmpty();
    assertThatThrownBy(() -> run(spec("SegmentCreation", "").replace("glob:**/*.csv", "glob:**/*.parquet")))
        .hasMessageContaining("match includeFileNamePattern 'glob:**/*.parquet'");
  }

  @Test
  void aMissingTableIsReportedClearly() throws IOException {
    assertThatThrownBy(() -> run(spec("SegmentCreation", "").replace("tableName: events", "tableName: other")))
        .hasMessageStartingWith("The schema of table other was not found at " + controller.url()
            + "/tables/other/schema");
    assertThatThrownBy(() -> run(spec("SegmentCreation", "").replace("jobType: SegmentCreation\n", "")))
        .hasMessageStartingWith("jobType is missing");
  }
}
