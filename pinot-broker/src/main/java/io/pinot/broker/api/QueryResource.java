// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.broker.requesthandler.BrokerQueryHandler;
import io.pinot.broker.requesthandler.QueryRequest;
import io.pinot.common.auth.BasicAuthFilter;
import io.pinot.common.auth.BasicAuthPrincipals;
import io.pinot.common.http.RestException;
import io.pinot.common.response.BrokerResponse;
import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.exception.QueryErrorCode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// Apache Pinot's query endpoint: `POST /query/sql` with `{"sql": ..., "queryOptions": "k=v;k2=v2",
/// "trace": bool}` and `GET /query/sql?sql=...`. Query errors are HTTP 200 with `exceptions` entries, as
/// Pinot answers; only a request that is not a query at all (bad JSON, no `sql`) is HTTP 400. The response
/// carries `X-Pinot-Error-Code` (the first exception's code, or -1). `DELETE /query/{queryId}` cancels a running
/// query (Pinot's broker API: `timeoutMs` for the servers' answers, default 3000; `verbose` adds them to the reply).
@Path("/query")
@Produces(MediaType.APPLICATION_JSON)
public final class QueryResource {
  private final BrokerQueryHandler handler;

  public QueryResource(BrokerQueryHandler handler) {
    this.handler = handler;
  }

  @POST
  @Path("/sql")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
  public Response postSql(String body, @Context ContainerRequestContext context) {
    JsonNode request;
    try {
      request = JsonUtils.parse(body == null ? "" : body);
    } catch (IllegalArgumentException e) {
      throw RestException.badRequest("Invalid JSON request body: " + e.getMessage());
    }
    JsonNode sql = request == null ? null : request.get("sql");
    if (sql == null || !sql.isTextual()) {
      throw RestException.badRequest("Payload is missing the query string field 'sql'");
    }
    JsonNode options = request.get("queryOptions");
    JsonNode trace = request.get("trace");
    return respond(new QueryRequest(sql.asText(), options == null || options.isNull() ? null : options.asText(),
        trace != null && trace.asBoolean(), principal(context)));
  }

  @GET
  @Path("/sql")
  public Response getSql(@QueryParam("sql") @Nullable String sql, @QueryParam("trace") @Nullable String trace,
      @QueryParam("queryOptions") @Nullable String queryOptions, @Context ContainerRequestContext context) {
    if (sql == null || sql.isBlank()) {
      throw RestException.badRequest("Missing the query parameter 'sql'");
    }
    return respond(new QueryRequest(sql, queryOptions, Boolean.parseBoolean(trace), principal(context)));
  }

  @DELETE
  @Path("/{queryId}")
  @Produces(MediaType.TEXT_PLAIN)
  public String cancel(@PathParam("queryId") String queryId,
      @QueryParam("timeoutMs") @DefaultValue("3000") long timeoutMs,
      @QueryParam("verbose") @DefaultValue("false") boolean verbose) {
    Map<String, Integer> servers = null;
    try {
      servers = handler.cancel(Long.parseLong(queryId.trim()), timeoutMs);
    } catch (NumberFormatException e) {
      // not a request id of this broker: reported as not found below
    }
    return cancelReply(queryId, servers, verbose, "Query: " + queryId + " not found on the broker");
  }

  /// Pinot's answer to a cancellation: "Cancelled query: id" (with the servers' answers when verbose), 404 otherwise.
  static String cancelReply(String queryId, @Nullable Map<String, Integer> servers, boolean verbose,
      String notFound) {
    if (servers == null) {
      throw RestException.notFound(notFound);
    }
    return "Cancelled query: " + queryId + (verbose ? " with responses from servers: " + servers : "");
  }

  private static BasicAuthPrincipals.@Nullable Principal principal(ContainerRequestContext context) {
    return context.getProperty(BasicAuthFilter.PRINCIPAL_PROPERTY) instanceof BasicAuthPrincipals.Principal p ? p
        : null;
  }

  /// The answer as Pinot's broker gives it: HTTP 200 with the exceptions, except a denied table, which is 403
  /// `{"code": 403, "error": "Permission denied..."}` as in Pinot 1.x.
  private Response respond(QueryRequest request) {
    BrokerResponse response = handler.handle(request);
    int errorCode = response.exceptions().isEmpty() ? -1 : response.exceptions().get(0).errorCode();
    if (errorCode == QueryErrorCode.ACCESS_DENIED.id()) {
      throw new RestException(Response.Status.FORBIDDEN, response.exceptions().get(0).message());
    }
    return Response.ok(JsonUtils.toBytes(response), MediaType.APPLICATION_JSON_TYPE)
        .header("X-Pinot-Error-Code", errorCode).build();
  }
}
