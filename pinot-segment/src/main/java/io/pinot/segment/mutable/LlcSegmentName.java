// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.mutable;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;

/// Pinot's name of a real-time (low-level consumer) segment: `<table>__<partition>__<sequence>__<creationTime>`:
/// the raw table name, the partition group id, the sequence number, and the creation time as `yyyyMMdd'T'HHmm'Z'`
/// in UTC (`events__0__12__20240101T0930Z`). Names order by partition, then sequence number. Immutable.
///
/// @param tableName the raw table name (without `_REALTIME`; it must not contain `__`)
/// @param partitionGroupId the stream partition (group) the segment consumes
/// @param sequenceNumber the segment's number within its partition, from 0
/// @param creationTime the creation time in Pinot's compact form (minute precision)
public record LlcSegmentName(String tableName, int partitionGroupId, int sequenceNumber, String creationTime)
    implements Comparable<LlcSegmentName> {
  private static final String SEPARATOR = "__";
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  public LlcSegmentName {
    Objects.requireNonNull(tableName, "tableName is null");
    Objects.requireNonNull(creationTime, "creationTime is null");
    if (tableName.isEmpty() || tableName.contains(SEPARATOR)) {
      throw new IllegalArgumentException("Invalid table name[" + tableName + "] for a real-time segment name");
    }
    if (partitionGroupId < 0 || sequenceNumber < 0) {
      throw new IllegalArgumentException("Partition and sequence number must not be negative");
    }
    parseTime(creationTime);
  }

  /// The name of the segment of `tableName` created at `creationTimeMillis` (epoch millis).
  public static LlcSegmentName of(String tableName, int partitionGroupId, int sequenceNumber,
      long creationTimeMillis) {
    return new LlcSegmentName(tableName, partitionGroupId, sequenceNumber,
        FORMAT.format(Instant.ofEpochMilli(creationTimeMillis)));
  }

  /// Parses a segment name.
  ///
  /// @throws IllegalArgumentException when the name is not a real-time segment name
  public static LlcSegmentName parse(String segmentName) {
    String[] parts = segmentName.split(SEPARATOR, -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("Invalid LLC segment name: " + segmentName);
    }
    try {
      return new LlcSegmentName(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), parts[3]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Invalid LLC segment name: " + segmentName, e);
    }
  }

  /// Whether `segmentName` has the shape of a real-time segment name.
  public static boolean isLlcSegmentName(String segmentName) {
    try {
      parse(segmentName);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /// The creation time in epoch milliseconds (at minute precision).
  public long creationTimeMillis() {
    return parseTime(creationTime);
  }

  private static long parseTime(String text) {
    try {
      return LocalDateTime.parse(text, FORMAT).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Invalid creation time[" + text + "] in a real-time segment name", e);
    }
  }

  @Override
  public int compareTo(LlcSegmentName other) {
    int byPartition = Integer.compare(partitionGroupId, other.partitionGroupId);
    return byPartition != 0 ? byPartition : Integer.compare(sequenceNumber, other.sequenceNumber);
  }

  @Override
  public String toString() {
    return tableName + SEPARATOR + partitionGroupId + SEPARATOR + sequenceNumber + SEPARATOR + creationTime;
  }
}
