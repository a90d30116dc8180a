// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api;

import io.pinot.common.http.RestException;
import io.pinot.controller.ControllerConfigKey;
import io.pinot.controller.ControllerContext;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// Apache Pinot's ZooKeeper browser: `GET /zk/ls`, `/zk/lsl`, `/zk/get`, `/zk/getChildren` and `/zk/stat` read the
/// node at `path` (absolute from ZooKeeper's root, e.g. `/PinotCluster/IDEALSTATES`); `PUT /zk/put` writes a ZNRecord
/// (`data` as a query parameter or the request body) and `DELETE /zk/delete` removes a node and its children. The
/// browser is read-only unless the controller config sets `controller.zk.browser.writable=true`: otherwise writes
/// answer 403 and change nothing.
@Path("/zk")
@Produces(MediaType.APPLICATION_JSON)
public final class ZookeeperResource {
  private final ControllerContext context;

  public ZookeeperResource(ControllerContext context) {
    this.context = context;
  }

  @GET
  @Path("/ls")
  public List<String> ls(@QueryParam("path") @Nullable String path) {
    return context.zk().childNames(existing(path));
  }

  @GET
  @Path("/lsl")
  public Map<String, Object> lsl(@QueryParam("path") @Nullable String path) {
    return context.zk().childStats(existing(path));
  }

  /// The node's ZNRecord; 204 without a body when the node holds none (as Pinot answers).
  @GET
  @Path("/get")
  public Response get(@QueryParam("path") @Nullable String path) {
    Map<String, Object> record = context.zk().get(existing(path));
    return record == null ? Response.noContent().build() : Response.ok(record).build();
  }

  @GET
  @Path("/getChildren")
  public List<Map<String, Object>> getChildren(@QueryParam("path") @Nullable String path) {
    return context.zk().children(existing(path));
  }

  @GET
  @Path("/stat")
  public Map<String, Object> stat(@QueryParam("path") @Nullable String path) {
    String zkPath = validated(path);
    Map<String, Object> stat = context.zk().stat(zkPath);
    if (stat == null) {
      throw RestException.notFound("ZKPath " + zkPath + " does not exist");
    }
    return stat;
  }

  @PUT
  @Path("/put")
  public Map<String, String> put(@QueryParam("path") @Nullable String path,
      @QueryParam("data") @Nullable String data,
      @QueryParam("expectedVersion") @DefaultValue("-1") int expectedVersion,
      @QueryParam("accessOption") @DefaultValue("1") int accessOption, @Nullable String payload) {
    requireWritable();
    String zkPath = validated(path);
    String record = data == null || data.isEmpty() ? payload : data;
    if (record == null || record.isBlank()) {
      throw RestException.badRequest("Must provide data through query parameter or payload");
    }
    boolean written;
    try {
      written = context.zk().set(zkPath, record, expectedVersion, accessOption);
    } catch (IllegalArgumentException e) {
      throw RestException.badRequest("Failed to deserialize the data: " + e.getMessage());
    } catch (RuntimeException e) {
      throw new RestException(Response.Status.INTERNAL_SERVER_ERROR.getStatusCode(), "Failed to update path: "
          + zkPath, e);
    }
    if (!written) {
      Map<String, Object> stat = context.zk().stat(zkPath);
      if (expectedVersion >= 0 && stat != null && !stat.get("version").equals(expectedVersion)) {
        throw RestException.conflict("Failed to update path: " + zkPath + ": expectedVersion " + expectedVersion
            + " does not match the node's version " + stat.get("version"));
      }
      throw new RestException(Response.Status.INTERNAL_SERVER_ERROR, "Failed to update path: " + zkPath);
    }
    return Map.of("status", "Successfully updated path: " + zkPath);
  }

  @DELETE
  @Path("/delete")
  public Map<String, String> delete(@QueryParam("path") @Nullable String path) {
    requireWritable();
    String zkPath = existing(path);
    if (zkPath.equals("/")) {
      throw RestException.badRequest("Cannot delete the ZooKeeper root");
    }
    boolean deleted;
    try {
      deleted = context.zk().delete(zkPath);
    } catch (RuntimeException e) {
      throw new RestException(Response.Status.INTERNAL_SERVER_ERROR.getStatusCode(), "Failed to delete path: "
          + zkPath, e);
    }
    if (!deleted) {
      throw new RestException(Response.Status.INTERNAL_SERVER_ERROR, "Failed to delete path: " + zkPath);
    }
    return Map.of("status", "Successfully deleted path: " + zkPath);
  }

  private void requireWritable() {
    if (!context.config().zkBrowserWritable()) {
      throw new RestException(Response.Status.FORBIDDEN, "The ZooKeeper browser is read-only: set "
          + ControllerConfigKey.ZK_BROWSER_WRITABLE.key() + "=true in the controller config to allow /zk/put and "
          + "/zk/delete");
    }
  }

  private String existing(@Nullable String path) {
    String zkPath = validated(path);
    if (context.zk().stat(zkPath) == null) {
      throw RestException.notFound("ZKPath " + zkPath + " does not exist");
    }
    return zkPath;
  }

  /// Pinot's path rules (not null, starts with `/`, no trailing `/` except the root) plus ZooKeeper's own (no empty,
  /// `.` or `..` element, no control characters), so that a bad path is a 400 rather than a ZooKeeper error.
  static String validated(@Nullable String path) {
    if (path == null || path.isBlank()) {
      throw RestException.badRequest("ZKPath cannot be null");
    }
    String zkPath = path.trim();
    if (!zkPath.startsWith("/")) {
      throw RestException.badRequest("ZKPath " + zkPath + " must start with /");
    }
    if (zkPath.equals("/")) {
      return zkPath;
    }
    if (zkPath.endsWith("/")) {
      throw RestException.badRequest("ZKPath " + zkPath + " cannot end with /");
    }
    for (String element : zkPath.substring(1).split("/", -1)) {
      if (element.isEmpty() || element.equals(".") || element.equals("..")) {
        throw RestException.badRequest("ZKPath " + zkPath + " has an empty, '.' or '..' element");
      }
      for (int i = 0; i < element.length(); i++) {
        if (Character.isISOControl(element.charAt(i))) {
          throw RestException.badRequest("ZKPath " + zkPath + " contains a control character");
        }
      }
    }
    return zkPath;
  }
}
