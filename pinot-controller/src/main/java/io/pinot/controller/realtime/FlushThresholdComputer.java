// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.realtime;

import io.pinot.spi.stream.StreamConfig;

/// Apache Pinot's size-based flush threshold (`realtime.segment.flush.threshold.rows` = 0): the row threshold of each
/// new consuming segment of a table is tuned so that committed segments come out near
/// `realtime.segment.flush.threshold.segment.size` on disk. The first segment uses
/// `realtime.segment.flush.autotune.initialRows` (100,000); each commit updates the table's rows-per-byte ratio (a
/// weighted average, 0.1 for the newest segment, so one odd segment does not swing it); the next threshold is
/// desired size × ratio, or 1.5× / 0.5× the last rows when the last segment was under half / over 1.5× the desired
/// size, or 1.1× the last rows when it ended by time (with the rate scaled down if the time threshold was lowered).
/// At least 10,000 rows. Per table, in the lead controller's memory (a new leader starts from the initial rows, as
/// in Pinot). Thread-safe.
final class FlushThresholdComputer {
  static final String INITIAL_ROWS_KEY = "realtime.segment.flush.autotune.initialRows";
  static final int DEFAULT_INITIAL_ROWS = StreamConfig.DEFAULT_FLUSH_AUTOTUNE_INITIAL_ROWS;
  static final int MINIMUM_ROWS = 10_000;
  private static final double NEWEST_WEIGHT = 0.1;
  private static final double TIME_LIMIT_MULTIPLIER = 1.1;

  private double rowsPerByte;
  private long lastRows;
  private long lastSize;
  private long lastThreshold;
  private long lastDurationMs;

  /// Records a committed segment: its rows, its size on disk, the row threshold it had and how long it consumed.
  synchronized void onCommit(long rows, long sizeBytes, long rowThreshold, long durationMs) {
    if (rows <= 0 || sizeBytes <= 0) {
      return;
    }
    double ratio = (double) rows / sizeBytes;
    rowsPerByte = rowsPerByte > 0 ? NEWEST_WEIGHT * ratio + (1 - NEWEST_WEIGHT) * rowsPerByte : ratio;
    lastRows = rows;
    lastSize = sizeBytes;
    lastThreshold = rowThreshold;
    lastDurationMs = durationMs;
  }

  /// The row threshold of the table's next consuming segment.
  synchronized int nextThreshold(StreamConfig stream) {
    if (rowsPerByte == 0) {
      return initialRows(stream);
    }
    long desired = stream.flushThresholdSegmentSizeBytes();
    if (lastThreshold > 0 && lastRows < lastThreshold && lastSize < desired) {
      // The last segment ended by time: aim slightly above what it reached.
      long rows = lastRows;
      long timeLimit = stream.flushThresholdTimeMillis();
      if (lastDurationMs > timeLimit && lastDurationMs > 0) {
        rows = rows * timeLimit / lastDurationMs;
      }
      return bounded(rows * TIME_LIMIT_MULTIPLIER);
    }
    if (lastSize < desired / 2) {
      return bounded(lastRows * 1.5);
    }
    if (lastSize > desired * 1.5) {
      return bounded(lastRows / 2.0);
    }
    return bounded(desired * rowsPerByte);
  }

  private static int initialRows(StreamConfig stream) {
    String value = stream.properties().get(INITIAL_ROWS_KEY);
    try {
      int rows = value == null ? DEFAULT_INITIAL_ROWS : Integer.parseInt(value.trim());
      return rows > 0 ? rows : DEFAULT_INITIAL_ROWS;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Invalid " + INITIAL_ROWS_KEY + "[" + value + "]: use a number of rows", e);
    }
  }

  private static int bounded(double rows) {
    return (int) Math.max(MINIMUM_ROWS, Math.min(Integer.MAX_VALUE - 1L, (long) rows));
  }
}
