// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api;

import io.pinot.common.http.RestException;
import io.pinot.common.metadata.InstanceInfo;
import io.pinot.controller.ControllerContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// `GET /instances` (`{"instances": [ids]}`) and `GET /instances/{instanceName}` in the shape the Presto
/// connector binds: `port` is a string, `grpcPort` an integer (-1 when unset), `pools` null. Operators change an
/// instance with Pinot's `PUT /instances/{name}/state?state=enable|disable`, the older
/// `POST /instances/{name}/state` (body `enable`, `disable` or `drop`), and `DELETE /instances/{name}`, which refuses
/// (409) an instance that is still live or still named in a table's ideal state.
@Path("/instances")
@Produces(MediaType.APPLICATION_JSON)
public final class InstanceResource {
  private final ControllerContext context;

  public InstanceResource(ControllerContext context) {
    this.context = context;
  }

  @GET
  public Map<String, List<String>> listInstances() {
    return Map.of("instances", context.instances().instanceIds());
  }

  @PUT
  @Path("/{instanceName}/state")
  public Map<String, String> setState(@PathParam("instanceName") String instanceName,
      @QueryParam("state") @Nullable String state) {
    requireInstance(instanceName, "Instance '" + instanceName + "' does not exist");
    String normalized = state == null ? "" : state.trim().toLowerCase(Locale.ROOT);
    switch (normalized) {
      case "enable" -> context.instances().enable(instanceName, true);
      case "disable" -> context.instances().enable(instanceName, false);
      default -> throw RestException.badRequest("Unknown state '" + state + "': use enable or disable");
    }
    return Map.of("status", "Request to " + normalized + " instance '" + instanceName + "' is successful");
  }

  /// Pinot's older form, with the state as the body.
  @POST
  @Path("/{instanceName}/state")
  @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  public Map<String, String> setStateFromBody(@PathParam("instanceName") String instanceName, String body) {
    requireInstance(instanceName, "Instance " + instanceName + " not found");
    String state = body == null ? "" : body.trim().replace("\"", "").toLowerCase(Locale.ROOT);
    switch (state) {
      case "enable" -> context.instances().enable(instanceName, true);
      case "disable" -> context.instances().enable(instanceName, false);
      case "drop" -> drop(instanceName);
      default -> throw RestException.badRequest("Unknown state " + body + " for instance request");
    }
    return Map.of("status", "Request to " + state + " instance " + instanceName + " is successful");
  }

  @DELETE
  @Path("/{instanceName}")
  public Map<String, String> dropInstance(@PathParam("instanceName") String instanceName) {
    requireInstance(instanceName, "Instance " + instanceName + " not found");
    drop(instanceName);
    return Map.of("status", "Successfully dropped instance");
  }

  private void requireInstance(String instanceName, String notFound) {
    if (context.instances().instance(instanceName) == null) {
      throw RestException.notFound(notFound);
    }
  }

  private void drop(String instanceName) {
    if (context.instances().liveInstances().contains(instanceName)) {
      throw RestException.conflict("Failed to drop instance " + instanceName + " - Instance " + instanceName
          + " is still live");
    }
    for (String table : context.metadataStore().tableNamesWithType()) {
      for (Map<String, String> replicas : context.idealStates().idealState(table).values()) {
        if (replicas.containsKey(instanceName)) {
          throw RestException.conflict("Failed to drop instance " + instanceName + " - Instance " + instanceName
              + " exists in ideal state for " + table);
        }
      }
    }
    context.instances().drop(instanceName);
  }

  @GET
  @Path("/{instanceName}")
  public Map<String, Object> getInstance(@PathParam("instanceName") String instanceName) {
    InstanceInfo info = context.instances().instance(instanceName);
    if (info == null) {
      throw RestException.notFound("Instance " + instanceName + " not found");
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("instanceName", info.instanceName());
    result.put("hostName", info.hostName());
    result.put("enabled", info.enabled());
    result.put("port", Integer.toString(info.port()));
    result.put("tags", info.tags());
    result.put("pools", null);
    result.put("grpcPort", info.intField(InstanceInfo.GRPC_PORT));
    result.put("adminPort", info.intField(InstanceInfo.ADMIN_PORT));
    result.put("queryServicePort", info.intField(InstanceInfo.QUERY_SERVICE_PORT));
    result.put("queryMailboxPort", info.intField(InstanceInfo.QUERY_MAILBOX_PORT));
    result.put("systemResourceInfo", Map.of());
    return result;
  }
}
