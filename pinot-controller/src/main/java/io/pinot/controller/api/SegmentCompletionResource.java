// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.api;

import io.pinot.common.http.RestException;
import io.pinot.common.protocol.CompletionResponse;
import io.pinot.common.protocol.SegmentCompletionProtocol;
import io.pinot.common.protocol.SegmentCompletionProtocol.Status;
import io.pinot.controller.ControllerContext;
import io.pinot.controller.realtime.SegmentCompletionManager;
import io.pinot.segment.mutable.LlcSegmentName;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.utils.TableNameBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/// Apache Pinot's segment completion endpoints, called by servers whose consuming segment reached its end:
/// `GET /segmentConsumed`, `GET /segmentCommitStart`, `POST /segmentUpload` (the segment tarball as the body),
/// `POST /segmentCommitEndWithMetadata` and `GET /segmentStoppedConsuming`, with Pinot's parameters (`name`,
/// `instance`, `streamPartitionMsgOffset`, `reason`) and JSON answers (`status`, `streamPartitionMsgOffset`...).
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class SegmentCompletionResource {
  private static final CompletionResponse NOT_LEADER = CompletionResponse.of(Status.NOT_LEADER);

  private final ControllerContext context;

  public SegmentCompletionResource(ControllerContext context) {
    this.context = context;
  }

  @GET
  @Path(SegmentCompletionProtocol.MSG_TYPE_CONSUMED)
  public CompletionResponse segmentConsumed(@QueryParam("name") @Nullable String segment,
      @QueryParam("instance") @Nullable String instance,
      @QueryParam("streamPartitionMsgOffset") @Nullable String offset,
      @QueryParam("reason") @Nullable String reason) {
    if (!isLeader()) {
      return NOT_LEADER;
    }
    String name = required("name", segment);
    return manager().segmentConsumed(table(name), name, required("instance", instance), offset(offset), reason);
  }

  @GET
  @Path(SegmentCompletionProtocol.MSG_TYPE_COMMIT_START)
  public CompletionResponse segmentCommitStart(@QueryParam("name") @Nullable String segment,
      @QueryParam("instance") @Nullable String instance,
      @QueryParam("streamPartitionMsgOffset") @Nullable String offset) {
    if (!isLeader()) {
      return NOT_LEADER;
    }
    return manager().segmentCommitStart(required("name", segment), required("instance", instance), offset(offset));
  }

  @POST
  @Path(SegmentCompletionProtocol.MSG_TYPE_SEGMENT_UPLOAD)
  public CompletionResponse segmentUpload(@QueryParam("name") @Nullable String segment,
      @QueryParam("instance") @Nullable String instance,
      @QueryParam("streamPartitionMsgOffset") @Nullable String offset, InputStream body) throws IOException {
    if (!isLeader()) {
      return NOT_LEADER;
    }
    return manager().segmentUpload(required("name", segment), required("instance", instance), offset(offset), body);
  }

  @POST
  @Path(SegmentCompletionProtocol.MSG_TYPE_COMMIT_END_METADATA)
  public CompletionResponse segmentCommitEnd(@QueryParam("name") @Nullable String segment,
      @QueryParam("instance") @Nullable String instance,
      @QueryParam("streamPartitionMsgOffset") @Nullable String offset) {
    if (!isLeader()) {
      return NOT_LEADER;
    }
    String name = required("name", segment);
    TableConfig config = context.metadataStore().tableConfig(table(name));
    if (config == null) {
      return CompletionResponse.of(Status.FAILED);
    }
    return manager().segmentCommitEnd(config, name, required("instance", instance), offset(offset));
  }

  @GET
  @Path(SegmentCompletionProtocol.MSG_TYPE_STOPPED_CONSUMING)
  public CompletionResponse segmentStoppedConsuming(@QueryParam("name") @Nullable String segment,
      @QueryParam("instance") @Nullable String instance, @QueryParam("reason") @Nullable String reason) {
    if (!isLeader()) {
      return NOT_LEADER;
    }
    String name = required("name", segment);
    return manager().segmentStoppedConsuming(table(name), name, required("instance", instance),
        reason == null ? "unknown" : reason);
  }

  /// Only the lead controller runs the protocol (its state is in memory): the others answer `NOT_LEADER`, and the
  /// server looks the leader up again and retries, as with Pinot.
  private boolean isLeader() {
    return context.realtime().isLeader();
  }

  private SegmentCompletionManager manager() {
    return context.realtime().completion();
  }

  private static String table(String segment) {
    try {
      return TableNameBuilder.realtime(LlcSegmentName.parse(segment).tableName());
    } catch (IllegalArgumentException e) {
      throw RestException.badRequest(e.getMessage());
    }
  }

  private static String required(String key, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw RestException.badRequest("Missing query parameter '" + key + "'");
    }
    return value;
  }

  private static long offset(@Nullable String value) {
    try {
      return Long.parseLong(required("streamPartitionMsgOffset", value).trim());
    } catch (NumberFormatException e) {
      throw RestException.badRequest("Invalid streamPartitionMsgOffset[" + value + "]: not a number");
    }
  }
}
