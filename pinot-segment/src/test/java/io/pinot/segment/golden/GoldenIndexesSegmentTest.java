// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.golden;

import static io.pinot.segment.testing.SegmentValues.column;
import static io.pinot.segment.testing.SegmentValues.comparable;
import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.common.utils.JsonUtils;
import io.pinot.segment.creator.SegmentCreationResult;
import io.pinot.segment.creator.SegmentCreator;
import io.pinot.segment.creator.SegmentGeneratorConfig;
import io.pinot.segment.format.IndexType;
import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.loader.ImmutableSegment;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.readers.InMemoryRecordReader;
import io.pinot.segment.spi.ColumnPartitionMetadata;
import io.pinot.segment.spi.DataSource;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The golden segment of the psf2 index buffers: a range index over dictionary ids (`age`) and one over raw
/// values with embedded sorted values (`price`), bloom filters (`country`, `user`), null value vectors (column-based
/// null handling), partitions (`age` Modulo, `user` Murmur), and raw forward indexes with every codec: fixed width
/// (`qty` ZSTANDARD, `score` SNAPPY), variable width (`note` SNAPPY, `blob` GZIP, `hexid` LZ4 in the hex layout,
/// `amount` ZSTANDARD) and multi-value (`tags` ZSTANDARD, `codes` LZ4). Rebuilt byte for byte and loaded.
class GoldenIndexesSegmentTest {
  static final String SEGMENT_NAME = "goldenidx_0";

  private static final String SCHEMA = """
      {"schemaName": "goldenidx", "enableColumnBasedNullHandling": true,
       "dimensionFieldSpecs": [
         {"name": "country", "dataType": "STRING"},
         {"name": "age", "dataType": "INT"},
         {"name": "user", "dataType": "LONG", "notNull": true},
         {"name": "note", "dataType": "STRING"},
         {"name": "blob", "dataType": "BYTES"},
         {"name": "hexid", "dataType": "STRING"},
         {"name": "amount", "dataType": "BIG_DECIMAL"},
         {"name": "tags", "dataType": "STRING", "singleValueField": false},
         {"name": "codes", "dataType": "INT", "singleValueField": false}],
       "metricFieldSpecs": [
         {"name": "price", "dataType": "DOUBLE"},
         {"name": "qty", "dataType": "INT"},
         {"name": "score", "dataType": "FLOAT"}]}""";

  private static final String TABLE = """
      {"tableName": "goldenidx", "tableType": "OFFLINE",
       "tableIndexConfig": {
         "invertedIndexColumns": ["country"],
         "rangeIndexColumns": ["age"],
         "bloomFilterColumns": ["user"],
         "noDictionaryColumns": ["price", "qty", "score", "note", "blob", "hexid", "amount", "tags", "codes"],
         "segmentPartitionConfig": {"columnPartitionMap": {
           "age": {"functionName": "Modulo", "numPartitions": 4},
           "user": {"functionName": "Murmur", "numPartitions": 3}}}},
       "fieldConfigList": [
         {"name": "country", "indexes": {"bloom": {"fpp": 0.01}}},
         {"name": "price", "indexes": {"range": {}}},
         {"name": "qty", "compressionCodec": "ZSTANDARD"},
         {"name": "score", "compressionCodec": "SNAPPY"},
         {"name": "note", "compressionCodec": "SNAPPY"},
         {"name": "blob", "compressionCodec": "GZIP"},
         {"name": "hexid", "compressionCodec": "LZ4"},
         {"name": "amount", "compressionCodec": "ZSTANDARD"},
         {"name": "tags", "indexes": {"forward": {"compressionCodec": "ZSTANDARD"}}},
         {"name": "codes", "compressionCodec": "LZ4"}]}""";

  @TempDir
  Path dir;

  @Test
  void rebuildingGivesTheCheckedInBytes() throws IOException, URISyntaxException {
    SegmentCreationResult result = build(dir);
    assertThat(result.segmentName()).isEqualTo(SEGMENT_NAME);
    GoldenSegmentTest.compareWithGolden(result, GoldenSegmentTest.CURRENT + "/" + SEGMENT_NAME);
  }

  @Test
  void theCheckedInSegmentLoads() throws IOException, URISyntaxException {
    Path golden = GoldenSegmentTest.goldenDir(GoldenSegmentTest.CURRENT + "/" + SEGMENT_NAME);
    String indexMap = Files.readString(golden.resolve(SegmentFormat.V3_DIR).resolve(SegmentFormat.INDEX_MAP_FILE),
        StandardCharsets.UTF_8);
    for (IndexType type : List.of(IndexType.RANGE_INDEX, IndexType.BLOOM_FILTER, IndexType.NULL_VALUE_VECTOR)) {
      assertThat(indexMap).contains("." + type.indexName() + ".startOffset");
    }
    try (ImmutableSegment segment = SegmentLoader.load(golden)) {
      assertValues(segment);
    }
  }

  static void assertValues(ImmutableSegment segment) {
    assertThat(column(segment, "country")).containsExactly("US", "DE", "null", "US", "FR", "DE");
    assertThat(column(segment, "age")).containsExactly(30, 41, 30, Integer.MIN_VALUE, 18, 65);
    assertThat(column(segment, "user")).containsExactly(7L, 8L, 9L, 7L, Long.MIN_VALUE, 10L);
    assertThat(column(segment, "note")).containsExactly("hello", "null", "", "\u4e2d\u56fd", "x", "y");
    assertThat(column(segment, "blob")).containsExactly(comparable(new byte[] {1}), comparable(new byte[0]),
        comparable(new byte[] {(byte) 0xFF}), comparable(new byte[] {1, 2}), comparable(new byte[0]),
        comparable(new byte[] {9}));
    assertThat(column(segment, "hexid")).containsExactly("00aa11bb", "00aa11bc", "deadbeef", "00000000",
        "ffffffff", "0123abcd");
    assertThat(column(segment, "amount")).containsExactly(new BigDecimal("1.10"), new BigDecimal("0"),
        new BigDecimal("-3"), new BigDecimal("0"), new BigDecimal("123456789012345678901234567890"),
        new BigDecimal("2.5"));
    assertThat(column(segment, "tags")).containsExactly(List.of("a", "b"), List.of("null"), List.of("c"),
        List.of("a", "a"), List.of("null"), List.of("d", "e", "f"));
    assertThat(column(segment, "codes")).containsExactly(List.of(1, 2), List.of(Integer.MIN_VALUE), List.of(3),
        List.of(4), List.of(5, 6), List.of(7));
    assertThat(column(segment, "price")).containsExactly(9.99, 0.5, 100.0, 0.0, 7.25, 9.99);
    assertThat(column(segment, "qty")).containsExactly(1, 2, 3, 0, 5, 6);
    assertThat(column(segment, "score")).containsExactly(1.5f, -2.0f, 0.0f, 3.25f, 0.0f, 1.5f);
    DataSource age = segment.dataSource("age");
    assertThat(age.rangeIndex().docIdsInIdRange(age.dictionary().indexOf(30), age.dictionary().indexOf(65))
        .toArray()).containsExactly(0, 1, 2);
    DataSource price = segment.dataSource("price");
    assertThat(price.rangeIndex().valueDictionary().length()).isEqualTo(5);
    assertThat(price.rangeIndex().docIdsInIdRange(3, 5).toArray()).containsExactly(0, 2, 5);
    assertThat(segment.dataSource("user").bloomFilter().mightContain(8L)).isTrue();
    assertThat(segment.dataSource("country").bloomFilter().mightContain("FR")).isTrue();
    assertThat(segment.dataSource("country").nullValueVector().nullBitmap().toArray()).containsExactly(2);
    assertThat(segment.dataSource("age").nullValueVector().nullBitmap().toArray()).containsExactly(3);
    assertThat(segment.dataSource("tags").nullValueVector().nullBitmap().toArray()).containsExactly(1, 4);
    assertThat(segment.dataSource("user").nullValueVector()).isNull();
    ColumnPartitionMetadata agePartitions = age.metadata().partitionMetadata();
    assertThat(agePartitions.functionName()).isEqualTo("Modulo");
    assertThat(agePartitions.partitions()).containsExactly(0, 1, 2);
    ColumnPartitionMetadata userPartitions = segment.dataSource("user").metadata().partitionMetadata();
    assertThat(userPartitions.functionName()).isEqualTo("Murmur");
    assertThat(userPartitions.numPartitions()).isEqualTo(3);
  }

  static SegmentCreationResult build(Path outputDir) throws IOException {
    Schema schema = JsonUtils.fromJson(SCHEMA, Schema.class);
    TableConfig table = JsonUtils.fromJson(TABLE, TableConfig.class);
    List<Map<String, Object>> rows = List.of(
        row("US", 30, 7L, "hello", new byte[] {1}, "00aa11bb", "1.10", List.of("a", "b"), List.of(1, 2), 9.99, 1,
            1.5f),
        row("DE", 41, 8L, null, new byte[0], "00aa11bc", "0", null, List.of(Integer.MIN_VALUE), 0.5, 2, -2.0f),
        row(null, 30, 9L, "", new byte[] {(byte) 0xFF}, "deadbeef", "-3", List.of("c"), List.of(3), 100.0, 3,
            -0.0f),
        row("US", null, 7L, "\u4e2d\u56fd", new byte[] {1, 2}, "00000000", null, List.of("a", "a"), List.of(4),
            null, null, 3.25f),
        row("FR", 18, null, "x", null, "ffffffff", "123456789012345678901234567890", List.of(), List.of(5, 6), 7.25,
            5, null),
        row("DE", 65, 10L, "y", new byte[] {9}, "0123abcd", "2.5", List.of("d", "e", "f"), List.of(7), 9.99, 6,
            1.5f));
    SegmentGeneratorConfig config = SegmentGeneratorConfig.builder().schema(schema).tableConfig(table)
        .outputDir(outputDir).sequenceId(0).creationTime(1_700_000_000_000L).build();
    return SegmentCreator.create(config, new InMemoryRecordReader(rows));
  }

  private static final List<String> COLUMNS = List.of("country", "age", "user", "note", "blob", "hexid", "amount",
      "tags", "codes", "price", "qty", "score");

  private static Map<String, Object> row(Object... values) {
    Map<String, Object> row = new HashMap<>();
    for (int i = 0; i < values.length; i++) {
      row.put(COLUMNS.get(i), values[i] instanceof List<?> list ? list.toArray() : values[i]);
    }
    return row;
  }

  @Test
  void builtValuesMatchAsWell() throws IOException {
    try (ImmutableSegment segment = SegmentLoader.load(build(dir).segmentDir())) {
      assertValues(segment);
      assertThat(Arrays.asList(segment.columnNames().toArray())).containsExactlyElementsOf(COLUMNS);
    }
  }
}
