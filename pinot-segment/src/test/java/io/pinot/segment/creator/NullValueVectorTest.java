// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator;

import static io.pinot.segment.testing.SegmentValues.column;
import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.segment.loader.ImmutableSegment;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.readers.InMemoryRecordReader;
import io.pinot.spi.config.table.IndexingConfig;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.config.table.TableType;
import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.FieldType;
import io.pinot.spi.data.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NullValueVectorTest {
  private static final Schema SCHEMA = Schema.of("t", List.of(FieldSpec.of("n", DataType.INT, FieldType.DIMENSION),
      FieldSpec.multiValue("tags", DataType.STRING), FieldSpec.of("k", DataType.INT, FieldType.DIMENSION)), List.of(),
      List.of());

  @TempDir
  Path dir;

  @Test
  void tableLevelNullHandlingRecordsNullsAndRollsBackSkippedRecords() throws IOException {
    IndexingConfig indexing = new IndexingConfig(null, null, null, null, null, null, null, null, null, null, null,
        null, true, Map.of());
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(row(1, new Object[] {"a"}));
    rows.add(row(null, null));
    // Rejected at 'k', after its nulls were recorded for 'n' and 'tags': both must forget them.
    Map<String, Object> rejected = row(null, null);
    rejected.put("k", "not a number");
    rows.add(rejected);
    rows.add(row("x", new Object[0]));
    rows.add(row(4, new Object[] {null, "b"}));
    rows.add(row(null, new Object[] {"c"}));
    SegmentGeneratorConfig config = SegmentGeneratorConfig.builder().schema(SCHEMA).outputDir(dir).sequenceId(0)
        .tableConfig(TableConfig.of("t", TableType.OFFLINE, null, indexing)).continueOnError(true).build();
    SegmentCreationResult result = SegmentCreator.create(config, new InMemoryRecordReader(rows));
    assertThat(result.numSkippedRecords()).isEqualTo(2);
    try (ImmutableSegment segment = SegmentLoader.load(result.segmentDir())) {
      assertThat(column(segment, "n")).containsExactly(1, Integer.MIN_VALUE, 4, Integer.MIN_VALUE);
      assertThat(segment.dataSource("n").nullValueVector().nullBitmap().toArray()).containsExactly(1, 3);
      assertThat(column(segment, "tags")).containsExactly(List.of("a"), List.of("null"), List.of("null", "b"),
          List.of("c"));
      assertThat(segment.dataSource("tags").nullValueVector().nullBitmap().toArray()).containsExactly(1);
      assertThat(segment.dataSource("tags").nullValueVector().isNull(1)).isTrue();
      assertThat(segment.dataSource("tags").nullValueVector().isNull(2)).isFalse();
    }
  }

  @Test
  void withoutNullHandlingNoVectorIsWritten() throws IOException {
    SegmentGeneratorConfig config = SegmentGeneratorConfig.builder().schema(SCHEMA).outputDir(dir).sequenceId(0)
        .tableConfig(TableConfig.of("t", TableType.OFFLINE, null, IndexingConfig.empty())).build();
    SegmentCreationResult result = SegmentCreator.create(config, new InMemoryRecordReader(List.of(row(null, null))));
    try (ImmutableSegment segment = SegmentLoader.load(result.segmentDir())) {
      assertThat(segment.dataSource("n").nullValueVector()).isNull();
      assertThat(Arrays.asList(column(segment, "n").toArray())).containsExactly(Integer.MIN_VALUE);
    }
  }

  private static Map<String, Object> row(Object n, Object[] tags) {
    Map<String, Object> row = new HashMap<>();
    row.put("n", n);
    row.put("tags", tags);
    return row;
  }
}
