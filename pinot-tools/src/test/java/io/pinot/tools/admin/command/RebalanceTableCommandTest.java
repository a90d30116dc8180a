// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.admin.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.tools.admin.PinotAdministrator;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/// `RebalanceTable` turns Pinot's flags into the query of `POST /tables/{t}/rebalance`.
class RebalanceTableCommandTest {
  private static RebalanceTableCommand parse(String... args) {
    CommandLine commandLine = PinotAdministrator.commandLine(new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()));
    String[] all = new String[args.length + 1];
    all[0] = "RebalanceTable";
    System.arraycopy(args, 0, all, 1, args.length);
    return (RebalanceTableCommand) commandLine.parseArgs(all).subcommand().commandSpec().userObject();
  }

  @Test
  void defaultsArePinots() {
    RebalanceTableCommand command = parse("-zkAddress", "localhost:2191", "-clusterName", "PinotCluster",
        "-tableName", "myTable_OFFLINE");
    assertThat(command.rawTableName()).isEqualTo("myTable");
    assertThat(command.query()).isEqualTo("type=OFFLINE&dryRun=false&reassignInstances=true&includeConsuming=true"
        + "&bootstrap=false&downtime=false&minAvailableReplicas=-1&batchSizePerServer=-1&lowDiskMode=false"
        + "&bestEfforts=false&externalViewCheckIntervalInMs=1000&externalViewStabilizationTimeoutInMs=3600000");
    assertThat(command.zkAddress).isEqualTo("localhost:2191");
  }

  @Test
  void flagsAreCarriedOver() {
    RebalanceTableCommand command = parse("-tableName", "events_REALTIME", "-dryRun", "-downtime",
        "-includeConsuming=false", "-minAvailableReplicas", "2", "-bestEfforts", "true", "-batchSizePerServer", "10",
        "-externalViewCheckIntervalInMs", "500", "-controllerPort", "9100");
    assertThat(command.rawTableName()).isEqualTo("events");
    assertThat(command.query()).startsWith("type=REALTIME&dryRun=true&reassignInstances=true&includeConsuming=false"
        + "&bootstrap=false&downtime=true&minAvailableReplicas=2&batchSizePerServer=10&lowDiskMode=false"
        + "&bestEfforts=true&externalViewCheckIntervalInMs=500&");
    assertThat(command.controller.url()).isEqualTo("http://localhost:9100");
  }

  @Test
  void rawNameNeedsAType() {
    assertThat(parse("-tableName", "events", "-tableType", "offline").query()).startsWith("type=OFFLINE&");
    assertThatThrownBy(() -> parse("-tableName", "events").query()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-tableType");
  }
}
