// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.requesthandler;

import io.pinot.broker.routing.ServerAddress;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/// The queries a broker is running, by request id (what `GET /queries` lists and `DELETE /query/{queryId}` cancels),
/// with the optional `clientQueryId` a client gave and the servers each query was sent to. Thread-safe.
public final class RunningQueries {
  private final Map<Long, Entry> byRequestId = new ConcurrentHashMap<>();
  private final Map<String, Entry> byClientQueryId = new ConcurrentHashMap<>();

  /// One running query. [#cancelled()] completes when it is cancelled, waking whoever waits for its servers.
  public static final class Entry {
    private final long requestId;
    private final String sql;
    private final CompletableFuture<Void> cancelled = new CompletableFuture<>();
    private volatile @Nullable String clientQueryId;
    private volatile List<ServerAddress> servers = List.of();
    private volatile List<Long> serverRequestIds;

    private Entry(long requestId, String sql) {
      this.requestId = requestId;
      this.serverRequestIds = List.of(requestId);
      this.sql = sql;
    }

    public long requestId() {
      return requestId;
    }

    public String sql() {
      return sql;
    }

    public CompletableFuture<Void> cancelled() {
      return cancelled;
    }

    public boolean isCancelled() {
      return cancelled.isDone();
    }

    /// The servers the query was (or is about to be) sent to.
    public List<ServerAddress> servers() {
      return servers;
    }

    void servers(List<ServerAddress> queried) {
      servers = List.copyOf(queried);
    }

    /// The request ids the servers know the query by: its own, plus one per further table half of a hybrid table's
    /// query (a server may hold segments of both halves and tells its answers apart by request id).
    public List<Long> serverRequestIds() {
      return serverRequestIds;
    }

    void serverRequestIds(List<Long> ids) {
      serverRequestIds = List.copyOf(ids);
    }
  }

  Entry register(long requestId, String sql) {
    Entry entry = new Entry(requestId, sql);
    byRequestId.put(requestId, entry);
    return entry;
  }

  /// Records the client's id of a query (the `clientQueryId` option); a later query with the same id replaces it.
  void clientQueryId(Entry entry, String clientQueryId) {
    entry.clientQueryId = clientQueryId;
    byClientQueryId.put(clientQueryId, entry);
  }

  void finished(Entry entry) {
    byRequestId.remove(entry.requestId, entry);
    String clientQueryId = entry.clientQueryId;
    if (clientQueryId != null) {
      byClientQueryId.remove(clientQueryId, entry);
    }
  }

  public @Nullable Entry get(long requestId) {
    return byRequestId.get(requestId);
  }

  public @Nullable Entry getByClientQueryId(String clientQueryId) {
    return byClientQueryId.get(clientQueryId);
  }

  /// Request id → SQL of every running query, in request id order (Pinot's `GET /queries` shape).
  public Map<Long, String> list() {
    Map<Long, String> result = new TreeMap<>();
    for (Entry entry : byRequestId.values()) {
      result.put(entry.requestId, entry.sql);
    }
    return result;
  }
}
