// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/// `GET /health`: "OK" while the controller is up.
@Path("/health")
public final class HealthResource {
  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String health() {
    return "OK";
  }
}
