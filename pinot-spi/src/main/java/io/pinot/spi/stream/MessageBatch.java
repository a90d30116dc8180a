// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.stream;

import java.util.List;

/// The messages one fetch returned, in offset order.
///
/// @param messages the messages, possibly empty (nothing new before the fetch timeout)
/// @param nextOffset the offset to fetch from next: after the last message, or past offsets the stream skipped
///     (transaction markers, compacted records), so a consumer never re-reads or stalls on a gap
public record MessageBatch(List<StreamMessage> messages, long nextOffset) {

  public MessageBatch {
    messages = List.copyOf(messages);
  }

  public boolean isEmpty() {
    return messages.isEmpty();
  }
}
