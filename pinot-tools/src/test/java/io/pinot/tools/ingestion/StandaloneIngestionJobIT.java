// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.utils.JsonUtils;
import io.pinot.tools.EmbeddedPinotCluster;
import io.pinot.tools.admin.PinotAdministrator;
import io.pinot.tools.client.BrokerClient;
import io.pinot.tools.client.ControllerClient;
import io.pinot.tools.quickstart.BaseballStatsTable;
import io.pinot.tools.quickstart.ClientSalaryNullsTable;
import io.pinot.tools.quickstart.SampleTableLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/// `pinot-admin.sh AddTable` and `LaunchDataIngestionJob`, run in-process against an [EmbeddedPinotCluster]
/// (ZooKeeper, controller, broker, two servers on free ports).
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandaloneIngestionJobIT {
  private static final String SCHEMA = """
      {"schemaName": "%s",
       "dimensionFieldSpecs": [{"name": "id", "dataType": "INT"}, {"name": "city", "dataType": "STRING"},
         {"name": "tags", "dataType": "STRING", "singleValueField": false}],
       "metricFieldSpecs": [{"name": "amount", "dataType": "LONG"}]}
      """;
  private static final String TABLE = """
      {"tableName": "%s", "tableType": "OFFLINE", "segmentsConfig": {"replication": "1"},
       "tableIndexConfig": {"invertedIndexColumns": ["city"]}}
      """;
  private static final String[] CITIES = {"Paris", "Lima", "Oslo", "Kyoto", "Quito"};

  private static final String STANDALONE = "org.apache.pinot.plugin.ingestion.batch.standalone.";

  @TempDir
  static Path dir;

  private EmbeddedPinotCluster cluster;
  private ControllerClient controller;
  private BrokerClient broker;

  @BeforeAll
  void startCluster() throws Exception {
    cluster = EmbeddedPinotCluster.builder(dir.resolve("cluster")).numServers(2).build().start();
    controller = new ControllerClient(cluster.controllerUrl(), null);
    broker = new BrokerClient(cluster.brokerUrl(), null);
  }

  @AfterAll
  void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private record Run(int exitCode, String out, String err) {
  }

  private Run admin(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = PinotAdministrator.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(exitCode, out.toString(), err.toString());
  }

  private String controllerPort() {
    return cluster.controllerUrl().substring(cluster.controllerUrl().lastIndexOf(':') + 1);
  }

  /// Creates schema and table `name` with `AddTable -exec`, and returns the job spec file for it.
  private Path createTable(String name, String extraSpec) throws IOException {
    Path tableDir = Files.createDirectories(dir.resolve(name));
    Path schema = Files.writeString(tableDir.resolve("schema.json"), SCHEMA.formatted(name));
    Path table = Files.writeString(tableDir.resolve("table.json"), TABLE.formatted(name));
    Run added = admin("AddTable", "-schemaFile", schema.toString(), "-tableConfigFile", table.toString(),
        "-controllerPort", controllerPort(), "-exec");
    assertThat(added.exitCode()).as(added.err()).isZero();
    Files.createDirectories(tableDir.resolve("rawdata"));
    return Files.writeString(tableDir.resolve("job.yaml"), """
        executionFrameworkSpec:
          name: standalone
          segmentGenerationJobRunnerClassName: %s
          segmentTarPushJobRunnerClassName: %s
        jobType: ${jobType}
        inputDirURI: '%s'
        includeFileNamePattern: 'glob:**/*.csv'
        outputDirURI: '%s'
        overwriteOutput: true
        segmentCreationJobParallelism: 2
        pinotFSSpecs:
          - scheme: file
            className: org.apache.pinot.spi.filesystem.LocalPinotFS
        recordReaderSpec:
          dataFormat: csv
          className: org.apache.pinot.plugin.inputformat.csv.CSVRecordReader
          configs:
            multiValueDelimiter: ';'
        tableSpec:
          tableName: %s
          schemaURI: '${controller}/tables/%s/schema'
          tableConfigURI: '${controller}/tables/%s'
        pinotClusterSpecs:
          - controllerURI: '${controller}'
        pushJobSpec:
          pushParallelism: 2
          pushAttempts: 2
          pushRetryIntervalMillis: 500
        %s
        """.formatted(STANDALONE + "SegmentGenerationJobRunner", STANDALONE + "SegmentTarPushJobRunner",
            tableDir.resolve("rawdata"), tableDir.resolve("segments"), name, name, name, extraSpec));
  }

  /// Writes `rows` rows with ids from `firstId`; returns the sum of `amount`.
  private long writeCsv(Path file, int firstId, int rows) throws IOException {
    StringBuilder csv = new StringBuilder("id,city,tags,amount\n");
    long sum = 0;
    for (int id = firstId; id < firstId + rows; id++) {
      long amount = id * 7L % 1000;
      sum += amount;
      csv.append(id).append(',').append(CITIES[id % CITIES.length]).append(",t").append(id % 3).append(";u")
          .append(id % 2).append(',').append(amount).append('\n');
    }
    Files.writeString(file, csv);
    return sum;
  }

  private JsonNode query(String sql) throws IOException {
    return JsonUtils.parse(broker.query(sql));
  }

  /// Waits until `count(*)` of the table is `expected` (and the broker reports no exception).
  private void awaitCount(String table, long expected) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    JsonNode last = null;
    while (System.currentTimeMillis() < deadline) {
      last = query("select count(*) from " + table);
      if (last.path("exceptions").isEmpty() && last.path("resultTable").path("rows").path(0).path(0).asLong(-1)
          == expected) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("count(*) of " + table + " never reached " + expected + "; last answer " + last);
  }

  @Test
  void tarPushJobLoadsEveryFileAsASegment() throws Exception {
    Path spec = createTable("orders", "");
    Path rawData = spec.resolveSibling("rawdata");
    long sum = writeCsv(rawData.resolve("orders_0.csv"), 0, 4_000);
    sum += writeCsv(rawData.resolve("orders_1.csv"), 4_000, 3_000);
    Files.createDirectories(rawData.resolve("2024"));
    sum += writeCsv(rawData.resolve("2024/orders_2.csv"), 7_000, 2_500);

    Run job = admin("LaunchDataIngestionJob", "-jobSpecFile", spec.toString(), "-values",
        "jobType=SegmentCreationAndTarPush", "controller=" + cluster.controllerUrl());

    assertThat(job.exitCode()).as(job.err()).isZero();
    assertThat(job.out()).contains("Ingestion job SegmentCreationAndTarPush done: 3 segments with 9,500 rows");
    List<String> segments = controller.segmentNames("orders");
    assertThat(segments).containsExactlyInAnyOrder("orders_OFFLINE_0", "orders_OFFLINE_1", "orders_OFFLINE_2");
    awaitCount("orders", 9_500);
    JsonNode totals = query("select sum(amount), count(*) from orders where city = 'Lima'");
    assertThat(totals.path("exceptions")).isEmpty();
    JsonNode all = query("select sum(amount) from orders");
    assertThat(all.path("resultTable").path("rows").path(0).path(0).asDouble()).isEqualTo((double) sum);
    JsonNode tags = query("select count(*) from orders where tags = 't1'");
    assertThat(tags.path("resultTable").path("rows").path(0).path(0).asLong()).isBetween(3_100L, 3_200L);
  }

  @Test
  void aBadRowFailsTheJobAndLeavesTheTableEmpty() throws Exception {
    Path spec = createTable("payments", "");
    Path rawData = spec.resolveSibling("rawdata");
    writeCsv(rawData.resolve("payments_0.csv"), 0, 1_000);
    Files.writeString(rawData.resolve("payments_1.csv"), "id,city,tags,amount\n1,Oslo,t1,10\n2,Oslo,t1,x12\n");

    Run job = admin("LaunchDataIngestionJob", "-jobSpecFile", spec.toString(), "-values",
        "jobType=SegmentCreationAndTarPush", "controller=" + cluster.controllerUrl());

    assertThat(job.exitCode()).isEqualTo(1);
    assertThat(job.err()).startsWith("ERROR: Cannot ingest input file " + rawData.resolve("payments_1.csv"))
        .contains("line 3").contains("'x12'");
    assertThat(job.err().lines().count()).isEqualTo(1);
    assertThat(controller.segmentNames("payments")).isEmpty();
    assertThat(query("select count(*) from payments").path("resultTable").path("rows").path(0).path(0).asLong(0))
        .isZero();
  }

  @Test
  void continueOnErrorSkipsBadRowsAndReportsThem() throws Exception {
    Path spec = createTable("refunds", "continueOnError: true");
    Path rawData = spec.resolveSibling("rawdata");
    writeCsv(rawData.resolve("refunds_0.csv"), 0, 500);
    Files.writeString(rawData.resolve("refunds_1.csv"),
        "id,city,tags,amount\n1,Oslo,t1,10\nbad,Oslo,t1,12\n3,Lima,t2,5\n4,Lima,t2,many\n");

    Run job = admin("LaunchDataIngestionJob", "-jobSpecFile", spec.toString(), "-values",
        "jobType=SegmentCreationAndTarPush", "controller=" + cluster.controllerUrl());

    assertThat(job.exitCode()).as(job.err()).isZero();
    assertThat(job.out()).contains("(2 bad rows skipped)").contains("Skipped 2 bad rows in total:")
        .contains("refunds_1.csv line 3");
    awaitCount("refunds", 502);
  }

  @Test
  void uriPushHasTheControllerFetchTheTarballs() throws Exception {
    Path spec = createTable("visits", "");
    Path rawData = spec.resolveSibling("rawdata");
    writeCsv(rawData.resolve("visits_0.csv"), 0, 700);
    writeCsv(rawData.resolve("visits_1.csv"), 700, 300);

    Run job = admin("LaunchDataIngestionJob", "-jobSpecFile", spec.toString(), "-values",
        "jobType=SegmentCreationAndUriPush", "controller=" + cluster.controllerUrl());

    assertThat(job.exitCode()).as(job.err()).isZero();
    assertThat(job.out()).contains("URI push");
    assertThat(controller.segmentNames("visits")).containsExactlyInAnyOrder("visits_OFFLINE_0", "visits_OFFLINE_1");
    awaitCount("visits", 1_000);
  }

  @Test
  void theQuickstartTableLoadsAsOneSegment() throws Exception {
    StringWriter out = new StringWriter();
    SampleTableLoader loader = new SampleTableLoader(BaseballStatsTable.sampleTable(), cluster.controllerUrl(),
        cluster.brokerUrl(), new PrintWriter(out, true));
    loader.load(dir.resolve("baseballStats"));
    loader.runSampleQueries();

    assertThat(controller.segmentNames("baseballStats")).containsExactly("baseballStats_OFFLINE_0");
    JsonNode count = query("select count(*) from baseballStats limit 10");
    assertThat(count.path("resultTable").path("rows").path(0).path(0).asLong()).isEqualTo(97_889);
    assertThat(out.toString()).contains("Table baseballStats is online with 97,889 rows")
        .contains(String.format(Locale.ROOT, "| %d", 97_889)).contains("| playerName").contains("totalRuns");
    assertThat(new ArrayList<>(out.toString().lines().filter(line -> line.startsWith("Query failed")).toList()))
        .isEmpty();
  }

  @Test
  void theNullHandlingQuickstartTableHasNullsAndItsSampleQueriesRun() throws Exception {
    StringWriter out = new StringWriter();
    SampleTableLoader loader = new SampleTableLoader(ClientSalaryNullsTable.sampleTable(), cluster.controllerUrl(),
        cluster.brokerUrl(), new PrintWriter(out, true));
    loader.load(dir.resolve("clientSalaryNulls"));
    loader.runSampleQueries();

    assertThat(controller.segmentNames("clientSalaryNulls")).containsExactly("clientSalaryNulls_OFFLINE_0");
    JsonNode counts = query(ClientSalaryNullsTable.ENABLE
        + "SELECT COUNT(*), COUNT(salary), COUNT(description) FROM clientSalaryNulls").path("resultTable")
        .path("rows").path(0);
    assertThat(counts.path(0).asLong()).isEqualTo(2_000);
    assertThat(counts.path(1).asLong()).isBetween(1L, 1_999L);
    assertThat(counts.path(2).asLong()).isBetween(1L, 1_999L);
    assertThat(out.toString()).contains("Table clientSalaryNulls is online with 2,000 rows")
        .contains("GROUP BY puts the rows without a description in a null group:").contains("| null ");
    assertThat(new ArrayList<>(out.toString().lines().filter(line -> line.startsWith("Query failed")).toList()))
        .isEmpty();
  }
}
