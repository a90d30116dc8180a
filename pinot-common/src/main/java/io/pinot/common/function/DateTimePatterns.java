// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.function;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/// Joda-Time date-time patterns (Pinot's `toDateTime`/`fromDateTime` and `SIMPLE_DATE_FORMAT`) on `java.time`.
///
/// The pattern letters are the same in both libraries except a few, which are translated: Joda `Z` (offset
/// `-0800`), `ZZ` (`-08:00`) and `ZZZ` (zone id) become `xx`, `xxx` and `VV`; Joda `Y` (year of era) becomes `y`;
/// Joda `x` (week year) becomes `Y`. As in Joda, parsing is case-insensitive, numeric fields not adjacent to another
/// number accept fewer or more digits, and fields missing from the pattern default to the start of their range
/// (`yyyy-MM` parses to the first of the month, midnight) in the given zone unless the text carries an offset or a
/// zone. A local time in a daylight-saving gap moves forward by the gap. Stateless.
final class DateTimePatterns {
  private DateTimePatterns() {
  }

  /// A formatter for a Joda pattern.
  ///
  /// @throws IllegalArgumentException when the pattern is invalid
  static DateTimeFormatter formatter(String jodaPattern) {
    return new DateTimeFormatterBuilder().parseCaseInsensitive().parseLenient().appendPattern(translate(jodaPattern))
        .toFormatter(Locale.ENGLISH);
  }

  static String format(long millis, DateTimeFormatter formatter, ZoneId zone) {
    return formatter.withZone(zone).format(Instant.ofEpochMilli(millis));
  }

  /// Epoch milliseconds of `text` read with `formatter`, in `zone` unless the text names its own offset or zone.
  ///
  /// @throws java.time.format.DateTimeParseException when the text does not match
  static long parse(String text, DateTimeFormatter formatter, ZoneId zone) {
    TemporalAccessor parsed = formatter.parse(text.trim());
    if (parsed.isSupported(ChronoField.INSTANT_SECONDS)) {
      return Instant.from(parsed).toEpochMilli();
    }
    ZoneId parsedZone = parsed.query(TemporalQueries.zone());
    LocalDate date = parsed.query(TemporalQueries.localDate());
    if (date == null) {
      date = dateFromFields(parsed);
    }
    LocalTime time = parsed.query(TemporalQueries.localTime());
    if (time == null) {
      time = LocalTime.of(field(parsed, ChronoField.HOUR_OF_DAY, 0), field(parsed, ChronoField.MINUTE_OF_HOUR, 0),
          field(parsed, ChronoField.SECOND_OF_MINUTE, 0), field(parsed, ChronoField.NANO_OF_SECOND, 0));
    }
    ZoneId effective = parsedZone != null ? parsedZone : zone;
    return ZonedDateTime.ofLocal(LocalDateTime.of(date, time), effective, null).toInstant().toEpochMilli();
  }

  private static LocalDate dateFromFields(TemporalAccessor parsed) {
    int year = parsed.isSupported(ChronoField.YEAR) ? parsed.get(ChronoField.YEAR)
        : field(parsed, ChronoField.YEAR_OF_ERA, 1970);
    if (parsed.isSupported(ChronoField.DAY_OF_YEAR)) {
      return LocalDate.ofYearDay(year, parsed.get(ChronoField.DAY_OF_YEAR));
    }
    return LocalDate.of(year, field(parsed, ChronoField.MONTH_OF_YEAR, 1), field(parsed, ChronoField.DAY_OF_MONTH, 1));
  }

  private static int field(TemporalAccessor parsed, ChronoField field, int defaultValue) {
    return parsed.isSupported(field) ? parsed.get(field) : defaultValue;
  }

  /// The `java.time` pattern of a Joda pattern.
  static String translate(String jodaPattern) {
    StringBuilder pattern = new StringBuilder(jodaPattern.length() + 4);
    int i = 0;
    while (i < jodaPattern.length()) {
      char c = jodaPattern.charAt(i);
      if (c == '\'') {
        int end = jodaPattern.indexOf('\'', i + 1);
        end = end < 0 ? jodaPattern.length() - 1 : end;
        pattern.append(jodaPattern, i, end + 1);
        i = end + 1;
        continue;
      }
      int run = 1;
      while (i + run < jodaPattern.length() && jodaPattern.charAt(i + run) == c) {
        run++;
      }
      pattern.append(translateRun(c, run));
      i += run;
    }
    return pattern.toString();
  }

  private static String translateRun(char letter, int length) {
    return switch (letter) {
      case 'Z' -> length == 1 ? "xx" : length == 2 ? "xxx" : "VV";
      case 'Y' -> "y".repeat(length);
      case 'x' -> "Y".repeat(length);
      default -> String.valueOf(letter).repeat(length);
    };
  }

  /// A zone id as Joda's `DateTimeZone.forID` accepts it (`UTC`, `America/Los_Angeles`, `+05:30`).
  static ZoneId zone(@Nullable String id) {
    if (id == null || id.isEmpty() || id.equalsIgnoreCase("UTC")) {
      return ZoneOffset.UTC;
    }
    return ZoneId.of(id);
  }
}
