// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pinot.common.metadata.InstanceInfo;
import io.pinot.common.response.BrokerResponse;
import io.pinot.common.response.QueryProcessingError;
import io.pinot.common.utils.JsonUtils;
import io.pinot.controller.ControllerContext;
import io.pinot.spi.exception.QueryErrorCode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Apache Pinot's controller query endpoint, what the Query Console calls: `POST /sql` with
/// `{"sql": "...", "trace": bool, "queryOptions": "k=v;k2=v2"}` (or `GET /sql?sql=&trace=&queryOptions=`) is sent to
/// a live broker serving the query's tables, and the broker's answer is returned unchanged: its status, its JSON
/// (query errors are HTTP 200 with Pinot's `exceptions`), its `X-Pinot-Error-Code`. `SET k = v;` statements go to the
/// broker with the query. Errors found before a broker answers are answered as Pinot's controller does, HTTP 200 with
/// one `{"errorCode", "message"}` in `exceptions`: 100 for a request that is not a query, 410 when no live broker
/// serves the tables, 425 when the broker cannot be reached. The client's `Authorization` header is passed on.
@Path("/sql")
@Produces(MediaType.APPLICATION_JSON)
public final class SqlQueryResource {
  private static final Logger LOGGER = LoggerFactory.getLogger(SqlQueryResource.class);
  private static final Duration BROKER_TIMEOUT = Duration.ofMinutes(5);
  private static final String ERROR_CODE_HEADER = "X-Pinot-Error-Code";

  private final ControllerContext context;

  public SqlQueryResource(ControllerContext context) {
    this.context = context;
  }

  @POST
  @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
  public Response post(@Nullable String body, @HeaderParam(HttpHeaders.AUTHORIZATION) @Nullable String authorization) {
    JsonNode request;
    try {
      request = JsonUtils.parse(body == null ? "" : body);
    } catch (IllegalArgumentException e) {
      return error(QueryErrorCode.JSON_PARSING, "Invalid JSON request body: " + e.getMessage());
    }
    JsonNode sql = request == null ? null : request.get("sql");
    if (sql == null || !sql.isTextual() || sql.asText().isBlank()) {
      return error(QueryErrorCode.JSON_PARSING, "JSON Payload is missing the query string field 'sql'");
    }
    JsonNode trace = request.get("trace");
    JsonNode options = request.get("queryOptions");
    return forward(sql.asText(), trace != null && trace.asBoolean(),
        options == null || options.isNull() ? null : options.asText(), authorization);
  }

  @GET
  public Response get(@QueryParam("sql") @Nullable String sql, @QueryParam("trace") @Nullable String trace,
      @QueryParam("queryOptions") @Nullable String queryOptions,
      @HeaderParam(HttpHeaders.AUTHORIZATION) @Nullable String authorization) {
    if (sql == null || sql.isBlank()) {
      return error(QueryErrorCode.JSON_PARSING, "Missing the query parameter 'sql'");
    }
    return forward(sql, Boolean.parseBoolean(trace), queryOptions, authorization);
  }

  private Response forward(String sql, boolean trace, @Nullable String queryOptions,
      @Nullable String authorization) {
    List<InstanceInfo> brokers = brokersFor(SqlTableNames.of(sql));
    if (brokers.isEmpty()) {
      return error(QueryErrorCode.BROKER_RESOURCE_MISSING, "No live broker found for query: start a broker "
          + "tagged with the table's broker tenant");
    }
    InstanceInfo broker = brokers.get(ThreadLocalRandom.current().nextInt(brokers.size()));
    ObjectNode body = JsonUtils.MAPPER.createObjectNode();
    body.put("sql", sql);
    body.put("trace", trace);
    if (queryOptions != null && !queryOptions.isBlank()) {
      body.put("queryOptions", queryOptions);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://" + broker.hostName() + ":" + broker.port() + "/query/sql"))
        .timeout(BROKER_TIMEOUT)
        .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON)
        .POST(HttpRequest.BodyPublishers.ofByteArray(JsonUtils.toBytes(body)));
    if (authorization != null) {
      request.header(HttpHeaders.AUTHORIZATION, authorization);
    }
    try {
      HttpResponse<byte[]> response = context.httpClient().send(request.build(),
          HttpResponse.BodyHandlers.ofByteArray());
      String type = response.headers().firstValue(HttpHeaders.CONTENT_TYPE).orElse(MediaType.APPLICATION_JSON);
      Response.ResponseBuilder answer = Response.status(response.statusCode()).entity(response.body()).type(type);
      response.headers().firstValue(ERROR_CODE_HEADER).ifPresent(code -> answer.header(ERROR_CODE_HEADER, code));
      return answer.build();
    } catch (IOException e) {
      LOGGER.warn("Cannot send a query to broker {}: {}", broker.instanceName(), e.toString());
      return error(QueryErrorCode.BROKER_REQUEST_SEND, "Cannot reach broker " + broker.instanceName() + ": "
          + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return error(QueryErrorCode.BROKER_REQUEST_SEND, "Interrupted while waiting for broker "
          + broker.instanceName());
    }
  }

  /// Live, enabled brokers serving every known table of the query (from the `brokerResource` external view); any live
  /// broker when the query names no known table (the broker then reports an unknown table with its own error).
  private List<InstanceInfo> brokersFor(Set<String> tableNames) {
    Set<String> live = context.instances().liveInstances();
    Set<String> candidates = null;
    Set<String> wanted = new LinkedHashSet<>();
    tableNames.forEach(name -> wanted.add(SqlTableNames.rawKey(name)));
    for (Map.Entry<String, Map<String, String>> table : context.idealStates().brokerResourceExternalView()
        .entrySet()) {
      if (!wanted.contains(SqlTableNames.rawKey(table.getKey()))) {
        continue;
      }
      Set<String> serving = new LinkedHashSet<>();
      table.getValue().forEach((broker, state) -> {
        if ("ONLINE".equals(state)) {
          serving.add(broker);
        }
      });
      if (candidates == null) {
        candidates = serving;
      } else {
        candidates.retainAll(serving);
      }
    }
    if (candidates == null) {
      candidates = new LinkedHashSet<>();
      for (String instanceId : context.instances().instanceIds()) {
        if (instanceId.startsWith("Broker_")) {
          candidates.add(instanceId);
        }
      }
    }
    List<InstanceInfo> brokers = new ArrayList<>();
    for (String instanceId : candidates) {
      InstanceInfo info = live.contains(instanceId) ? context.instances().instance(instanceId) : null;
      if (info != null && info.enabled()) {
        brokers.add(info);
      }
    }
    return brokers;
  }

  private static Response error(QueryErrorCode code, String detail) {
    BrokerResponse response = BrokerResponse.ofErrors(List.of(QueryProcessingError.of(code, detail)));
    return Response.ok(JsonUtils.toBytes(response), MediaType.APPLICATION_JSON_TYPE)
        .header(ERROR_CODE_HEADER, code.id()).build();
  }
}
