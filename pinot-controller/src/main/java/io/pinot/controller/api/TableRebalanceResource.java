// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api;

import io.pinot.common.http.RestException;
import io.pinot.controller.ControllerContext;
import io.pinot.controller.rebalance.RebalanceConfig;
import io.pinot.controller.rebalance.RebalanceResult;
import io.pinot.spi.config.table.TableType;
import io.pinot.spi.utils.TableNameBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/// Apache Pinot's table rebalance endpoints: `POST /tables/{tableName}/rebalance?type=OFFLINE|REALTIME&dryRun=...`
/// answers Pinot's `RebalanceResult` (a dry run changes nothing; without downtime the rebalance goes on in the
/// background, answered IN_PROGRESS with the `jobId` to poll at `/rebalanceStatus/{jobId}`), and
/// `DELETE /tables/{tableName}/rebalance?type=` cancels the table's running rebalance, answering the cancelled job
/// ids. Query parameters and their defaults are Pinot's; a bad value is answered 400.
@Path("/tables/{tableName}/rebalance")
@Produces(MediaType.APPLICATION_JSON)
public final class TableRebalanceResource {
  private final ControllerContext context;

  public TableRebalanceResource(ControllerContext context) {
    this.context = context;
  }

  @POST
  @SuppressWarnings("checkstyle:ParameterNumber") // Pinot's query parameters, one each
  public RebalanceResult rebalance(@PathParam("tableName") String tableName,
      @QueryParam("type") @Nullable String type,
      @QueryParam("dryRun") @Nullable String dryRun,
      @QueryParam("disableSummary") @Nullable String disableSummary,
      @QueryParam("reassignInstances") @Nullable String reassignInstances,
      @QueryParam("includeConsuming") @Nullable String includeConsuming,
      @QueryParam("bootstrap") @Nullable String bootstrap,
      @QueryParam("downtime") @Nullable String downtime,
      @QueryParam("minAvailableReplicas") @Nullable String minAvailableReplicas,
      @QueryParam("lowDiskMode") @Nullable String lowDiskMode,
      @QueryParam("bestEfforts") @Nullable String bestEfforts,
      @QueryParam("batchSizePerServer") @Nullable String batchSizePerServer,
      @QueryParam("externalViewCheckIntervalInMs") @Nullable String checkInterval,
      @QueryParam("externalViewStabilizationTimeoutInMs") @Nullable String stabilizationTimeout,
      @QueryParam("heartbeatIntervalInMs") @Nullable String heartbeatInterval,
      @QueryParam("heartbeatTimeoutInMs") @Nullable String heartbeatTimeout) {
    String tableNameWithType = tableNameWithType(tableName, type);
    RebalanceConfig config;
    try {
      config = new RebalanceConfig(
          bool("dryRun", dryRun, false),
          bool("disableSummary", disableSummary, false),
          bool("reassignInstances", reassignInstances, true),
          bool("includeConsuming", includeConsuming, true),
          bool("bootstrap", bootstrap, false),
          bool("downtime", downtime, false),
          (int) number("minAvailableReplicas", minAvailableReplicas, RebalanceConfig.DEFAULT_MIN_AVAILABLE_REPLICAS),
          bool("lowDiskMode", lowDiskMode, false),
          bool("bestEfforts", bestEfforts, false),
          (int) number("batchSizePerServer", batchSizePerServer, -1),
          number("externalViewCheckIntervalInMs", checkInterval,
              RebalanceConfig.DEFAULT_EXTERNAL_VIEW_CHECK_INTERVAL_IN_MS),
          number("externalViewStabilizationTimeoutInMs", stabilizationTimeout,
              RebalanceConfig.DEFAULT_EXTERNAL_VIEW_STABILIZATION_TIMEOUT_IN_MS),
          number("heartbeatIntervalInMs", heartbeatInterval, RebalanceConfig.DEFAULT_HEARTBEAT_INTERVAL_IN_MS),
          number("heartbeatTimeoutInMs", heartbeatTimeout, RebalanceConfig.DEFAULT_HEARTBEAT_TIMEOUT_IN_MS));
    } catch (IllegalArgumentException e) {
      throw RestException.badRequest(e.getMessage());
    }
    return context.rebalancer().rebalance(tableNameWithType, config);
  }

  @DELETE
  public List<String> cancel(@PathParam("tableName") String tableName, @QueryParam("type") @Nullable String type) {
    return context.rebalancer().cancel(tableNameWithType(tableName, type));
  }

  /// The table name with type from the path (which may carry the type) and `type` (Pinot requires one of them).
  static String tableNameWithType(String tableName, @Nullable String type) {
    TableType fromName = TableNameBuilder.tableType(tableName);
    TableType fromParam = null;
    if (type != null && !type.isBlank()) {
      try {
        fromParam = TableType.valueOf(type.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw RestException.badRequest("Illegal table type: " + type + " (use OFFLINE or REALTIME)");
      }
    }
    if (fromName != null && fromParam != null && fromName != fromParam) {
      throw RestException.badRequest("Table " + tableName + " does not match type " + type);
    }
    TableType tableType = fromParam != null ? fromParam : fromName;
    if (tableType == null) {
      throw RestException.badRequest("Illegal table type: null (pass type=OFFLINE or type=REALTIME)");
    }
    return TableNameBuilder.tableNameWithType(TableNameBuilder.rawTableName(tableName), tableType);
  }

  private static boolean bool(String name, @Nullable String value, boolean defaultValue) {
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("Invalid value of " + name + ": " + value
          + " (use true or false)");
    };
  }

  private static long number(String name, @Nullable String value, long defaultValue) {
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    try {
      long parsed = Long.parseLong(value.trim());
      if (name.equals("minAvailableReplicas") || name.equals("batchSizePerServer")) {
        return Math.toIntExact(parsed);
      }
      return parsed;
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("Invalid value of " + name + ": " + value + " (an integer is expected)");
    }
  }
}
