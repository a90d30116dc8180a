// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.utils.JsonUtils;
import io.pinot.tools.client.BrokerClient;
import io.pinot.tools.client.ControllerClient;
import io.pinot.tools.ingestion.JobSpecLoader;
import io.pinot.tools.ingestion.StandaloneIngestionJob;
import io.pinot.tools.ingestion.TableResolver;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/// Creates and loads a quickstart's sample table ([SampleTable]) the way a user would: writes the schema, table
/// config, generated CSV and a job spec under the data directory, adds the table over REST, runs the job spec
/// through the standalone ingestion job (one segment, `<table>_OFFLINE_0`), waits until the broker answers with
/// every row, and prints the sample queries. A table that already exists (a restart with the same `-dataDir`) is
/// reused as it is. Not thread-safe.
public final class SampleTableLoader {
  private static final long QUERYABLE_TIMEOUT_MILLIS = 180_000;
  private static final String STANDALONE = "org.apache.pinot.plugin.ingestion.batch.standalone";

  private final SampleTable table;
  private final ControllerClient controller;
  private final BrokerClient broker;
  private final PrintWriter out;

  public SampleTableLoader(SampleTable table, String controllerUrl, String brokerUrl, PrintWriter out) {
    this.table = table;
    this.controller = new ControllerClient(controllerUrl, null);
    this.broker = new BrokerClient(brokerUrl, null);
    this.out = out;
  }

  /// Creates and loads the table unless it exists, then waits until all its rows are queryable.
  public void load(Path tableDir) throws Exception {
    String name = table.tableName();
    String existing = controller.getOrNull("/tables/" + name);
    boolean exists = existing != null && TableResolver.unwrapTableConfig(JsonUtils.parse(existing)) != null;
    long expectedRows = -1;
    if (exists && !controller.segmentNames(name).isEmpty()) {
      out.println("Table " + name + " already exists (data kept in " + tableDir.getParent() + "): reusing it");
    } else {
      expectedRows = create(tableDir);
    }
    waitUntilQueryable(expectedRows);
  }

  private long create(Path tableDir) throws Exception {
    String name = table.tableName();
    Path rawData = tableDir.resolve("rawdata");
    Files.createDirectories(rawData);
    Files.writeString(tableDir.resolve(name + "_schema.json"), table.schemaJson(), StandardCharsets.UTF_8);
    Files.writeString(tableDir.resolve(name + "_offline_table_config.json"), table.tableConfigJson(),
        StandardCharsets.UTF_8);
    Path csv = rawData.resolve(name + "_data.csv");
    table.data().write(csv);
    out.println(String.format(Locale.ROOT, "Generated %,d rows of sample data in %s", table.numRows(), csv));
    out.println("Adding schema and table " + name + ": "
        + ControllerClient.statusText(controller.addSchema(table.schemaJson(), true, false)) + "; "
        + ControllerClient.statusText(controller.addTable(table.tableConfigJson())));
    Path jobSpec = tableDir.resolve("ingestionJobSpec.yaml");
    Files.writeString(jobSpec, jobSpecYaml(rawData, tableDir.resolve("segments")), StandardCharsets.UTF_8);
    out.println("Running the ingestion job " + jobSpec);
    out.flush();
    new StandaloneIngestionJob(JobSpecLoader.load(jobSpec, Map.of()), out).run();
    return table.numRows();
  }

  /// A standard Pinot job spec for the generated CSV (users can rerun it with LaunchDataIngestionJob).
  public String jobSpecYaml(Path inputDir, Path outputDir) {
    String controllerUrl = controller.baseUri().toString();
    return String.format(Locale.ROOT, """
        executionFrameworkSpec:
          name: standalone
          segmentGenerationJobRunnerClassName: %s.SegmentGenerationJobRunner
          segmentTarPushJobRunnerClassName: %s.SegmentTarPushJobRunner
        jobType: SegmentCreationAndTarPush
        inputDirURI: '%s'
        includeFileNamePattern: 'glob:**/*.csv'
        outputDirURI: '%s'
        overwriteOutput: true
        pinotFSSpecs:
          - scheme: file
            className: org.apache.pinot.spi.filesystem.LocalPinotFS
        recordReaderSpec:
          dataFormat: csv
          className: org.apache.pinot.plugin.inputformat.csv.CSVRecordReader
          configClassName: org.apache.pinot.plugin.inputformat.csv.CSVRecordReaderConfig
        tableSpec:
          tableName: %s
          schemaURI: '%s/tables/%s/schema'
          tableConfigURI: '%s/tables/%s'
        segmentNameGeneratorSpec:
          type: simple
        pinotClusterSpecs:
          - controllerURI: '%s'
        pushJobSpec:
          pushAttempts: 2
          pushRetryIntervalMillis: 1000
        """, STANDALONE, STANDALONE, yamlQuoted(inputDir.toString()), yamlQuoted(outputDir.toString()),
        table.tableName(), controllerUrl, table.tableName(), controllerUrl, table.tableName(), controllerUrl);
  }

  private static String yamlQuoted(String text) {
    return text.replace("'", "''");
  }

  /// Polls `count(*)` until the broker answers without exceptions and with the expected rows (any rows when
  /// `expectedRows` is -1).
  private void waitUntilQueryable(long expectedRows) throws IOException, InterruptedException {
    long deadline = System.currentTimeMillis() + QUERYABLE_TIMEOUT_MILLIS;
    String name = table.tableName();
    String last = "";
    while (System.currentTimeMillis() < deadline) {
      last = broker.query("select count(*) from " + name);
      JsonNode response = JsonUtils.parse(last);
      JsonNode count = response.path("resultTable").path("rows").path(0).path(0);
      boolean clean = response.path("exceptions").isEmpty();
      if (clean && count.isNumber() && (expectedRows < 0 ? count.asLong() > 0 : count.asLong() == expectedRows)) {
        out.println(String.format(Locale.ROOT, "Table %s is online with %,d rows", name, count.asLong()));
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("Table " + name + " did not become queryable within "
        + QUERYABLE_TIMEOUT_MILLIS / 1000 + " s; the broker's last answer: " + last);
  }

  /// Runs the sample queries and prints each result as a table (a failing query is printed, not fatal).
  public void runSampleQueries() {
    runQueries(broker, table.sampleQueries(), out);
  }

  /// Runs `queries` on `broker` and prints each result as a table (a failing query is printed, not fatal).
  static void runQueries(BrokerClient broker, List<SampleTable.SampleQuery> queries, PrintWriter out) {
    for (SampleTable.SampleQuery query : queries) {
      out.println();
      if (!query.description().isEmpty()) {
        out.println(query.description());
      }
      out.println("Query: " + query.sql());
      try {
        out.print(ResultTablePrinter.format(broker.query(query.sql())));
      } catch (IOException | IllegalArgumentException e) {
        out.println("Query failed: " + e.getMessage());
      }
    }
    out.println();
    out.flush();
  }
}
