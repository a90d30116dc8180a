// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api;

import io.pinot.controller.ControllerContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/// `GET /tables/livebrokers`: table name with type → its live brokers (what pinot-java-client polls).
@Path("/tables/livebrokers")
@Produces(MediaType.APPLICATION_JSON)
public final class LiveBrokersResource {
  private final ControllerContext context;

  public LiveBrokersResource(ControllerContext context) {
    this.context = context;
  }

  @GET
  public Map<String, List<Map<String, Object>>> liveBrokers() {
    return BrokerInfoResource.liveBrokers(context);
  }
}
