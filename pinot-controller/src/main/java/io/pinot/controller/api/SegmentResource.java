// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api;

import io.pinot.common.http.RestException;
import io.pinot.common.metadata.SegmentZkMetadata;
import io.pinot.controller.ControllerContext;
import io.pinot.controller.helix.SegmentMessenger;
import io.pinot.controller.segment.SegmentManager;
import io.pinot.segment.mutable.LlcSegmentName;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.config.table.TableType;
import io.pinot.spi.utils.TableNameBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.media.multipart.FormDataMultiPart;
import org.jspecify.annotations.Nullable;

/// Apache Pinot's segment endpoints: list (`GET /segments/{tableName}` → `[{"OFFLINE": [names]}]`), ZooKeeper
/// metadata (`GET /segments/{tableName}/{segmentName}/metadata`), download of the tarball servers fetch
/// (`GET /segments/{tableName}/{segmentName}`), delete, and the legacy upload `POST /segments`.
@Path("/segments")
public final class SegmentResource {
  private final ControllerContext context;

  public SegmentResource(ControllerContext context) {
    this.context = context;
  }

  @GET
  @Path("/{tableName}")
  @Produces(MediaType.APPLICATION_JSON)
  public List<Map<String, List<String>>> listSegments(@PathParam("tableName") String tableName,
      @QueryParam("type") @Nullable String type) {
    TableType wanted = TableResource.tableType(type);
    List<Map<String, List<String>>> result = new ArrayList<>();
    List<TableConfig> configs = context.tables().tableConfigs(tableName);
    if (configs.isEmpty()) {
      throw RestException.notFound("Table " + tableName + " does not exist");
    }
    for (TableConfig config : configs) {
      if (wanted == null || wanted == config.tableType()) {
        Map<String, List<String>> entry = new LinkedHashMap<>();
        entry.put(config.tableType().name(), new ArrayList<>(context.segments().segments(config.tableName())));
        result.add(entry);
      }
    }
    return result;
  }

  @GET
  @Path("/{tableName}/{segmentName}/metadata")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, String> segmentMetadata(@PathParam("tableName") String tableName,
      @PathParam("segmentName") String segmentName, @QueryParam("type") @Nullable String type) {
    String table = halfOf(tableName, type, segmentName);
    SegmentZkMetadata metadata = context.metadataStore().segment(table, segmentName);
    if (metadata == null) {
      throw RestException.notFound("Segment " + segmentName + " of table " + table + " not found");
    }
    Map<String, String> result = new LinkedHashMap<>();
    result.put("segment.name", segmentName);
    result.putAll(metadata.toSimpleFields());
    return result;
  }

  @GET
  @Path("/{tableName}/{segmentName}")
  @Produces(MediaType.APPLICATION_OCTET_STREAM)
  public Response download(@PathParam("tableName") String tableName, @PathParam("segmentName") String segmentName)
      throws IOException {
    String raw = TableNameBuilder.rawTableName(tableName);
    if (!context.deepStore().exists(raw, segmentName)) {
      throw RestException.notFound("Segment " + segmentName + " of table " + raw + " not found in the deep store");
    }
    long size = context.deepStore().size(raw, segmentName);
    StreamingOutput body = out -> {
      try (InputStream in = context.deepStore().open(raw, segmentName)) {
        in.transferTo(out);
      }
    };
    return Response.ok(body, MediaType.APPLICATION_OCTET_STREAM_TYPE).header("Content-Length", size)
        .header("Content-Disposition", "attachment; filename=\"" + segmentName + ".tar.gz\"").build();
  }

  @DELETE
  @Path("/{tableName}/{segmentName}")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, String> delete(@PathParam("tableName") String tableName,
      @PathParam("segmentName") String segmentName, @QueryParam("type") @Nullable String type) throws IOException {
    context.segments().delete(halfOf(tableName, type, segmentName), segmentName);
    return Map.of("status", "Segment " + segmentName + " deleted");
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, String> upload(FormDataMultiPart multiPart, @QueryParam("tableName") @Nullable String tableName,
      @QueryParam("tableType") @Nullable String tableType) throws IOException {
    return SegmentUploadResource.upload(context, multiPart, tableName, tableType);
  }

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, String> uploadUri(@HeaderParam("UPLOAD_TYPE") @Nullable String uploadType,
      @HeaderParam("DOWNLOAD_URI") @Nullable String downloadUri, @QueryParam("tableName") @Nullable String tableName,
      @QueryParam("tableType") @Nullable String tableType) throws IOException {
    return SegmentUploadResource.uploadFromUri(context, uploadType, downloadUri, tableName, tableType);
  }

  @POST
  @Path("/{tableName}/reload")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> reloadAll(@PathParam("tableName") String tableName,
      @QueryParam("type") @Nullable String type) {
    return reloadResponse(context.segments().reload(existingOffline(tableName, type), null));
  }

  @POST
  @Path("/{tableName}/{segmentName}/reload")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> reloadOne(@PathParam("tableName") String tableName,
      @PathParam("segmentName") String segmentName, @QueryParam("type") @Nullable String type) {
    return reloadResponse(context.segments().reload(existingOffline(tableName, type), segmentName));
  }

  private String existingOffline(String tableName, @Nullable String type) {
    String table = offlineName(tableName, type);
    if (context.metadataStore().tableConfig(table) == null) {
      throw RestException.notFound("Table " + table + " does not exist");
    }
    return table;
  }

  private static Map<String, Object> reloadResponse(SegmentManager.ReloadResult result) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("status", "Sent " + SegmentMessenger.SEGMENT_RELOAD + " for " + result.numSegments()
        + " segment(s) of table " + result.tableNameWithType() + " to " + result.servers().size() + " server(s)");
    response.put("reloadJobId", result.reloadJobId());
    response.put("reloadJobMetaZKStorageStatus", result.jobStored() ? "SUCCESS" : "FAILED");
    response.put("servers", result.servers());
    return response;
  }

  /// The table half a segment belongs to: the one `type` or the name's suffix names, else REALTIME for a
  /// real-time segment name (`table__partition__sequence__time`) and OFFLINE otherwise.
  private static String halfOf(String tableName, @Nullable String type, String segmentName) {
    TableType tableType = TableResource.tableType(type);
    if (tableType == null) {
      tableType = TableNameBuilder.tableType(tableName);
    }
    if (tableType == null) {
      tableType = LlcSegmentName.isLlcSegmentName(segmentName) ? TableType.REALTIME : TableType.OFFLINE;
    }
    return TableNameBuilder.tableNameWithType(TableNameBuilder.rawTableName(tableName), tableType);
  }

  private static String offlineName(String tableName, @Nullable String type) {
    TableType tableType = TableResource.tableType(type);
    if (tableType == TableType.REALTIME || TableNameBuilder.tableType(tableName) == TableType.REALTIME) {
      throw RestException.badRequest("REALTIME tables are not supported yet");
    }
    return TableNameBuilder.offline(TableNameBuilder.rawTableName(tableName));
  }
}
