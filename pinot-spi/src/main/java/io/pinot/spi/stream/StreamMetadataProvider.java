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

  /// The start offset for a new consuming segment of `partition` under the table's
  /// `stream.<type>.consumer.prop.auto.offset.reset` (`smallest` or `largest`).
  default long startOffset(int partition, StreamConfig config, long timeoutMs) throws StreamException {
    return config.offsetResetLargest() ? latestOffset(partition, timeoutMs) : earliestOffset(partition, timeoutMs);
  }

  @Override
  void close();
}
