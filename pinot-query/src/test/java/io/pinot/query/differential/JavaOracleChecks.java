// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.differential;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/// Cases H2 cannot answer, checked against a Java computation over the same rows: the exact PERCENTILE (Pinot's
/// definition: the value at index `(long) (n * p / 100)` of the sorted values, the last one for p = 100),
/// SUMPRECISION (exact decimal sum of the doubles' shortest representations), MODE with the AVG reducer,
/// SEGMENTPARTITIONEDDISTINCTCOUNT (the sum of each segment's distinct count), REVERSE, CRC32/ADLER32 and date
/// parts in a time zone. Immutable.
final class JavaOracleChecks {
  private static final int FIRST = 25;

  /// The test rows: per segment, and all of them ordered by `ts` (unique).
  record Rows(List<List<Map<String, Object>>> segments, List<Map<String, Object>> byTs) {
    double[] sortedDoubles(String column) {
      double[] values = new double[byTs.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = ((Number) byTs.get(i).get(column)).doubleValue();
      }
      Arrays.sort(values);
      return values;
    }

    /// The first [#FIRST] rows by `ts`, mapped to one result row each.
    List<Object[]> first(Function<Map<String, Object>, Object[]> mapper) {
      List<Object[]> result = new ArrayList<>();
      for (int i = 0; i < FIRST; i++) {
        result.add(mapper.apply(byTs.get(i)));
      }
      return result;
    }
  }

  /// One case: the engine's SQL and the expected rows computed from the test rows.
  record JavaCase(String sql, Function<Rows, List<Object[]>> expected) {
    @Override
    public String toString() {
      return sql;
    }
  }

  private JavaOracleChecks() {
  }

  static List<JavaCase> cases() {
    List<JavaCase> cases = new ArrayList<>();
    for (double p : new double[]{0, 10, 50, 90, 99, 100}) {
      cases.add(new JavaCase("SELECT PERCENTILE(price, " + p + "), PERCENTILE(age, " + p + ") FROM events",
          rows -> List.<Object[]>of(new Object[]{percentile(rows.sortedDoubles("price"), p),
              percentile(rows.sortedDoubles("age"), p)})));
    }
    cases.add(new JavaCase("SELECT PERCENTILE95(price), PERCENTILE50(big) FROM events",
        rows -> List.<Object[]>of(new Object[]{percentile(rows.sortedDoubles("price"), 95),
            percentile(rows.sortedDoubles("big"), 50)})));
    cases.add(new JavaCase("SELECT SUMPRECISION(price), SUMPRECISION(revenue) FROM events",
        rows -> List.<Object[]>of(new Object[]{decimalSum(rows, "price"), decimalSum(rows, "revenue")})));
    cases.add(new JavaCase("SELECT MODE(age, 'AVG'), MODE(quantity, 'AVG') FROM events",
        rows -> List.<Object[]>of(new Object[]{modeAverage(rows, "age"), modeAverage(rows, "quantity")})));
    cases.add(new JavaCase("SELECT SEGMENTPARTITIONEDDISTINCTCOUNT(country), SEGMENTPARTITIONEDDISTINCTCOUNT(city) "
        + "FROM events", rows -> List.<Object[]>of(new Object[]{perSegmentDistinct(rows, "country"),
            perSegmentDistinct(rows, "city")})));
    cases.add(new JavaCase("SELECT REVERSE(city), REVERSE(session) FROM events ORDER BY ts LIMIT " + FIRST,
        rows -> rows.first(row -> new Object[]{reverse(row.get("city")), reverse(row.get("session"))})));
    // H2's LPAD/RPAD repeat only the first character of a longer padding; Pinot repeats the whole padding
    cases.add(new JavaCase("SELECT LPAD(city, 12, 'ab'), RPAD(device, 10, 'xyz') FROM events ORDER BY ts LIMIT "
        + FIRST, rows -> rows.first(row -> new Object[]{pad(row.get("city"), 12, "ab", true),
            pad(row.get("device"), 10, "xyz", false)})));
    cases.add(new JavaCase("SELECT CRC32(TOUTF8(city)), ADLER32(TOUTF8(session)) FROM events ORDER BY ts LIMIT "
        + FIRST, rows -> rows.first(row -> new Object[]{crc32(row.get("city")), adler32(row.get("session"))})));
    cases.add(new JavaCase("SELECT HOUR(ts, 'Asia/Kolkata'), DAY(ts, 'America/Los_Angeles'), "
        + "DAYOFWEEK(ts, 'Pacific/Auckland') FROM events ORDER BY ts LIMIT " + FIRST,
        rows -> rows.first(row -> new Object[]{zoned(row, "Asia/Kolkata").getHour(),
            zoned(row, "America/Los_Angeles").getDayOfMonth(),
            zoned(row, "Pacific/Auckland").getDayOfWeek().getValue()})));
    cases.add(new JavaCase("SELECT TODATETIME(ts, 'yyyy-MM-dd HH:mm', 'Asia/Tokyo') FROM events ORDER BY ts LIMIT "
        + FIRST, rows -> rows.first(row -> new Object[]{DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .format(zoned(row, "Asia/Tokyo"))})));
    return cases;
  }

  static double percentile(double[] sorted, double p) {
    long n = sorted.length;
    long index = p == 100 ? n - 1 : (long) (n * p / 100);
    return sorted[(int) Math.min(index, n - 1)];
  }

  private static BigDecimal decimalSum(Rows rows, String column) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Map<String, Object> row : rows.byTs()) {
      sum = sum.add(new BigDecimal(row.get(column).toString()));
    }
    return sum;
  }

  private static double modeAverage(Rows rows, String column) {
    Map<Double, Integer> counts = new HashMap<>();
    for (Map<String, Object> row : rows.byTs()) {
      counts.merge(((Number) row.get(column)).doubleValue(), 1, Integer::sum);
    }
    int best = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    return counts.entrySet().stream().filter(e -> e.getValue() == best).mapToDouble(Map.Entry::getKey).average()
        .orElse(Double.NEGATIVE_INFINITY);
  }

  private static long perSegmentDistinct(Rows rows, String column) {
    long total = 0;
    for (List<Map<String, Object>> segment : rows.segments()) {
      Set<Object> values = new HashSet<>();
      for (Map<String, Object> row : segment) {
        values.add(row.get(column));
      }
      total += values.size();
    }
    return total;
  }

  private static String reverse(Object text) {
    return new StringBuilder(text.toString()).reverse().toString();
  }

  private static String pad(Object text, int size, String padding, boolean left) {
    StringBuilder fill = new StringBuilder();
    while (fill.length() < size - text.toString().length()) {
      fill.append(padding.charAt(fill.length() % padding.length()));
    }
    return left ? fill + text.toString() : text + fill.toString();
  }

  private static int crc32(Object text) {
    CRC32 crc = new CRC32();
    crc.update(text.toString().getBytes(StandardCharsets.UTF_8));
    return (int) crc.getValue();
  }

  private static int adler32(Object text) {
    Adler32 adler = new Adler32();
    adler.update(text.toString().getBytes(StandardCharsets.UTF_8));
    return (int) adler.getValue();
  }

  private static ZonedDateTime zoned(Map<String, Object> row, String zone) {
    return Instant.ofEpochMilli((Long) row.get("ts")).atZone(ZoneId.of(zone));
  }
}
