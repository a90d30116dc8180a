// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.api;

import io.pinot.server.realtime.ConsumerStatus;
import io.pinot.server.realtime.RealtimeSegments;
import io.pinot.spi.utils.TableNameBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// `GET /tables/{tableName}/consumingSegmentsInfo` on a server: one entry per consuming segment of the REALTIME
/// table here, in Apache Pinot's `SegmentConsumerInfo` shape (`segmentName`, `consumerState`,
/// `lastConsumedTimestamp`, `partitionToOffsetMap`, `partitionOffsetInfo.currentOffsetsMap`) plus the counters
/// behind the table's ingestion status (`rowsIndexed`, `messagesConsumed`, `rowsFiltered`, `rowsMalformed`,
/// `rowsIncomplete`, `lastError`, `lastIncompleteRow`). The controller aggregates it.
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class ConsumingSegmentsResource {
  private final RealtimeSegments realtime;

  public ConsumingSegmentsResource(RealtimeSegments realtime) {
    this.realtime = realtime;
  }

  @GET
  @Path("tables/{tableName}/consumingSegmentsInfo")
  public List<Map<String, Object>> consumingSegmentsInfo(@PathParam("tableName") String tableName) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (ConsumerStatus status : realtime.statuses(TableNameBuilder.realtime(
        TableNameBuilder.rawTableName(tableName)))) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("segmentName", status.segmentName());
      entry.put("consumerState", status.state());
      entry.put("lastConsumedTimestamp", status.lastConsumedTimestampMs());
      Map<String, String> offsets = Map.of(Integer.toString(status.partition()),
          Long.toString(status.currentOffset()));
      entry.put("partitionToOffsetMap", offsets);
      entry.put("partitionOffsetInfo", Map.of("currentOffsetsMap", offsets));
      entry.put("startOffset", status.startOffset());
      entry.put("rowsIndexed", status.rowsIndexed());
      entry.put("messagesConsumed", status.messagesConsumed());
      entry.put("rowsFiltered", status.rowsFiltered());
      entry.put("rowsMalformed", status.rowsMalformed());
      entry.put("rowsDeduplicated", status.rowsDeduplicated());
      entry.put("rowsIncomplete", status.rowsIncomplete());
      entry.put("lastError", status.lastError());
      entry.put("lastIncompleteRow", status.lastIncompleteRow());
      result.add(entry);
    }
    return result;
  }
}
