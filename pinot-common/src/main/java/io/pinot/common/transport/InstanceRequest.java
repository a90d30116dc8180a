// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.transport;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// A broker's request to one server: run `sql` over the named segments of one table half.
///
/// @param requestId broker-unique id, echoed in the response
/// @param brokerId instance id of the sending broker
/// @param sql the query as the user wrote it (the server compiles it itself)
/// @param tableNameWithType the physical table to query (`events_OFFLINE`), which overrides the name in `sql`
/// @param segments the segments this server must process
/// @param timeoutMs time left for this request when it was sent
/// @param queryOptions options from the request and `SET` statements, already merged by the broker
public record InstanceRequest(
    long requestId,
    String brokerId,
    String sql,
    String tableNameWithType,
    List<String> segments,
    long timeoutMs,
    Map<String, String> queryOptions,
    boolean enableTrace) {

  public InstanceRequest {
    segments = List.copyOf(segments);
    queryOptions = new LinkedHashMap<>(queryOptions);
  }

  @Override
  public Map<String, String> queryOptions() {
    return Collections.unmodifiableMap(queryOptions);
  }
}
