// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator;

import static io.pinot.segment.testing.SegmentValues.column;
import static io.pinot.segment.testing.SegmentValues.comparable;
import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.segment.loader.ImmutableSegment;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.readers.InMemoryRecordReader;
import io.pinot.segment.spi.ColumnMetadata;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.testing.TestSchemas;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.FieldType;
import io.pinot.spi.data.Schema;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentCreatorTest {
  @TempDir
  Path dir;

  @Test
  void everyTypeRoundTripsWithConversionsAndDefaults() throws IOException {
    Schema schema = Schema.of("t", List.of(
        dim("i", DataType.INT), dim("l", DataType.LONG), dim("f", DataType.FLOAT), dim("d", DataType.DOUBLE),
        dim("bd", DataType.BIG_DECIMAL), dim("b", DataType.BOOLEAN), dim("ts", DataType.TIMESTAMP),
        dim("s", DataType.STRING), dim("j", DataType.JSON), dim("by", DataType.BYTES),
        FieldSpec.multiValue("mvi", DataType.INT), FieldSpec.multiValue("mvs", DataType.STRING),
        dim("ri", DataType.INT), dim("rl", DataType.LONG), dim("rf", DataType.FLOAT), dim("rd", DataType.DOUBLE),
        dim("rs", DataType.STRING), dim("rby", DataType.BYTES), dim("rbd", DataType.BIG_DECIMAL)),
        List.of(FieldSpec.of("m", DataType.INT, FieldType.METRIC)), List.of());
    TableConfig table = TestSchemas.table("t", null, null, List.of("ri", "rl", "rf", "rd", "rs", "rby", "rbd"), null);
    Map<String, Object> first = new HashMap<>();
    first.putAll(Map.of("i", 5, "l", -1L, "f", 1.5f, "d", -0.0, "bd", "1.50", "b", true, "ts",
        "2024-01-01T00:00:00Z", "s", "x", "j", Map.of("a", 1), "by", new byte[] {1, 2}));
    first.putAll(Map.of("mvi", new Object[] {3, 1, 3}, "mvs", List.of("b", "a"), "ri", 7, "rl", Long.MAX_VALUE, "rf",
        Float.NaN, "rd", 2.5, "rs", "h\u00e9llo", "rby", "ff", "rbd", "0.1", "m", 10));
    Map<String, Object> second = new HashMap<>();
    second.put("i", null);
    Map<String, Object> third = new HashMap<>();
    third.putAll(Map.of("i", "12", "l", 3, "f", "2", "d", 1e300, "bd", 2, "b", "false", "ts", 0, "s", "", "j",
        "[1,2]", "by", "0a0b"));
    third.putAll(Map.of("mvi", 5, "mvs", new Object[0], "ri", Integer.MIN_VALUE, "rl", Long.MIN_VALUE, "rf", -0.0f,
        "rd", Double.NaN, "rs", "", "rby", new byte[0], "rbd", new BigDecimal("-1E+2"), "m", -3));

    try (ImmutableSegment segment = build(schema, table, List.of(first, second, third))) {
      assertThat(segment.numDocs()).isEqualTo(3);
      assertThat(column(segment, "i")).containsExactly(5, Integer.MIN_VALUE, 12);
      assertThat(column(segment, "l")).containsExactly(-1L, Long.MIN_VALUE, 3L);
      assertThat(column(segment, "f")).containsExactly(1.5f, Float.NEGATIVE_INFINITY, 2.0f);
      assertThat(column(segment, "d")).containsExactly(0.0, Double.NEGATIVE_INFINITY, 1e300);
      assertThat(Double.doubleToRawLongBits((Double) column(segment, "d").get(0))).isZero();
      assertThat(column(segment, "bd")).containsExactly(new BigDecimal("1.50"), BigDecimal.ZERO, new BigDecimal("2"));
      assertThat(column(segment, "b")).containsExactly(1, 0, 0);
      assertThat(column(segment, "ts")).containsExactly(1704067200000L, 0L, 0L);
      assertThat(column(segment, "s")).containsExactly("x", "null", "");
      assertThat(column(segment, "j")).containsExactly("{\"a\":1}", "null", "[1,2]");
      assertThat(column(segment, "by")).containsExactly(comparable(new byte[] {1, 2}), comparable(new byte[0]),
          comparable(new byte[] {10, 11}));
      assertThat(column(segment, "mvi")).containsExactly(List.of(3, 1, 3), List.of(Integer.MIN_VALUE), List.of(5));
      assertThat(column(segment, "mvs")).containsExactly(List.of("b", "a"), List.of("null"), List.of("null"));
      assertThat(column(segment, "ri")).containsExactly(7, Integer.MIN_VALUE, Integer.MIN_VALUE);
      assertThat(column(segment, "rl")).containsExactly(Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE);
      assertThat(column(segment, "rf")).containsExactly(Float.NaN, Float.NEGATIVE_INFINITY, 0.0f);
      assertThat(column(segment, "rd")).containsExactly(2.5, Double.NEGATIVE_INFINITY, Double.NaN);
      assertThat(column(segment, "rs")).containsExactly("h\u00e9llo", "null", "");
      assertThat(column(segment, "rby")).containsExactly(comparable(new byte[] {-1}), List.of(), List.of());
      assertThat(column(segment, "rbd")).containsExactly(new BigDecimal("0.1"), BigDecimal.ZERO,
          new BigDecimal("-1E+2"));
      assertThat(column(segment, "m")).containsExactly(10, 0, -3);

      ColumnMetadata i = metadata(segment, "i");
      assertThat(i.cardinality()).isEqualTo(3);
      assertThat(i.bitsPerElement()).isEqualTo(2);
      assertThat(i.minValue()).isEqualTo(Integer.MIN_VALUE);
      assertThat(i.maxValue()).isEqualTo(12);
      assertThat(i.sorted()).isFalse();
      assertThat(i.hasDictionary()).isTrue();
      ColumnMetadata mvi = metadata(segment, "mvi");
      assertThat(mvi.singleValue()).isFalse();
      assertThat(mvi.cardinality()).isEqualTo(4);
      assertThat(mvi.maxNumberOfMultiValues()).isEqualTo(3);
      assertThat(mvi.totalNumberOfEntries()).isEqualTo(5);
      ColumnMetadata rd = metadata(segment, "rd");
      assertThat(rd.hasDictionary()).isFalse();
      assertThat(rd.cardinality()).isEqualTo(-1);
      assertThat(rd.bitsPerElement()).isZero();
      assertThat(rd.minValue()).isEqualTo(Double.NEGATIVE_INFINITY);
      assertThat(rd.maxValue()).isEqualTo(Double.NaN);
      assertThat(segment.dataSource("rd").dictionary()).isNull();
      assertThat(metadata(segment, "m").fieldType()).isEqualTo(FieldType.METRIC);
      assertThat(metadata(segment, "b").dataType()).isEqualTo(DataType.BOOLEAN);
    }
  }

  @Test
  void configuredDefaultsAndMissingColumns() throws IOException {
    Schema schema = Schema.of("t", List.of(
        new FieldSpec("country", DataType.STRING, null, "unknown", null, null, null, null, null),
        new FieldSpec("score", DataType.DOUBLE, null, "-1.5", null, null, null, null, null),
        FieldSpec.of("plain", DataType.LONG, FieldType.DIMENSION)),
        List.of(FieldSpec.of("clicks", DataType.LONG, FieldType.METRIC)), List.of());
    try (ImmutableSegment segment = build(schema, TestSchemas.table("t", null, null, null, null),
        List.of(Map.of("other", "ignored")))) {
      assertThat(column(segment, "country")).containsExactly("unknown");
      assertThat(column(segment, "score")).containsExactly(-1.5);
      assertThat(column(segment, "plain")).containsExactly(Long.MIN_VALUE);
      assertThat(column(segment, "clicks")).containsExactly(0L);
      assertThat(segment.columnNames()).containsExactly("country", "score", "plain", "clicks");
    }
  }

  @Test
  void stringsAreTruncatedToMaxLengthWithoutSplittingSurrogates() throws IOException {
    Schema schema = Schema.of("t", List.of(
        new FieldSpec("short", DataType.STRING, null, null, 3, null, null, null, null),
        dim("long", DataType.STRING), new FieldSpec("raw", DataType.STRING, null, null, 4, null, null, null, null),
        new FieldSpec("blob", DataType.BYTES, null, null, 2, null, null, null, null)), List.of(), List.of());
    TableConfig table = TestSchemas.table("t", null, null, List.of("raw"), null);
    List<Map<String, Object>> rows = List.of(
        Map.of("short", "abcdef", "long", "y".repeat(600), "raw", "wxyz!", "blob", new byte[] {1, 2, 3}),
        Map.of("short", "ab\ud83d\ude00", "long", "z", "raw", "abc\ud83d\ude00", "blob", new byte[] {4}));
    try (ImmutableSegment segment = build(schema, table, rows)) {
      assertThat(column(segment, "short")).containsExactly("abc", "ab");
      assertThat(column(segment, "long")).containsExactly("y".repeat(512), "z");
      assertThat(column(segment, "raw")).containsExactly("wxyz", "abc");
      assertThat(column(segment, "blob")).containsExactly(comparable(new byte[] {1, 2}), comparable(new byte[] {4}));
      assertThat(metadata(segment, "long").maxValue()).isEqualTo("z");
    }
  }

  @Test
  void singleValueColumnsUnwrapOneElementArraysAndRejectSeveral() throws IOException {
    Schema schema = Schema.of("t", List.of(dim("s", DataType.STRING)), List.of(), List.of());
    try (ImmutableSegment segment = build(schema, TestSchemas.table("t", null, null, null, null),
        List.of(Map.of("s", new Object[] {"only"}), Map.of("s", List.of())))) {
      assertThat(column(segment, "s")).containsExactly("only", "null");
    }
    SegmentCreationResult result = create(schema, TestSchemas.table("t", null, null, null, null),
        List.of(Map.of("s", new Object[] {"a", "b"})), true);
    assertThat(result.numSkippedRecords()).isEqualTo(1);
    assertThat(result.skippedSamples()).containsExactly("record 1: Column[s]: single-value column got 2 values");
  }

  @Test
  void emptySegmentBuildsAndLoads() throws IOException {
    Schema schema = Schema.of("t", List.of(dim("s", DataType.STRING), FieldSpec.multiValue("mv", DataType.INT)),
        List.of(), List.of(FieldSpec.dateTime("ts", DataType.LONG, "1:MILLISECONDS:EPOCH", "1:MILLISECONDS")));
    TableConfig table = TestSchemas.table("t", "ts", List.of("s", "mv"), null, null);
    SegmentCreationResult result = create(schema, table, List.of(), false);
    assertThat(result.segmentName()).isEqualTo("t_0");
    assertThat(result.numDocs()).isZero();
    try (ImmutableSegment segment = SegmentLoader.load(result.segmentDir())) {
      assertThat(segment.numDocs()).isZero();
      assertThat(segment.dataSource("s").dictionary().length()).isZero();
      assertThat(metadata(segment, "s").minValue()).isNull();
      assertThat(segment.metadata().startTime()).isEqualTo(-1);
      assertThat(segment.metadata().timeUnit()).isNull();
      assertThat(column(segment, "mv")).isEmpty();
    }
  }

  @Test
  void cardinalityBoundariesGiveMinimalBitWidths() throws IOException {
    Map<Integer, Integer> expectedBits = Map.of(1, 1, 2, 1, 3, 2, 7, 3, 8, 3, 9, 4, 1024, 10, 1025, 11);
    for (Map.Entry<Integer, Integer> entry : expectedBits.entrySet()) {
      int cardinality = entry.getKey();
      Schema schema = Schema.of("t", List.of(dim("v", DataType.INT)), List.of(), List.of());
      Integer[] values = new Integer[2 * cardinality + 1];
      List<Map<String, Object>> rows = new java.util.ArrayList<>();
      for (int i = 0; i < values.length; i++) {
        values[i] = (i * 7919) % cardinality - cardinality / 2;
        rows.add(Map.of("v", values[i]));
      }
      Path out = Files.createTempDirectory(dir, "c" + cardinality);
      SegmentCreationResult result = SegmentCreator.create(SegmentGeneratorConfig.builder().schema(schema)
          .tableConfig(TestSchemas.table("t", null, null, null, null)).outputDir(out).build(),
          new InMemoryRecordReader(rows));
      try (ImmutableSegment segment = SegmentLoader.load(result.segmentDir())) {
        assertThat(metadata(segment, "v").cardinality()).isEqualTo(cardinality);
        assertThat(metadata(segment, "v").bitsPerElement()).as("cardinality %d", cardinality)
            .isEqualTo(entry.getValue());
        assertThat(column(segment, "v")).containsExactly((Object[]) values);
      }
    }
  }

  @Test
  void sortedAndInvertedIndexesFollowTheDataAndTheConfig() throws IOException {
    Schema schema = Schema.of("t", List.of(dim("sorted", DataType.STRING), dim("unsorted", DataType.INT),
        dim("raw", DataType.INT), FieldSpec.multiValue("tags", DataType.STRING)), List.of(), List.of());
    TableConfig table = TestSchemas.table("t", null, List.of("sorted", "unsorted", "raw", "tags", "missing"),
        List.of("raw"), List.of("unsorted"));
    List<Map<String, Object>> rows = List.of(
        Map.of("sorted", "a", "unsorted", 3, "raw", 1, "tags", List.of("x", "y")),
        Map.of("sorted", "a", "unsorted", 1, "raw", 2, "tags", List.of("y")),
        Map.of("sorted", "b", "unsorted", 3, "raw", 3, "tags", List.of("z", "x")));
    try (ImmutableSegment segment = build(schema, table, rows)) {
      DataSource sorted = segment.dataSource("sorted");
      assertThat(sorted.metadata().sorted()).isTrue();
      assertThat(sorted.sortedIndex()).isNotNull();
      assertThat(sorted.sortedIndex().docIdStart(1)).isEqualTo(2);
      assertThat(sorted.invertedIndex()).isNull();
      assertThat(sorted.metadata().hasInvertedIndex()).isFalse();
      DataSource unsorted = segment.dataSource("unsorted");
      assertThat(unsorted.metadata().sorted()).isFalse();
      assertThat(unsorted.sortedIndex()).isNull();
      assertThat(unsorted.invertedIndex().docIds(unsorted.dictionary().indexOf(3)).toArray()).containsExactly(0, 2);
      assertThat(unsorted.metadata().hasInvertedIndex()).isTrue();
      DataSource raw = segment.dataSource("raw");
      assertThat(raw.invertedIndex()).isNull();
      assertThat(raw.metadata().sorted()).isTrue();
      DataSource tags = segment.dataSource("tags");
      assertThat(tags.invertedIndex().docIds(tags.dictionary().indexOf("x")).toArray()).containsExactly(0, 2);
      assertThat(tags.invertedIndex().docIds(tags.dictionary().indexOf("y")).toArray()).containsExactly(0, 1);
      assertThat(tags.metadata().sorted()).isFalse();
    }
  }

  @Test
  void unbuiltIndexKindsAreAcceptedSilently() throws IOException {
    Schema schema = Schema.of("t", List.of(dim("a", DataType.INT), dim("j", DataType.JSON)), List.of(), List.of());
    TableConfig table = new TableConfig("t", io.pinot.spi.config.table.TableType.OFFLINE, null, null,
        new io.pinot.spi.config.table.IndexingConfig(null, null, null, List.of("a"), List.of("a"), null, List.of("j"),
            true, Map.of()), Map.of());
    try (ImmutableSegment segment = build(schema, table, List.of(Map.of("a", 1, "j", "{}")))) {
      assertThat(column(segment, "a")).containsExactly(1);
    }
  }

  private static FieldSpec dim(String name, DataType type) {
    return FieldSpec.of(name, type, FieldType.DIMENSION);
  }

  private static ColumnMetadata metadata(ImmutableSegment segment, String column) {
    return segment.metadata().columns().get(column);
  }

  private ImmutableSegment build(Schema schema, TableConfig table, List<? extends Map<String, ?>> rows)
      throws IOException {
    return SegmentLoader.load(create(schema, table, rows, false).segmentDir());
  }

  private SegmentCreationResult create(Schema schema, TableConfig table, List<? extends Map<String, ?>> rows,
      boolean continueOnError) throws IOException {
    Path out = Files.createTempDirectory(dir, "out");
    SegmentGeneratorConfig config = SegmentGeneratorConfig.builder().schema(schema).tableConfig(table).outputDir(out)
        .sequenceId(0).continueOnError(continueOnError).build();
    return SegmentCreator.create(config, new InMemoryRecordReader(rows));
  }

  static List<Object> list(Object... values) {
    return Arrays.asList(values);
  }
}
