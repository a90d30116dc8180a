// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api;

import io.pinot.common.http.RestException;
import io.pinot.controller.ControllerContext;
import io.pinot.controller.rebalance.ServerRebalanceJobStatusResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/// Apache Pinot's `GET /rebalanceStatus/{jobId}`: a table rebalance job's progress (`tableRebalanceProgressStats`),
/// options (`tableRebalanceContext`) and `timeElapsedSinceStartInSeconds`, read from ZooKeeper so that any controller
/// answers. An unknown job id is 404.
@Path("/rebalanceStatus/{jobId}")
@Produces(MediaType.APPLICATION_JSON)
public final class RebalanceStatusResource {
  private final ControllerContext context;

  public RebalanceStatusResource(ControllerContext context) {
    this.context = context;
  }

  @GET
  public ServerRebalanceJobStatusResponse status(@PathParam("jobId") String jobId) {
    ServerRebalanceJobStatusResponse status = context.rebalancer().status(jobId);
    if (status == null) {
      throw RestException.notFound("Rebalance job with ID: " + jobId + " not found");
    }
    return status;
  }
}
