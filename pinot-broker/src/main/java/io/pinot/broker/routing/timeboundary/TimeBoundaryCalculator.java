// SPDX-License-Identifier: Apache-2.0
package io.pinot.broker.routing.timeboundary;

import io.pinot.common.metadata.SegmentZkMetadata;
import io.pinot.query.TimeBoundaryFilter;
import io.pinot.segment.creator.name.TimeFormatSpec;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.DateTimeFormats;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.Schema;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/// Apache Pinot's hybrid-table time boundary (`TimeBoundaryManager`): the OFFLINE half answers for times up to the
/// boundary, the REALTIME half for later times. The boundary is the largest end time among the OFFLINE half's served
/// segments (segments with documents and a positive `segment.end.time` in their ZooKeeper metadata, counted once a
/// replica serves them ONLINE so that the boundary never moves before servers have the new segment) minus one push
/// interval: one hour when the table is pushed hourly
/// (`ingestionConfig.batchIngestionConfig.segmentIngestionFrequency`, else `segmentsConfig.segmentPushFrequency`,
/// equal to `HOURLY` in any case) and the time column's unit is not DAYS, else one day. A positive
/// `HYBRID_TABLE_TIME_BOUNDARY` (epoch milliseconds) in the OFFLINE ideal state overrides it. The value is written in
/// the time column's format (an epoch count in its unit and size, a formatted date, or a TIMESTAMP text); there is no
/// boundary without a time column, its date-time format, or a segment with a valid end time.
///
/// Unlike Pinot, which remembers a segment once counted, a segment whose replicas all stop serving it stops counting
/// (the boundary may then move back, letting the REALTIME half answer for those times). Stateless.
public final class TimeBoundaryCalculator {
  /// The ideal state simple field with an explicitly set boundary in epoch milliseconds (Pinot's constant name).
  public static final String HYBRID_TABLE_TIME_BOUNDARY = "HYBRID_TABLE_TIME_BOUNDARY";
  private static final long INVALID_TIME_MS = -1;
  private static final DateTimeFormatter TIMESTAMP_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss",
      Locale.ROOT);

  private TimeBoundaryCalculator() {
  }

  /// The boundary of an OFFLINE table half, or null when it has none.
  ///
  /// @param maxEndTimeMs the largest valid segment end time ([#maxEndTimeMs]), or a negative value when none
  /// @param explicitBoundaryMs the ideal state's explicitly set boundary, or a non-positive value when unset
  public static @Nullable TimeBoundaryFilter compute(TableConfig offlineConfig, @Nullable Schema schema,
      long maxEndTimeMs, long explicitBoundaryMs) {
    String timeColumn = offlineConfig.segmentsConfig().timeColumnName();
    String format = timeFormat(offlineConfig, schema);
    if (timeColumn == null || format == null) {
      return null;
    }
    TimeFormatSpec spec;
    try {
      spec = TimeFormatSpec.parse(format);
    } catch (IllegalArgumentException e) {
      return null;
    }
    long boundaryMs;
    if (explicitBoundaryMs > 0) {
      boundaryMs = explicitBoundaryMs;
    } else if (maxEndTimeMs > 0) {
      boundaryMs = maxEndTimeMs - offsetMs(offlineConfig, columnUnit(format));
    } else {
      return null;
    }
    return boundaryMs > 0 ? new TimeBoundaryFilter(timeColumn, format(boundaryMs, spec, format)) : null;
  }

  /// The largest end time of the served segments: those with at least one replica serving them.
  ///
  /// @param segments segment → servers serving it (the table route)
  /// @param endTimesMs segment → end time from [#endTimeMs]; segments without an entry are not counted
  public static long maxEndTimeMs(Map<String, List<String>> segments, Map<String, Long> endTimesMs) {
    long max = INVALID_TIME_MS;
    for (Map.Entry<String, List<String>> segment : segments.entrySet()) {
      Long endTimeMs = endTimesMs.get(segment.getKey());
      if (endTimeMs != null && !segment.getValue().isEmpty()) {
        max = Math.max(max, endTimeMs);
      }
    }
    return max;
  }

  /// A segment's end time in epoch milliseconds from its ZooKeeper simple fields (`segment.end.time` in
  /// `segment.time.unit`, DAYS when unset), or -1 when it has no documents or no positive end time.
  public static long endTimeMs(Map<String, String> fields) {
    try {
      if (Long.parseLong(fields.getOrDefault(SegmentZkMetadata.TOTAL_DOCS, "-1").trim()) == 0) {
        return INVALID_TIME_MS;
      }
      long endTime = Long.parseLong(fields.getOrDefault(SegmentZkMetadata.END_TIME, "-1").trim());
      if (endTime <= 0) {
        return INVALID_TIME_MS;
      }
      String unit = fields.get(SegmentZkMetadata.TIME_UNIT);
      return (unit == null || unit.isBlank() ? TimeUnit.DAYS : TimeUnit.valueOf(unit.trim())).toMillis(endTime);
    } catch (IllegalArgumentException e) {
      return INVALID_TIME_MS;
    }
  }

  /// The explicitly set boundary of an ideal state's simple field value, or -1 when unset or not a number.
  public static long explicitBoundaryMs(@Nullable String simpleFieldValue) {
    if (simpleFieldValue == null) {
      return INVALID_TIME_MS;
    }
    try {
      return Long.parseLong(simpleFieldValue.trim());
    } catch (NumberFormatException e) {
      return INVALID_TIME_MS;
    }
  }

  /// The push interval subtracted from the largest end time: one hour for an hourly table whose time unit is not
  /// DAYS, else one day.
  static long offsetMs(TableConfig config, TimeUnit columnUnit) {
    boolean hourly = "hourly".equalsIgnoreCase(pushFrequency(config)) && columnUnit != TimeUnit.DAYS;
    return hourly ? TimeUnit.HOURS.toMillis(1) : TimeUnit.DAYS.toMillis(1);
  }

  /// `ingestionConfig.batchIngestionConfig.segmentIngestionFrequency`, else `segmentsConfig.segmentPushFrequency`.
  static @Nullable String pushFrequency(TableConfig config) {
    if (config.otherFields().get("ingestionConfig") instanceof Map<?, ?> ingestion
        && ingestion.get("batchIngestionConfig") instanceof Map<?, ?> batch
        && batch.get("segmentIngestionFrequency") instanceof String frequency) {
      return frequency;
    }
    return config.segmentsConfig().otherFields().get("segmentPushFrequency") instanceof String frequency
        ? frequency : null;
  }

  /// The date-time format of the table's time column: its schema `format`, else `1:<timeType>:EPOCH` for a legacy
  /// time field; null without a time column in the schema.
  static @Nullable String timeFormat(TableConfig config, @Nullable Schema schema) {
    String timeColumn = config.segmentsConfig().timeColumnName();
    FieldSpec spec = timeColumn == null || schema == null ? null : schema.fieldSpec(timeColumn);
    if (spec == null) {
      return null;
    }
    if (spec.format() != null) {
      return spec.format();
    }
    String timeType = config.segmentsConfig().timeType();
    return "1:" + (timeType == null ? "MILLISECONDS" : timeType.trim().toUpperCase(Locale.ROOT)) + ":EPOCH";
  }

  /// The unit of a time column (`1:DAYS:SIMPLE_DATE_FORMAT:yyyyMMdd` is DAYS; TIMESTAMP and pipe-style
  /// SIMPLE_DATE_FORMAT are MILLISECONDS).
  static TimeUnit columnUnit(String format) {
    TimeUnit epochUnit = DateTimeFormats.epochUnit(format.trim());
    if (epochUnit != null) {
      return epochUnit;
    }
    String[] parts = format.trim().split(":", 4);
    if (!format.contains("|") && parts.length >= 3) {
      try {
        return TimeUnit.valueOf(parts[1].trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        return TimeUnit.MILLISECONDS;
      }
    }
    return TimeUnit.MILLISECONDS;
  }

  /// Epoch milliseconds written in the column's format, as Pinot's `DateTimeFormatSpec.fromMillisToFormat`:
  /// an EPOCH count rounds down to the unit and size, TIMESTAMP is `yyyy-MM-dd HH:mm:ss.f` (UTC).
  static String format(long millis, TimeFormatSpec spec, String format) {
    if (spec.pattern() != null) {
      return DateTimeFormatter.ofPattern(spec.pattern(), Locale.ROOT).withZone(spec.zone())
          .format(Instant.ofEpochMilli(millis));
    }
    if (isTimestamp(format)) {
      LocalDateTime time = LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
      String fraction = String.format(Locale.ROOT, "%03d", time.getNano() / 1_000_000).replaceAll("(?<=.)0+$", "");
      return TIMESTAMP_SECONDS.format(time) + "." + fraction;
    }
    TimeUnit unit = spec.epochUnit() == null ? TimeUnit.MILLISECONDS : spec.epochUnit();
    return Long.toString(unit.convert(millis, TimeUnit.MILLISECONDS) / spec.epochSize());
  }

  private static boolean isTimestamp(String format) {
    String upper = format.trim().toUpperCase(Locale.ROOT);
    return upper.equals("TIMESTAMP") || upper.startsWith("TIMESTAMP|") || upper.contains(":TIMESTAMP");
  }
}
