// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.function;

import static io.pinot.common.function.ScalarType.INT;
import static io.pinot.common.function.ScalarType.LONG;
import static io.pinot.common.function.ScalarType.STRING;
import static io.pinot.common.function.ScalarType.TIMESTAMP;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/// Date-time functions with Pinot's names and semantics: epoch conversions (`toEpochSeconds`, `...Rounded`,
/// `...Bucket`, `fromEpochDays`...) that truncate toward zero like `TimeUnit`, `toDateTime`/`fromDateTime` with Joda
/// patterns (see [DateTimePatterns]), field extraction (`year`, `month`, `dayOfWeek` with ISO Monday = 1, `week` as
/// the ISO week...) in UTC or in a time zone argument, `dateTrunc`, `timestampAdd`/`timestampDiff`, `now`, `ago`.
/// Each function of a time value also has Pinot's `...MV` variant over arrays. Stateless.
final class DateTimeFunctions {
  private static final String[] NONE = {};

  private DateTimeFunctions() {
  }

  static void register(FunctionRegistry.Builder b) {
    registerEpochConversions(b);
    registerFields(b);
    registerFormatting(b);
    DateTimeArithmetic.register(b);
    DateTimeConvert.register(b);
    b.define("now").returns(LONG).nondeterministic().body(a -> System.currentTimeMillis());
    b.define("ago").args(STRING).returns(LONG).nondeterministic()
        .body(a -> System.currentTimeMillis() - Duration.parse((String) a[0]).toMillis());
    MultiValues.define(b, "round", NONE, 0, LONG, a -> (Long) a[0] / (Long) a[1] * (Long) a[1], LONG, LONG);
  }

  private static void registerEpochConversions(FunctionRegistry.Builder b) {
    TimeUnit[] units = {TimeUnit.SECONDS, TimeUnit.MINUTES, TimeUnit.HOURS, TimeUnit.DAYS};
    String[] names = {"Seconds", "Minutes", "Hours", "Days"};
    for (int u = 0; u < units.length; u++) {
      TimeUnit unit = units[u];
      epoch(b, "toEpoch" + names[u], millis -> unit.convert(millis, TimeUnit.MILLISECONDS));
      epoch(b, "fromEpoch" + names[u], unit::toMillis);
      MultiValues.define(b, "toEpoch" + names[u] + "Rounded", NONE, 0, LONG,
          a -> unit.convert((Long) a[0], TimeUnit.MILLISECONDS) / (Long) a[1] * (Long) a[1], LONG, LONG);
      MultiValues.define(b, "toEpoch" + names[u] + "Bucket", NONE, 0, LONG,
          a -> unit.convert((Long) a[0], TimeUnit.MILLISECONDS) / (Long) a[1], LONG, LONG);
      MultiValues.define(b, "fromEpoch" + names[u] + "Bucket", NONE, 0, LONG,
          a -> unit.toMillis((Long) a[0] * (Long) a[1]), LONG, LONG);
    }
  }

  /// A LONG to LONG epoch conversion with its block kernel and MV variant.
  private static void epoch(FunctionRegistry.Builder b, String name, LongUnaryOperator operator) {
    b.define(name).args(LONG).returns(LONG).longKernel((in, out, n) -> {
      for (int i = 0; i < n; i++) {
        out[i] = operator.applyAsLong(in[i]);
      }
    }).body(a -> operator.applyAsLong((Long) a[0]));
    b.define(name + "MV").args(ScalarType.LONG_ARRAY).returns(ScalarType.LONG_ARRAY).body(a -> {
      Object[] values = (Object[]) a[0];
      Object[] results = new Object[values.length];
      for (int i = 0; i < values.length; i++) {
        results[i] = values[i] == null ? null : operator.applyAsLong((Long) values[i]);
      }
      return results;
    });
  }

  private static void registerFields(FunctionRegistry.Builder b) {
    field(b, "year", NONE, t -> t.getYear());
    field(b, "yearOfWeek", new String[] {"yow"}, t -> t.get(IsoFields.WEEK_BASED_YEAR));
    field(b, "quarter", NONE, t -> (t.getMonthValue() - 1) / 3 + 1);
    field(b, "month", new String[] {"monthOfYear"}, t -> t.getMonthValue());
    field(b, "week", new String[] {"weekOfYear"}, t -> t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    field(b, "dayOfYear", new String[] {"doy"}, t -> t.getDayOfYear());
    field(b, "dayOfMonth", new String[] {"day"}, t -> t.getDayOfMonth());
    field(b, "dayOfWeek", new String[] {"dow"}, t -> t.getDayOfWeek().getValue());
    field(b, "hour", NONE, t -> t.getHour());
    field(b, "minute", NONE, t -> t.getMinute());
    field(b, "second", NONE, t -> t.getSecond());
    field(b, "millisecond", NONE, t -> t.get(ChronoField.MILLI_OF_SECOND));
    MultiValues.define(b, "timezoneHour", NONE, 0, INT, a -> offsetSeconds((String) a[0], 0) / 3600, STRING);
    b.define("timezoneHour").args(STRING, LONG).returns(INT)
        .body(a -> offsetSeconds((String) a[0], (Long) a[1]) / 3600);
    MultiValues.define(b, "timezoneMinute", NONE, 0, INT, a -> offsetSeconds((String) a[0], 0) / 60 % 60, STRING);
    b.define("timezoneMinute").args(STRING, LONG).returns(INT)
        .body(a -> offsetSeconds((String) a[0], (Long) a[1]) / 60 % 60);
  }

  /// `name(millis)` in UTC and `name(millis, timezone)`, each with its MV variant.
  private static void field(FunctionRegistry.Builder b, String name, String[] aliases,
      ToIntFunction<ZonedDateTime> extractor) {
    MultiValues.define(b, name, aliases, 0, INT, a -> extractor.applyAsInt(at((Long) a[0], ZoneOffset.UTC)), LONG);
    MultiValues.define(b, name, aliases, 0, INT,
        a -> extractor.applyAsInt(at((Long) a[0], DateTimePatterns.zone((String) a[1]))), LONG, STRING);
  }

  static ZonedDateTime at(long millis, ZoneId zone) {
    return Instant.ofEpochMilli(millis).atZone(zone);
  }

  private static int offsetSeconds(String zone, long millis) {
    return DateTimePatterns.zone(zone).getRules().getOffset(Instant.ofEpochMilli(millis)).getTotalSeconds();
  }

  private static void registerFormatting(FunctionRegistry.Builder b) {
    MultiValues.define(b, "toIso8601", NONE, 0, STRING, a -> Instant.ofEpochMilli((Long) a[0]).toString(), LONG);
    MultiValues.define(b, "fromIso8601", NONE, 0, LONG,
        a -> OffsetDateTime.parse((String) a[0]).toInstant().toEpochMilli(), STRING);
    MultiValues.define(b, "toTimestamp", NONE, 0, TIMESTAMP, a -> new Timestamp((Long) a[0]), LONG);
    MultiValues.define(b, "fromTimestamp", NONE, 0, LONG, a -> ((Timestamp) a[0]).getTime(), TIMESTAMP);
    b.define("toDateTime").args(LONG, STRING).returns(STRING).specializer(c -> toDateTime(c[1], null))
        .body(toDateTime(null, null));
    b.define("toDateTime").args(LONG, STRING, STRING).returns(STRING).specializer(c -> toDateTime(c[1], c[2]))
        .body(toDateTime(null, null));
    b.define("toDateTimeMV").args(ScalarType.LONG_ARRAY, STRING).returns(ScalarType.STRING_ARRAY)
        .body(elementwise(toDateTime(null, null)));
    b.define("toDateTimeMV").args(ScalarType.LONG_ARRAY, STRING, STRING).returns(ScalarType.STRING_ARRAY)
        .body(elementwise(toDateTime(null, null)));
    b.define("fromDateTime").args(STRING, STRING).returns(LONG).specializer(c -> fromDateTime(c[1], null))
        .body(fromDateTime(null, null));
    b.define("fromDateTime").args(STRING, STRING, STRING).returns(LONG).specializer(c -> fromDateTime(c[1], c[2]))
        .body(fromDateTime(null, null));
    b.define("fromDateTime").args(STRING, STRING, STRING, LONG).returns(LONG).body(a -> {
      try {
        return fromDateTime(null, null).apply(a);
      } catch (RuntimeException e) {
        return a[3];
      }
    });
    b.define("fromDateTimeMV").args(ScalarType.STRING_ARRAY, STRING).returns(ScalarType.LONG_ARRAY)
        .body(elementwise(fromDateTime(null, null)));
    b.define("fromDateTimeMV").args(ScalarType.STRING_ARRAY, STRING, STRING).returns(ScalarType.LONG_ARRAY)
        .body(elementwise(fromDateTime(null, null)));
  }

  /// Formats `a[0]` with pattern `a[1]` in zone `a[2]` (UTC when absent); constant pattern and zone are prepared.
  private static ScalarFunction.Body toDateTime(@Nullable Object constantPattern, @Nullable Object constantZone) {
    DateTimeFormatter prepared = constantPattern == null ? null : DateTimePatterns.formatter((String) constantPattern);
    ZoneId preparedZone = constantZone == null ? null : DateTimePatterns.zone((String) constantZone);
    return a -> {
      DateTimeFormatter formatter = prepared != null ? prepared : DateTimePatterns.formatter((String) a[1]);
      ZoneId zone = preparedZone != null ? preparedZone : DateTimePatterns.zone(a.length > 2 ? (String) a[2] : null);
      return DateTimePatterns.format((Long) a[0], formatter, zone);
    };
  }

  private static ScalarFunction.Body fromDateTime(@Nullable Object constantPattern, @Nullable Object constantZone) {
    DateTimeFormatter prepared = constantPattern == null ? null : DateTimePatterns.formatter((String) constantPattern);
    ZoneId preparedZone = constantZone == null ? null : DateTimePatterns.zone((String) constantZone);
    return a -> {
      DateTimeFormatter formatter = prepared != null ? prepared : DateTimePatterns.formatter((String) a[1]);
      ZoneId zone = preparedZone != null ? preparedZone : DateTimePatterns.zone(a.length > 2 ? (String) a[2] : null);
      return DateTimePatterns.parse((String) a[0], formatter, zone);
    };
  }

  private static ScalarFunction.Body elementwise(ScalarFunction.Body body) {
    return a -> {
      Object[] values = (Object[]) a[0];
      Object[] results = new Object[values.length];
      @Nullable Object[] call = a.clone();
      for (int i = 0; i < values.length; i++) {
        if (values[i] != null) {
          call[0] = values[i];
          results[i] = body.apply(call);
        }
      }
      return results;
    };
  }
}
