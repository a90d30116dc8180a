// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api;

import io.pinot.controller.ControllerContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/// `GET /liveinstances`: the instances connected to the cluster now (`{"instances": [ids]}`, sorted), as Apache
/// Pinot answers; `pinot-proxy` forwards only to these.
@Path("/liveinstances")
@Produces(MediaType.APPLICATION_JSON)
public final class LiveInstancesResource {
  private final ControllerContext context;

  public LiveInstancesResource(ControllerContext context) {
    this.context = context;
  }

  @GET
  public Map<String, List<String>> liveInstances() {
    return Map.of("instances", List.copyOf(new TreeSet<>(context.instances().liveInstances())));
  }
}
