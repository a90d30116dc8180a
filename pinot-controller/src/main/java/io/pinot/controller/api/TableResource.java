// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api;

import io.pinot.common.http.RestException;
import io.pinot.common.utils.JsonUtils;
import io.pinot.controller.ControllerContext;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.config.table.TableType;
import io.pinot.spi.data.Schema;
import io.pinot.spi.utils.TableNameBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// Apache Pinot's per-table endpoints under `/tables/{tableName}`: GET/PUT/DELETE of the config (GET answers
/// `{"OFFLINE": config, "REALTIME": config}` with the halves that exist), `schema`, `idealstate`,
/// `externalview`, `instances` and `size`.
@Path("/tables/{tableName}")
@Produces(MediaType.APPLICATION_JSON)
public final class TableResource {
  private final ControllerContext context;

  private final TableViews views;

  public TableResource(ControllerContext context) {
    this.context = context;
    this.views = new TableViews(context);
  }

  @GET
  public Map<String, TableConfig> getTable(@PathParam("tableName") String tableName,
      @QueryParam("type") @Nullable String type) {
    TableType tableType = tableType(type);
    Map<String, TableConfig> result = new LinkedHashMap<>();
    for (TableConfig config : context.tables().tableConfigs(tableName)) {
      if (tableType == null || config.tableType() == tableType) {
        result.put(config.tableType().name(), config);
      }
    }
    if (result.isEmpty()) {
      throw RestException.notFound("Table " + tableName + " does not exist");
    }
    return result;
  }

  @PUT
  @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
  public Map<String, Object> updateTable(@PathParam("tableName") String tableName, String body) {
    TableConfig config = parse(body);
    if (!config.rawTableName().equals(TableNameBuilder.rawTableName(tableName))) {
      throw RestException.badRequest("Request table " + tableName + " does not match table name in the body "
          + config.tableName());
    }
    List<String> notes = context.tables().updateTable(config);
    return SchemaResource.status("Table config updated for " + config.tableName() + describe(notes));
  }

  @DELETE
  public Map<String, String> deleteTable(@PathParam("tableName") String tableName,
      @QueryParam("type") @Nullable String type) throws IOException {
    List<String> deleted = context.tables().deleteTable(tableName, tableType(type));
    if (deleted.isEmpty()) {
      throw RestException.notFound("Table " + tableName + " does not exist");
    }
    return Map.of("status", "Tables: " + deleted + " deleted");
  }

  @GET
  @Path("/schema")
  public Schema getTableSchema(@PathParam("tableName") String tableName) {
    List<TableConfig> configs = context.tables().tableConfigs(tableName);
    String schemaName = configs.isEmpty() ? TableNameBuilder.rawTableName(tableName) : configs.get(0).schemaName();
    Schema schema = context.metadataStore().schema(schemaName);
    if (schema == null) {
      throw RestException.notFound("Schema not found for table: " + tableName);
    }
    return schema;
  }

  @GET
  @Path("/idealstate")
  public Map<String, Object> getIdealState(@PathParam("tableName") String tableName,
      @QueryParam("type") @Nullable String type) {
    return views.idealStates(tableName, tableType(type));
  }

  @GET
  @Path("/externalview")
  public Map<String, Object> getExternalView(@PathParam("tableName") String tableName,
      @QueryParam("type") @Nullable String type) {
    return views.externalViews(tableName, tableType(type));
  }

  @GET
  @Path("/instances")
  public Map<String, Object> getInstances(@PathParam("tableName") String tableName,
      @QueryParam("type") @Nullable String type) {
    return views.instances(tableName, type);
  }

  @GET
  @Path("/size")
  public Map<String, Object> getSize(@PathParam("tableName") String tableName) {
    return views.size(tableName);
  }

  static @Nullable TableType tableType(@Nullable String type) {
    if (type == null || type.isBlank()) {
      return null;
    }
    try {
      return TableType.valueOf(type.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw RestException.badRequest("Invalid table type[" + type + "]: use OFFLINE or REALTIME");
    }
  }

  static String describe(List<String> notes) {
    return notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
  }

  static TableConfig parse(String body) {
    if (body == null || body.isBlank()) {
      throw RestException.badRequest("Request body is empty: send the table config JSON");
    }
    try {
      return JsonUtils.fromJson(body, TableConfig.class);
    } catch (IllegalArgumentException e) {
      throw RestException.badRequest("Invalid table config: " + e.getMessage());
    }
  }
}
