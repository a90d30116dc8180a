// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api;

import io.pinot.common.http.RestException;
import io.pinot.common.metadata.InstanceInfo;
import io.pinot.controller.ControllerContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// `GET /instances` (`{"instances": [ids]}`) and `GET /instances/{instanceName}` in the shape the Presto
/// connector binds: `port` is a string, `grpcPort` an integer (-1 when unset), `pools` null.
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
