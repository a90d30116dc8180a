// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.tools.client.FakeController;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// Runs `pinot-admin.sh` command lines in-process and checks exit codes and output.
class PinotAdministratorTest {
  private static final String SCHEMA = "{\"schemaName\": \"transcript\", \"dimensionFieldSpecs\": "
      + "[{\"name\": \"studentID\", \"dataType\": \"INT\"}]}";
  private static final String TABLE = "{\"tableName\": \"transcript\", \"tableType\": \"OFFLINE\"}";

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return PinotAdministrator.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void globalHelpListsEveryCommand() {
    assertThat(run("-help")).isZero();
    assertThat(out.toString()).contains("Usage: pinot-admin.sh").contains("StartZookeeper", "StartController",
        "StartBroker", "StartServer", "StartProxy", "AddSchema", "AddTable", "DeleteTable", "DeleteSchema",
        "UploadSegment", "LaunchDataIngestionJob", "PostQuery", "QuickStart", "StopProcess", "RebalanceTable");
  }

  @ParameterizedTest
  @CsvSource({
      "StartZookeeper, -zkPort -dataDir",
      "StartController, -zkAddress -clusterName -controllerHost -controllerPort -dataDir -configFileName",
      "StartBroker, -zkAddress -clusterName -brokerHost -brokerPort -configFileName",
      "StartServer, -zkAddress -clusterName -serverHost -serverPort -serverAdminPort -serverGrpcPort -dataDir "
          + "-segmentDir -configFileName",
      "AddSchema, -schemaFile -controllerHost -controllerPort -controllerProtocol -exec",
      "AddTable, -schemaFile -tableConfigFile -controllerHost -controllerPort -exec",
      "DeleteTable, -tableName -type -controllerHost -controllerPort -exec",
      "DeleteSchema, -schemaName -controllerHost -controllerPort -exec",
      "UploadSegment, -controllerHost -controllerPort -segmentDir -tableName",
      "LaunchDataIngestionJob, -jobSpecFile -values -propertyFile",
      "PostQuery, -brokerHost -brokerPort -query",
      "QuickStart, -type -dataDir -tmpDir -quickstartDir -zkAddress",
      "StartProxy, -controllerUrl -restPort -grpcPort -configFileName",
      "StopProcess, -controller -broker -server -zooKeeper -minion -proxy -kafka",
      "RebalanceTable, -zkAddress -clusterName -tableName -dryRun -reassignInstances -includeConsuming -bootstrap "
          + "-downtime -minAvailableReplicas -batchSizePerServer -lowDiskMode -bestEfforts "
          + "-externalViewCheckIntervalInMs -externalViewStabilizationTimeoutInMs -controllerHost -controllerPort"})
  void eachCommandHasPinotsFlagsAndHelp(String command, String flags) {
    assertThat(run(command, "-help")).isZero();
    String help = out.toString();
    assertThat(help).startsWith("Usage: pinot-admin.sh " + command).contains("-help");
    for (String flag : flags.split(" ")) {
      assertThat(help).containsPattern(Pattern.quote(flag) + "[=, \\[\n]");
    }
  }

  @Test
  void unknownCommandsAndFlagsAreUsageErrors() {
    assertThat(run("StartControler")).isEqualTo(2);
    assertThat(err.toString()).contains("ERROR: Unmatched argument at index 0: 'StartControler'")
        .contains("Did you mean: pinot-admin.sh StartController").contains("Usage: pinot-admin.sh");

    assertThat(run("DeleteSchema", "-schemaName", "x", "-bogusFlag")).isEqualTo(2);
    assertThat(err.toString()).contains("ERROR: Unknown option: '-bogusFlag'")
        .contains("Usage: pinot-admin.sh DeleteSchema");
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("Missing command");
  }

  @Test
  void versionNamesTheProject() {
    assertThat(run("-version")).isZero();
    assertThat(out.toString()).startsWith("Pinot ").contains("Java ");
  }

  @Test
  void commandsAndFlagsAreCaseInsensitiveAndDryRunByDefault() throws IOException {
    Path schema = Files.writeString(dir.resolve("schema.json"), SCHEMA);
    Path table = Files.writeString(dir.resolve("table.json"), TABLE);

    assertThat(run("addtable", "-SCHEMAFILE", schema.toString(), "-tableconfigfile", table.toString())).isZero();
    assertThat(out.toString()).contains("Dry run: would add schema 'transcript' from " + schema)
        .contains("Dry run: would add table 'transcript' from " + table + " to http://localhost:9000 (add -exec to "
            + "execute)");
    assertThat(run("DeleteTable", "-tableName", "transcript", "-type", "OFFLINE")).isZero();
    assertThat(out.toString()).contains("Dry run: would delete table 'transcript' (offline)");
    assertThat(run("DeleteSchema", "-schemaName", "transcript")).isZero();
    assertThat(out.toString()).contains("Dry run: would delete schema 'transcript'");
  }

  @Test
  void executesAgainstTheController() throws IOException {
    Path schema = Files.writeString(dir.resolve("schema.json"), SCHEMA);
    Path table = Files.writeString(dir.resolve("table.json"), TABLE);
    try (FakeController controller = new FakeController()) {
      String port = controller.url().substring(controller.url().lastIndexOf(':') + 1);
      controller.respond(200, "{\"status\":\"transcript successfully added\"}")
          .respond(200, "{\"status\":\"Table transcript_OFFLINE successfully added\"}");

      assertThat(run("AddTable", "-schemaFile", schema.toString(), "-tableConfigFile", table.toString(),
          "-controllerPort", port, "-exec")).isZero();
      assertThat(run("DeleteTable", "-tableName", "transcript", "-type", "offline", "-controllerPort", port,
          "-exec")).isZero();
      assertThat(run("DeleteSchema", "-schemaName", "transcript", "-controllerPort", port, "-exec")).isZero();

      assertThat(out.toString()).contains("Added schema 'transcript': transcript successfully added")
          .contains("Added table 'transcript': Table transcript_OFFLINE successfully added");
      assertThat(controller.writes()).extracting(r -> r.method() + " " + r.pathAndQuery()).containsExactly(
          "POST /schemas?override=true&force=false", "POST /tables", "DELETE /tables/transcript?type=offline",
          "DELETE /schemas/transcript");
      assertThat(controller.writes().get(1).bodyText()).isEqualTo(TABLE);
    }
  }

  @Test
  void failuresPrintOneLineAndExitOne() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"schemaName\": \"x\", \"dimensionFieldSpecs\": [");
    assertThat(run("AddSchema", "-schemaFile", bad.toString())).isEqualTo(1);
    assertThat(err.toString()).startsWith("ERROR: Invalid schema file " + bad + ": ").contains("end-of-input")
        .doesNotContain("\tat ");

    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    StringWriter fresh = new StringWriter();
    int exitCode = PinotAdministrator.execute(new PrintWriter(out, true), new PrintWriter(fresh, true),
        "PostQuery", "-brokerPort", Integer.toString(port), "-query", "select 1");
    assertThat(exitCode).isEqualTo(1);
    assertThat(fresh.toString()).isEqualTo("ERROR: Cannot connect to the broker at http://localhost:" + port
        + " (is it running?)" + System.lineSeparator());
    assertThat(run("DeleteTable", "-tableName", "t", "-type", "hybrid")).isEqualTo(1);
  }

  @Test
  void verbosePrintsTheStackTrace() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.json"), "not json");
    assertThat(run("AddSchema", "-schemaFile", bad.toString(), "-verbose")).isEqualTo(1);
    assertThat(err.toString()).contains("ERROR: Invalid schema file").contains("\tat ");
  }

  @Test
  void describesUnexpectedErrorsWithTheirType() {
    assertThat(PinotAdministrator.describe(new IllegalArgumentException("bad\nvalue"))).isEqualTo("bad value");
    assertThat(PinotAdministrator.describe(new NullPointerException()))
        .isEqualTo("NullPointerException (run with -verbose for the stack trace)");
    assertThat(PinotAdministrator.describe(new UnsupportedOperationException("nope")))
        .isEqualTo("UnsupportedOperationException: nope (run with -verbose for the stack trace)");
  }
}
