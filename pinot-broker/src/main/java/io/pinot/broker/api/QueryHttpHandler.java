// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.broker.requesthandler.BrokerQueryHandler;
import io.pinot.broker.requesthandler.QueryRequest;
import io.pinot.common.auth.BasicAuthFilter;
import io.pinot.common.auth.BasicAuthPrincipals;
import io.pinot.common.http.ErrorInfo;
import io.pinot.common.response.BrokerResponse;
import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.exception.QueryErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Apache Pinot's query endpoint: `POST /query/sql` with `{"sql": ..., "queryOptions": "k=v;k2=v2",
/// "trace": bool}` and `GET /query/sql?sql=...&queryOptions=...&trace=...`.
///
/// Query errors are HTTP 200 with `exceptions` entries, as Pinot answers, and the response carries
/// `X-Pinot-Error-Code` (the first exception's code, or -1). Other failures are Pinot's `{"code", "error"}`: 400
/// for a request that is not a query (bad JSON, no `sql`), 401/403 from access control (the messages of
/// [BasicAuthFilter]), 403 for a table the principal may not read, 405 for another method and 413 for a body over
/// [#MAX_BODY_BYTES].
///
/// A plain Grizzly handler rather than a Jersey resource: every query passes here, and Jersey's per-request
/// machinery (filters, injection, entity providers) cost more than the rest of a cheap query in a JVM not yet warm.
public final class QueryHttpHandler extends HttpHandler {
  /// The path this handler serves.
  public static final String PATH = "/query/sql";
  /// The largest request body accepted.
  public static final int MAX_BODY_BYTES = 32 << 20;
  private static final String ALLOWED = "GET, POST";
  private static final Logger LOGGER = LoggerFactory.getLogger(QueryHttpHandler.class);

  private final BrokerQueryHandler handler;
  private final BasicAuthPrincipals principals;

  public QueryHttpHandler(BrokerQueryHandler handler, BasicAuthPrincipals principals) {
    this.handler = handler;
    this.principals = principals;
  }

  @Override
  public void service(Request request, Response response) throws IOException {
    Method method = request.getMethod();
    if (method != Method.GET && method != Method.POST) {
      response.setHeader("Allow", ALLOWED);
      error(response, 405, "HTTP method " + method.getMethodString() + " is not supported by " + PATH
          + "; use " + ALLOWED);
      return;
    }
    BasicAuthPrincipals.@Nullable Principal principal = null;
    if (principals.isEnabled()) {
      String path = PATH.substring(1);
      Optional<BasicAuthPrincipals.Principal> caller = principals.authenticate(request.getHeader("Authorization"));
      if (caller.isEmpty()) {
        response.setHeader("WWW-Authenticate", BasicAuthFilter.CHALLENGE);
        error(response, 401, BasicAuthFilter.authenticationRequired(method.getMethodString(), path));
        return;
      }
      if (!caller.get().hasPermission("READ")) {
        error(response, 403, BasicAuthFilter.permissionDenied(method.getMethodString(), path, caller.get().name()));
        return;
      }
      principal = caller.get();
    }
    QueryRequest query = method == Method.POST ? fromBody(request, response, principal)
        : fromParameters(request, response, principal);
    if (query == null) {
      return;
    }
    try {
      respond(query, response);
    } catch (RuntimeException e) {
      // Grizzly's own error page would show the stack trace; the client gets Pinot's error body instead.
      LOGGER.error("Cannot answer query {}", query.sql(), e);
      error(response, 500, "Internal error answering the query: " + e.getClass().getSimpleName());
    }
  }

  private static @Nullable QueryRequest fromBody(Request request, Response response,
      BasicAuthPrincipals.@Nullable Principal principal) throws IOException {
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      error(response, 413, tooLarge(request.getContentLengthLong()));
      return null;
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (body.length > MAX_BODY_BYTES) {
      error(response, 413, tooLarge(body.length));
      return null;
    }
    JsonNode json;
    try {
      json = JsonUtils.parse(body);
    } catch (IllegalArgumentException e) {
      error(response, 400, "Invalid JSON request body: " + e.getMessage());
      return null;
    }
    JsonNode sql = json == null ? null : json.get("sql");
    if (sql == null || !sql.isTextual()) {
      error(response, 400, "Payload is missing the query string field 'sql'");
      return null;
    }
    JsonNode options = json.get("queryOptions");
    JsonNode trace = json.get("trace");
    return new QueryRequest(sql.asText(), options == null || options.isNull() ? null : options.asText(),
        trace != null && trace.asBoolean(), principal);
  }

  private static @Nullable QueryRequest fromParameters(Request request, Response response,
      BasicAuthPrincipals.@Nullable Principal principal) throws IOException {
    String sql = request.getParameter("sql");
    if (sql == null || sql.isBlank()) {
      error(response, 400, "Missing the query parameter 'sql'");
      return null;
    }
    return new QueryRequest(sql, request.getParameter("queryOptions"),
        Boolean.parseBoolean(request.getParameter("trace")), principal);
  }

  private static String tooLarge(long bytes) {
    return "Request body of " + bytes + " bytes is larger than the " + MAX_BODY_BYTES + " bytes a query may have";
  }

  /// The answer as Pinot's broker gives it: HTTP 200 with the exceptions, except a denied table, which is 403
  /// `{"code": 403, "error": "Permission denied..."}` as in Pinot 1.x.
  private void respond(QueryRequest query, Response response) throws IOException {
    BrokerResponse answer = handler.handle(query);
    int errorCode = answer.exceptions().isEmpty() ? -1 : answer.exceptions().get(0).errorCode();
    if (errorCode == QueryErrorCode.ACCESS_DENIED.id()) {
      error(response, 403, answer.exceptions().get(0).message());
      return;
    }
    response.setHeader("X-Pinot-Error-Code", Integer.toString(errorCode));
    write(response, 200, JsonUtils.toBytes(answer));
  }

  private static void error(Response response, int status, String message) throws IOException {
    write(response, status, JsonUtils.toBytes(new ErrorInfo(status, message)));
  }

  private static void write(Response response, int status, byte[] json) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setContentLength(json.length);
    response.getOutputStream().write(json);
  }
}
