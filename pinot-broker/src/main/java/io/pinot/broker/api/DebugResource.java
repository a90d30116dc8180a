// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.api;

import io.pinot.broker.routing.RoutingManager;
import io.pinot.broker.routing.TableRoute;
import io.pinot.common.http.RestException;
import io.pinot.query.TimeBoundaryFilter;
import io.pinot.spi.utils.TableNameBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/// The broker's debug endpoints that connectors call: `GET /debug/routingTable/{tableName}`
/// (`{"<table>_OFFLINE": {"Server_h_p": [segments]}}`) and `GET /debug/timeBoundary/{tableName}`
/// (`{"timeColumn": "ts", "timeValue": "19730"}`, 404 when the table is not hybrid, which connectors read as "no time
/// boundary").
@Path("/debug")
@Produces(MediaType.APPLICATION_JSON)
public final class DebugResource {
  private final RoutingManager routing;

  public DebugResource(RoutingManager routing) {
    this.routing = routing;
  }

  @GET
  @Path("/routingTable/{tableName}")
  public Map<String, Map<String, List<String>>> routingTable(@PathParam("tableName") String tableName) {
    Map<String, Map<String, List<String>>> result = new TreeMap<>();
    String raw = TableNameBuilder.rawTableName(tableName);
    for (String table : List.of(TableNameBuilder.offline(raw), TableNameBuilder.realtime(raw))) {
      TableRoute route = routing.route(table);
      if (route == null) {
        continue;
      }
      Map<String, List<String>> servers = new TreeMap<>();
      for (Map.Entry<String, List<String>> segment : new TreeMap<>(route.segments()).entrySet()) {
        if (!segment.getValue().isEmpty()) {
          servers.computeIfAbsent(segment.getValue().get(0), key -> new ArrayList<>()).add(segment.getKey());
        }
      }
      result.put(table, servers);
    }
    if (result.isEmpty()) {
      throw RestException.notFound("Cannot find routing for table: " + tableName);
    }
    return result;
  }

  /// Apache Pinot's `{"timeColumn": ..., "timeValue": ...}` of a hybrid table (named raw or with either suffix);
  /// 404 when the table is not hybrid or its OFFLINE half has no boundary yet.
  @GET
  @Path("/timeBoundary/{tableName}")
  public Map<String, String> timeBoundary(@PathParam("tableName") String tableName) {
    TimeBoundaryFilter boundary = routing.timeBoundary(tableName);
    if (boundary == null) {
      throw RestException.notFound("Cannot find time boundary for table: " + tableName);
    }
    Map<String, String> result = new LinkedHashMap<>();
    result.put("timeColumn", boundary.timeColumn());
    result.put("timeValue", boundary.timeValue());
    return result;
  }
}
