// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api;

import io.pinot.common.http.RestException;
import io.pinot.controller.ControllerContext;
import io.pinot.spi.config.table.TableType;
import io.pinot.spi.utils.TableNameBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// Apache Pinot's periodic task endpoints: `GET /periodictask/names` and
/// `GET /periodictask/run?taskname=&tableName=&type=`, which starts a run at once and answers
/// `{"taskId": "api-...", "isSuccessful": true}`. An unknown task or table is 404; a raw table name that matches both
/// halves of a hybrid table without `type` is 400.
@Path("/periodictask")
@Produces(MediaType.APPLICATION_JSON)
public final class PeriodicTaskResource {
  private final ControllerContext context;

  public PeriodicTaskResource(ControllerContext context) {
    this.context = context;
  }

  @GET
  @Path("/names")
  public List<String> names() {
    return context.periodicTasks().names();
  }

  @GET
  @Path("/run")
  public Map<String, Object> run(@QueryParam("taskname") @Nullable String taskName,
      @QueryParam("tableName") @Nullable String tableName, @QueryParam("type") @Nullable String type) {
    if (taskName == null || taskName.isBlank()) {
      throw RestException.badRequest("Parameter 'taskname' is required; see GET /periodictask/names");
    }
    if (!context.periodicTasks().has(taskName)) {
      throw RestException.notFound("Periodic task '" + taskName + "' not found.");
    }
    String table = tableName == null || tableName.isBlank() ? null : resolve(tableName, type);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("taskId", context.periodicTasks().trigger(taskName, table));
    result.put("isSuccessful", true);
    return result;
  }

  private String resolve(String tableName, @Nullable String type) {
    String raw = TableNameBuilder.rawTableName(tableName);
    TableType wanted = TableNameBuilder.tableType(tableName);
    if (wanted == null && type != null && !type.isBlank()) {
      try {
        wanted = TableType.valueOf(type.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw RestException.badRequest("Illegal table type '" + type + "': use OFFLINE or REALTIME");
      }
    }
    List<String> matching = new ArrayList<>();
    for (TableType candidate : TableType.values()) {
      String withType = TableNameBuilder.tableNameWithType(raw, candidate);
      if ((wanted == null || wanted == candidate) && context.metadataStore().tableConfig(withType) != null) {
        matching.add(withType);
      }
    }
    if (matching.isEmpty()) {
      throw RestException.notFound("Table '" + tableName + "' not found.");
    }
    if (matching.size() > 1) {
      throw RestException.badRequest("More than one table matches Table '" + tableName + "'. Matching names: "
          + matching);
    }
    return matching.get(0);
  }
}
