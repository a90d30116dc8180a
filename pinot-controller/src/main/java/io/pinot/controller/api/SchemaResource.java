// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api;

import io.pinot.common.http.RestException;
import io.pinot.common.utils.JsonUtils;
import io.pinot.controller.ControllerContext;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
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
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.media.multipart.BodyPart;
import org.glassfish.jersey.media.multipart.FormDataMultiPart;

/// Apache Pinot's schema endpoints: `GET/POST /schemas`, `GET/PUT/DELETE /schemas/{schemaName}`. Bodies are
/// schema JSON, either raw (`application/json`) or as the first part of a multipart upload (what
/// `pinot-admin.sh AddSchema` sends).
@Path("/schemas")
@Produces(MediaType.APPLICATION_JSON)
public final class SchemaResource {
  private final ControllerContext context;

  public SchemaResource(ControllerContext context) {
    this.context = context;
  }

  @GET
  public List<String> listSchemas() {
    return context.metadataStore().schemaNames();
  }

  @GET
  @Path("/{schemaName}")
  public Schema getSchema(@PathParam("schemaName") String schemaName) {
    Schema schema = context.metadataStore().schema(schemaName);
    if (schema == null) {
      throw RestException.notFound("Schema " + schemaName + " not found");
    }
    return schema;
  }

  @POST
  @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
  public Map<String, Object> addSchema(String body, @QueryParam("override") @DefaultValue("true") boolean override,
      @QueryParam("force") @DefaultValue("false") boolean force) {
    return add(parse(body), override, force);
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Map<String, Object> addSchemaMultipart(FormDataMultiPart multiPart,
      @QueryParam("override") @DefaultValue("true") boolean override,
      @QueryParam("force") @DefaultValue("false") boolean force) throws IOException {
    return add(parse(firstPart(multiPart)), override, force);
  }

  @PUT
  @Path("/{schemaName}")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
  public Map<String, Object> updateSchema(@PathParam("schemaName") String schemaName, String body,
      @QueryParam("force") @DefaultValue("false") boolean force,
      @QueryParam("reload") @DefaultValue("false") boolean reload) {
    return update(schemaName, parse(body), force, reload);
  }

  @PUT
  @Path("/{schemaName}")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Map<String, Object> updateSchemaMultipart(@PathParam("schemaName") String schemaName,
      FormDataMultiPart multiPart, @QueryParam("force") @DefaultValue("false") boolean force,
      @QueryParam("reload") @DefaultValue("false") boolean reload) throws IOException {
    return update(schemaName, parse(firstPart(multiPart)), force, reload);
  }

  @DELETE
  @Path("/{schemaName}")
  public Map<String, String> deleteSchema(@PathParam("schemaName") String schemaName) {
    context.tables().deleteSchema(schemaName);
    return Map.of("status", "Schema " + schemaName + " deleted");
  }

  private Map<String, Object> add(Schema schema, boolean override, boolean force) {
    context.tables().putSchema(schema, override, force);
    return status(schema.schemaName() + " successfully added");
  }

  /// Replaces a schema; with `reload`, sends a reload of every table using it, so that the servers add the new
  /// columns to the loaded segments.
  private Map<String, Object> update(String schemaName, Schema schema, boolean force, boolean reload) {
    if (!schema.schemaName().equals(schemaName)) {
      throw RestException.badRequest("Schema name mismatch for uploaded schema, tried to add schema with name "
          + schema.schemaName() + " as " + schemaName);
    }
    if (context.metadataStore().schema(schemaName) == null) {
      throw RestException.notFound("Schema " + schemaName + " not found");
    }
    context.tables().putSchema(schema, true, force);
    if (reload) {
      for (String table : context.metadataStore().tableNamesWithType()) {
        TableConfig config = context.metadataStore().tableConfig(table);
        if (config != null && config.schemaName().equals(schemaName)) {
          context.segments().reload(table, null);
        }
      }
    }
    return status(schemaName + " successfully added");
  }

  static Map<String, Object> status(String message) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("unrecognizedProperties", Map.of());
    response.put("status", message);
    return response;
  }

  static String firstPart(FormDataMultiPart multiPart) throws IOException {
    List<BodyPart> parts = multiPart.getBodyParts();
    if (parts.isEmpty()) {
      throw RestException.badRequest("The multipart request has no file part");
    }
    try (InputStream in = parts.get(0).getEntityAs(InputStream.class)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Schema parse(String body) {
    if (body == null || body.isBlank()) {
      throw RestException.badRequest("Request body is empty: send the schema JSON");
    }
    try {
      return JsonUtils.fromJson(body, Schema.class);
    } catch (IllegalArgumentException e) {
      throw RestException.badRequest("Invalid schema: " + e.getMessage());
    }
  }
}
