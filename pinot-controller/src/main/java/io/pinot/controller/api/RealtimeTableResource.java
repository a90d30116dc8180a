// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.cluster.StateModels;
import io.pinot.common.http.RestException;
import io.pinot.common.metadata.InstanceInfo;
import io.pinot.common.utils.JsonUtils;
import io.pinot.controller.ControllerContext;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.stream.StreamException;
import io.pinot.spi.utils.TableNameBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/// Apache Pinot's operations on REALTIME tables: `POST /tables/{t}/pauseConsumption` (no new consuming segments;
/// the current ones commit), `POST /tables/{t}/resumeConsumption`, `GET /tables/{t}/pauseStatus`,
/// `POST /tables/{t}/forceCommit`, `GET /tables/{t}/consumingSegmentsInfo` (each server's consumers: state,
/// offsets, row counters, last error) and `GET /tables/{t}/status` (`ingestionStatus`: HEALTHY, or UNHEALTHY with
/// the segments, partitions and offsets that stopped).
@Path("/tables/{tableName}")
@Produces(MediaType.APPLICATION_JSON)
public final class RealtimeTableResource {
  private final ControllerContext context;

  public RealtimeTableResource(ControllerContext context) {
    this.context = context;
  }

  @POST
  @Path("pauseConsumption")
  public Map<String, Object> pause(@PathParam("tableName") String tableName) throws StreamException {
    TableConfig config = realtimeConfig(tableName);
    context.realtime().segments().setPaused(config, true);
    List<String> consuming = context.realtime().forceCommit(config.tableName(),
        context.idealStates().idealState(config.tableName()));
    return pauseStatus(true, consuming, "Pause flag is set. Consuming segments are being committed. Use "
        + "/pauseStatus endpoint in a few moments to check if all consuming segments have been committed.");
  }

  @POST
  @Path("resumeConsumption")
  public Map<String, Object> resume(@PathParam("tableName") String tableName) throws StreamException {
    TableConfig config = realtimeConfig(tableName);
    context.realtime().segments().setPaused(config, false);
    return pauseStatus(false, consumingSegments(config.tableName()), "Pause flag is cleared. Consuming segments "
        + "are being created. Use /pauseStatus endpoint in a few moments to double check.");
  }

  @GET
  @Path("pauseStatus")
  public Map<String, Object> pauseStatus(@PathParam("tableName") String tableName) {
    TableConfig config = realtimeConfig(tableName);
    return pauseStatus(context.realtime().segments().isPaused(config.tableName()),
        consumingSegments(config.tableName()), null);
  }

  @POST
  @Path("forceCommit")
  public Map<String, Object> forceCommit(@PathParam("tableName") String tableName) {
    TableConfig config = realtimeConfig(tableName);
    List<String> segments = context.realtime().forceCommit(config.tableName(),
        context.idealStates().idealState(config.tableName()));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("forceCommitJobId", UUID.randomUUID().toString());
    result.put("forceCommitStatus", "SUCCESS");
    result.put("consumingSegmentsForceCommitted", String.join(",", segments));
    return result;
  }

  @GET
  @Path("consumingSegmentsInfo")
  public Map<String, Object> consumingSegmentsInfo(@PathParam("tableName") String tableName) {
    TableConfig config = realtimeConfig(tableName);
    Map<String, List<Map<String, Object>>> bySegment = new TreeMap<>();
    for (String server : servers(config.tableName())) {
      for (JsonNode entry : serverInfo(server, config.tableName())) {
        Map<String, Object> info = JsonUtils.MAPPER.convertValue(entry, JsonUtils.MAPPER.getTypeFactory()
            .constructMapType(LinkedHashMap.class, String.class, Object.class));
        info.put("serverName", server);
        bySegment.computeIfAbsent(entry.path("segmentName").asText(), s -> new ArrayList<>()).add(info);
      }
    }
    return Map.of("_segmentToConsumingInfoMap", bySegment);
  }

  @GET
  @Path("status")
  public Map<String, Object> status(@PathParam("tableName") String tableName) {
    TableConfig config = realtimeConfig(tableName);
    List<String> problems = new ArrayList<>();
    // Only the newest segment of a partition tells whether it consumes: an older one left OFFLINE by an error
    // has been retried by a newer segment.
    Set<String> newest = new HashSet<>();
    context.realtime().segments().latestSegments(config.tableName()).values()
        .forEach(segment -> newest.add(segment.segmentName()));
    context.idealStates().idealState(config.tableName()).forEach((segment, states) -> states.forEach(
        (server, state) -> {
          if (state.equals("OFFLINE") && newest.contains(segment)) {
            String reason = context.realtime().completion().stopReason(segment, server);
            problems.add("segment " + segment + " stopped consuming on " + server + (reason == null ? ""
                : ": " + reason));
          }
        }));
    for (String server : servers(config.tableName())) {
      for (JsonNode entry : serverInfo(server, config.tableName())) {
        String state = entry.path("consumerState").asText();
        if (state.equals("ERROR") || state.equals("STOPPED")) {
          problems.add("segment " + entry.path("segmentName").asText() + " on " + server + " is " + state + ": "
              + entry.path("lastError").asText());
        }
      }
    }
    Map<String, Object> ingestion = new LinkedHashMap<>();
    ingestion.put("ingestionState", problems.isEmpty() ? "HEALTHY" : "UNHEALTHY");
    ingestion.put("errorMessage", String.join("; ", problems));
    return Map.of("ingestionStatus", ingestion);
  }

  private TableConfig realtimeConfig(String tableName) {
    String table = TableNameBuilder.realtime(TableNameBuilder.rawTableName(tableName));
    TableConfig config = context.metadataStore().tableConfig(table);
    if (config == null) {
      throw RestException.notFound("Table " + table + " does not exist");
    }
    return config;
  }

  private List<String> consumingSegments(String tableNameWithType) {
    List<String> consuming = new ArrayList<>();
    context.idealStates().idealState(tableNameWithType).forEach((segment, states) -> {
      if (states.containsValue(StateModels.CONSUMING)) {
        consuming.add(segment);
      }
    });
    return consuming;
  }

  private TreeSet<String> servers(String tableNameWithType) {
    TreeSet<String> servers = new TreeSet<>();
    for (Map<String, String> states : context.idealStates().idealState(tableNameWithType).values()) {
      servers.addAll(states.keySet());
    }
    return servers;
  }

  private JsonNode serverInfo(String server, String tableNameWithType) {
    InstanceInfo info = context.instances().instance(server);
    int adminPort = info == null ? -1 : info.intField(InstanceInfo.ADMIN_PORT);
    if (adminPort <= 0) {
      return JsonUtils.MAPPER.createArrayNode();
    }
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + info.hostName() + ":" + adminPort
          + "/tables/" + tableNameWithType + "/consumingSegmentsInfo")).timeout(Duration.ofSeconds(5)).GET().build();
      HttpResponse<String> response = context.httpClient().send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? JsonUtils.parse(response.body()) : JsonUtils.MAPPER.createArrayNode();
    } catch (IOException e) {
      return JsonUtils.MAPPER.createArrayNode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return JsonUtils.MAPPER.createArrayNode();
    }
  }

  private static Map<String, Object> pauseStatus(boolean paused, List<String> consuming, String description) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("pauseFlag", paused);
    result.put("consumingSegments", consuming);
    if (description != null) {
      result.put("description", description);
    }
    return result;
  }
}
