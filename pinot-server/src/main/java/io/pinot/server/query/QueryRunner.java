// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.query;

import io.pinot.common.transport.InstanceRequest;
import io.pinot.query.context.QueryDeadline;
import java.util.function.Consumer;

/// Executes one scheduled request on a runner thread and serializes its DataTable. Implementations report query
/// errors inside the DataTable; they call `onStart` with the query's deadline before processing any segment, so that
/// the scheduler can cancel the query. Implementations must be thread-safe.
public interface QueryRunner extends AutoCloseable {
  /// @param receivedAtNanos `System.nanoTime()` when the server received the request (its time budget counts from
  ///     then)
  byte[] run(InstanceRequest request, long receivedAtNanos, Consumer<QueryDeadline> onStart);

  @Override
  default void close() {
  }
}
