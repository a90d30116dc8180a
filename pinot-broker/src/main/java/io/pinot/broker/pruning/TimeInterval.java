// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.pruning;

/// A closed range of epoch milliseconds `[start, end]`, for a segment's time column values or the times a filter
/// accepts. Immutable.
public record TimeInterval(long start, long end) {
  public static final TimeInterval ALL = new TimeInterval(Long.MIN_VALUE, Long.MAX_VALUE);

  public TimeInterval {
    if (start > end) {
      throw new IllegalArgumentException("Empty time interval [" + start + ", " + end + "]");
    }
  }

  public boolean intersects(TimeInterval other) {
    return start <= other.end && other.start <= end;
  }
}
