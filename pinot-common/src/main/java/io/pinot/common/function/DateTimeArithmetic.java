// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.function;

import static io.pinot.common.function.ScalarType.INT;
import static io.pinot.common.function.ScalarType.LONG;
import static io.pinot.common.function.ScalarType.STRING;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/// Calendar arithmetic with Pinot's unit names (`millisecond`, `second`, `minute`, `hour`, `day`, `week`, `month`,
/// `quarter`, `year`, case-insensitive): `dateTrunc(unit, value[, inputTimeUnit[, timeZone[, outputTimeUnit]]])`
/// floors to the start of the unit in the time zone (weeks start on Monday), `timestampAdd`/`dateAdd` and
/// `timestampDiff`/`dateDiff` count whole units in UTC, `extract(field, millis)` reads a UTC field. Stateless.
final class DateTimeArithmetic {
  private DateTimeArithmetic() {
  }

  static void register(FunctionRegistry.Builder b) {
    b.define("dateTrunc").args(STRING, LONG).returns(LONG).body(a -> dateTrunc(a, "MILLISECONDS", null, null));
    b.define("dateTrunc").args(STRING, LONG, STRING).returns(LONG).body(a -> dateTrunc(a, (String) a[2], null, null));
    b.define("dateTrunc").args(STRING, LONG, STRING, STRING).returns(LONG)
        .body(a -> dateTrunc(a, (String) a[2], (String) a[3], null));
    b.define("dateTrunc").args(STRING, LONG, STRING, STRING, STRING).returns(LONG)
        .body(a -> dateTrunc(a, (String) a[2], (String) a[3], (String) a[4]));
    MultiValues.define(b, "timestampAdd", new String[] {"dateAdd"}, 2, LONG,
        a -> add((String) a[0], (Long) a[1], (Long) a[2]), STRING, LONG, LONG);
    MultiValues.define(b, "timestampDiff", new String[] {"dateDiff"}, 1, LONG,
        a -> diff((String) a[0], (Long) a[1], (Long) a[2]), STRING, LONG, LONG);
    b.define("extract").args(STRING, LONG).returns(INT).body(a -> extract((String) a[0], (Long) a[1]));
  }

  private static long dateTrunc(Object[] a, String inputUnit, String timeZone, String outputUnit) {
    TimeUnit in = TimeUnit.valueOf(inputUnit.toUpperCase(Locale.ROOT));
    TimeUnit out = outputUnit == null ? in : TimeUnit.valueOf(outputUnit.toUpperCase(Locale.ROOT));
    ZoneId zone = DateTimePatterns.zone(timeZone);
    long millis = in.toMillis((Long) a[1]);
    long truncated = truncate((String) a[0], millis, zone);
    return out.convert(truncated, TimeUnit.MILLISECONDS);
  }

  /// The start (epoch millis) of the `unit` containing `millis` in `zone`.
  static long truncate(String unit, long millis, ZoneId zone) {
    ZonedDateTime time = DateTimeFunctions.at(millis, zone);
    ZonedDateTime start = switch (unit.toLowerCase(Locale.ROOT)) {
      case "millisecond" -> time;
      case "second" -> time.truncatedTo(ChronoUnit.SECONDS);
      case "minute" -> time.truncatedTo(ChronoUnit.MINUTES);
      case "hour" -> time.truncatedTo(ChronoUnit.HOURS);
      case "day" -> time.truncatedTo(ChronoUnit.DAYS);
      case "week" -> time.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).truncatedTo(ChronoUnit.DAYS);
      case "month" -> time.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
      case "quarter" -> time.withMonth((time.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1)
          .truncatedTo(ChronoUnit.DAYS);
      case "year" -> time.withDayOfYear(1).truncatedTo(ChronoUnit.DAYS);
      default -> throw invalidUnit(unit);
    };
    return start.toInstant().toEpochMilli();
  }

  private static long add(String unit, long interval, long millis) {
    ZonedDateTime time = DateTimeFunctions.at(millis, ZoneOffset.UTC);
    ZonedDateTime result = unit.equalsIgnoreCase("quarter") ? time.plusMonths(Math.multiplyExact(interval, 3))
        : time.plus(interval, chronoUnit(unit));
    return result.toInstant().toEpochMilli();
  }

  private static long diff(String unit, long first, long second) {
    ZonedDateTime start = DateTimeFunctions.at(first, ZoneOffset.UTC);
    ZonedDateTime end = DateTimeFunctions.at(second, ZoneOffset.UTC);
    if (unit.equalsIgnoreCase("quarter")) {
      return ChronoUnit.MONTHS.between(start, end) / 3;
    }
    return chronoUnit(unit).between(start, end);
  }

  private static ChronoUnit chronoUnit(String unit) {
    return switch (unit.toLowerCase(Locale.ROOT)) {
      case "millisecond" -> ChronoUnit.MILLIS;
      case "second" -> ChronoUnit.SECONDS;
      case "minute" -> ChronoUnit.MINUTES;
      case "hour" -> ChronoUnit.HOURS;
      case "day" -> ChronoUnit.DAYS;
      case "week" -> ChronoUnit.WEEKS;
      case "month" -> ChronoUnit.MONTHS;
      case "year" -> ChronoUnit.YEARS;
      default -> throw invalidUnit(unit);
    };
  }

  private static int extract(String field, long millis) {
    ZonedDateTime time = DateTimeFunctions.at(millis, ZoneOffset.UTC);
    return switch (field.toUpperCase(Locale.ROOT)) {
      case "YEAR" -> time.getYear();
      case "QUARTER" -> (time.getMonthValue() - 1) / 3 + 1;
      case "MONTH" -> time.getMonthValue();
      case "WEEK" -> time.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      case "DAY" -> time.getDayOfMonth();
      case "DOY" -> time.getDayOfYear();
      case "DOW" -> time.getDayOfWeek().getValue();
      case "HOUR" -> time.getHour();
      case "MINUTE" -> time.getMinute();
      case "SECOND" -> time.getSecond();
      default -> throw new IllegalArgumentException("Unsupported EXTRACT field '" + field
          + "': use YEAR, QUARTER, MONTH, WEEK, DAY, DOY, DOW, HOUR, MINUTE or SECOND");
    };
  }

  private static IllegalArgumentException invalidUnit(String unit) {
    return new IllegalArgumentException("'" + unit + "' is not a valid time unit: use millisecond, second, minute, "
        + "hour, day, week, month, quarter or year");
  }
}
