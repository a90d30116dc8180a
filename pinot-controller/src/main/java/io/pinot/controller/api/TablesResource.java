// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api;

import io.pinot.controller.ControllerContext;
import io.pinot.spi.config.table.TableConfig;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/// `GET /tables` (`{"tables": [raw names]}`) and `POST /tables` (create from a table config JSON).
@Path("/tables")
@Produces(MediaType.APPLICATION_JSON)
public final class TablesResource {
  private final ControllerContext context;

  public TablesResource(ControllerContext context) {
    this.context = context;
  }

  @GET
  public Map<String, List<String>> listTables() {
    return Map.of("tables", context.tables().rawTableNames());
  }

  @POST
  @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
  public Map<String, Object> addTable(String body) {
    TableConfig config = TableResource.parse(body);
    List<String> notes = context.tables().addTable(config);
    return SchemaResource.status("Table " + config.tableName() + " successfully added"
        + TableResource.describe(notes));
  }
}
