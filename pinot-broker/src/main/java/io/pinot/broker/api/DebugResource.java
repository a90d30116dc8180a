// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.api;

import io.pinot.broker.pruning.PartitionPruning;
import io.pinot.broker.pruning.TimeSegmentPruner;
import io.pinot.broker.routing.BalancedInstanceSelector;
import io.pinot.broker.routing.RoutedTable;
import io.pinot.broker.routing.RoutingManager;
import io.pinot.broker.routing.Selection;
import io.pinot.broker.routing.ServerAddress;
import io.pinot.broker.routing.TableRoute;
import io.pinot.common.http.RestException;
import io.pinot.query.CompiledQuery;
import io.pinot.query.CompiledQueryCache;
import io.pinot.query.TimeBoundaryFilter;
import io.pinot.query.context.FilterNode;
import io.pinot.spi.config.table.TableType;
import io.pinot.spi.exception.QueryException;
import io.pinot.spi.utils.TableNameBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/// The broker's debug endpoints that connectors call: `GET /debug/routingTable/{tableName}`
/// (`{"<table>_OFFLINE": {"Server_h_p": [segments]}}`, read by Trino and Presto), `GET /debug/routingTable/sql?query=`
/// (`{"Server_h_p": [segments]}` for one query, pruned as the query would be, read by Spark) and
/// `GET /debug/timeBoundary/{tableName}` (`{"timeColumn": "ts", "timeValue": "19730"}`, 404 when the table is not
/// hybrid, which connectors read as "no time boundary"). Every segment is given one live replica, chosen as for a
/// query, so that a connector reads each segment once and only from a server that is up.
@Path("/debug")
@Produces(MediaType.APPLICATION_JSON)
public final class DebugResource {
  private final RoutingManager routing;
  private final CompiledQueryCache compiled = new CompiledQueryCache(100);
  private final AtomicLong requestIds = new AtomicLong();

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
      if (route != null) {
        result.put(table, serverSegments(route, Set.of()));
      }
    }
    if (result.isEmpty()) {
      throw RestException.notFound("Cannot find routing for table: " + tableName);
    }
    return result;
  }

  /// The servers and segments one query reads: the table its FROM clause names (both halves of a hybrid table for
  /// a raw name), with the segments the broker would prune for its filter left out. 400 for SQL that does not
  /// compile, 404 when the broker has no routing for the table.
  @GET
  @Path("/routingTable/sql")
  public Map<String, List<String>> routingTableForQuery(@QueryParam("query") @Nullable String sql) {
    if (sql == null || sql.isBlank()) {
      throw RestException.badRequest("Parameter 'query' is required: GET /debug/routingTable/sql?query=<SQL>");
    }
    CompiledQuery query;
    try {
      query = compiled.get(sql);
    } catch (QueryException e) {
      throw RestException.badRequest("Cannot compile query: " + e.getMessage());
    }
    Map<String, List<String>> result = new TreeMap<>();
    boolean routed = false;
    for (RoutedTable table : routing.resolveTables(query.tableName())) {
      TableRoute route = routing.route(table.tableNameWithType());
      if (route == null) {
        continue;
      }
      routed = true;
      CompiledQuery resolved = route.schema() == null ? query : query.resolve(route.schema());
      FilterNode filter = resolved.context().filter();
      TimeBoundaryFilter boundary = table.timeBoundary();
      TableType type = TableNameBuilder.tableType(table.tableNameWithType());
      if (boundary != null && type != null) {
        filter = boundary.and(filter, type);
      }
      Set<String> pruned = new HashSet<>(PartitionPruning.pruned(route, filter));
      pruned.addAll(TimeSegmentPruner.pruned(route, filter));
      serverSegments(route, pruned).forEach((server, segments) ->
          result.computeIfAbsent(server, key -> new ArrayList<>()).addAll(segments));
    }
    if (!routed) {
      throw RestException.notFound("Cannot find routing for table: " + query.tableName());
    }
    return result;
  }

  /// Server instance id → its segments, one live replica per segment, sorted.
  private Map<String, List<String>> serverSegments(TableRoute route, Set<String> pruned) {
    Selection selection = BalancedInstanceSelector.select(route, pruned, requestIds.incrementAndGet(), routing);
    Map<String, List<String>> servers = new TreeMap<>();
    for (Map.Entry<ServerAddress, List<String>> entry : selection.serverSegments().entrySet()) {
      List<String> segments = new ArrayList<>(entry.getValue());
      segments.sort(null);
      servers.put(entry.getKey().instanceId(), segments);
    }
    return servers;
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
