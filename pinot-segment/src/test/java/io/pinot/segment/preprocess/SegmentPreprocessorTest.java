// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.preprocess;

import static io.pinot.segment.testing.SegmentValues.column;
import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.segment.creator.SegmentCreator;
import io.pinot.segment.creator.SegmentGeneratorConfig;
import io.pinot.segment.format.SegmentFiles;
import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.loader.ImmutableSegment;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.readers.InMemoryRecordReader;
import io.pinot.segment.spi.DataSource;
import io.pinot.spi.config.table.FieldConfig;
import io.pinot.spi.config.table.IndexingConfig;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.config.table.TableType;
import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.FieldType;
import io.pinot.spi.data.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentPreprocessorTest {
  private static final int NUM_DOCS = 5000;
  private static final List<FieldSpec> DIMENSIONS = List.of(
      FieldSpec.of("country", DataType.STRING, FieldType.DIMENSION),
      FieldSpec.of("age", DataType.INT, FieldType.DIMENSION),
      FieldSpec.of("user", DataType.LONG, FieldType.DIMENSION),
      FieldSpec.multiValue("tags", DataType.STRING));
  private static final List<FieldSpec> METRICS = List.of(FieldSpec.of("price", DataType.DOUBLE, FieldType.METRIC));
  private static final Schema SCHEMA = Schema.of("t", DIMENSIONS, METRICS, List.of());

  @TempDir
  Path dir;

  private Path segmentDir;
  private Map<String, List<Object>> original;

  @BeforeEach
  void build() throws IOException {
    Random random = new Random(3);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < NUM_DOCS; i++) {
      Map<String, Object> row = new HashMap<>();
      row.put("country", "c" + random.nextInt(20));
      row.put("age", 18 + random.nextInt(60));
      row.put("user", 1_000_000L + random.nextInt(2000));
      row.put("tags", new Object[] {"t" + random.nextInt(5), "t" + random.nextInt(5)});
      row.put("price", random.nextInt(100_000) / 100.0);
      rows.add(row);
    }
    SegmentGeneratorConfig config = SegmentGeneratorConfig.builder().tableConfig(table(IndexingConfig.empty()))
        .schema(SCHEMA).outputDir(dir).sequenceId(0).build();
    segmentDir = SegmentCreator.create(config, new InMemoryRecordReader(rows)).segmentDir();
    original = new HashMap<>();
    try (ImmutableSegment segment = SegmentLoader.load(segmentDir)) {
      for (String name : SCHEMA.columnNames()) {
        original.put(name, column(segment, name));
      }
    }
  }

  private static TableConfig table(IndexingConfig indexing) {
    return TableConfig.of("t", TableType.OFFLINE, null, indexing)
        .withFieldConfigs(List.of(FieldConfig.of("price", FieldConfig.EncodingType.RAW, null)));
  }

  private static TableConfig indexed() {
    IndexingConfig indexing = new IndexingConfig(null, null, List.of("country", "tags"), List.of("age", "price"),
        List.of("user"), null, null, null, Map.of());
    return table(indexing);
  }

  @Test
  void addsIndexesAndDefaultColumnsWhileTheOldCopyStaysReadable() throws IOException {
    Schema evolved = Schema.of("t", List.of(DIMENSIONS.get(0), DIMENSIONS.get(1), DIMENSIONS.get(2),
        DIMENSIONS.get(3), new FieldSpec("added", DataType.INT, null, "7", null, null, null, null, null),
        FieldSpec.multiValue("addedTags", DataType.STRING)), METRICS, List.of());
    byte[] creationMeta = Files.readAllBytes(segmentDir.resolve("v3").resolve(SegmentFormat.CREATION_META_FILE));
    Files.writeString(segmentDir.resolve("v3").resolve(SegmentFormat.METADATA_FILE), "startree.v2.count = 0\n",
        StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    Files.writeString(segmentDir.resolve("v3").resolve("star_tree_index"), "tree bytes");
    try (ImmutableSegment before = SegmentLoader.load(segmentDir)) {
      assertThat(SegmentPreprocessor.plannedActions(segmentDir, indexed(), evolved)).hasSize(7);
      SegmentPreprocessor.Result result = SegmentPreprocessor.preprocess(segmentDir, indexed(), evolved);
      assertThat(result.changed()).isTrue();
      assertThat(result.segmentDir()).isEqualTo(segmentDir);
      assertThat(result.actions()).containsExactlyInAnyOrder("add inverted_index on country",
          "add range_index on age", "add bloom_filter on user", "add inverted_index on tags",
          "add default column added", "add default column addedTags", "add range_index on price");
      // The segment loaded before still reads its (now unlinked) files.
      assertThat(column(before, "country")).isEqualTo(original.get("country"));
    }
    assertThat(segmentDir.resolve(SegmentPreprocessor.NEW_DIR)).doesNotExist();
    assertThat(segmentDir.resolve(SegmentPreprocessor.OLD_DIR)).doesNotExist();
    Path v3 = segmentDir.resolve("v3");
    assertThat(Files.readAllBytes(v3.resolve(SegmentFormat.CREATION_META_FILE))).isEqualTo(creationMeta);
    assertThat(Files.readString(v3.resolve("star_tree_index"))).isEqualTo("tree bytes");
    assertThat(Files.readString(v3.resolve(SegmentFormat.METADATA_FILE))).contains("startree.v2.count = 0",
        "column.added.isAutoGenerated = true", "segment.index.version = psf2");
    try (ImmutableSegment after = SegmentLoader.load(segmentDir)) {
      for (String name : SCHEMA.columnNames()) {
        assertThat(column(after, name)).as(name).isEqualTo(original.get(name));
      }
      assertThat(after.dataSource("country").invertedIndex()).isNotNull();
      assertThat(after.dataSource("country").metadata().hasInvertedIndex()).isTrue();
      assertThat(after.dataSource("tags").invertedIndex()).isNotNull();
      assertThat(after.dataSource("age").rangeIndex()).isNotNull();
      assertThat(after.dataSource("price").rangeIndex().valueDictionary()).isNotNull();
      assertThat(after.dataSource("user").bloomFilter().mightContain(original.get("user").get(0))).isTrue();
      DataSource added = after.dataSource("added");
      assertThat(added.metadata().autoGenerated()).isTrue();
      assertThat(added.metadata().cardinality()).isEqualTo(1);
      assertThat(added.metadata().sorted()).isTrue();
      assertThat(column(after, "added")).hasSize(NUM_DOCS).containsOnly(7);
      assertThat(column(after, "addedTags")).hasSize(NUM_DOCS).containsOnly(List.of("null"));
      DataSource country = after.dataSource("country");
      int dictId = country.dictionary().indexOf("c3");
      List<Object> values = original.get("country");
      for (int doc : country.invertedIndex().docIds(dictId).toArray()) {
        assertThat(values.get(doc)).isEqualTo("c3");
      }
    }
    SegmentPreprocessor.Result again = SegmentPreprocessor.preprocess(segmentDir, indexed(), evolved);
    assertThat(again.changed()).isFalse();
    assertThat(again.actions()).isEmpty();
  }

  @Test
  void removesIndexesTheConfigNoLongerHas() throws IOException {
    SegmentPreprocessor.preprocess(segmentDir, indexed(), SCHEMA);
    long indexedSize = Files.size(segmentDir.resolve("v3").resolve(SegmentFormat.DATA_FILE));
    SegmentPreprocessor.Result result = SegmentPreprocessor.preprocess(segmentDir, table(IndexingConfig.empty()),
        SCHEMA);
    assertThat(result.actions()).containsExactlyInAnyOrder("remove inverted_index on country",
        "remove range_index on age", "remove bloom_filter on user", "remove inverted_index on tags",
        "remove range_index on price");
    assertThat(Files.size(segmentDir.resolve("v3").resolve(SegmentFormat.DATA_FILE))).isLessThan(indexedSize);
    try (ImmutableSegment segment = SegmentLoader.load(segmentDir)) {
      assertThat(segment.dataSource("country").invertedIndex()).isNull();
      assertThat(segment.dataSource("country").metadata().hasInvertedIndex()).isFalse();
      assertThat(segment.dataSource("age").rangeIndex()).isNull();
      assertThat(segment.dataSource("user").bloomFilter()).isNull();
      for (String name : SCHEMA.columnNames()) {
        assertThat(column(segment, name)).as(name).isEqualTo(original.get(name));
      }
    }
  }

  @Test
  void recoversFromAnInterruptedSwitch() throws IOException {
    Path v3 = segmentDir.resolve("v3");
    Path newDir = segmentDir.resolve(SegmentPreprocessor.NEW_DIR);
    Path oldDir = segmentDir.resolve(SegmentPreprocessor.OLD_DIR);
    // Crash between the two renames: v3 moved away, the complete new copy not yet in place.
    copyTree(v3, newDir);
    Files.move(v3, oldDir);
    SegmentPreprocessor.recover(segmentDir);
    assertThat(v3.resolve(SegmentFormat.METADATA_FILE)).exists();
    assertThat(oldDir).doesNotExist();
    assertThat(newDir).doesNotExist();
    // Crash while writing: an incomplete new copy (no creation.meta yet) is dropped.
    Files.createDirectories(newDir);
    Files.writeString(newDir.resolve(SegmentFormat.DATA_FILE), "partial");
    SegmentPreprocessor.Result result = SegmentPreprocessor.preprocess(segmentDir, table(IndexingConfig.empty()),
        SCHEMA);
    assertThat(result.changed()).isFalse();
    assertThat(newDir).doesNotExist();
    try (ImmutableSegment segment = SegmentLoader.load(segmentDir)) {
      assertThat(column(segment, "price")).isEqualTo(original.get("price"));
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
    SegmentFiles.filesDir(to.getParent());
  }
}
