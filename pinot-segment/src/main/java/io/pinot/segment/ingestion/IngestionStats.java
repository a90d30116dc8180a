// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.ingestion;

/// Counters of a [TransformingRecordReader] since it was opened or last rewound. Immutable snapshot.
///
/// @param numInputRecords records read from the input
/// @param numOutputRows rows handed to the consumer (unnesting can make several per input record)
/// @param numFilteredRows rows dropped because `filterFunction` was true
/// @param numErrorRows rows that failed to transform, filter or convert (thrown to the consumer, which fails or skips
///     them under `continueOnError`)
/// @param numInvalidTimeValues time values outside 1971-2071 (or unreadable) set to null under `rowTimeValueCheck`
///     with `continueOnError`
/// @param numIncompleteRows rows kept with a value that could not be converted set to null (`continueOnError` on a
///     reader wrapped for incomplete rows: Pinot's `INCOMPLETE_REALTIME_ROWS_CONSUMED`)
/// @param minTimeMillis the smallest time column value handed out, in epoch millis (`Long.MAX_VALUE` when none)
/// @param maxTimeMillis the largest time column value handed out, in epoch millis (`Long.MIN_VALUE` when none)
public record IngestionStats(long numInputRecords, long numOutputRows, long numFilteredRows, long numErrorRows,
    long numInvalidTimeValues, long numIncompleteRows, long minTimeMillis, long maxTimeMillis) {

  /// Whether any time column value was seen.
  public boolean hasTimeRange() {
    return minTimeMillis <= maxTimeMillis;
  }
}
