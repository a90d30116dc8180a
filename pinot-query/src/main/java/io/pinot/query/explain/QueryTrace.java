// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.explain;

import java.util.ArrayList;
import java.util.List;

/// The trace a server returns for a query run with `trace=true` (the request's trace flag or the query option), in
/// the shape of Pinot's `traceInfo` values: a JSON array with one object per traced thread, keyed by trace id
/// (`"0"` for the request thread), each holding a list of `{"<phase> Time": millis}` or `{"<name>": value}` entries.
/// The broker puts each server's string in the response's `traceInfo` map. Not thread-safe: one per query, written
/// by the thread that runs it.
public final class QueryTrace {
  private final List<String> keys = new ArrayList<>();
  private final List<Long> values = new ArrayList<>();

  /// Records the time a phase took (`"<phase> Time"`, as Pinot names operator timings).
  public void logTime(String phase, long millis) {
    log(phase + " Time", millis);
  }

  public void log(String key, long value) {
    keys.add(key);
    values.add(value);
  }

  /// The trace as Pinot's JSON text, e.g. `[{"0":[{"SegmentPruning Time":0},{"QueryExecution Time":3}]}]`.
  public String toJson() {
    StringBuilder json = new StringBuilder("[{\"0\":[");
    for (int i = 0; i < keys.size(); i++) {
      json.append(i == 0 ? "{\"" : ",{\"").append(keys.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
          .append("\":").append(values.get(i)).append('}');
    }
    return json.append("]}]").toString();
  }
}
