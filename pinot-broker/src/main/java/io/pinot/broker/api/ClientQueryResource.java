// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.api;

import io.pinot.broker.requesthandler.BrokerQueryHandler;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/// Apache Pinot's `DELETE /clientQuery/{clientQueryId}`: cancels the running query a client named with the
/// `clientQueryId` query option (`timeoutMs` and `verbose` as for `DELETE /query/{queryId}`).
@Path("/clientQuery")
public final class ClientQueryResource {
  private final BrokerQueryHandler handler;

  public ClientQueryResource(BrokerQueryHandler handler) {
    this.handler = handler;
  }

  @DELETE
  @Path("/{clientQueryId}")
  @Produces(MediaType.TEXT_PLAIN)
  public String cancel(@PathParam("clientQueryId") String clientQueryId,
      @QueryParam("timeoutMs") @DefaultValue("3000") long timeoutMs,
      @QueryParam("verbose") @DefaultValue("false") boolean verbose) {
    return QueryResource.cancelReply(clientQueryId, handler.cancelByClientQueryId(clientQueryId, timeoutMs), verbose,
        "Query: " + clientQueryId + " not found on the broker");
  }
}
