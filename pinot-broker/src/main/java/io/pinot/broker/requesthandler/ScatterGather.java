// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.requesthandler;

import io.pinot.broker.routing.Selection;
import io.pinot.broker.routing.ServerAddress;
import io.pinot.broker.scatter.ServerChannels;
import io.pinot.common.datatable.DataTable;
import io.pinot.common.transport.InstanceRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Sends one query to every selected server at once and collects the answers until the deadline or until the query
/// is cancelled. Servers that fail or do not answer in time are listed by name, never silently dropped. Stateless.
final class ScatterGather {
  private static final Logger LOGGER = LoggerFactory.getLogger(ScatterGather.class);

  /// @param responses DataTables of the servers that answered
  /// @param notResponded ids of servers that were queried but did not answer in time, or failed
  /// @param failures a short reason per failed server
  /// @param cancelled whether gathering stopped because the query was cancelled
  record Gathered(List<DataTable> responses, List<String> notResponded, List<String> failures, boolean cancelled) {
    Gathered(List<DataTable> responses, List<String> notResponded, List<String> failures) {
      this(responses, notResponded, failures, false);
    }
  }

  private ScatterGather() {
  }

  static Gathered run(ServerChannels channels, Selection selection, RequestTemplate template, long deadlineNanos) {
    return run(channels, selection, template, deadlineNanos, new CompletableFuture<>());
  }

  /// As above; gathering stops early when `cancelled` completes, leaving the remaining servers as not responded.
  static Gathered run(ServerChannels channels, Selection selection, RequestTemplate template, long deadlineNanos,
      CompletableFuture<?> cancelled) {
    return gather(channels, send(channels, selection, template, deadlineNanos), template, deadlineNanos, cancelled);
  }

  /// Sends the request of every selected server without waiting (so that the halves of a hybrid table's query run
  /// at once); [#gather] collects the answers.
  static Map<ServerAddress, CompletableFuture<byte[]>> send(ServerChannels channels, Selection selection,
      RequestTemplate template, long deadlineNanos) {
    Map<ServerAddress, CompletableFuture<byte[]>> futures = new LinkedHashMap<>();
    for (Map.Entry<ServerAddress, List<String>> entry : selection.serverSegments().entrySet()) {
      long remainingMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
      InstanceRequest request = template.forServer(entry.getKey().instanceId(), entry.getValue(), remainingMs);
      futures.put(entry.getKey(), channels.send(entry.getKey(), request));
    }
    return futures;
  }

  /// Waits for the answers of requests [#send] sent, until the deadline or until `cancelled` completes.
  static Gathered gather(ServerChannels channels, Map<ServerAddress, CompletableFuture<byte[]>> futures,
      RequestTemplate template, long deadlineNanos, CompletableFuture<?> cancelled) {
    List<DataTable> responses = new ArrayList<>();
    List<String> notResponded = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (Map.Entry<ServerAddress, CompletableFuture<byte[]>> entry : futures.entrySet()) {
      ServerAddress server = entry.getKey();
      try {
        long waitNanos = Math.max(0, deadlineNanos - System.nanoTime());
        CompletableFuture.anyOf(entry.getValue(), cancelled).get(waitNanos, TimeUnit.NANOSECONDS);
        if (!entry.getValue().isDone()) {
          channels.cancel(server, template.requestId());
          notResponded.add(server.instanceId());
          failures.add(server.instanceId() + ": query cancelled");
          continue;
        }
        responses.add(DataTable.fromBytes(entry.getValue().get()));
      } catch (TimeoutException e) {
        channels.cancel(server, template.requestId());
        notResponded.add(server.instanceId());
        failures.add(server.instanceId() + ": no response before the query timeout");
      } catch (ExecutionException e) {
        notResponded.add(server.instanceId());
        failures.add(e.getCause() == null ? server.instanceId() : e.getCause().getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        notResponded.add(server.instanceId());
        failures.add(server.instanceId() + ": interrupted");
      } catch (RuntimeException e) {
        LOGGER.warn("Unreadable response from {}: {}", server.instanceId(), e.getMessage());
        notResponded.add(server.instanceId());
        failures.add(server.instanceId() + ": unreadable response (" + e.getMessage() + ")");
      }
    }
    return new Gathered(responses, notResponded, failures, cancelled.isDone());
  }

  /// The parts of an [InstanceRequest] shared by all servers of one query.
  record RequestTemplate(long requestId, String brokerId, String sql, String tableNameWithType,
      Map<String, String> queryOptions, boolean trace) {
    InstanceRequest forServer(String server, List<String> segments, long timeoutMs) {
      return new InstanceRequest(requestId, brokerId, sql, tableNameWithType, segments, timeoutMs, queryOptions,
          trace);
    }
  }
}
