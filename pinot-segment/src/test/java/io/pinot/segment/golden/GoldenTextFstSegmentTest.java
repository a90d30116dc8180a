// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.utils.JsonUtils;
import io.pinot.segment.creator.SegmentCreationResult;
import io.pinot.segment.creator.SegmentCreator;
import io.pinot.segment.creator.SegmentGeneratorConfig;
import io.pinot.segment.format.IndexMap;
import io.pinot.segment.format.IndexType;
import io.pinot.segment.format.SegmentFiles;
import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.loader.ImmutableSegment;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.memory.DataBuffer;
import io.pinot.segment.readers.InMemoryRecordReader;
import io.pinot.segment.spi.DataSource;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The golden segment of the text (`TXLU`) and FST (`FSTL`) index buffers: a dictionary column with both
/// (`title`), a multi-value column with a text index (`labels`) and a raw case-sensitive one (`note`). Lucene writes
/// random segment ids, a timestamp and the JVM's name into its files, so a rebuild equals the checked-in segment
/// byte for byte in every buffer but the text indexes, whose header, settings and Lucene file names must match; the
/// checked-in segment must load and answer queries (which guards Lucene's ability to read the stored files).
/// Regenerate with `-Dpinot.segment.updateGolden=true` after an intentional format change.
class GoldenTextFstSegmentTest {
  static final String SEGMENT_NAME = "goldentext_0";
  private static final String PATH = GoldenSegmentTest.CURRENT + "/" + SEGMENT_NAME;
  private static final List<String> FILES = List.of(SegmentFormat.DATA_FILE, SegmentFormat.INDEX_MAP_FILE,
      SegmentFormat.METADATA_FILE, SegmentFormat.CREATION_META_FILE);

  private static final String SCHEMA = """
      {"schemaName": "goldentext",
       "dimensionFieldSpecs": [
         {"name": "title", "dataType": "STRING"},
         {"name": "labels", "dataType": "STRING", "singleValueField": false},
         {"name": "note", "dataType": "STRING"}]}""";
  private static final String TABLE = """
      {"tableName": "goldentext", "tableType": "OFFLINE",
       "fieldConfigList": [
         {"name": "title", "indexTypes": ["TEXT", "FST"], "properties": {"stopWordInclude": "pinot"}},
         {"name": "labels", "indexes": {"text": {"useANDForMultiTermQueries": true}}},
         {"name": "note", "encodingType": "RAW", "indexes": {"text": {"caseSensitive": true,
          "luceneUseCompoundFile": false}}}]}""";

  @TempDir
  Path dir;

  @Test
  void rebuildingGivesTheCheckedInBuffers() throws IOException, URISyntaxException {
    SegmentCreationResult result = build(dir);
    Path built = result.segmentDir().resolve(SegmentFormat.V3_DIR);
    if (Boolean.getBoolean("pinot.segment.updateGolden")) {
      Path target = Path.of(System.getProperty("pinot.root"), "pinot-segment", "src", "test", "resources", "golden",
          PATH, SegmentFormat.V3_DIR);
      SegmentFiles.deleteRecursively(target.getParent());
      Files.createDirectories(target);
      for (String file : FILES) {
        Files.copy(built.resolve(file), target.resolve(file));
      }
      return;
    }
    Path golden = GoldenSegmentTest.goldenDir(PATH).resolve(SegmentFormat.V3_DIR);
    assertThat(Files.readString(built.resolve(SegmentFormat.METADATA_FILE)))
        .isEqualTo(Files.readString(golden.resolve(SegmentFormat.METADATA_FILE)));
    List<IndexMap.Entry> expected = indexMap(golden).entries();
    List<IndexMap.Entry> actual = indexMap(built).entries();
    assertThat(actual).extracting(IndexMap.Entry::column, IndexMap.Entry::type).containsExactlyElementsOf(
        expected.stream().map(e -> Tuple.tuple(e.column(), e.type())).toList());
    DataBuffer expectedData = DataBuffer.wrap(Files.readAllBytes(golden.resolve(SegmentFormat.DATA_FILE)));
    DataBuffer actualData = DataBuffer.wrap(Files.readAllBytes(built.resolve(SegmentFormat.DATA_FILE)));
    for (int i = 0; i < expected.size(); i++) {
      byte[] expectedBytes = bytes(expectedData, expected.get(i));
      byte[] actualBytes = bytes(actualData, actual.get(i));
      String what = expected.get(i).column() + "." + expected.get(i).type().indexName();
      if (expected.get(i).type() == IndexType.TEXT_INDEX) {
        assertThat(textFrame(actualBytes)).as(what).isEqualTo(textFrame(expectedBytes));
      } else {
        assertThat(actualBytes).as(what).isEqualTo(expectedBytes);
      }
    }
  }

  @Test
  void theCheckedInSegmentLoadsAndAnswersQueries() throws IOException, URISyntaxException {
    String indexMap = Files.readString(GoldenSegmentTest.goldenDir(PATH).resolve(SegmentFormat.V3_DIR)
        .resolve(SegmentFormat.INDEX_MAP_FILE), StandardCharsets.UTF_8);
    assertThat(indexMap).contains("title.text_index.startOffset", "title.fst_index.startOffset",
        "labels.text_index.startOffset", "note.text_index.startOffset");
    try (ImmutableSegment segment = SegmentLoader.load(GoldenSegmentTest.goldenDir(PATH))) {
      assertAnswers(segment);
    }
  }

  @Test
  void aFreshBuildAnswersTheSame() throws IOException {
    try (ImmutableSegment segment = SegmentLoader.load(build(dir).segmentDir())) {
      assertAnswers(segment);
    }
  }

  private static void assertAnswers(ImmutableSegment segment) {
    DataSource title = segment.dataSource("title");
    assertThat(title.textIndex().docIds("lucene", null).toArray()).containsExactly(1, 3);
    assertThat(title.textIndex().docIds("\"realtime analytics\"", null).toArray()).containsExactly(0);
    assertThat(title.textIndex().docIds("pinot", null).toArray()).as("added stop word").isEmpty();
    assertThat(title.textIndex().docIds("anal*", null).toArray()).containsExactly(0, 4);
    assertThat(title.fstIndex().regexpLikeDictIds("^L")).containsExactly(title.dictionary().indexOf(
        "Lucene in Action"));
    assertThat(title.fstIndex().likeDictIds("%a%")).hasSize(4);
    DataSource labels = segment.dataSource("labels");
    assertThat(labels.textIndex().docIds("db olap", null).toArray()).as("AND").containsExactly(0);
    assertThat(labels.textIndex().docIds("null", null).toArray()).containsExactly(2);
    DataSource note = segment.dataSource("note");
    assertThat(note.textIndex().docIds("Kafka", null).toArray()).containsExactly(4);
    assertThat(note.textIndex().docIds("kafka", null).toArray()).containsExactly(5);
  }

  static SegmentCreationResult build(Path outputDir) throws IOException {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(row("Pinot: realtime analytics", new Object[] {"db", "olap"}, "first"));
    rows.add(row("Lucene in Action", new Object[] {"search"}, "second"));
    rows.add(row("Stream processing", new Object[0], "third"));
    rows.add(row("Search with lucene", new Object[] {"search", "db"}, "fourth"));
    rows.add(row("Analytics at scale \uD83D\uDE80", new Object[] {"olap"}, "Kafka topic"));
    rows.add(row("", new Object[] {"stream"}, "kafka topic"));
    SegmentGeneratorConfig config = SegmentGeneratorConfig.builder().schema(JsonUtils.fromJson(SCHEMA, Schema.class))
        .tableConfig(JsonUtils.fromJson(TABLE, TableConfig.class)).outputDir(outputDir).sequenceId(0)
        .creationTime(1_700_000_000_000L).build();
    return SegmentCreator.create(config, new InMemoryRecordReader(rows));
  }

  private static Map<String, Object> row(String title, Object[] labels, String note) {
    Map<String, Object> row = new HashMap<>();
    row.put("title", title);
    row.put("labels", labels);
    row.put("note", note);
    return row;
  }

  private static IndexMap indexMap(Path v3) throws IOException {
    return IndexMap.read(Files.readString(v3.resolve(SegmentFormat.INDEX_MAP_FILE), StandardCharsets.UTF_8),
        Files.size(v3.resolve(SegmentFormat.DATA_FILE)));
  }

  private static byte[] bytes(DataBuffer data, IndexMap.Entry entry) {
    return data.getBytes(entry.startOffset(), (int) entry.size());
  }

  /// The parts of a `TXLU` buffer that do not depend on Lucene's random ids: the header up to the file count, the
  /// settings and the file names.
  private static List<Object> textFrame(byte[] buffer) {
    DataBuffer data = DataBuffer.wrap(buffer);
    int numFiles = data.getInt(12);
    int settingsLength = data.getInt(16);
    List<Object> frame = new ArrayList<>();
    frame.add(Arrays.toString(data.getBytes(0, 16)));
    frame.add(new String(data.getBytes(24, settingsLength), StandardCharsets.UTF_8));
    long position = SegmentFormat.align(24 + settingsLength);
    for (int i = 0; i < numFiles; i++) {
      int nameLength = data.getInt(position + 16);
      frame.add(new String(data.getBytes(position + 20, nameLength), StandardCharsets.UTF_8));
      position += 20 + nameLength;
    }
    return frame;
  }
}
