// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.tools.EmbeddedPinotCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/// Bad input gets a precise error with Pinot's codes and nothing half-written stays: malformed schemas and
/// table configs (HTTP 400 `{"code","error"}`), SQL errors (HTTP 200 with errorCode 150/190/710), and a CSV
/// row that does not convert (the job fails naming file and line, and the table stays empty — or, when the
/// job spec asks to continue on errors, the row is skipped and counted).
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {
  private static final String SCHEMA = """
      {"schemaName": "people",
       "dimensionFieldSpecs": [{"name": "name", "dataType": "STRING"}, {"name": "city", "dataType": "STRING"}],
       "metricFieldSpecs": [{"name": "age", "dataType": "INT"}, {"name": "score", "dataType": "DOUBLE"}],
       "dateTimeFieldSpecs": [{"name": "ts", "dataType": "LONG", "format": "1:MILLISECONDS:EPOCH",
                               "granularity": "1:MILLISECONDS"}]}""";
  private static final String TABLE = """
      {"tableName": "people", "tableType": "OFFLINE",
       "segmentsConfig": {"timeColumnName": "ts", "replication": "1"},
       "tableIndexConfig": {"invertedIndexColumns": ["city"]}}""";

  @TempDir
  static Path workDir;
  private EmbeddedPinotCluster cluster;
  private final Http http = new Http();

  @BeforeAll
  void start() throws Exception {
    cluster = EmbeddedPinotCluster.builder(workDir.resolve("cluster")).build().start();
    assertThat(http.post(cluster.controllerUrl() + "/schemas", SCHEMA).status()).isEqualTo(200);
    Http.Reply table = http.post(cluster.controllerUrl() + "/tables", TABLE);
    assertThat(table.status()).as(table.body()).isEqualTo(200);
    // The broker learns of a new table through Helix, a moment after the controller answers.
    Awaits.await(() -> http.query(cluster.brokerUrl(), "SELECT COUNT(*) FROM people").get("exceptions").isEmpty());
  }

  @AfterAll
  void stop() {
    http.close();
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void malformedSchemaJsonIs400NamingTheProblem() throws Exception {
    Http.Reply reply = http.post(cluster.controllerUrl() + "/schemas", "{\"schemaName\": \"broken\", ");
    assertError(reply, 400, "Invalid JSON");
    Http.Reply badType = http.post(cluster.controllerUrl() + "/schemas",
        "{\"schemaName\": \"bad\", \"dimensionFieldSpecs\": [{\"name\": \"a\", \"dataType\": \"TEXT\"}]}");
    assertError(badType, 400, "dimensionFieldSpecs[0].dataType");
    assertThat(http.get(cluster.controllerUrl() + "/schemas/bad").status()).isEqualTo(404);
  }

  @Test
  void tableConfigWithUnknownColumnIs400() throws Exception {
    String config = TABLE.replace("\"people\"", "\"people2\"").replace("[\"city\"]", "[\"nosuch\"]")
        .replace("\"timeColumnName\"", "\"schemaName\": \"people\", \"timeColumnName\"");
    Http.Reply reply = http.post(cluster.controllerUrl() + "/tables", config);
    assertError(reply, 400, "nosuch");
    assertThat(http.get(cluster.controllerUrl() + "/tables/people2").status()).isEqualTo(404);
  }

  @Test
  void unknownTableOverRestIs404() throws Exception {
    assertError(http.get(cluster.controllerUrl() + "/tables/nosuch"), 404, "nosuch");
    assertError(http.get(cluster.controllerUrl() + "/tables/nosuch/schema"), 404, "nosuch");
  }

  @Test
  void sqlErrorsCarryPinotCodes() throws Exception {
    assertQueryError("SELEC COUNT(*) FROM people", 150);
    assertQueryError("SELECT COUNT(*) FROM nosuchtable", 190);
    assertQueryError("SELECT nosuchcolumn FROM people", 710);
  }

  @Test
  void requestThatIsNotAQueryIs400() throws Exception {
    assertError(http.post(cluster.brokerUrl() + "/query/sql", "{\"sql\": "), 400, "JSON");
    assertError(http.post(cluster.brokerUrl() + "/query/sql", "{\"query\": \"select 1\"}"), 400, "'sql'");
  }

  @Test
  void badCsvRowFailsTheJobAndLeavesNothingBehind() throws Exception {
    Path data = Files.createDirectories(workDir.resolve("bad-data"));
    Files.writeString(data.resolve("good.csv"),
        "name,city,age,score,ts\nann,paris,31,1.5,1000\nbob,rome,40,2.5,2000\n");
    Files.writeString(data.resolve("bad.csv"), "name,city,age,score,ts\ncat,oslo,22,3.5,3000\ndan,lima,old,4.5,4000\n");
    TestData.CommandResult result = runJob(data, false);
    assertThat(result.exitCode()).as(result.output()).isNotZero();
    assertThat(result.output()).contains("bad.csv").contains("line 3").contains("age");
    JsonNode segments = http.get(cluster.controllerUrl() + "/segments/people").json();
    assertThat(segments.get(0).get("OFFLINE")).isEmpty();

    TestData.CommandResult skipping = runJob(data, true);
    assertThat(skipping.exitCode()).as(skipping.output()).isZero();
    assertThat(skipping.output()).containsIgnoringCase("skipped 1");
    awaitCount(3);
  }

  private TestData.CommandResult runJob(Path inputDir, boolean continueOnError) throws Exception {
    String spec = """
        executionFrameworkSpec:
          name: standalone
          segmentGenerationJobRunnerClassName: \
            org.apache.pinot.plugin.ingestion.batch.standalone.SegmentGenerationJobRunner
          segmentTarPushJobRunnerClassName: org.apache.pinot.plugin.ingestion.batch.standalone.SegmentTarPushJobRunner
        jobType: SegmentCreationAndTarPush
        inputDirURI: '%s'
        includeFileNamePattern: 'glob:**/*.csv'
        outputDirURI: '%s'
        overwriteOutput: true
        continueOnError: %s
        pinotFSSpecs:
          - scheme: file
            className: org.apache.pinot.spi.filesystem.LocalPinotFS
        recordReaderSpec:
          dataFormat: csv
          className: org.apache.pinot.plugin.inputformat.csv.CSVRecordReader
          configClassName: org.apache.pinot.plugin.inputformat.csv.CSVRecordReaderConfig
        tableSpec:
          tableName: people
          schemaURI: '%s/tables/people/schema'
          tableConfigURI: '%s/tables/people'
        pinotClusterSpecs:
          - controllerURI: '%s'
        """.formatted(inputDir, workDir.resolve("bad-out-" + continueOnError), continueOnError,
        cluster.controllerUrl(), cluster.controllerUrl(), cluster.controllerUrl());
    Path specFile = Files.writeString(workDir.resolve("job-" + continueOnError + ".yaml"), spec);
    return TestData.run(List.of(TestData.distribution().resolve("bin/pinot-admin.sh").toString(),
        "LaunchDataIngestionJob", "-jobSpecFile", specFile.toString()),
        List.of("PINOT_PID_DIR=" + workDir.resolve("pids")), 300);
  }

  private void awaitCount(long expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      last = http.query(cluster.brokerUrl(), "SELECT COUNT(*) FROM people");
      if (last.get("exceptions").isEmpty() && last.get("resultTable").get("rows").get(0).get(0).asLong() == expected) {
        return;
      }
      Thread.sleep(300);
    }
    throw new AssertionError("count(*) did not reach " + expected + ": " + last);
  }

  private void assertQueryError(String sql, int code) throws Exception {
    JsonNode response = http.query(cluster.brokerUrl(), sql);
    assertThat(response.get("exceptions")).as(sql).isNotEmpty();
    assertThat(response.get("exceptions").get(0).get("errorCode").asInt()).as(response.toString()).isEqualTo(code);
    assertThat(response.get("exceptions").get(0).get("message").asText()).doesNotContain("\tat ");
  }

  private static void assertError(Http.Reply reply, int status, String fragment) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    JsonNode body = reply.json();
    assertThat(body.get("code").asInt()).isEqualTo(status);
    assertThat(body.get("error").asText()).contains(fragment).doesNotContain("\tat ");
  }
}
