// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.admin.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pinot.common.utils.JsonUtils;
import io.pinot.tools.admin.AdminCommand;
import io.pinot.tools.admin.ControllerOptions;
import io.pinot.tools.client.ControllerClient;
import io.pinot.tools.cluster.ControllerLocator;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/// `RebalanceTable -tableName myTable_OFFLINE [-dryRun] [-downtime] [-minAvailableReplicas n] ...`: Apache Pinot's
/// table rebalance command with Pinot's flags. It calls the controller's `POST /tables/{t}/rebalance`; the
/// controller is `-controllerHost`/`-controllerPort`, or, given Pinot's `-zkAddress` and `-clusterName`, the
/// cluster's lead controller. A rebalance without downtime runs on the controller; the command follows
/// `/rebalanceStatus/{jobId}` until it ends, printing its progress, as Pinot's command waits for its rebalance.
/// Prints the `RebalanceResult` JSON; exits 0 when the rebalance is DONE or there was nothing to do (NO_OP).
@Command(name = "RebalanceTable", description = "Reassign instances and segments for a table.")
public final class RebalanceTableCommand extends AdminCommand {
  private static final long POLL_INTERVAL_MS = 1000;

  @Mixin
  ControllerOptions controller = new ControllerOptions();

  @Option(names = "-zkAddress", paramLabel = "<host:port>", description = "ZooKeeper address: rebalance through the "
      + "cluster's lead controller found there (instead of -controllerHost/-controllerPort).")
  @Nullable String zkAddress;

  @Option(names = "-clusterName", paramLabel = "<name>", description = "Cluster name, with -zkAddress (default: "
      + "PinotCluster).")
  String clusterName = "PinotCluster";

  @Option(names = "-tableName", required = true, paramLabel = "<name>", description = "Table to rebalance, with its "
      + "type suffix (myTable_OFFLINE), or raw with -tableType.")
  String tableName;

  @Option(names = {"-tableType", "-type"}, paramLabel = "<OFFLINE|REALTIME>", description = "Table type when "
      + "-tableName has no suffix.")
  @Nullable String tableType;

  @Option(names = "-dryRun", arity = "0..1", description = "Only compute and print the target assignment and summary "
      + "(default: false).")
  boolean dryRun;

  @Option(names = "-reassignInstances", arity = "0..1", description = "Reassign instances before segments (default: "
      + "true).")
  boolean reassignInstances = true;

  @Option(names = "-includeConsuming", arity = "0..1", description = "Reassign CONSUMING segments of a REALTIME "
      + "table too (default: true).")
  boolean includeConsuming = true;

  @Option(names = "-minimizeDataMovement", paramLabel = "<ENABLE|DISABLE|DEFAULT>", description = "Accepted for "
      + "compatibility: data movement is always minimized (use -bootstrap to reassign from scratch).")
  @Nullable String minimizeDataMovement;

  @Option(names = "-bootstrap", arity = "0..1", description = "Reassign every segment from scratch, round-robin "
      + "(default: false).")
  boolean bootstrap;

  @Option(names = "-downtime", arity = "0..1", description = "Allow downtime: write the target at once "
      + "(default: false).")
  boolean downtime;

  @Option(names = "-minAvailableReplicas", paramLabel = "<n>", description = "Without downtime, replicas of each "
      + "segment kept available; negative: replicas allowed down (default: -1).")
  int minAvailableReplicas = -1;

  @Option(names = "-batchSizePerServer", paramLabel = "<n>", description = "Segments added to one server per step; "
      + "-1 for no limit (default: -1).")
  int batchSizePerServer = -1;

  @Option(names = "-lowDiskMode", arity = "0..1", description = "Drop old replicas before adding new ones "
      + "(default: false).")
  boolean lowDiskMode;

  @Option(names = "-bestEfforts", arity = "0..1", description = "Do not fail when the no-downtime contract cannot be "
      + "kept (default: false).")
  boolean bestEfforts;

  @Option(names = "-externalViewCheckIntervalInMs", paramLabel = "<ms>", description = "How often the external view "
      + "is checked (default: 1000).")
  long externalViewCheckIntervalInMs = 1000;

  @Option(names = "-externalViewStabilizationTimeoutInMs", paramLabel = "<ms>", description = "How long a step may "
      + "make no progress (default: 3600000).")
  long externalViewStabilizationTimeoutInMs = 3_600_000;

  @Override
  public Integer call() throws IOException, InterruptedException {
    String url = zkAddress == null || zkAddress.isBlank() ? controller.url()
        : ControllerLocator.leaderUrl(zkAddress, clusterName);
    ControllerClient client = new ControllerClient(url, controller.authorization());
    JsonNode result = JsonUtils.parse(client.rebalance(rawTableName(), query()));
    String status = result.path("status").asText();
    String jobId = result.path("jobId").asText();
    if (status.equals("IN_PROGRESS")) {
      status = follow(client, jobId);
      ((ObjectNode) result).put("status", status);
    }
    out().println(JsonUtils.toPrettyJson(result));
    if (!status.equals("DONE") && !status.equals("NO_OP")) {
      throw new IllegalStateException("Rebalance of " + tableName + " ended " + status + ": "
          + result.path("description").asText());
    }
    return 0;
  }

  /// Polls the job until it ends; prints its progress when it changes; returns the final status.
  private String follow(ControllerClient client, String jobId) throws IOException, InterruptedException {
    String last = "";
    while (true) {
      String body = client.rebalanceStatus(jobId);
      if (body == null) {
        throw new IllegalStateException("Rebalance job " + jobId + " is not known to " + client.baseUri());
      }
      JsonNode stats = JsonUtils.parse(body).path("tableRebalanceProgressStats");
      JsonNode overall = stats.path("rebalanceProgressStatsOverall");
      String line = "Rebalance " + jobId + ": " + stats.path("status").asText() + ", "
          + (overall.path("totalSegmentsToBeAdded").asInt() - overall.path("totalRemainingSegmentsToBeAdded").asInt())
          + " of " + overall.path("totalSegmentsToBeAdded").asInt() + " segment replicas added, "
          + (overall.path("totalSegmentsToBeDeleted").asInt()
          - overall.path("totalRemainingSegmentsToBeDeleted").asInt()) + " of "
          + overall.path("totalSegmentsToBeDeleted").asInt() + " deleted";
      if (!line.equals(last)) {
        err().println(line);
        err().flush();
        last = line;
      }
      String status = stats.path("status").asText();
      if (!status.equals("IN_PROGRESS")) {
        if (!status.equals("DONE")) {
          err().println(stats.path("completionStatusMsg").asText());
        }
        return status;
      }
      Thread.sleep(POLL_INTERVAL_MS);
    }
  }

  /// The raw table name for the path; the type goes in the query.
  String rawTableName() {
    String upper = tableName.toUpperCase(Locale.ROOT);
    if (upper.endsWith("_OFFLINE") || upper.endsWith("_REALTIME")) {
      return tableName.substring(0, tableName.lastIndexOf('_'));
    }
    return tableName;
  }

  /// The query string of `POST /tables/{t}/rebalance` for these flags.
  String query() {
    String upper = tableName.toUpperCase(Locale.ROOT);
    String type = upper.endsWith("_OFFLINE") ? "OFFLINE" : upper.endsWith("_REALTIME") ? "REALTIME" : null;
    if (type == null) {
      if (tableType == null || tableType.isBlank()) {
        throw new IllegalArgumentException("-tableName " + tableName + " has no _OFFLINE or _REALTIME suffix: add "
            + "one, or pass -tableType");
      }
      type = tableType.trim().toUpperCase(Locale.ROOT);
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("type", type);
    parameters.put("dryRun", dryRun);
    parameters.put("reassignInstances", reassignInstances);
    parameters.put("includeConsuming", includeConsuming);
    parameters.put("bootstrap", bootstrap);
    parameters.put("downtime", downtime);
    parameters.put("minAvailableReplicas", minAvailableReplicas);
    parameters.put("batchSizePerServer", batchSizePerServer);
    parameters.put("lowDiskMode", lowDiskMode);
    parameters.put("bestEfforts", bestEfforts);
    parameters.put("externalViewCheckIntervalInMs", externalViewCheckIntervalInMs);
    parameters.put("externalViewStabilizationTimeoutInMs", externalViewStabilizationTimeoutInMs);
    StringBuilder query = new StringBuilder();
    parameters.forEach((name, value) -> query.append(query.isEmpty() ? "" : "&").append(name).append('=')
        .append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8)));
    return query.toString();
  }
}
