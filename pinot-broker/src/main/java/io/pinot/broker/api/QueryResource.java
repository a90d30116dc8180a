// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.api;

import io.pinot.broker.requesthandler.BrokerQueryHandler;
import io.pinot.common.http.RestException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// Cancelling a running query: `DELETE /query/{queryId}` (Pinot's broker API: `timeoutMs` for the servers'
/// answers, default 3000; `verbose` adds them to the reply). The queries themselves are [QueryHttpHandler]'s.
@Path("/query")
@Produces(MediaType.APPLICATION_JSON)
public final class QueryResource {
  private final BrokerQueryHandler handler;

  public QueryResource(BrokerQueryHandler handler) {
    this.handler = handler;
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
}
