// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.testing;

import io.pinot.spi.config.table.IndexingConfig;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.config.table.TableType;
import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.FieldType;
import io.pinot.spi.data.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Random;

/// Deterministic test rows for the `events` table: sorted, inverted, dictionary, raw and multi-value
/// columns of every common type. The same seed always gives the same rows.
public final class TestData {
  public static final String TABLE = "events";
  static final String[] COUNTRIES = {"US", "DE", "JP", "FR", "GB", "IN", "BR", "CA", "CN", "ES", "IT", "MX"};
  static final String[] DEVICES = {"mobile", "desktop", "tablet", "tv"};
  static final String[] TAGS = {"a", "b", "c", "d", "e", "f"};
  static final long TS_BASE = 1_700_000_000_000L;

  private TestData() {
  }

  public static Schema schema() {
    List<FieldSpec> dimensions = List.of(
        FieldSpec.of("country", DataType.STRING, FieldType.DIMENSION),
        FieldSpec.of("city", DataType.STRING, FieldType.DIMENSION),
        FieldSpec.of("device", DataType.STRING, FieldType.DIMENSION),
        FieldSpec.of("user_id", DataType.LONG, FieldType.DIMENSION),
        FieldSpec.of("session", DataType.STRING, FieldType.DIMENSION),
        FieldSpec.of("age", DataType.INT, FieldType.DIMENSION),
        FieldSpec.of("is_new", DataType.BOOLEAN, FieldType.DIMENSION),
        FieldSpec.of("score", DataType.FLOAT, FieldType.DIMENSION),
        FieldSpec.multiValue("tags", DataType.STRING),
        FieldSpec.multiValue("codes", DataType.INT));
    List<FieldSpec> metrics = List.of(
        FieldSpec.of("price", DataType.DOUBLE, FieldType.METRIC),
        FieldSpec.of("quantity", DataType.INT, FieldType.METRIC),
        FieldSpec.of("revenue", DataType.DOUBLE, FieldType.METRIC),
        FieldSpec.of("big", DataType.LONG, FieldType.METRIC));
    List<FieldSpec> dateTimes = List.of(
        FieldSpec.dateTime("ts", DataType.LONG, "1:MILLISECONDS:EPOCH", "1:MILLISECONDS"));
    return Schema.of(TABLE, dimensions, metrics, dateTimes);
  }

  public static TableConfig tableConfig() {
    IndexingConfig indexing = new IndexingConfig(null, List.of("ts"), List.of("country", "device", "age", "tags"),
        null, null, List.of("session", "price", "quantity", "big"), null, true, Map.of());
    return TableConfig.of(TABLE, TableType.OFFLINE, "ts", indexing);
  }

  /// `numSegments` lists of rows; each segment's rows are sorted by `ts` and segments cover increasing
  /// time ranges.
  public static List<List<Map<String, Object>>> segments(long seed, int[] rowsPerSegment) {
    Random random = new Random(seed);
    List<List<Map<String, Object>>> segments = new ArrayList<>();
    long ts = TS_BASE;
    int id = 0;
    for (int rows : rowsPerSegment) {
      List<Map<String, Object>> segment = new ArrayList<>(rows);
      for (int i = 0; i < rows; i++) {
        ts += 1 + random.nextInt(120_000);
        segment.add(row(random, id++, ts));
      }
      segments.add(segment);
    }
    return segments;
  }

  private static Map<String, Object> row(Random random, int id, long ts) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", id);
    row.put("country", COUNTRIES[skewed(random, COUNTRIES.length)]);
    row.put("city", String.format("city_%03d", random.nextInt(200)));
    row.put("device", DEVICES[skewed(random, DEVICES.length)]);
    row.put("user_id", 1_000_000_000L + random.nextInt(3000));
    row.put("session", "s" + Integer.toHexString(0x1000 + random.nextInt(2500)));
    row.put("age", 18 + random.nextInt(63));
    row.put("is_new", random.nextInt(4) == 0);
    row.put("score", random.nextInt(100) / 10f);
    row.put("tags", distinct(random, TAGS, 1 + random.nextInt(3)));
    row.put("codes", distinctCodes(random, 1 + random.nextInt(2)));
    double price = Math.round(random.nextDouble() * 100_000) / 100.0;
    int quantity = 1 + random.nextInt(10);
    row.put("price", price);
    row.put("quantity", quantity);
    row.put("revenue", Math.round(price * quantity) / 1.0 + random.nextInt(4) / 4.0);
    row.put("big", (long) random.nextInt(1_000_000_000) * (random.nextBoolean() ? 1 : -1));
    row.put("ts", ts);
    return row;
  }

  /// Mostly the first values, sometimes the others (so group sizes differ).
  private static int skewed(Random random, int n) {
    int a = random.nextInt(n);
    int b = random.nextInt(n);
    return Math.min(a, b);
  }

  private static Object[] distinct(Random random, String[] values, int count) {
    List<String> pool = new ArrayList<>(List.of(values));
    Object[] result = new Object[count];
    for (int i = 0; i < count; i++) {
      result[i] = pool.remove(random.nextInt(pool.size()));
    }
    return result;
  }

  private static Object[] distinctCodes(Random random, int count) {
    int first = 1 + random.nextInt(20);
    int second = first % 20 + 1;
    return count == 1 ? new Object[]{first} : new Object[]{first, second};
  }

  /// The row without the `id` helper column (what segments get).
  public static Map<String, Object> segmentRow(Map<String, Object> row) {
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Entry<String, Object> entry : row.entrySet()) {
      if (!entry.getKey().equals("id")) {
        copy.put(entry.getKey(), entry.getValue());
      }
    }
    return copy;
  }
}
