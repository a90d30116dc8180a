// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.text;

import static io.pinot.segment.testing.SegmentValues.column;
import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.utils.JsonUtils;
import io.pinot.segment.creator.SegmentCreator;
import io.pinot.segment.creator.SegmentGeneratorConfig;
import io.pinot.segment.loader.ImmutableSegment;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.preprocess.SegmentPreprocessor;
import io.pinot.segment.readers.InMemoryRecordReader;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Reload adds text and FST indexes to a segment built without them, rebuilds a text index whose analysis settings
/// changed, and drops both when the table config no longer asks for them; the values never change.
class TextFstReloadTest {
  private static final String PLAIN_TABLE = """
      {"tableName": "docs", "tableType": "OFFLINE", "tableIndexConfig": {"noDictionaryColumns": ["rawName"]},
       "fieldConfigList": [{"name": "rawBody", "encodingType": "RAW"}]}""";

  @TempDir
  Path dir;

  private Path segmentDir;
  private final Map<String, List<Object>> original = new HashMap<>();
  private final Schema schema = JsonUtils.fromJson(TextFstSegmentTest.SCHEMA, Schema.class);

  @BeforeEach
  void build() throws IOException {
    SegmentGeneratorConfig config = SegmentGeneratorConfig.builder().schema(schema).tableConfig(plain())
        .outputDir(dir).sequenceId(0).build();
    segmentDir = SegmentCreator.create(config, new InMemoryRecordReader(TextFstSegmentTest.rows(2000))).segmentDir();
    try (ImmutableSegment segment = SegmentLoader.load(segmentDir)) {
      for (String name : schema.columnNames()) {
        original.put(name, column(segment, name));
      }
      assertThat(segment.dataSource("body").textIndex()).isNull();
      assertThat(segment.dataSource("name").fstIndex()).isNull();
    }
  }

  @Test
  void addsRebuildsAndRemovesTheIndexes() throws IOException {
    TableConfig indexed = JsonUtils.fromJson(TextFstSegmentTest.TABLE, TableConfig.class);
    SegmentPreprocessor.Result added = SegmentPreprocessor.preprocess(segmentDir, indexed, schema);
    assertThat(added.actions()).containsExactlyInAnyOrder("add text_index on body", "add fst_index on body",
        "add text_index on rawBody", "add text_index on tags", "add fst_index on tags", "add fst_index on name");
    try (ImmutableSegment segment = SegmentLoader.load(segmentDir)) {
      assertValuesUnchanged(segment);
      TextFstSegmentTest.assertTextMatches(segment, "body", "pinot", false);
      TextFstSegmentTest.assertTextMatches(segment, "body", "the", false);
      TextFstSegmentTest.assertTextMatches(segment, "tags", "null", false);
      TextFstSegmentTest.assertTextMatches(segment, "rawBody", "Kafka", true);
      TextFstSegmentTest.assertFstMatches(segment, "name", "^n1");
      TextFstSegmentTest.assertFstMatches(segment, "tags", "e$");
    }
    assertThat(SegmentPreprocessor.preprocess(segmentDir, indexed, schema).changed()).isFalse();

    TableConfig caseSensitive = JsonUtils.fromJson(TextFstSegmentTest.TABLE.replace(
        "\"luceneUseCompoundFile\": \"false\"", "\"luceneUseCompoundFile\": \"false\", \"caseSensitive\": \"true\""),
        TableConfig.class);
    SegmentPreprocessor.Result rebuilt = SegmentPreprocessor.preprocess(segmentDir, caseSensitive, schema);
    assertThat(rebuilt.actions()).containsExactlyInAnyOrder("add text_index on body", "remove text_index on body");
    try (ImmutableSegment segment = SegmentLoader.load(segmentDir)) {
      assertThat(((LuceneTextIndexReader) segment.dataSource("body").textIndex()).settings().caseSensitive())
          .isTrue();
      TextFstSegmentTest.assertTextMatches(segment, "body", "Kafka", true);
      TextFstSegmentTest.assertTextMatches(segment, "body", "kafka", true);
    }

    SegmentPreprocessor.Result removed = SegmentPreprocessor.preprocess(segmentDir, plain(), schema);
    assertThat(removed.actions()).containsExactlyInAnyOrder("remove text_index on body", "remove fst_index on body",
        "remove text_index on rawBody", "remove text_index on tags", "remove fst_index on tags",
        "remove fst_index on name");
    try (ImmutableSegment segment = SegmentLoader.load(segmentDir)) {
      assertValuesUnchanged(segment);
      for (String name : schema.columnNames()) {
        assertThat(segment.dataSource(name).textIndex()).as(name).isNull();
        assertThat(segment.dataSource(name).fstIndex()).as(name).isNull();
      }
    }
  }

  private void assertValuesUnchanged(ImmutableSegment segment) {
    for (String name : schema.columnNames()) {
      assertThat(column(segment, name)).as(name).isEqualTo(original.get(name));
    }
  }

  private static TableConfig plain() {
    return JsonUtils.fromJson(PLAIN_TABLE, TableConfig.class);
  }
}
