// SPDX-License-Identifier: Apache-2.0
package io.pinot.controller.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.metadata.SegmentZkMetadata;
import io.pinot.common.utils.JsonUtils;
import io.pinot.segment.creator.SegmentCreator;
import io.pinot.segment.creator.SegmentGeneratorConfig;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.readers.InMemoryRecordReader;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The ZooKeeper record of a segment with a partitioned column carries Pinot's `segment.partition.metadata`.
class PartitionMetadataTest {
  private static final Schema SCHEMA = JsonUtils.fromJson("""
      {"schemaName": "t", "dimensionFieldSpecs": [{"name": "member", "dataType": "INT"},
       {"name": "city", "dataType": "STRING"}]}""", Schema.class);

  @Test
  void recordsThePartitionsOfPartitionedColumnsOnly(@TempDir Path dir) throws IOException {
    TableConfig table = JsonUtils.fromJson("""
        {"tableName": "t", "tableType": "OFFLINE", "tableIndexConfig": {"segmentPartitionConfig":
         {"columnPartitionMap": {"member": {"functionName": "Modulo", "numPartitions": 8}}}}}""", TableConfig.class);
    List<Map<String, Object>> rows = new ArrayList<>();
    TreeSet<Integer> expected = new TreeSet<>();
    for (int member : new int[] {3, 11, 19, 5, 21}) {
      rows.add(Map.of("member", member, "city", "c" + member));
      expected.add(member % 8);
    }
    Path segmentDir = SegmentCreator.create(SegmentGeneratorConfig.builder().tableConfig(table).schema(SCHEMA)
        .outputDir(dir).sequenceId(0).build(), new InMemoryRecordReader(rows)).segmentDir();

    Map<String, String> fields = SegmentManager.partitionFields(SegmentLoader.readMetadata(segmentDir));

    JsonNode member = JsonUtils.parse(fields.get(SegmentZkMetadata.PARTITION_METADATA)).get("columnPartitionMap")
        .get("member");
    assertThat(member.get("functionName").asText()).isEqualTo("Modulo");
    assertThat(member.get("numPartitions").asInt()).isEqualTo(8);
    List<Integer> partitions = new ArrayList<>();
    member.get("partitions").forEach(node -> partitions.add(node.asInt()));
    assertThat(partitions).containsExactlyElementsOf(expected);
    assertThat(JsonUtils.parse(fields.get(SegmentZkMetadata.PARTITION_METADATA)).get("columnPartitionMap").has("city"))
        .isFalse();
  }

  @Test
  void unpartitionedSegmentsHaveNoPartitionField(@TempDir Path dir) throws IOException {
    TableConfig table = JsonUtils.fromJson("{\"tableName\": \"t\", \"tableType\": \"OFFLINE\"}", TableConfig.class);
    Path segmentDir = SegmentCreator.create(SegmentGeneratorConfig.builder().tableConfig(table).schema(SCHEMA)
        .outputDir(dir).sequenceId(0).build(), new InMemoryRecordReader(List.of(Map.of("member", 1, "city", "x"))))
        .segmentDir();
    assertThat(SegmentManager.partitionFields(SegmentLoader.readMetadata(segmentDir))).isEmpty();
  }
}
