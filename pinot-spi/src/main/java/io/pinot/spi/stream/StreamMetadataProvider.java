// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.stream;

/// Facts about a stream topic: how many partitions it has and the offsets each holds. Not thread-safe; close
/// after use.
public interface StreamMetadataProvider extends AutoCloseable {

  /// The topic's current number of partitions (partitions are numbered 0..n-1).
  int partitionCount(long timeoutMs) throws StreamException;

  /// The first offset the partition still holds.
  long earliestOffset(int partition, long timeoutMs) throws StreamException;

  /// The offset the next produced message of the partition will get.
  long latestOffset(int partition, long timeoutMs) throws StreamException;

  /// The first offset of the partition whose message time is at or after `timestampMs`, or -1 when there is none.
  default long offsetAtTimestamp(int partition, long timestampMs, long timeoutMs) throws StreamException {
    throw new StreamException("This stream cannot look up offsets by time: set auto.offset.reset to smallest or "
        + "largest", false);
  }

  /// The start offset for a new consuming segment of `partition` under the table's
  /// `stream.<type>.consumer.prop.auto.offset.reset`: `smallest`, `largest`, or a time (a period before now or an
  /// ISO-8601 instant), which starts at the first message at or after it, or at the end when there is none (as
  /// Pinot).
  default long startOffset(int partition, StreamConfig config, long timeoutMs) throws StreamException {
    long timestamp = config.offsetResetTimestampMillis(System.currentTimeMillis());
    if (timestamp >= 0) {
      long offset = offsetAtTimestamp(partition, timestamp, timeoutMs);
      return offset >= 0 ? offset : latestOffset(partition, timeoutMs);
    }
    return config.offsetResetLargest() ? latestOffset(partition, timeoutMs) : earliestOffset(partition, timeoutMs);
  }

  @Override
  void close();
}
