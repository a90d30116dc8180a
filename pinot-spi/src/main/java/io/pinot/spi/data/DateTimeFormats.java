// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.data;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/// Validation of Pinot date-time `format` strings (`1:MILLISECONDS:EPOCH`, `1:DAYS:SIMPLE_DATE_FORMAT:yyyy-MM-dd`,
/// `EPOCH|MILLISECONDS|1`, `SIMPLE_DATE_FORMAT|yyyy-MM-dd`, `TIMESTAMP`) and `granularity` strings (`1:HOURS`).
public final class DateTimeFormats {
  private DateTimeFormats() {
  }

  /// The time unit of an EPOCH format, or null for other formats.
  public static @Nullable TimeUnit epochUnit(String format) {
    String[] parts = format.contains("|") ? format.split("\\|") : format.split(":", 4);
    if (format.contains("|")) {
      return parts[0].equalsIgnoreCase("EPOCH") && parts.length >= 2 ? unit(parts[1]) : null;
    }
    return parts.length >= 3 && parts[2].equalsIgnoreCase("EPOCH") ? unit(parts[1]) : null;
  }

  /// The size multiplier of an EPOCH format (`5:MINUTES:EPOCH` has 5), 1 otherwise.
  public static int epochSize(String format) {
    if (format.contains("|")) {
      String[] parts = format.split("\\|");
      return parts.length >= 3 ? Integer.parseInt(parts[2].trim()) : 1;
    }
    return Integer.parseInt(format.split(":", 2)[0].trim());
  }

  static void validate(String column, String format, String granularity) {
    try {
      if (format.contains("|")) {
        String[] parts = format.split("\\|");
        switch (parts[0].toUpperCase(Locale.ROOT)) {
          case "EPOCH" -> {
            if (parts.length >= 2) {
              unit(parts[1]);
            }
            if (parts.length >= 3) {
              Integer.parseInt(parts[2].trim());
            }
          }
          case "SIMPLE_DATE_FORMAT", "TIMESTAMP" -> { }
          default -> throw new IllegalArgumentException("unknown pattern type");
        }
      } else if (!format.equalsIgnoreCase("TIMESTAMP")) {
        String[] parts = format.split(":", 4);
        if (parts.length < 3) {
          throw new IllegalArgumentException("expected size:unit:type");
        }
        Integer.parseInt(parts[0].trim());
        unit(parts[1]);
        String type = parts[2].toUpperCase(Locale.ROOT);
        if (!type.equals("EPOCH") && !type.equals("SIMPLE_DATE_FORMAT") && !type.equals("TIMESTAMP")) {
          throw new IllegalArgumentException("unknown type " + parts[2]);
        }
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Invalid format[" + format + "] of date-time column[" + column + "]: "
          + e.getMessage(), e);
    }
    String[] parts = granularity.split(":");
    try {
      if (parts.length != 2) {
        throw new IllegalArgumentException("expected size:unit");
      }
      Integer.parseInt(parts[0].trim());
      unit(parts[1]);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Invalid granularity[" + granularity + "] of date-time column[" + column
          + "]: " + e.getMessage(), e);
    }
  }

  private static TimeUnit unit(String name) {
    try {
      return TimeUnit.valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown time unit " + name, e);
    }
  }
}
