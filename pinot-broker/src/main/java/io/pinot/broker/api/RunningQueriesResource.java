// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.api;

import io.pinot.broker.requesthandler.BrokerQueryHandler;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/// Apache Pinot's `GET /queries`: the queries this broker is running, as `{"<requestId>": "<sql>"}` (request ids are
/// unique on this broker only).
@Path("/queries")
@Produces(MediaType.APPLICATION_JSON)
public final class RunningQueriesResource {
  private final BrokerQueryHandler handler;

  public RunningQueriesResource(BrokerQueryHandler handler) {
    this.handler = handler;
  }

  @GET
  public Map<Long, String> runningQueries() {
    return handler.runningQueries();
  }
}
