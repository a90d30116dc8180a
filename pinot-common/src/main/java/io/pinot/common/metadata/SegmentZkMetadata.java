// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.metadata;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// A segment's record in ZooKeeper (`/PROPERTYSTORE/SEGMENTS/<tableNameWithType>/<segmentName>`), with
/// Apache Pinot's simple-field keys: `segment.crc`, `segment.creation.time`, `segment.download.url`,
/// `segment.push.time`, `segment.refresh.time`, `segment.total.docs`, `segment.start.time`,
/// `segment.end.time`, `segment.time.unit`, `segment.index.version`, `segment.size.in.bytes`.
/// Unknown keys are kept in `otherFields` and written back.
///
/// @param startTime smallest time-column value in `timeUnit` units, or -1 when the table has no time column
/// @param refreshTime when the segment was last replaced by a re-upload, or -1 if never
public record SegmentZkMetadata(
    String segmentName,
    long crc,
    long creationTime,
    @Nullable String downloadUrl,
    long pushTime,
    long refreshTime,
    long totalDocs,
    long startTime,
    long endTime,
    @Nullable String timeUnit,
    @Nullable String indexVersion,
    long sizeInBytes,
    Map<String, String> otherFields) {

  public static final String CRC = "segment.crc";
  public static final String CREATION_TIME = "segment.creation.time";
  public static final String DOWNLOAD_URL = "segment.download.url";
  public static final String PUSH_TIME = "segment.push.time";
  public static final String REFRESH_TIME = "segment.refresh.time";
  public static final String TOTAL_DOCS = "segment.total.docs";
  public static final String START_TIME = "segment.start.time";
  public static final String END_TIME = "segment.end.time";
  public static final String TIME_UNIT = "segment.time.unit";
  public static final String INDEX_VERSION = "segment.index.version";
  public static final String SIZE_IN_BYTES = "segment.size.in.bytes";
  /// The partitions of the segment's partitioned columns as JSON (kept in `otherFields`), for broker pruning.
  public static final String PARTITION_METADATA = "segment.partition.metadata";
  /// A REALTIME segment's status (kept in `otherFields`): `IN_PROGRESS` while consuming, `DONE` once committed.
  public static final String REALTIME_STATUS = "segment.realtime.status";
  /// The first stream offset of a REALTIME segment.
  public static final String START_OFFSET = "segment.realtime.startOffset";
  /// The offset after the last message of a committed REALTIME segment.
  public static final String END_OFFSET = "segment.realtime.endOffset";
  public static final String NUM_REPLICAS = "segment.realtime.numReplicas";
  public static final String FLUSH_THRESHOLD_SIZE = "segment.flush.threshold.size";
  public static final String STATUS_IN_PROGRESS = "IN_PROGRESS";
  public static final String STATUS_DONE = "DONE";

  public SegmentZkMetadata {
    otherFields = Map.copyOf(otherFields);
  }

  /// The simple fields of the ZooKeeper record, in a stable order.
  public Map<String, String> toSimpleFields() {
    Map<String, String> fields = new LinkedHashMap<>(otherFields);
    fields.put(CRC, Long.toString(crc));
    fields.put(CREATION_TIME, Long.toString(creationTime));
    if (downloadUrl != null) {
      fields.put(DOWNLOAD_URL, downloadUrl);
    }
    fields.put(PUSH_TIME, Long.toString(pushTime));
    if (refreshTime >= 0) {
      fields.put(REFRESH_TIME, Long.toString(refreshTime));
    }
    fields.put(TOTAL_DOCS, Long.toString(totalDocs));
    if (timeUnit != null) {
      fields.put(START_TIME, Long.toString(startTime));
      fields.put(END_TIME, Long.toString(endTime));
      fields.put(TIME_UNIT, timeUnit);
    }
    if (indexVersion != null) {
      fields.put(INDEX_VERSION, indexVersion);
    }
    fields.put(SIZE_IN_BYTES, Long.toString(sizeInBytes));
    return fields;
  }

  /// Reads a record's simple fields; absent numbers become -1.
  public static SegmentZkMetadata fromSimpleFields(String segmentName, Map<String, String> fields) {
    Map<String, String> other = new LinkedHashMap<>(fields);
    for (String key : new String[] {CRC, CREATION_TIME, DOWNLOAD_URL, PUSH_TIME, REFRESH_TIME, TOTAL_DOCS, START_TIME,
        END_TIME, TIME_UNIT, INDEX_VERSION, SIZE_IN_BYTES}) {
      other.remove(key);
    }
    return new SegmentZkMetadata(segmentName, number(fields, CRC), number(fields, CREATION_TIME),
        fields.get(DOWNLOAD_URL), number(fields, PUSH_TIME), number(fields, REFRESH_TIME), number(fields, TOTAL_DOCS),
        number(fields, START_TIME), number(fields, END_TIME), fields.get(TIME_UNIT), fields.get(INDEX_VERSION),
        number(fields, SIZE_IN_BYTES), other);
  }

  /// A copy refreshed by a re-upload: new content facts, same push time, refresh time set.
  public SegmentZkMetadata refreshedBy(SegmentZkMetadata upload, long now) {
    return new SegmentZkMetadata(segmentName, upload.crc, upload.creationTime, upload.downloadUrl, pushTime, now,
        upload.totalDocs, upload.startTime, upload.endTime, upload.timeUnit, upload.indexVersion, upload.sizeInBytes,
        otherFields);
  }

  /// `segment.realtime.status`, or null for an OFFLINE segment.
  public @Nullable String realtimeStatus() {
    return otherFields.get(REALTIME_STATUS);
  }

  /// True for a REALTIME segment still consuming.
  public boolean isInProgress() {
    return STATUS_IN_PROGRESS.equals(realtimeStatus());
  }

  /// `segment.realtime.startOffset`, or -1.
  public long startOffset() {
    return number(otherFields, START_OFFSET);
  }

  /// `segment.realtime.endOffset`, or -1.
  public long endOffset() {
    return number(otherFields, END_OFFSET);
  }

  /// A copy with `fields` added to (or replacing) the other fields.
  public SegmentZkMetadata withOtherFields(Map<String, String> fields) {
    Map<String, String> merged = new LinkedHashMap<>(otherFields);
    merged.putAll(fields);
    return new SegmentZkMetadata(segmentName, crc, creationTime, downloadUrl, pushTime, refreshTime, totalDocs,
        startTime, endTime, timeUnit, indexVersion, sizeInBytes, merged);
  }

  private static long number(Map<String, String> fields, String key) {
    String value = fields.get(key);
    if (value == null || value.isEmpty()) {
      return -1;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
