// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.api;

import io.pinot.common.http.RestException;
import io.pinot.server.data.InstanceDataManager;
import io.pinot.server.data.TableDataManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// Apache Pinot's server side of reload job status: `GET /controllerJob/reloadStatus/{tableNameWithType}
/// ?reloadJobTimestamp=<epoch ms>[&segmentName=a|b][&reloadJobId=]` answers `{"totalSegmentCount", "successCount",
/// "failureCount"}` for this server: of the named segments (all loaded ones without `segmentName`), how many were
/// (re)loaded at or after the job's submission and how many failed to reload since. The controller sums the answers.
@Path("/controllerJob")
@Produces(MediaType.APPLICATION_JSON)
public final class ControllerJobStatusResource {
  private final InstanceDataManager dataManager;

  ControllerJobStatusResource(InstanceDataManager dataManager) {
    this.dataManager = dataManager;
  }

  @GET
  @Path("/reloadStatus/{tableNameWithType}")
  public Map<String, Object> reloadStatus(@PathParam("tableNameWithType") String tableNameWithType,
      @QueryParam("reloadJobTimestamp") @Nullable Long reloadJobTimestamp,
      @QueryParam("segmentName") @Nullable String segmentName,
      @QueryParam("reloadJobId") @Nullable String reloadJobId) {
    if (reloadJobTimestamp == null) {
      throw RestException.badRequest("reloadJobTimestamp is required (the job's submission time in epoch ms)");
    }
    TableDataManager table = dataManager.table(tableNameWithType);
    if (table == null) {
      throw RestException.notFound("Table " + tableNameWithType + " does not exist");
    }
    List<String> segments = null;
    if (segmentName != null && !segmentName.isEmpty()) {
      segments = new ArrayList<>();
      for (String name : segmentName.split("\\|")) {
        if (!name.isEmpty()) {
          segments.add(name);
        }
      }
    }
    TableDataManager.ReloadStatus status = table.reloadStatus(segments, reloadJobTimestamp);
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("totalSegmentCount", status.totalSegmentCount());
    response.put("successCount", status.successCount());
    response.put("failureCount", status.failureCount());
    return response;
  }
}
