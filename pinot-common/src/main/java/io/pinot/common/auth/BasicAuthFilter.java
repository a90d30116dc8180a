// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.auth;

import io.pinot.common.http.ErrorInfo;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/// HTTP Basic access control of a node's REST API, as Apache Pinot's `BasicAuthAccessControlFactory`: with
/// principals configured, every request but the unprotected paths must carry a valid `Authorization: Basic ...`
/// header (401 otherwise), the principal must hold the request's permission — READ for GET, CREATE for POST, UPDATE
/// for PUT, DELETE for DELETE, or READ for everything on a broker — and, when the endpoint names a table or schema
/// (`tableName`, `tableNameWithType` or `schemaName` in the path or query), access to it (403 otherwise). The
/// principal is left on the request as [#PRINCIPAL_PROPERTY]. Errors are Pinot's `{"code", "error"}`.
@Priority(Priorities.AUTHENTICATION)
public final class BasicAuthFilter implements ContainerRequestFilter {
  /// Request property holding the authenticated [BasicAuthPrincipals.Principal].
  public static final String PRINCIPAL_PROPERTY = "pinot.principal";
  /// The `WWW-Authenticate` challenge sent with a 401.
  public static final String CHALLENGE = "Basic realm=\"pinot\"";
  private static final List<String> TABLE_PARAMETERS = List.of("tableName", "tableNameWithType", "schemaName");

  private final BasicAuthPrincipals principals;
  private final Set<String> unprotectedPaths;
  private final boolean readOnlyApi;
  private final Set<String> readPaths;

  /// @param unprotectedPaths paths (without the leading slash) open to everyone, such as `health`; an entry ending
  ///     in `/` opens every path under it (the web UI's files, `ui/`)
  /// @param readOnlyApi whether every request counts as READ (a broker's queries are reads whatever their method)
  public BasicAuthFilter(BasicAuthPrincipals principals, Set<String> unprotectedPaths, boolean readOnlyApi) {
    this(principals, unprotectedPaths, readOnlyApi, Set.of());
  }

  /// As the other constructor, with `readPaths`: paths whose requests count as READ whatever their method (the
  /// controller's `sql`, a query it forwards to a broker).
  public BasicAuthFilter(BasicAuthPrincipals principals, Set<String> unprotectedPaths, boolean readOnlyApi,
      Set<String> readPaths) {
    this.principals = principals;
    this.unprotectedPaths = Set.copyOf(unprotectedPaths);
    this.readOnlyApi = readOnlyApi;
    this.readPaths = Set.copyOf(readPaths);
  }

  private boolean unprotected(String path) {
    if (unprotectedPaths.contains(path) || (!path.contains("/") && path.contains("."))) {
      return true;
    }
    for (String open : unprotectedPaths) {
      if (open.endsWith("/") && path.startsWith(open)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (!principals.isEnabled()) {
      return;
    }
    String path = request.getUriInfo().getPath();
    path = path.startsWith("/") ? path.substring(1) : path;
    if (unprotected(path)) {
      return;
    }
    Optional<BasicAuthPrincipals.Principal> principal =
        principals.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (principal.isEmpty()) {
      request.abortWith(error(Response.Status.UNAUTHORIZED, authenticationRequired(request.getMethod(), path))
          .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build());
      return;
    }
    String access = readOnlyApi || readPaths.contains(path) ? "READ" : switch (request.getMethod()) {
      case "POST" -> "CREATE";
      case "PUT" -> "UPDATE";
      case "DELETE" -> "DELETE";
      default -> "READ";
    };
    String table = tableOf(request);
    if (!principal.get().hasPermission(access) || (table != null && !principal.get().hasTable(rawName(table)))) {
      request.abortWith(error(Response.Status.FORBIDDEN,
          permissionDenied(request.getMethod(), path, principal.get().name())).build());
      return;
    }
    request.setProperty(PRINCIPAL_PROPERTY, principal.get());
  }

  /// The 401 message for a request without valid credentials (`path` without its leading slash).
  public static String authenticationRequired(String method, String path) {
    return "Authentication required for " + method + " /" + path
        + ": send a valid 'Authorization: Basic <base64(user:password)>' header";
  }

  /// The 403 message for a principal without the permission a request needs (`path` without its leading slash).
  public static String permissionDenied(String method, String path, String principal) {
    return "Permission is denied for " + method + " /" + path + " to principal " + principal;
  }

  private static @Nullable String tableOf(ContainerRequestContext request) {
    MultivaluedMap<String, String> pathParameters = request.getUriInfo().getPathParameters();
    MultivaluedMap<String, String> queryParameters = request.getUriInfo().getQueryParameters();
    for (String name : TABLE_PARAMETERS) {
      String value = pathParameters.getFirst(name);
      if (value == null) {
        value = queryParameters.getFirst(name);
      }
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  /// A table name without its `_OFFLINE` / `_REALTIME` suffix, lower-cased.
  static String rawName(String table) {
    String lower = table.toLowerCase(Locale.ROOT);
    for (String suffix : List.of("_offline", "_realtime")) {
      if (lower.endsWith(suffix)) {
        return lower.substring(0, lower.length() - suffix.length());
      }
    }
    return lower;
  }

  private static Response.ResponseBuilder error(Response.Status status, String message) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ErrorInfo(status.getStatusCode(), message));
  }
}
