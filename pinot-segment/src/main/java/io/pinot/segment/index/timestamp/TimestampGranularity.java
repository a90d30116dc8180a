// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.timestamp;

import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/// The granularities of Pinot's timestamp index (`TimestampIndexGranularity`), each truncating epoch milliseconds to
/// the start of its unit in UTC exactly as `DATETRUNC(unit, millis)` does: weeks start on Monday, quarters in
/// January, April, July and October. Results that would fall below `Long.MIN_VALUE` saturate to it. Immutable.
public enum TimestampGranularity {
  MILLISECOND("1:MILLISECONDS"),
  SECOND("1:SECONDS"),
  MINUTE("1:MINUTES"),
  HOUR("1:HOURS"),
  DAY("1:DAYS"),
  WEEK("7:DAYS"),
  MONTH("30:DAYS"),
  QUARTER("90:DAYS"),
  YEAR("365:DAYS");

  private static final long SECOND_MS = 1000L;
  private static final long MINUTE_MS = 60_000L;
  private static final long HOUR_MS = 3_600_000L;
  private static final long DAY_MS = 86_400_000L;
  /// 1970-01-01 was a Thursday: epoch day + 3 counts days from a Monday.
  private static final int MONDAY_OFFSET = 3;

  private final String fieldSpecGranularity;

  TimestampGranularity(String fieldSpecGranularity) {
    this.fieldSpecGranularity = fieldSpecGranularity;
  }

  /// The `granularity` of the derived column's date-time field spec, as Pinot declares it (`1:DAYS`, `7:DAYS`...).
  public String fieldSpecGranularity() {
    return fieldSpecGranularity;
  }

  /// The granularity named (case-insensitively) `name`, or null when there is none.
  public static @Nullable TimestampGranularity of(String name) {
    String upper = name.trim().toUpperCase(Locale.ROOT);
    for (TimestampGranularity granularity : values()) {
      if (granularity.name().equals(upper)) {
        return granularity;
      }
    }
    return null;
  }

  /// The start (epoch millis, UTC) of the unit containing `millis`.
  public long truncate(long millis) {
    return switch (this) {
      case MILLISECOND -> millis;
      case SECOND -> floor(millis, SECOND_MS);
      case MINUTE -> floor(millis, MINUTE_MS);
      case HOUR -> floor(millis, HOUR_MS);
      case DAY -> floor(millis, DAY_MS);
      case WEEK -> {
        long day = Math.floorDiv(millis, DAY_MS);
        yield dayStart(day - Math.floorMod(day + MONDAY_OFFSET, 7));
      }
      case MONTH -> dayStart(date(millis).withDayOfMonth(1).toEpochDay());
      case QUARTER -> {
        LocalDate date = date(millis);
        yield dayStart(date.withMonth((date.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1).toEpochDay());
      }
      case YEAR -> dayStart(date(millis).withDayOfYear(1).toEpochDay());
    };
  }

  /// The start of the unit following the one starting at `start` (a value [#truncate] returned), saturating to
  /// `Long.MAX_VALUE`: every `millis` in `[start, nextStart(start))` truncates to `start`. A saturated `start`
  /// (`Long.MIN_VALUE`) gives `Long.MIN_VALUE`, an empty interval.
  public long nextStart(long start) {
    if (start == Long.MIN_VALUE) {
      return Long.MIN_VALUE;
    }
    return switch (this) {
      case MILLISECOND -> saturatingAdd(start, 1);
      case SECOND -> saturatingAdd(start, SECOND_MS);
      case MINUTE -> saturatingAdd(start, MINUTE_MS);
      case HOUR -> saturatingAdd(start, HOUR_MS);
      case DAY -> saturatingAdd(start, DAY_MS);
      case WEEK -> saturatingAdd(start, 7 * DAY_MS);
      case MONTH -> dayStart(date(start).plusMonths(1).toEpochDay());
      case QUARTER -> dayStart(date(start).plusMonths(3).toEpochDay());
      case YEAR -> dayStart(date(start).plusYears(1).toEpochDay());
    };
  }

  private static long saturatingAdd(long value, long delta) {
    return value > Long.MAX_VALUE - delta ? Long.MAX_VALUE : value + delta;
  }

  private static long floor(long millis, long unit) {
    return saturatingMultiply(Math.floorDiv(millis, unit), unit);
  }

  private static LocalDate date(long millis) {
    return LocalDate.ofEpochDay(Math.floorDiv(millis, DAY_MS));
  }

  private static long dayStart(long epochDay) {
    return saturatingMultiply(epochDay, DAY_MS);
  }

  private static long saturatingMultiply(long value, long unit) {
    long high = Math.multiplyHigh(value, unit);
    long low = value * unit;
    if (high != (low >> 63)) {
      return value < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return low;
  }
}
