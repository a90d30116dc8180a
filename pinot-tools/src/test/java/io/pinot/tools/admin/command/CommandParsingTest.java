// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.admin.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.controller.ControllerConfigKey;
import io.pinot.server.ServerConfigKey;
import io.pinot.spi.env.PinotConfiguration;
import io.pinot.tools.admin.PinotAdministrator;
import io.pinot.tools.admin.ProcessRole;
import io.pinot.tools.ingestion.spec.SegmentGenerationJobSpec;
import io.pinot.tools.quickstart.QuickStart;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/// Parses each command's flags (without running it) and checks the values the command would use.
class CommandParsingTest {
  @TempDir
  Path dir;

  @SuppressWarnings("unchecked")
  private static <T> T parse(String... args) {
    CommandLine commandLine = PinotAdministrator.commandLine(new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()));
    CommandLine.ParseResult result = commandLine.parseArgs(args);
    return (T) result.subcommand().commandSpec().userObject();
  }

  @Test
  void startZookeeper() {
    StartZookeeperCommand command = parse("StartZookeeper", "-zkPort", "2191", "-dataDir", "/tmp/zk");
    assertThat(command.zkPort).isEqualTo(2191);
    assertThat(command.dataDir).isEqualTo(Path.of("/tmp/zk"));
    assertThat(((StartZookeeperCommand) parse("StartZookeeper")).zkPort).isEqualTo(2181);
  }

  @Test
  void startControllerFlagsOverrideTheConfigFile() throws IOException {
    Path conf = Files.writeString(dir.resolve("controller.conf"), """
        controller.zk.str=zk1:2181
        controller.port=9100
        controller.helix.cluster.name=FromFile
        controller.data.dir=/data/deepstore
        custom.key=kept
        """);

    StartControllerCommand command = parse("StartController", "-configFileName", conf.toString(),
        "-controllerPort", "9200", "-clusterName", "FromFlag", "-controllerHost", "host1");
    PinotConfiguration configuration = command.configuration();

    assertThat(configuration.get(ControllerConfigKey.ZK_ADDRESS.key())).isEqualTo("zk1:2181");
    assertThat(configuration.get(ControllerConfigKey.PORT.key())).isEqualTo("9200");
    assertThat(configuration.get(ControllerConfigKey.CLUSTER_NAME.key())).isEqualTo("FromFlag");
    assertThat(configuration.get(ControllerConfigKey.HOST.key())).isEqualTo("host1");
    assertThat(configuration.get(ControllerConfigKey.DATA_DIR.key())).isEqualTo("/data/deepstore");
    assertThat(configuration.get("custom.key")).isEqualTo("kept");

    PinotConfiguration defaults = ((StartControllerCommand) parse("StartController", "-zkAddress", "zk:2181",
        "-dataDir", "/d")).configuration();
    assertThat(defaults.get(ControllerConfigKey.ZK_ADDRESS.key())).isEqualTo("zk:2181");
    assertThat(defaults.get(ControllerConfigKey.DATA_DIR.key())).isEqualTo("/d");
    assertThat(defaults.get(ControllerConfigKey.PORT.key())).isNull();
    assertThat(((StartControllerCommand) parse("StartController")).configuration()
        .get(ControllerConfigKey.DATA_DIR.key())).endsWith("PinotController");
  }

  @Test
  void startControllerRejectsAMissingConfigFile() {
    StartControllerCommand command = parse("StartController", "-configFileName", "/no/such.conf");
    assertThatThrownBy(command::configuration).hasMessage("Config file /no/such.conf does not exist");
  }

  @Test
  void startBroker() throws IOException {
    StartBrokerCommand command = parse("StartBroker", "-zkAddress", "zk:2181", "-clusterName", "C",
        "-brokerHost", "b1", "-brokerPort", "8100");
    PinotConfiguration configuration = command.configuration();
    assertThat(configuration.toMap()).containsEntry("pinot.zk.server", "zk:2181")
        .containsEntry("pinot.cluster.name", "C").containsEntry("pinot.broker.hostname", "b1")
        .containsEntry("pinot.broker.client.queryPort", "8100");
  }

  @Test
  void startServerGetsPerPortDefaultDirectories() throws IOException {
    StartServerCommand command = parse("StartServer", "-zkAddress", "zk:2181", "-serverHost", "s1",
        "-serverPort", "7001", "-serverAdminPort", "7501", "-segmentDir", "/seg");
    PinotConfiguration configuration = command.configuration();
    assertThat(configuration.toMap()).containsEntry("pinot.server.netty.host", "s1")
        .containsEntry("pinot.server.netty.port", "7001").containsEntry("pinot.server.adminapi.port", "7501")
        .containsEntry("pinot.server.instance.segmentTarDir", "/seg");
    assertThat(configuration.get(ServerConfigKey.DATA_DIR.key())).endsWith("PinotServer/7001/index");

    StartServerCommand explicit = parse("StartServer", "-dataDir", "/idx");
    assertThat(explicit.configuration().get(ServerConfigKey.DATA_DIR.key())).isEqualTo("/idx");
    assertThat(explicit.configuration().get(ServerConfigKey.SEGMENT_TAR_DIR.key()))
        .endsWith("PinotServer/8098/segmentTar");
  }

  @Test
  void controllerCommands() {
    AddSchemaCommand addSchema = parse("AddSchema", "-schemaFile", "s.json", "-controllerHost", "c1",
        "-controllerPort", "9100", "-controllerProtocol", "HTTPS", "-exec");
    assertThat(addSchema.schemaFile).isEqualTo(Path.of("s.json"));
    assertThat(addSchema.exec).isTrue();
    assertThat(addSchema.controller.url()).isEqualTo("https://c1:9100");
    assertThat(addSchema.controller.authorization()).isNull();

    AddTableCommand addTable = parse("AddTable", "-offlineTableConfigFile", "t.json", "-user", "admin",
        "-password", "verysecret");
    assertThat(addTable.tableConfigFile).isEqualTo(Path.of("t.json"));
    assertThat(addTable.schemaFile).isNull();
    assertThat(addTable.exec).isFalse();
    assertThat(addTable.controller.authorization()).isEqualTo("Basic YWRtaW46dmVyeXNlY3JldA==");

    DeleteTableCommand deleteTable = parse("DeleteTable", "-tableName", "t", "-type", "realtime", "-authToken",
        "Bearer x");
    assertThat(deleteTable.tableName).isEqualTo("t");
    assertThat(deleteTable.type).isEqualTo("realtime");
    assertThat(deleteTable.controller.authorization()).isEqualTo("Bearer x");

    DeleteSchemaCommand deleteSchema = parse("DeleteSchema", "-schemaName", "s", "-exec");
    assertThat(deleteSchema.schemaName).isEqualTo("s");

    UploadSegmentCommand upload = parse("UploadSegment", "-segmentDir", "/segs", "-tableName", "t");
    assertThat(upload.segmentDir).isEqualTo(Path.of("/segs"));
    assertThat(upload.tableType).isEqualTo("OFFLINE");
  }

  @Test
  void uploadSegmentListsDirectoriesAndTarballs() throws IOException {
    Files.createDirectories(dir.resolve("t_OFFLINE_1"));
    Files.writeString(dir.resolve("t_OFFLINE_0.tar.gz"), "x");
    Files.writeString(dir.resolve("notes.txt"), "x");
    assertThat(UploadSegmentCommand.segments(dir)).extracting(path -> path.getFileName().toString())
        .containsExactly("t_OFFLINE_0.tar.gz", "t_OFFLINE_1");
    assertThatThrownBy(() -> UploadSegmentCommand.segments(dir.resolve("t_OFFLINE_1")))
        .hasMessageStartingWith("No segment directories or .tar.gz files in");
  }

  @Test
  void launchDataIngestionJobTemplatesTheSpec() throws IOException {
    Path spec = Files.writeString(dir.resolve("job.yaml"), """
        jobType: SegmentCreationAndTarPush
        inputDirURI: '/data/${year}/${month}'
        outputDirURI: '${out}'
        """);
    Path properties = Files.writeString(dir.resolve("job.properties"), "month=02\nout=/segments\n");

    LaunchDataIngestionJobCommand command = parse("LaunchDataIngestionJob", "-jobSpecFile", spec.toString(),
        "-values", "year=2014", "month=01", "-propertyFile", properties.toString(), "-authToken", "Basic x");
    assertThat(command.values).containsExactly("year=2014", "month=01");
    SegmentGenerationJobSpec job = command.loadSpec();

    assertThat(job.inputDirURI()).isEqualTo("/data/2014/01");
    assertThat(job.outputDirURI()).isEqualTo("/segments");
    assertThat(job.authToken()).isEqualTo("Basic x");
  }

  @Test
  void postQuery() {
    PostQueryCommand command = parse("PostQuery", "-brokerHost", "b", "-brokerPort", "8100", "-query",
        "select count(*) from t");
    assertThat(command.brokerUrl()).isEqualTo("http://b:8100");
    assertThat(command.query).isEqualTo("select count(*) from t");
    assertThat(((PostQueryCommand) parse("PostQuery", "-query", "q")).brokerUrl()).isEqualTo("http://localhost:8099");
  }

  @Test
  void quickStartTypesAndAliases() {
    QuickStart.Options batch = ((QuickStartCommand) parse("QuickStart", "-type", "BATCH", "-tmpDir", "/qs"))
        .options();
    assertThat(batch).isEqualTo(new QuickStart.Options(QuickStart.Type.BATCH, Path.of("/qs"), null));
    QuickStart.Options empty = ((QuickStartCommand) parse("QuickStart", "-type", "Empty", "-quickstartDir", "/e",
        "-zkAddress", "zk:2181")).options();
    assertThat(empty).isEqualTo(new QuickStart.Options(QuickStart.Type.EMPTY, Path.of("/e"), "zk:2181"));
    assertThat(((QuickStartCommand) parse("QuickStart", "-type", "offline", "-dataDir", "/d")).options().type())
        .isEqualTo(QuickStart.Type.BATCH);
    assertThat(((QuickStartCommand) parse("QuickStart")).options().dataDir()).isNull();
    assertThat(((QuickStartCommand) parse("QuickStart")).options().type()).isEqualTo(QuickStart.Type.BATCH);
    for (String name : List.of("NULL_HANDLING", "null_handling", "Null_Handling", "null-handling")) {
      assertThat(((QuickStartCommand) parse("QuickStart", "-type", name)).options().type()).as(name)
          .isEqualTo(QuickStart.Type.NULL_HANDLING);
    }
    for (String name : List.of("stream", "STREAM", "realtime", "RealTime")) {
      assertThat(((QuickStartCommand) parse("QuickStart", "-type", name)).options().type()).as(name)
          .isEqualTo(QuickStart.Type.STREAM);
    }
    assertThat(((QuickStartCommand) parse("QuickStart", "-type", "Hybrid")).options().type())
        .isEqualTo(QuickStart.Type.HYBRID);
    assertThat(((QuickStartCommand) parse("QuickStart", "-type", "upsert")).options().type())
        .isEqualTo(QuickStart.Type.UPSERT);
    assertThatThrownBy(() -> ((QuickStartCommand) parse("QuickStart", "-type", "geospatial")).options())
        .hasMessage("QuickStart type 'geospatial' is not supported yet: use batch (alias offline), null_handling, "
            + "stream (alias realtime), hybrid, upsert or empty (alias default)");
    assertThatThrownBy(() -> QuickStart.Type.fromName("nullhandling"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void stopProcessRoles() {
    assertThat(((StopProcessCommand) parse("StopProcess")).roles()).containsExactlyInAnyOrder(ProcessRole.values());
    assertThat(((StopProcessCommand) parse("StopProcess", "-server", "-zooKeeper")).roles())
        .containsExactlyInAnyOrder(ProcessRole.SERVER, ProcessRole.ZOOKEEPER);
    assertThat(((StopProcessCommand) parse("StopProcess", "-CONTROLLER", "-Broker")).roles())
        .isEqualTo(java.util.Set.copyOf(List.of(ProcessRole.CONTROLLER, ProcessRole.BROKER)));
  }
}
