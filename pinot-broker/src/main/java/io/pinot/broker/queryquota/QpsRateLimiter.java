// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.queryquota;

import java.util.function.LongSupplier;

/// A token bucket admitting `permitsPerSecond` queries per second on average, with bursts of up to one second's
/// worth (at least one query). It starts full. Thread-safe (one lock per table; the critical section is a few
/// arithmetic operations).
final class QpsRateLimiter {
  private final double permitsPerSecond;
  private final double capacity;
  private final LongSupplier nanoClock;
  private double tokens;
  private long lastRefillNanos;

  QpsRateLimiter(double permitsPerSecond, LongSupplier nanoClock) {
    if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
      throw new IllegalArgumentException("permitsPerSecond must be positive and finite: " + permitsPerSecond);
    }
    this.permitsPerSecond = permitsPerSecond;
    this.capacity = Math.max(1.0, permitsPerSecond);
    this.nanoClock = nanoClock;
    this.tokens = capacity;
    this.lastRefillNanos = nanoClock.getAsLong();
  }

  double permitsPerSecond() {
    return permitsPerSecond;
  }

  /// Takes one permit if one is available, without waiting.
  synchronized boolean tryAcquire() {
    long now = nanoClock.getAsLong();
    long elapsed = now - lastRefillNanos;
    if (elapsed > 0) {
      tokens = Math.min(capacity, tokens + elapsed * permitsPerSecond / 1e9);
      lastRefillNanos = now;
    }
    if (tokens >= 1.0) {
      tokens -= 1.0;
      return true;
    }
    return false;
  }
}
