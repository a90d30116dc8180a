// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api;

import io.pinot.common.http.RestException;
import io.pinot.controller.ControllerContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/// `GET /tenants` (`{"SERVER_TENANTS": [...], "BROKER_TENANTS": [...]}`, derived from instance tags
/// `<tenant>_OFFLINE`, `<tenant>_REALTIME`, `<tenant>_BROKER`) and `GET /tenants/{tenantName}`.
@Path("/tenants")
@Produces(MediaType.APPLICATION_JSON)
public final class TenantResource {
  private final ControllerContext context;

  public TenantResource(ControllerContext context) {
    this.context = context;
  }

  @GET
  public Map<String, Object> listTenants() {
    TreeSet<String> servers = new TreeSet<>();
    TreeSet<String> brokers = new TreeSet<>();
    for (String tag : context.instances().allTags()) {
      if (tag.endsWith("_BROKER")) {
        brokers.add(tag.substring(0, tag.length() - "_BROKER".length()));
      } else if (tag.endsWith("_OFFLINE")) {
        servers.add(tag.substring(0, tag.length() - "_OFFLINE".length()));
      } else if (tag.endsWith("_REALTIME")) {
        servers.add(tag.substring(0, tag.length() - "_REALTIME".length()));
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("SERVER_TENANTS", List.copyOf(servers));
    result.put("BROKER_TENANTS", List.copyOf(brokers));
    return result;
  }

  @GET
  @Path("/{tenantName}")
  public Map<String, Object> getTenant(@PathParam("tenantName") String tenantName,
      @QueryParam("type") @Nullable String type) {
    String wanted = type == null ? "" : type.toLowerCase(Locale.ROOT);
    TreeSet<String> servers = new TreeSet<>();
    servers.addAll(context.instances().instancesWithTag(tenantName + "_OFFLINE"));
    servers.addAll(context.instances().instancesWithTag(tenantName + "_REALTIME"));
    List<String> brokers = context.instances().instancesWithTag(tenantName + "_BROKER");
    if (servers.isEmpty() && brokers.isEmpty()) {
      throw RestException.notFound("Tenant " + tenantName + " not found");
    }
    Map<String, Object> result = new LinkedHashMap<>();
    if (!wanted.equals("broker")) {
      result.put("ServerInstances", List.copyOf(servers));
    }
    if (!wanted.equals("server")) {
      result.put("BrokerInstances", brokers);
    }
    result.put("tenantName", tenantName);
    return result;
  }
}
