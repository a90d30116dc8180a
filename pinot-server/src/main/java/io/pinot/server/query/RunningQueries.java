// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.query;

import io.pinot.common.transport.InstanceRequest;
import io.pinot.query.context.QueryDeadline;
import io.pinot.spi.config.table.TableType;
import io.pinot.spi.utils.TableNameBuilder;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/// The queries a server has accepted and not yet answered, by Apache Pinot's query id
/// `<brokerId>_<requestId>_O` (OFFLINE half) or `_R` (REALTIME half), so that a broker can cancel them
/// (`DELETE /query/{queryId}` on the admin API). A query cancelled while it waits is answered with
/// QUERY_CANCELLATION without running; a running one stops at its next block. Thread-safe.
public final class RunningQueries {
  private final Map<String, Entry> queries = new ConcurrentHashMap<>();

  /// One accepted query.
  public static final class Entry {
    private final String queryId;
    private volatile @Nullable QueryDeadline deadline;
    private volatile boolean killed;

    private Entry(String queryId) {
      this.queryId = queryId;
    }

    public String queryId() {
      return queryId;
    }

    public boolean isKilled() {
      return killed;
    }

    private void kill() {
      killed = true;
      QueryDeadline current = deadline;
      if (current != null) {
        current.kill();
      }
    }

    private void started(QueryDeadline queryDeadline) {
      deadline = queryDeadline;
      if (killed) {
        queryDeadline.kill();
      }
    }
  }

  /// Pinot's id of a request: `<brokerId>_<requestId>_O|R`.
  public static String queryId(InstanceRequest request) {
    TableType type = TableNameBuilder.tableType(request.tableNameWithType());
    return request.brokerId() + "_" + request.requestId() + (type == TableType.REALTIME ? "_R" : "_O");
  }

  public Entry register(InstanceRequest request) {
    Entry entry = new Entry(queryId(request));
    queries.put(entry.queryId, entry);
    return entry;
  }

  /// Records the deadline of a query that started executing (killing it at once if it was cancelled meanwhile).
  public void started(Entry entry, QueryDeadline deadline) {
    entry.started(deadline);
  }

  public void finished(Entry entry) {
    queries.remove(entry.queryId, entry);
  }

  /// Cancels a query by `<brokerId>_<requestId>` (both halves) or by its full id with the `_O`/`_R` suffix.
  ///
  /// @return whether such a query was waiting or running
  public boolean cancel(String queryId) {
    if (queryId.endsWith("_O") || queryId.endsWith("_R")) {
      return cancelExact(queryId);
    }
    boolean offline = cancelExact(queryId + "_O");
    boolean realtime = cancelExact(queryId + "_R");
    return offline || realtime;
  }

  /// Cancels this very query (a gRPC client that went away), whatever other query shares its id.
  public void cancel(Entry entry) {
    entry.kill();
  }

  private boolean cancelExact(String queryId) {
    Entry entry = queries.get(queryId);
    if (entry == null) {
      return false;
    }
    entry.kill();
    return true;
  }

  /// Ids of the queries waiting or running, sorted.
  public Set<String> ids() {
    return new TreeSet<>(queries.keySet());
  }
}
