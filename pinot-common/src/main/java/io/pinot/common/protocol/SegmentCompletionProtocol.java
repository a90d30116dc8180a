// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.protocol;

/// Apache Pinot's segment completion protocol between a server consuming a stream partition and the lead
/// controller, with Pinot's REST paths and parameter names. A server that reached its segment's end criteria
/// reports `segmentConsumed`; the controller answers HOLD (ask again), CATCH_UP (consume to the offset given),
/// COMMIT (build and commit: `segmentCommitStart`, `segmentUpload`, `segmentCommitEndWithMetadata`), KEEP (the
/// committed segment equals your rows: keep them) or DISCARD (download the committed copy). A server that stops
/// consuming on an error says `segmentStoppedConsuming`.
public final class SegmentCompletionProtocol {
  public static final String MSG_TYPE_CONSUMED = "segmentConsumed";
  public static final String MSG_TYPE_COMMIT_START = "segmentCommitStart";
  public static final String MSG_TYPE_SEGMENT_UPLOAD = "segmentUpload";
  public static final String MSG_TYPE_COMMIT_END_METADATA = "segmentCommitEndWithMetadata";
  public static final String MSG_TYPE_STOPPED_CONSUMING = "segmentStoppedConsuming";

  public static final String PARAM_SEGMENT_NAME = "name";
  public static final String PARAM_INSTANCE_ID = "instance";
  public static final String PARAM_STREAM_PARTITION_MSG_OFFSET = "streamPartitionMsgOffset";
  public static final String PARAM_SEGMENT_LOCATION = "location";
  public static final String PARAM_REASON = "reason";
  public static final String PARAM_ROW_COUNT = "rowCount";
  public static final String PARAM_MEMORY_USED_BYTES = "memoryUsedBytes";
  public static final String PARAM_SEGMENT_SIZE_BYTES = "segmentSizeBytes";
  public static final String PARAM_BUILD_TIME_MILLIS = "buildTimeMillis";

  public static final String REASON_ROW_LIMIT = "rowLimit";
  public static final String REASON_TIME_LIMIT = "timeLimit";
  public static final String REASON_SIZE_LIMIT = "indexCapacityThresholdBreached";
  public static final String REASON_FORCE_COMMIT = "forceCommitMessageReceived";

  /// How long a server waits before asking again after HOLD.
  public static final long HOLD_TIME_MS = 1_000;
  /// How long the controller waits for every replica to report before it picks a committer.
  public static final long MAX_HOLD_TIME_MS = 3_000;
  /// The time a committer has to build and commit before the controller lets another replica commit.
  public static final int DEFAULT_MAX_BUILD_TIME_SEC = 120;

  private SegmentCompletionProtocol() {
  }

  /// Pinot's `ControllerResponseStatus` values.
  public enum Status {
    NOT_SENT, COMMIT, HOLD, CATCH_UP, DISCARD, KEEP, NOT_LEADER, FAILED, COMMIT_SUCCESS, COMMIT_CONTINUE, PROCESSED,
    UPLOAD_SUCCESS
  }
}
