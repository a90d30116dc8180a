// SPDX-License-Identifier: Apache-2.0
package io.pinot.spi.stream;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// Parses Apache Pinot's period strings (`6h`, `30m`, `1h30m`, `10s`, `2d`, or plain milliseconds) and data sizes
/// (`200M`, `1.5G`, `500K`, or plain bytes), as stream configs write them.
public final class DurationParser {
  private static final Pattern PERIOD = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)([kmgt]?)b?");

  private DurationParser() {
  }

  public static long millis(String key, String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    if (value.matches("\\d+")) {
      return Long.parseLong(value);
    }
    Matcher matcher = PERIOD.matcher(value);
    if (value.isEmpty() || !matcher.matches()) {
      throw new IllegalArgumentException("Invalid " + key + "[" + text + "]: use a period such as 6h, 30m or 1h30m");
    }
    long[] unitMillis = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
    long total = 0;
    for (int i = 0; i < unitMillis.length; i++) {
      String group = matcher.group(i + 1);
      if (group != null) {
        total += Long.parseLong(group) * unitMillis[i];
      }
    }
    return total;
  }

  public static long bytes(String key, String text) {
    Matcher matcher = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new IllegalArgumentException("Invalid " + key + "[" + text + "]: use a size such as 200M or 1G");
    }
    int shift = switch (matcher.group(2)) {
      case "k" -> 10;
      case "m" -> 20;
      case "g" -> 30;
      case "t" -> 40;
      default -> 0;
    };
    return (long) (Double.parseDouble(matcher.group(1)) * (1L << shift));
  }
}
