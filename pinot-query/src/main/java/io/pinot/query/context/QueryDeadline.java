// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.context;

import io.pinot.spi.exception.QueryErrorCode;

/// When a query must stop: a deadline on the monotonic clock plus a cancellation flag set by whoever
/// stops waiting for it. Operators call [#check()] between blocks. Thread-safe: shared by all threads
/// of one query.
public final class QueryDeadline {
  private final long deadlineNanos;
  private volatile boolean cancelled;
  private volatile boolean killed;

  private QueryDeadline(long deadlineNanos) {
    this.deadlineNanos = deadlineNanos;
  }

  /// A deadline `timeoutMs` from now.
  public static QueryDeadline afterMillis(long timeoutMs) {
    return new QueryDeadline(System.nanoTime() + Math.max(0, timeoutMs) * 1_000_000L);
  }

  /// A deadline that never expires (tests and tools).
  public static QueryDeadline none() {
    return new QueryDeadline(Long.MAX_VALUE);
  }

  public void cancel() {
    cancelled = true;
  }

  /// Stops the query on behalf of a user (`DELETE /query/{id}`): operators fail at their next check with
  /// QUERY_CANCELLATION (503) instead of a timeout.
  public void kill() {
    killed = true;
    cancelled = true;
  }

  /// Whether [#kill()] was called.
  public boolean isKilled() {
    return killed;
  }

  public boolean isExpired() {
    return cancelled || deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0;
  }

  /// Nanoseconds left, at least 0.
  public long remainingNanos() {
    return deadlineNanos == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, deadlineNanos - System.nanoTime());
  }

  /// @throws io.pinot.spi.exception.QueryException EXECUTION_TIMEOUT (250) once the deadline passed or
  ///     the query was cancelled, QUERY_CANCELLATION (503) once it was killed
  public void check() {
    if (killed) {
      throw QueryErrorCode.QUERY_CANCELLATION.asException("Query was cancelled");
    }
    if (isExpired()) {
      throw QueryErrorCode.EXECUTION_TIMEOUT.asException("Query timed out or was cancelled while executing");
    }
  }
}
