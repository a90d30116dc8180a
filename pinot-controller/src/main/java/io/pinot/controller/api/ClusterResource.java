// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.http.RestException;
import io.pinot.common.utils.JsonUtils;
import io.pinot.controller.ControllerContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/// Apache Pinot's cluster endpoints: `GET /cluster/info` (`{"clusterName": ...}`), `GET /cluster/configs` (the
/// cluster-level configs, such as `allowParticipantAutoJoin`), `POST /cluster/configs` with a JSON object of configs to
/// set, and `DELETE /cluster/configs/{configName}`.
@Path("/cluster")
@Produces(MediaType.APPLICATION_JSON)
public final class ClusterResource {
  private final ControllerContext context;

  public ClusterResource(ControllerContext context) {
    this.context = context;
  }

  @GET
  @Path("/info")
  public Map<String, String> info() {
    return Map.of("clusterName", context.instances().clusterName());
  }

  @GET
  @Path("/configs")
  public Map<String, String> configs() {
    return context.instances().clusterConfigs();
  }

  /// Sets the configs of a JSON object whose values are strings, numbers or booleans; 400 for anything else.
  @POST
  @Path("/configs")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
  public Map<String, String> update(String body) {
    JsonNode configs;
    try {
      configs = JsonUtils.parse(body == null ? "" : body);
    } catch (IllegalArgumentException e) {
      throw RestException.badRequest("Invalid JSON: " + e.getMessage());
    }
    if (configs == null || !configs.isObject() || configs.isEmpty()) {
      throw RestException.badRequest("Send a JSON object of cluster configs, e.g. {\"allowParticipantAutoJoin\": "
          + "\"true\"}");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : configs.properties()) {
      if (!entry.getValue().isValueNode() || entry.getValue().isNull()) {
        throw RestException.badRequest("Cluster config '" + entry.getKey() + "' must be a string, number or boolean");
      }
      values.put(entry.getKey(), entry.getValue().asText());
    }
    context.instances().setClusterConfigs(values);
    return Map.of("status", "Updated cluster config.");
  }

  @DELETE
  @Path("/configs/{configName}")
  public Map<String, String> delete(@PathParam("configName") String configName) {
    if (!context.instances().removeClusterConfig(configName)) {
      throw RestException.notFound("Cluster config '" + configName + "' not found");
    }
    return Map.of("status", "Deleted cluster config: " + configName);
  }
}
