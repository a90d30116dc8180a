// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api;

import io.pinot.common.http.RestException;
import io.pinot.common.metadata.InstanceInfo;
import io.pinot.common.utils.InstanceIds;
import io.pinot.controller.ControllerContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/// Broker discovery for clients: `GET /v2/brokers/tenants/{tenantName}` (what the JDBC driver asks) and
/// [LiveBrokersResource]. Each broker is `{"host", "port", "instanceName"}`.
@Path("/v2/brokers")
@Produces(MediaType.APPLICATION_JSON)
public final class BrokerInfoResource {
  private final ControllerContext context;

  public BrokerInfoResource(ControllerContext context) {
    this.context = context;
  }

  /// Table name with type → live brokers, from the `brokerResource` external view.
  static Map<String, List<Map<String, Object>>> liveBrokers(ControllerContext context) {
    Map<String, List<Map<String, Object>>> result = new TreeMap<>();
    Set<String> live = context.instances().liveInstances();
    for (Map.Entry<String, Map<String, String>> table : context.idealStates().brokerResourceExternalView()
        .entrySet()) {
      List<Map<String, Object>> brokers = new ArrayList<>();
      for (Map.Entry<String, String> broker : table.getValue().entrySet()) {
        if ("ONLINE".equals(broker.getValue()) && live.contains(broker.getKey())) {
          brokers.add(describe(context, broker.getKey()));
        }
      }
      result.put(table.getKey(), brokers);
    }
    return result;
  }

  @GET
  @Path("/tenants/{tenantName}")
  public List<Map<String, Object>> tenantBrokers(@PathParam("tenantName") String tenantName) {
    List<String> brokers = context.instances().instancesWithTag(tenantName + "_BROKER");
    if (brokers.isEmpty()) {
      throw RestException.notFound("Broker tenant " + tenantName + " not found");
    }
    Set<String> live = context.instances().liveInstances();
    List<Map<String, Object>> result = new ArrayList<>();
    for (String broker : brokers) {
      if (live.contains(broker)) {
        result.add(describe(context, broker));
      }
    }
    return result;
  }

  private static Map<String, Object> describe(ControllerContext context, String instanceId) {
    InstanceInfo info = context.instances().instance(instanceId);
    Map<String, Object> broker = new LinkedHashMap<>();
    broker.put("host", info == null ? InstanceIds.host(instanceId) : info.hostName());
    broker.put("port", info == null ? InstanceIds.port(instanceId) : info.port());
    broker.put("instanceName", instanceId);
    return broker;
  }
}
