// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api;

import io.pinot.common.http.RestException;
import io.pinot.controller.ControllerContext;
import io.pinot.controller.segment.ReloadStatusReporter;
import io.pinot.spi.utils.TableNameBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// Apache Pinot's segment operations beside [SegmentResource]: reset (`POST /segments/{tableNameWithType}/reset`
/// and `POST /segments/{tableNameWithType}/{segmentName}/reset`: servers take the segments OFFLINE and back ONLINE,
/// which recovers segments in ERROR once the cause is fixed) and the progress of a reload job
/// (`GET /segments/segmentReloadStatus/{jobId}`).
@Path("/segments")
@Produces(MediaType.APPLICATION_JSON)
public final class SegmentOperationsResource {
  private final ControllerContext context;

  public SegmentOperationsResource(ControllerContext context) {
    this.context = context;
  }

  @POST
  @Path("/{tableNameWithType}/{segmentName}/reset")
  public Map<String, String> resetSegment(@PathParam("tableNameWithType") String tableNameWithType,
      @PathParam("segmentName") String segmentName, @QueryParam("targetInstance") @Nullable String targetInstance) {
    requireType(tableNameWithType);
    context.segments().reset(tableNameWithType, segmentName, targetInstance, false);
    return Map.of("status", "Successfully reset segment: " + segmentName + " of table: " + tableNameWithType);
  }

  @POST
  @Path("/{tableNameWithType}/reset")
  public Map<String, String> resetSegments(@PathParam("tableNameWithType") String tableNameWithType,
      @QueryParam("targetInstance") @Nullable String targetInstance,
      @QueryParam("errorSegmentsOnly") @DefaultValue("false") boolean errorSegmentsOnly) {
    requireType(tableNameWithType);
    context.segments().reset(tableNameWithType, null, targetInstance, errorSegmentsOnly);
    return Map.of("status", "Successfully reset segments of table: " + tableNameWithType);
  }

  @GET
  @Path("/segmentReloadStatus/{jobId}")
  public Map<String, Object> reloadStatus(@PathParam("jobId") String jobId) {
    return new ReloadStatusReporter(context.jobs(), context.idealStates(), context.instances(), context.httpClient(),
        System::currentTimeMillis).status(jobId);
  }

  private static void requireType(String tableNameWithType) {
    if (TableNameBuilder.tableType(tableNameWithType) == null) {
      throw RestException.badRequest("Failed to reset segments in table: " + tableNameWithType
          + ". Must provide table name with type: " + tableNameWithType);
    }
  }
}
