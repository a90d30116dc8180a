// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.text;

import static io.pinot.segment.testing.SegmentValues.column;
import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.utils.JsonUtils;
import io.pinot.segment.creator.SegmentCreator;
import io.pinot.segment.creator.SegmentGeneratorConfig;
import io.pinot.segment.loader.ImmutableSegment;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.readers.InMemoryRecordReader;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.Dictionary;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// Segments built with text and FST indexes from Pinot's table config forms (`indexType`, `indexTypes`, `indexes`,
/// `properties`): every kind of STRING column gets the index it asks for, the loaded indexes answer like a scan of
/// the stored values (nulls and empty multi-value rows hold the default value `null`), and columns that cannot have
/// the index (INT, raw FST) are built without it.
class TextFstSegmentTest {
  static final String SCHEMA = """
      {"schemaName": "docs", "enableColumnBasedNullHandling": true,
       "dimensionFieldSpecs": [
         {"name": "body", "dataType": "STRING"},
         {"name": "rawBody", "dataType": "STRING"},
         {"name": "tags", "dataType": "STRING", "singleValueField": false},
         {"name": "name", "dataType": "STRING"},
         {"name": "rawName", "dataType": "STRING"},
         {"name": "num", "dataType": "INT"}]}""";
  static final String TABLE = """
      {"tableName": "docs", "tableType": "OFFLINE",
       "tableIndexConfig": {"noDictionaryColumns": ["rawName"]},
       "fieldConfigList": [
         {"name": "body", "encodingType": "DICTIONARY", "indexTypes": ["TEXT", "FST"],
          "properties": {"stopWordExclude": "the", "luceneUseCompoundFile": "false"}},
         {"name": "rawBody", "encodingType": "RAW", "indexes": {"text": {"caseSensitive": true}}},
         {"name": "tags", "indexType": "TEXT", "indexes": {"fst": {}}},
         {"name": "name", "indexes": {"fst": {}}},
         {"name": "rawName", "indexTypes": ["FST"]},
         {"name": "num", "indexTypes": ["TEXT", "FST"]}]}""";
  private static final String[] WORDS = {"apache", "pinot", "lucene", "the", "Kafka", "search", "olap", "wine",
      "grape", "Red"};

  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 3000})
  void indexesAnswerLikeAScan(int numDocs) throws IOException {
    try (ImmutableSegment segment = build(dir, rows(numDocs))) {
      assertThat(segment.numDocs()).isEqualTo(numDocs);
      for (String column : List.of("body", "rawBody", "tags")) {
        assertThat(segment.dataSource(column).textIndex()).as(column).isNotNull();
      }
      for (String column : List.of("body", "tags", "name")) {
        assertThat(segment.dataSource(column).fstIndex()).as(column).isNotNull();
      }
      assertThat(segment.dataSource("name").textIndex()).isNull();
      assertThat(segment.dataSource("rawName").fstIndex()).isNull();
      assertThat(segment.dataSource("num").textIndex()).isNull();
      assertThat(segment.dataSource("num").fstIndex()).isNull();
      for (String word : List.of("pinot", "the", "null", "kafka", "red", "missing")) {
        assertTextMatches(segment, "body", word, false);
        assertTextMatches(segment, "tags", word, false);
      }
      for (String word : List.of("Kafka", "kafka", "Red", "null")) {
        assertTextMatches(segment, "rawBody", word, true);
      }
      for (String regex : List.of("^n", "e$", "[0-9]{2}", "^null$", "")) {
        assertFstMatches(segment, "name", regex);
        assertFstMatches(segment, "tags", regex);
      }
    }
  }

  @Test
  void propertiesConfigureTheIndex() throws IOException {
    try (ImmutableSegment segment = build(dir, rows(10))) {
      LuceneTextIndexReader body = (LuceneTextIndexReader) segment.dataSource("body").textIndex();
      assertThat(body.settings().stopWords()).doesNotContain("the").contains("and");
      assertThat(body.settings().caseSensitive()).isFalse();
      assertThat(((LuceneTextIndexReader) segment.dataSource("rawBody").textIndex()).settings().caseSensitive())
          .isTrue();
    }
  }

  static ImmutableSegment build(Path outputDir, List<Map<String, Object>> rows) throws IOException {
    return build(outputDir, rows, JsonUtils.fromJson(TABLE, TableConfig.class));
  }

  static ImmutableSegment build(Path outputDir, List<Map<String, Object>> rows, TableConfig table)
      throws IOException {
    SegmentGeneratorConfig config = SegmentGeneratorConfig.builder().schema(JsonUtils.fromJson(SCHEMA, Schema.class))
        .tableConfig(table).outputDir(outputDir).sequenceId(0).build();
    return SegmentLoader.load(SegmentCreator.create(config, new InMemoryRecordReader(rows)).segmentDir());
  }

  /// Rows of random words; every 10th value is null and every 7th multi-value row is empty.
  static List<Map<String, Object>> rows(int numDocs) {
    Random random = new Random(numDocs);
    List<Map<String, Object>> rows = new ArrayList<>(numDocs);
    for (int doc = 0; doc < numDocs; doc++) {
      Map<String, Object> row = new HashMap<>();
      row.put("body", doc % 10 == 3 ? null : sentence(random));
      row.put("rawBody", sentence(random));
      Object[] tags = new Object[doc % 7 == 0 ? 0 : 1 + random.nextInt(3)];
      for (int i = 0; i < tags.length; i++) {
        tags[i] = sentence(random);
      }
      row.put("tags", tags);
      row.put("name", "n" + random.nextInt(200) + WORDS[random.nextInt(WORDS.length)]);
      row.put("rawName", "r" + doc);
      row.put("num", doc);
      rows.add(row);
    }
    return rows;
  }

  private static String sentence(Random random) {
    StringBuilder sentence = new StringBuilder();
    int words = 1 + random.nextInt(4);
    for (int i = 0; i < words; i++) {
      sentence.append(i == 0 ? "" : random.nextBoolean() ? " " : ", ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return sentence.toString();
  }

  /// The text index finds exactly the documents one of whose values holds the word (by case-folded comparison
  /// unless case-sensitive), and none for a stop word.
  static void assertTextMatches(ImmutableSegment segment, String column, String word, boolean caseSensitive) {
    List<Object> values = column(segment, column);
    List<Integer> expected = new ArrayList<>();
    TextIndexSettings settings = ((LuceneTextIndexReader) segment.dataSource(column).textIndex()).settings();
    boolean stopWord = settings.stopWords().contains(caseSensitive ? word : word.toLowerCase(Locale.ROOT));
    for (int doc = 0; doc < values.size() && !stopWord; doc++) {
      List<?> docValues = values.get(doc) instanceof List<?> list ? list : List.of(values.get(doc));
      for (Object value : docValues) {
        if (hasWord(value.toString(), word, caseSensitive)) {
          expected.add(doc);
          break;
        }
      }
    }
    int[] actual = segment.dataSource(column).textIndex().docIds(word, null).toArray();
    assertThat(Arrays.stream(actual).boxed().toList()).as("%s:%s", column, word).isEqualTo(expected);
  }

  private static boolean hasWord(String value, String word, boolean caseSensitive) {
    for (String token : value.split("[^\\p{L}\\p{N}]+")) {
      if (caseSensitive ? token.equals(word) : token.toLowerCase(Locale.ROOT).equals(word.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  static void assertFstMatches(ImmutableSegment segment, String column, String regex) {
    DataSource source = segment.dataSource(column);
    Dictionary dictionary = source.dictionary();
    Pattern pattern = Pattern.compile(regex);
    List<Integer> expected = new ArrayList<>();
    for (int dictId = 0; dictId < dictionary.length(); dictId++) {
      if (pattern.matcher(dictionary.getStringValue(dictId)).find()) {
        expected.add(dictId);
      }
    }
    int[] actual = source.fstIndex().regexpLikeDictIds(regex);
    assertThat(Arrays.stream(actual).boxed().toList()).as("%s:%s", column, regex).isEqualTo(expected);
  }
}
