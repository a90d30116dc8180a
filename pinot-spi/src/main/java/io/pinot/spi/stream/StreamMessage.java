// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.stream;

import org.jspecify.annotations.Nullable;

/// One message of a stream partition as the consumer read it.
///
/// @param key the message key, or null when the producer sent none
/// @param value the payload the table's decoder turns into a row (null for a Kafka tombstone)
/// @param offset the message's offset in its partition
/// @param timestampMs the stream's timestamp of the message (Kafka: create or log-append time), or -1
public record StreamMessage(byte @Nullable [] key, byte @Nullable [] value, long offset, long timestampMs) {
}
