// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator.name;

import io.pinot.spi.data.DateTimeFormats;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/// How a time column's values map to epoch milliseconds, from a Pinot date-time `format`: `EPOCH` formats
/// (`1:MILLISECONDS:EPOCH`, `5:MINUTES:EPOCH`, `EPOCH|SECONDS|1`), `TIMESTAMP`, and `SIMPLE_DATE_FORMAT`
/// (`1:DAYS:SIMPLE_DATE_FORMAT:yyyy-MM-dd`, optionally with ` tz(Zone)`, or `SIMPLE_DATE_FORMAT|pattern|zone`;
/// patterns are read as `java.time` patterns, which agree with Joda's for the usual letters). Immutable.
///
/// @param epochUnit the unit of EPOCH values (MILLISECONDS for TIMESTAMP), null for SIMPLE_DATE_FORMAT
/// @param epochSize the multiplier of EPOCH values (`5:MINUTES:EPOCH` counts 5-minute buckets)
/// @param pattern the SIMPLE_DATE_FORMAT pattern, null otherwise
/// @param zone the zone of SIMPLE_DATE_FORMAT values (UTC unless the format names one)
public record TimeFormatSpec(@Nullable TimeUnit epochUnit, int epochSize, @Nullable String pattern, ZoneId zone) {
  /// Parses a Pinot date-time format.
  ///
  /// @throws IllegalArgumentException when the format is neither EPOCH, TIMESTAMP nor SIMPLE_DATE_FORMAT
  public static TimeFormatSpec parse(String format) {
    String trimmed = format.trim();
    if (trimmed.equalsIgnoreCase("TIMESTAMP") || trimmed.toUpperCase(Locale.ROOT).startsWith("TIMESTAMP|")) {
      return new TimeFormatSpec(TimeUnit.MILLISECONDS, 1, null, ZoneOffset.UTC);
    }
    TimeUnit unit = DateTimeFormats.epochUnit(trimmed);
    if (unit != null) {
      return new TimeFormatSpec(unit, DateTimeFormats.epochSize(trimmed), null, ZoneOffset.UTC);
    }
    String[] parts = trimmed.contains("|") ? trimmed.split("\\|") : trimmed.split(":", 4);
    boolean pipe = trimmed.contains("|");
    String type = pipe ? parts[0] : parts.length > 2 ? parts[2] : "";
    if (type.equalsIgnoreCase("TIMESTAMP")) {
      return new TimeFormatSpec(TimeUnit.MILLISECONDS, 1, null, ZoneOffset.UTC);
    }
    if (!type.equalsIgnoreCase("SIMPLE_DATE_FORMAT") || parts.length < (pipe ? 2 : 4)) {
      throw new IllegalArgumentException("Unsupported date-time format[" + format + "]");
    }
    String pattern = pipe ? parts[1] : parts[3];
    ZoneId zone = ZoneOffset.UTC;
    if (pipe && parts.length > 2) {
      zone = ZoneId.of(parts[2].trim());
    }
    int tz = pattern.indexOf(" tz(");
    if (tz >= 0 && pattern.endsWith(")")) {
      zone = ZoneId.of(pattern.substring(tz + 4, pattern.length() - 1).trim());
      pattern = pattern.substring(0, tz);
    }
    return new TimeFormatSpec(null, 1, pattern.trim(), zone);
  }

  /// Epoch milliseconds of a time column value.
  ///
  /// @throws IllegalArgumentException when the value does not match the format
  public long toMillis(Object value) {
    if (epochUnit != null) {
      long number = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
      return epochUnit.toMillis(number * epochSize);
    }
    try {
      DateTimeFormatter formatter = DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(zone);
      TemporalAccessor parsed = formatter.parseBest(value.toString().trim(), Instant::from, LocalDateTime::from,
          LocalDate::from);
      return switch (parsed) {
        case Instant instant -> instant.toEpochMilli();
        case LocalDateTime dateTime -> dateTime.atZone(zone).toInstant().toEpochMilli();
        case LocalDate date -> date.atStartOfDay(zone).toInstant().toEpochMilli();
        default -> throw new IllegalArgumentException("Cannot read a time from " + value);
      };
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Time value '" + value + "' does not match pattern " + pattern, e);
    }
  }
}
