// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.api;

import io.pinot.common.http.RestException;
import io.pinot.server.data.InstanceDataManager;
import io.pinot.server.data.TableDataManager;
import io.pinot.server.query.RunningQueries;
import io.pinot.server.realtime.RealtimeSegments;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.glassfish.jersey.server.ResourceConfig;

/// The server's admin REST API: `GET /health`, `GET /tables` and `GET /tables/{tableNameWithType}/size`
/// (`{"tableName", "diskSizeInBytes", "segments": [{"segmentName", "diskSizeInBytes"}]}`, what the
/// controller's table size endpoint aggregates), and Apache Pinot's query cancellation: `DELETE /query/{queryId}`
/// (`<brokerId>_<requestId>` or with an `_O`/`_R` suffix; 200 "Cancelled query: id", 404 when no such query runs)
/// and `GET /queries/id` (the ids of the queries waiting or running).
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class ServerAdminApi {
  private final InstanceDataManager dataManager;
  private final RunningQueries runningQueries;

  private ServerAdminApi(InstanceDataManager dataManager, RunningQueries runningQueries) {
    this.dataManager = dataManager;
    this.runningQueries = runningQueries;
  }

  public static ResourceConfig resources(InstanceDataManager dataManager, RunningQueries runningQueries,
      RealtimeSegments realtime) {
    return new ResourceConfig().registerInstances(new ServerAdminApi(dataManager, runningQueries),
        new ConsumingSegmentsResource(realtime), new ControllerJobStatusResource(dataManager));
  }

  @DELETE
  @Path("query/{queryId}")
  @Produces(MediaType.TEXT_PLAIN)
  public String cancelQuery(@PathParam("queryId") String queryId) {
    if (!runningQueries.cancel(queryId)) {
      throw RestException.notFound("Query: " + queryId + " not found on the server");
    }
    return "Cancelled query: " + queryId;
  }

  @GET
  @Path("queries/id")
  public Set<String> runningQueryIds() {
    return runningQueries.ids();
  }

  @GET
  @Path("health")
  @Produces(MediaType.TEXT_PLAIN)
  public String health() {
    return "OK";
  }

  @GET
  @Path("tables")
  public Map<String, List<String>> tables() {
    return Map.of("tables", dataManager.tableNames());
  }

  @GET
  @Path("tables/{tableName}/size")
  public Map<String, Object> size(@PathParam("tableName") String tableName) throws IOException {
    TableDataManager table = dataManager.table(tableName);
    if (table == null) {
      throw RestException.notFound("Table " + tableName + " not found on this server");
    }
    List<Map<String, Object>> segments = new ArrayList<>();
    long total = 0;
    for (Map.Entry<String, Long> segment : dataManager.segmentSizes(tableName).entrySet()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("segmentName", segment.getKey());
      entry.put("diskSizeInBytes", segment.getValue());
      segments.add(entry);
      total += segment.getValue();
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("tableName", tableName);
    result.put("diskSizeInBytes", total);
    result.put("segments", segments);
    return result;
  }
}
