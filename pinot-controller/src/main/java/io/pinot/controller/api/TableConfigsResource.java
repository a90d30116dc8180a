// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pinot.common.http.RestException;
import io.pinot.common.utils.JsonUtils;
import io.pinot.controller.ControllerContext;
import io.pinot.controller.table.TableConfigs;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.utils.TableNameBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/// Apache Pinot's `/tableConfigs` endpoints: a table's schema and its OFFLINE and REALTIME configs handled as one
/// [TableConfigs] document. `GET /tableConfigs` lists raw table names; `GET`, `PUT` and `DELETE
/// /tableConfigs/{tableName}` read, update and delete the whole; `POST /tableConfigs` creates it, and
/// `POST /tableConfigs/validate` checks a document without storing it and answers it normalised.
@Path("/tableConfigs")
@Produces(MediaType.APPLICATION_JSON)
public final class TableConfigsResource {
  private final ControllerContext context;

  public TableConfigsResource(ControllerContext context) {
    this.context = context;
  }

  @GET
  public List<String> listConfigs() {
    return context.tables().rawTableNames();
  }

  @GET
  @Path("/{tableName}")
  public TableConfigs getConfig(@PathParam("tableName") String tableName) {
    TableConfigs configs = context.tables().tableConfigsOf(tableName);
    if (configs == null) {
      throw RestException.notFound("Schema does not exist for table " + TableNameBuilder.rawTableName(tableName)
          + ". Use POST to create it first.");
    }
    return configs;
  }

  @POST
  @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
  public Map<String, Object> addConfig(String body) {
    TableConfigs configs = parse(body);
    List<String> notes = context.tables().addTableConfigs(configs);
    return SchemaResource.status("TableConfigs " + configs.tableName() + " successfully added"
        + TableResource.describe(notes));
  }

  @PUT
  @Path("/{tableName}")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
  public Map<String, Object> updateConfig(@PathParam("tableName") String tableName, String body,
      @QueryParam("reload") @DefaultValue("false") boolean reload,
      @QueryParam("forceTableSchemaUpdate") @DefaultValue("false") boolean force) {
    TableConfigs configs = parse(body);
    if (!configs.tableName().equals(tableName)) {
      throw RestException.badRequest("Invalid TableConfigs: " + tableName + ". Reason: 'tableName' in TableConfigs: "
          + configs.tableName() + " must match provided tableName: " + tableName);
    }
    List<String> notes = context.tables().updateTableConfigs(configs, force);
    if (reload) {
      for (TableConfig half : configs.halves()) {
        context.segments().reload(half.tableName(), null);
      }
    }
    return SchemaResource.status("TableConfigs updated for " + tableName + TableResource.describe(notes));
  }

  @DELETE
  @Path("/{tableName}")
  public Map<String, String> deleteConfig(@PathParam("tableName") String tableName) throws IOException {
    if (TableNameBuilder.tableType(tableName) != null) {
      throw RestException.badRequest("Invalid table name: " + tableName + ". Use raw table name.");
    }
    if (context.tables().deleteTableConfigs(tableName)) {
      return Map.of("status", "Deleted TableConfigs: " + tableName);
    }
    return Map.of("status", "TableConfigs: " + tableName
        + " don't exist. Invoked delete anyway to clean stale metadata/segments");
  }

  /// Checks a document as `POST` would, without the cluster checks, and answers it normalised (table names with
  /// their type, defaults filled in) with Pinot's `unrecognizedProperties`.
  @POST
  @Path("/validate")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
  public ObjectNode validateConfig(String body) {
    TableConfigs configs = parse(body);
    try {
      configs.validate();
    } catch (IllegalArgumentException e) {
      throw RestException.badRequest("Invalid TableConfigs: " + configs.tableName() + ". " + e.getMessage());
    }
    ObjectNode response = JsonUtils.MAPPER.valueToTree(configs);
    response.putObject("unrecognizedProperties");
    return response;
  }

  private static TableConfigs parse(String body) {
    if (body == null || body.isBlank()) {
      throw RestException.badRequest("Invalid TableConfigs. Request body is empty: send the TableConfigs JSON");
    }
    try {
      return JsonUtils.fromJson(body, TableConfigs.class);
    } catch (IllegalArgumentException e) {
      throw RestException.badRequest("Invalid TableConfigs. " + e.getMessage());
    }
  }
}
