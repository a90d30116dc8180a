// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.quickstart;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/// Makes up the events a stream quickstart produces to Kafka, one at a time, deterministically from its seed and
/// the times it is given (same seed and times, same events). Not thread-safe: one producer thread owns it.
@FunctionalInterface
public interface EventGenerator {
  /// The next event, as happening at `nowMillis` (epoch milliseconds).
  Event next(long nowMillis);

  /// One Kafka message: an optional key (the primary key of upsert tables, so that every version of a row lands in
  /// the same partition) and a JSON object whose fields are the table's columns.
  ///
  /// @param key the message key, or null for none (round-robin partitioning)
  /// @param json the message value, a JSON object
  record Event(@Nullable String key, String json) {
    public Event {
      requireNonNull(json, "json is null");
    }
  }
}
