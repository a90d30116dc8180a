// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.http.RestException;
import io.pinot.common.metadata.InstanceInfo;
import io.pinot.common.utils.JsonUtils;
import io.pinot.controller.ControllerContext;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.config.table.TableType;
import io.pinot.spi.utils.TableNameBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/// Builds the read-only table views of the REST API in Apache Pinot's shapes: ideal state and external
/// view per table type, the instances serving a table, and its size as reported by its servers.
final class TableViews {
  private final ControllerContext context;

  TableViews(ControllerContext context) {
    this.context = context;
  }

  Map<String, Object> idealStates(String tableName, @Nullable TableType type) {
    return perType(tableName, type, context.idealStates()::idealState);
  }

  Map<String, Object> externalViews(String tableName, @Nullable TableType type) {
    return perType(tableName, type, context.idealStates()::externalView);
  }

  /// `{"tableName", "brokers": [{"tableType", "instances"}], "server": [...]}`.
  Map<String, Object> instances(String tableName, @Nullable String type) {
    List<TableConfig> configs = existing(tableName);
    String wanted = type == null ? "" : type.toLowerCase(Locale.ROOT);
    List<Map<String, Object>> brokers = new ArrayList<>();
    List<Map<String, Object>> servers = new ArrayList<>();
    for (TableConfig config : configs) {
      String tableType = config.tableType().name().toLowerCase(Locale.ROOT);
      if (wanted.isEmpty() || wanted.equals("broker")) {
        brokers.add(entry(tableType, context.instances().instancesWithTag(config.tenants().brokerTag())));
      }
      if (wanted.isEmpty() || wanted.equals("server")) {
        servers.add(entry(tableType,
            context.instances().instancesWithTag(config.tenants().serverTag(config.tableType()))));
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("tableName", TableNameBuilder.rawTableName(tableName));
    result.put("brokers", brokers);
    result.put("server", servers);
    return result;
  }

  /// Pinot's `TableSizeDetails`: sizes per segment and server, read from the servers' admin APIs.
  Map<String, Object> size(String tableName) {
    List<TableConfig> configs = existing(tableName);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("tableName", TableNameBuilder.rawTableName(tableName));
    long reported = 0;
    long estimated = 0;
    Map<String, Object> offline = null;
    for (TableConfig config : configs) {
      if (config.tableType() == TableType.OFFLINE) {
        offline = subTypeSize(config.tableName());
        reported += (long) offline.get("reportedSizeInBytes");
        estimated += (long) offline.get("estimatedSizeInBytes");
      }
    }
    result.put("reportedSizeInBytes", reported);
    result.put("estimatedSizeInBytes", estimated);
    result.put("offlineSegments", offline);
    result.put("realtimeSegments", null);
    return result;
  }

  private Map<String, Object> subTypeSize(String tableNameWithType) {
    Map<String, Map<String, String>> idealState = context.idealStates().idealState(tableNameWithType);
    Map<String, Map<String, Long>> sizes = new TreeMap<>();
    for (String server : serversOf(idealState)) {
      for (Map.Entry<String, Long> segment : serverSegmentSizes(server, tableNameWithType).entrySet()) {
        sizes.computeIfAbsent(segment.getKey(), key -> new TreeMap<>()).put(server, segment.getValue());
      }
    }
    Map<String, Object> segments = new LinkedHashMap<>();
    long reported = 0;
    long estimated = 0;
    int missing = 0;
    for (Map.Entry<String, Map<String, String>> segment : idealState.entrySet()) {
      Map<String, Long> perServer = sizes.getOrDefault(segment.getKey(), Map.of());
      long segmentReported = 0;
      long max = -1;
      Map<String, Object> serverInfo = new LinkedHashMap<>();
      for (Map.Entry<String, Long> server : perServer.entrySet()) {
        segmentReported += server.getValue();
        max = Math.max(max, server.getValue());
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("segmentName", segment.getKey());
        info.put("diskSizeInBytes", server.getValue());
        serverInfo.put(server.getKey(), info);
      }
      if (perServer.isEmpty()) {
        missing++;
      }
      long segmentEstimated = max < 0 ? -1 : max * segment.getValue().size();
      reported += segmentReported;
      estimated += Math.max(segmentEstimated, 0);
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("reportedSizeInBytes", segmentReported);
      details.put("estimatedSizeInBytes", segmentEstimated);
      details.put("serverInfo", serverInfo);
      segments.put(segment.getKey(), details);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("reportedSizeInBytes", reported);
    result.put("estimatedSizeInBytes", estimated);
    result.put("missingSegments", missing);
    result.put("segments", segments);
    return result;
  }

  private Map<String, Long> serverSegmentSizes(String server, String tableNameWithType) {
    Map<String, Long> sizes = new TreeMap<>();
    InstanceInfo info = context.instances().instance(server);
    int adminPort = info == null ? -1 : info.intField(InstanceInfo.ADMIN_PORT);
    if (adminPort <= 0) {
      return sizes;
    }
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + info.hostName() + ":" + adminPort
          + "/tables/" + tableNameWithType + "/size")).timeout(Duration.ofSeconds(5)).GET().build();
      HttpResponse<String> response = context.httpClient().send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        for (JsonNode segment : JsonUtils.parse(response.body()).path("segments")) {
          sizes.put(segment.path("segmentName").asText(), segment.path("diskSizeInBytes").asLong());
        }
      }
    } catch (IOException e) {
      return sizes;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return sizes;
  }

  private static TreeSet<String> serversOf(Map<String, Map<String, String>> idealState) {
    TreeSet<String> servers = new TreeSet<>();
    for (Map<String, String> instances : idealState.values()) {
      servers.addAll(instances.keySet());
    }
    return servers;
  }

  private Map<String, Object> perType(String tableName, @Nullable TableType type,
      Function<String, Map<String, Map<String, String>>> view) {
    List<TableConfig> configs = existing(tableName);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("OFFLINE", null);
    result.put("REALTIME", null);
    for (TableConfig config : configs) {
      if (type == null || type == config.tableType()) {
        result.put(config.tableType().name(), view.apply(config.tableName()));
      }
    }
    return result;
  }

  private List<TableConfig> existing(String tableName) {
    List<TableConfig> configs = context.tables().tableConfigs(tableName);
    if (configs.isEmpty()) {
      throw RestException.notFound("Table " + tableName + " does not exist");
    }
    return configs;
  }

  private static Map<String, Object> entry(String tableType, List<String> instances) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("tableType", tableType);
    entry.put("instances", instances);
    return entry;
  }
}
