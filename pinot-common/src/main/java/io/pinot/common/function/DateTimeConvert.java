// SPDX-License-Identifier: Apache-2.0
package io.pinot.common.function;

import static io.pinot.common.function.ScalarType.OBJECT;
import static io.pinot.common.function.ScalarType.STRING;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/// Pinot's `dateTimeConvert(value, inputFormat, outputFormat, outputGranularity)`: reads a time value in a Pinot
/// date-time format (`1:MILLISECONDS:EPOCH`, `1:DAYS:SIMPLE_DATE_FORMAT:yyyy-MM-dd`, `EPOCH|SECONDS|1`,
/// `SIMPLE_DATE_FORMAT|yyyy-MM-dd HH:mm|America/New_York`, `TIMESTAMP`), floors it to the granularity (`15:MINUTES`;
/// in the output format's time zone for SIMPLE_DATE_FORMAT) and writes it in the output format: a `Long` for EPOCH
/// and TIMESTAMP outputs, a `String` for SIMPLE_DATE_FORMAT. Formats are parsed once per call site (specializer).
/// Stateless.
final class DateTimeConvert {
  private static final Pattern TZ = Pattern.compile("\\s*tz\\(([^)]+)\\)\\s*$");

  /// A parsed date-time format.
  ///
  /// @param kind EPOCH, SIMPLE_DATE_FORMAT or TIMESTAMP
  /// @param unitMillis milliseconds of one EPOCH tick (size times unit)
  private record Format(String kind, long unitMillis, @Nullable DateTimeFormatter formatter, ZoneId zone) {
    static Format parse(String text) {
      String trimmed = text.trim();
      if (trimmed.equalsIgnoreCase("TIMESTAMP")) {
        return new Format("TIMESTAMP", 1, null, ZoneOffset.UTC);
      }
      if (trimmed.contains("|")) {
        String[] parts = trimmed.split("\\|");
        return switch (parts[0].trim().toUpperCase(Locale.ROOT)) {
          case "EPOCH" -> new Format("EPOCH", (parts.length >= 3 ? Long.parseLong(parts[2].trim()) : 1)
              * (parts.length >= 2 ? unit(parts[1]).toMillis(1) : 1), null, ZoneOffset.UTC);
          case "SIMPLE_DATE_FORMAT" -> new Format("SIMPLE_DATE_FORMAT", 1, DateTimePatterns.formatter(parts[1]),
              parts.length >= 3 ? ZoneId.of(parts[2].trim()) : ZoneOffset.UTC);
          case "TIMESTAMP" -> new Format("TIMESTAMP", 1, null, ZoneOffset.UTC);
          default -> throw new IllegalArgumentException("Unknown date-time format: " + text);
        };
      }
      String[] parts = trimmed.split(":", 4);
      if (parts.length < 3) {
        throw new IllegalArgumentException("Invalid date-time format (expected size:unit:type): " + text);
      }
      long size = Long.parseLong(parts[0].trim());
      TimeUnit unit = unit(parts[1]);
      return switch (parts[2].trim().toUpperCase(Locale.ROOT)) {
        case "EPOCH" -> new Format("EPOCH", size * unit.toMillis(1), null, ZoneOffset.UTC);
        case "TIMESTAMP" -> new Format("TIMESTAMP", 1, null, ZoneOffset.UTC);
        case "SIMPLE_DATE_FORMAT" -> {
          if (parts.length < 4) {
            throw new IllegalArgumentException("SIMPLE_DATE_FORMAT needs a pattern: " + text);
          }
          String pattern = parts[3];
          ZoneId zone = ZoneOffset.UTC;
          Matcher tz = TZ.matcher(pattern);
          if (tz.find()) {
            zone = ZoneId.of(tz.group(1).trim());
            pattern = pattern.substring(0, tz.start());
          }
          yield new Format("SIMPLE_DATE_FORMAT", 1, DateTimePatterns.formatter(pattern), zone);
        }
        default -> throw new IllegalArgumentException("Unknown date-time format type: " + text);
      };
    }

    long toMillis(Object value) {
      return switch (kind) {
        case "EPOCH" -> Math.multiplyExact(((Number) ScalarType.LONG.convert(value)).longValue(), unitMillis);
        case "TIMESTAMP" -> ((Timestamp) ScalarType.TIMESTAMP.convert(value)).getTime();
        default -> DateTimePatterns.parse(value.toString(), formatter, zone);
      };
    }

    Object fromMillis(long millis) {
      return switch (kind) {
        case "EPOCH" -> Math.floorDiv(millis, unitMillis);
        case "TIMESTAMP" -> millis;
        default -> DateTimePatterns.format(millis, formatter, zone);
      };
    }
  }

  private DateTimeConvert() {
  }

  static void register(FunctionRegistry.Builder b) {
    b.define("dateTimeConvert").args(OBJECT, STRING, STRING, STRING).returns(OBJECT)
        .specializer(c -> converter(c[1], c[2], c[3]))
        .body(a -> converter(a[1], a[2], a[3]).apply(a));
  }

  private static ScalarFunction.Body converter(@Nullable Object input, @Nullable Object output,
      @Nullable Object granularity) {
    if (input == null || output == null || granularity == null) {
      return a -> converter(a[1], a[2], a[3]).apply(a);
    }
    Format in = Format.parse(input.toString());
    Format out = Format.parse(output.toString());
    long bucket = granularityMillis(granularity.toString());
    return a -> {
      long millis = in.toMillis(a[0]);
      long offset = out.zone.getRules().getOffset(Instant.ofEpochMilli(millis)).getTotalSeconds() * 1000L;
      long floored = Math.floorDiv(millis + offset, bucket) * bucket - offset;
      return out.fromMillis(floored);
    };
  }

  private static long granularityMillis(String granularity) {
    String[] parts = granularity.trim().split(":");
    if (parts.length != 2) {
      throw new IllegalArgumentException("Invalid granularity (expected size:unit): " + granularity);
    }
    long millis = Long.parseLong(parts[0].trim()) * unit(parts[1]).toMillis(1);
    if (millis <= 0) {
      throw new IllegalArgumentException("Invalid granularity: " + granularity);
    }
    return millis;
  }

  private static TimeUnit unit(String name) {
    try {
      return TimeUnit.valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Unknown time unit: " + name, e);
    }
  }
}
