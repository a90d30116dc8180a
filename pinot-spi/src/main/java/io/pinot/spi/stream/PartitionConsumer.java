// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.stream;

/// Reads one partition of a stream from a given offset. Used by one consuming thread at a time; not
/// thread-safe. Closing releases the connection.
public interface PartitionConsumer extends AutoCloseable {

  /// The messages from `startOffset` on, waiting at most `timeoutMs` for the first one. An offset the stream
  /// no longer holds (retention) throws [StreamException] naming it, never silently jumps ahead.
  MessageBatch fetch(long startOffset, long timeoutMs) throws StreamException;

  @Override
  void close();
}
