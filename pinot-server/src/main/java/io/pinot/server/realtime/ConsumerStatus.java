// SPDX-License-Identifier: Apache-2.0
package io.pinot.server.realtime;

import org.jspecify.annotations.Nullable;

/// What a consuming segment has done so far, for the consuming-segments info and the table's ingestion status.
///
/// @param state the consumer's state (`CONSUMING`, `HOLDING`, `CATCHING_UP`, `COMMITTING`, `COMMITTED`,
///     `RETAINED`, `DISCARDED`, `STOPPED`, `ERROR`)
/// @param currentOffset the next offset to read
/// @param rowsIndexed rows in the segment
/// @param messagesConsumed messages read from the stream
/// @param rowsFiltered rows dropped by the table's filter (and payload-less messages)
/// @param rowsMalformed messages or rows skipped as malformed (`continueOnError`)
/// @param rowsDeduplicated rows dropped by dedup because their primary key was already ingested
/// @param rowsIncomplete rows indexed with a value that could not be converted set to null, i.e. the column's
///     default (`continueOnError`; Pinot's `INCOMPLETE_REALTIME_ROWS_CONSUMED`)
/// @param lastError the last error with its partition and offset, or null
/// @param lastIncompleteRow the partition, offset and column of the last incomplete row, or null
public record ConsumerStatus(String segmentName, int partition, String state, long startOffset, long currentOffset,
    long rowsIndexed, long messagesConsumed, long rowsFiltered, long rowsMalformed, long rowsDeduplicated,
    long rowsIncomplete, long lastConsumedTimestampMs, @Nullable String lastError,
    @Nullable String lastIncompleteRow) {
}
