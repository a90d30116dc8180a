// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.pinot.common.protocol.SegmentCompletionProtocol.Status;
import org.jspecify.annotations.Nullable;

/// The controller's answer in the segment completion protocol, in Pinot's JSON (`status`,
/// `streamPartitionMsgOffset`, `buildTimeSec`, `isSplitCommitType`, `segmentLocation`).
///
/// @param streamPartitionMsgOffset the offset to catch up to (CATCH_UP) or that was committed, as a string
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CompletionResponse(
    @JsonProperty("status") Status status,
    @JsonProperty("streamPartitionMsgOffset") @Nullable String streamPartitionMsgOffset,
    @JsonProperty("buildTimeSec") long buildTimeSec,
    @JsonProperty("isSplitCommitType") boolean isSplitCommitType,
    @JsonProperty("segmentLocation") @Nullable String segmentLocation) {

  public static CompletionResponse of(Status status) {
    return new CompletionResponse(status, null, -1, false, null);
  }

  public static CompletionResponse of(Status status, long offset) {
    return new CompletionResponse(status, Long.toString(offset), -1, false, null);
  }

  /// The offset as a number, or -1 when absent.
  public long offset() {
    if (streamPartitionMsgOffset == null || streamPartitionMsgOffset.isBlank()) {
      return -1;
    }
    return Long.parseLong(streamPartitionMsgOffset.trim());
  }
}
