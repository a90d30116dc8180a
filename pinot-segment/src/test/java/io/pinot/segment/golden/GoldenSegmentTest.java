// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.golden;

import static io.pinot.segment.testing.SegmentValues.column;
import static io.pinot.segment.testing.SegmentValues.comparable;
import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.segment.creator.SegmentCreationResult;
import io.pinot.segment.creator.SegmentCreator;
import io.pinot.segment.creator.SegmentGeneratorConfig;
import io.pinot.segment.format.SegmentFiles;
import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.loader.ImmutableSegment;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.readers.InMemoryRecordReader;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.segment.testing.TestSchemas;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.FieldType;
import io.pinot.spi.data.Schema;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Guards the on-disk format: tiny segments using every encoding are checked in under
/// `src/test/resources/golden/`. For the current format (`psf2/`) the test rebuilds them and compares every file
/// byte for byte, and loads the checked-in copies; the `psf1` copy (`golden/<name>`, written by the first format
/// version) must keep loading. [GoldenIndexesSegmentTest] covers the range index, bloom filter, null value vector,
/// partitions and every raw codec. After an intentional format change (with a new format version), regenerate the
/// current copies with
/// `./mvnw -pl pinot-segment test -Dtest='Golden*' -Dpinot.segment.updateGolden=true`.
public class GoldenSegmentTest {
  static final String SEGMENT_NAME = "golden_1704067200000_1704326400000_0";
  static final String CURRENT = "psf2";
  private static final List<String> FILES = List.of(SegmentFormat.DATA_FILE, SegmentFormat.INDEX_MAP_FILE,
      SegmentFormat.METADATA_FILE, SegmentFormat.CREATION_META_FILE);

  @TempDir
  Path dir;

  @Test
  void rebuildingGivesTheCheckedInBytes() throws IOException, URISyntaxException {
    SegmentCreationResult result = build(dir);
    assertThat(result.segmentName()).isEqualTo(SEGMENT_NAME);
    compareWithGolden(result, CURRENT + "/" + SEGMENT_NAME);
  }

  /// Compares the files of a built segment with its checked-in copy under `golden/<path>` (after rewriting the copy
  /// when `pinot.segment.updateGolden` is set).
  static void compareWithGolden(SegmentCreationResult result, String path) throws IOException, URISyntaxException {
    if (Boolean.getBoolean("pinot.segment.updateGolden")) {
      Path target = Path.of(System.getProperty("pinot.root"), "pinot-segment", "src", "test", "resources", "golden",
          path);
      SegmentFiles.deleteRecursively(target);
      Files.createDirectories(target.resolve(SegmentFormat.V3_DIR));
      for (String file : FILES) {
        Files.copy(result.segmentDir().resolve(SegmentFormat.V3_DIR).resolve(file),
            target.resolve(SegmentFormat.V3_DIR).resolve(file));
      }
      return;
    }
    Path golden = goldenDir(path);
    for (String file : FILES) {
      byte[] expected = Files.readAllBytes(golden.resolve(SegmentFormat.V3_DIR).resolve(file));
      byte[] actual = Files.readAllBytes(result.segmentDir().resolve(SegmentFormat.V3_DIR).resolve(file));
      assertThat(actual).as(file).isEqualTo(expected);
    }
  }

  @Test
  void theFirstFormatVersionStillLoads() throws IOException, URISyntaxException {
    try (ImmutableSegment segment = SegmentLoader.load(goldenDir(SEGMENT_NAME))) {
      assertThat(segment.metadata().formatVersion()).isEqualTo("psf1");
      assertGoldenValues(segment);
    }
  }

  @Test
  void theCheckedInSegmentLoads() throws IOException, URISyntaxException {
    try (ImmutableSegment segment = SegmentLoader.load(goldenDir(CURRENT + "/" + SEGMENT_NAME))) {
      assertThat(segment.metadata().formatVersion()).isEqualTo(CURRENT);
      assertGoldenValues(segment);
      assertThat(segment.metadata().creationTime()).isEqualTo(1_700_000_000_000L);
      assertThat(segment.metadata().startTime()).isEqualTo(1704067200000L);
      assertThat(segment.dataSource("ts").sortedIndex()).isNotNull();
      assertThat(segment.dataSource("day").sortedIndex().docIdEnd(0)).isEqualTo(2);
      assertThat(segment.dataSource("country").invertedIndex().docIds(0).toArray()).containsExactly(1, 4);
      DataSource tags = segment.dataSource("tags");
      assertThat(tags.invertedIndex().docIds(tags.dictionary().indexOf("new")).toArray()).containsExactly(0, 2);
      assertThat(tags.invertedIndex().docIds(tags.dictionary().indexOf("eco")).toArray()).containsExactly(3);
    }
  }

  public static void assertGoldenValues(IndexSegment segment) {
    assertThat(segment.numDocs()).isEqualTo(5);
    assertThat(column(segment, "ts")).containsExactly(1704067200000L, 1704067200001L, 1704153600000L,
        1704240000000L, 1704326400000L);
    assertThat(column(segment, "day")).containsExactly("2024-01-01", "2024-01-01", "2024-01-02", "2024-01-03",
        "2024-01-04");
    assertThat(column(segment, "country")).containsExactly("US", "DE", "US", "\u4e2d\u56fd", "DE");
    assertThat(column(segment, "tags")).containsExactly(List.of("sale", "new"), List.of("null"), List.of("new"),
        List.of("eco", "sale", "eco"), List.of("gift"));
    assertThat(column(segment, "clicks")).containsExactly(3, 0, Integer.MAX_VALUE, Integer.MIN_VALUE, 3);
    assertThat(column(segment, "score")).containsExactly(1.5f, Float.NaN, 0.0f, -2.25f, 1.5f);
    assertThat(column(segment, "ratio")).containsExactly(0.1, 0.2, 0.1, Double.NEGATIVE_INFINITY, 1e308);
    assertThat(column(segment, "amount")).containsExactly(new BigDecimal("1.10"), new BigDecimal("0"),
        new BigDecimal("-3"), new BigDecimal("1.10"), new BigDecimal("123456789012345678901234567890"));
    assertThat(column(segment, "blob")).containsExactly(comparable(new byte[] {1}), comparable(new byte[0]),
        comparable(new byte[] {(byte) 0xFF}), comparable(new byte[] {1}), comparable(new byte[] {0, 1}));
    assertThat(column(segment, "flag")).containsExactly(1, 0, 0, 1, 1);
    assertThat(column(segment, "price")).containsExactly(9.99, 0.0, 100.0, 0.5, 7.25);
    assertThat(column(segment, "session")).containsExactly("0000aaaa", "0000bbbb", "0000cccc", "0000dddd",
        "0000eeee");
    assertThat(column(segment, "note")).containsExactly("", "hello", "null", "\ud83d\ude00 emoji", "x");
  }

  public static SegmentCreationResult build(Path outputDir) throws IOException {
    Schema schema = Schema.of("golden", List.of(
        FieldSpec.of("day", DataType.STRING, FieldType.DIMENSION),
        FieldSpec.of("country", DataType.STRING, FieldType.DIMENSION),
        FieldSpec.multiValue("tags", DataType.STRING),
        FieldSpec.of("amount", DataType.BIG_DECIMAL, FieldType.DIMENSION),
        FieldSpec.of("blob", DataType.BYTES, FieldType.DIMENSION),
        FieldSpec.of("flag", DataType.BOOLEAN, FieldType.DIMENSION),
        FieldSpec.of("session", DataType.STRING, FieldType.DIMENSION),
        FieldSpec.of("note", DataType.STRING, FieldType.DIMENSION)),
        List.of(FieldSpec.of("clicks", DataType.INT, FieldType.METRIC),
            FieldSpec.of("score", DataType.FLOAT, FieldType.METRIC),
            FieldSpec.of("ratio", DataType.DOUBLE, FieldType.METRIC),
            FieldSpec.of("price", DataType.DOUBLE, FieldType.METRIC)),
        List.of(FieldSpec.dateTime("ts", DataType.LONG, "1:MILLISECONDS:EPOCH", "1:MILLISECONDS")));
    TableConfig table = TestSchemas.table("golden", "ts", List.of("country", "tags", "day"),
        List.of("price", "session", "note"), List.of("ts"));
    List<Map<String, Object>> rows = List.of(
        row(1704067200000L, "2024-01-01", "US", List.of("sale", "new"), "1.10", "01", true, 9.99, "0000aaaa", "",
            3, 1.5f, 0.1),
        row(1704067200001L, "2024-01-01", "DE", List.of(), "0", "", false, 0.0, "0000bbbb", "hello", 0, Float.NaN,
            0.2),
        row(1704153600000L, "2024-01-02", "US", List.of("new"), "-3", "ff", false, 100.0, "0000cccc", "null",
            Integer.MAX_VALUE, -0.0f, 0.1),
        row(1704240000000L, "2024-01-03", "\u4e2d\u56fd", List.of("eco", "sale", "eco"), "1.10", "01", true, 0.5,
            "0000dddd", "\ud83d\ude00 emoji", Integer.MIN_VALUE, -2.25f, Double.NEGATIVE_INFINITY),
        row(1704326400000L, "2024-01-04", "DE", List.of("gift"), "123456789012345678901234567890", "0001", true, 7.25,
            "0000eeee", "x", 3, 1.5f, 1e308));
    SegmentGeneratorConfig config = SegmentGeneratorConfig.builder().schema(schema).tableConfig(table)
        .outputDir(outputDir).sequenceId(0).creationTime(1_700_000_000_000L).build();
    return SegmentCreator.create(config, new InMemoryRecordReader(rows));
  }

  private static final List<String> ROW_COLUMNS = List.of("ts", "day", "country", "tags", "amount", "blob", "flag",
      "price", "session", "note", "clicks", "score", "ratio");

  /// A record with the values of [#ROW_COLUMNS], in that order.
  private static Map<String, Object> row(Object... values) {
    Map<String, Object> row = new java.util.HashMap<>();
    for (int i = 0; i < values.length; i++) {
      row.put(ROW_COLUMNS.get(i), values[i]);
    }
    return row;
  }

  static Path goldenDir(String path) throws URISyntaxException {
    URL url = GoldenSegmentTest.class.getResource("/golden/" + path);
    assertThat(url).as("checked-in golden segment").isNotNull();
    return Path.of(url.toURI());
  }
}
