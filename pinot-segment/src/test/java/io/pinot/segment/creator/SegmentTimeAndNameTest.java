// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.segment.creator.name.SegmentNameGenerators;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.readers.InMemoryRecordReader;
import io.pinot.segment.spi.SegmentMetadata;
import io.pinot.segment.testing.TestSchemas;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.FieldType;
import io.pinot.spi.data.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentTimeAndNameTest {
  @TempDir
  Path dir;

  @Test
  void epochMillisTimeColumnGivesTheRangeAndTheSimpleName() throws IOException {
    SegmentCreationResult result = build("1:MILLISECONDS:EPOCH", DataType.LONG, List.of(300L, 100L, 200L), 7, null);
    assertThat(result.segmentName()).isEqualTo("t_100_300_7");
    SegmentMetadata metadata = SegmentLoader.readMetadata(result.segmentDir());
    assertThat(metadata.timeColumn()).isEqualTo("ts");
    assertThat(metadata.startTime()).isEqualTo(100);
    assertThat(metadata.endTime()).isEqualTo(300);
    assertThat(metadata.timeUnit()).isEqualTo(TimeUnit.MILLISECONDS);
    assertThat(metadata.tableName()).isEqualTo("t");
    assertThat(metadata.creationTime()).isEqualTo(42L);
  }

  @Test
  void epochSizeMultipliesTheRecordedRange() throws IOException {
    SegmentCreationResult result = build("5:MINUTES:EPOCH", DataType.INT, List.of(10, 12), -1, null);
    assertThat(result.segmentName()).isEqualTo("t_10_12");
    SegmentMetadata metadata = SegmentLoader.readMetadata(result.segmentDir());
    assertThat(metadata.startTime()).isEqualTo(50);
    assertThat(metadata.endTime()).isEqualTo(60);
    assertThat(metadata.timeUnit()).isEqualTo(TimeUnit.MINUTES);
  }

  @Test
  void simpleDateFormatTimeIsRecordedInMillisAndNormalizedInNames() throws IOException {
    TableConfig table = TestSchemas.table("t", "ts", null, null, null);
    Schema schema = schema("1:DAYS:SIMPLE_DATE_FORMAT:yyyy-MM-dd", DataType.STRING);
    SegmentCreationResult result = build("1:DAYS:SIMPLE_DATE_FORMAT:yyyy-MM-dd", DataType.STRING,
        List.of("2024-01-03", "2024-01-01"), 0, SegmentNameGenerators.create("normalizedDate", Map.of(), "t", table,
            schema));
    assertThat(result.segmentName()).isEqualTo("t_2024-01-01_2024-01-03_0");
    SegmentMetadata metadata = SegmentLoader.readMetadata(result.segmentDir());
    assertThat(metadata.startTime()).isEqualTo(1704067200000L);
    assertThat(metadata.endTime()).isEqualTo(1704067200000L + 2 * 86_400_000L);
    assertThat(metadata.timeUnit()).isEqualTo(TimeUnit.MILLISECONDS);
  }

  private SegmentCreationResult build(String format, DataType type, List<Object> times, int sequenceId,
      io.pinot.segment.creator.name.SegmentNameGenerator generator) throws IOException {
    Schema schema = schema(format, type);
    List<Map<String, Object>> rows = times.stream().map(time -> Map.<String, Object>of("ts", time, "v", 1)).toList();
    SegmentGeneratorConfig.Builder builder = SegmentGeneratorConfig.builder().schema(schema)
        .tableConfig(TestSchemas.table("t", "ts", null, null, null)).outputDir(Files.createTempDirectory(dir, "o"))
        .sequenceId(sequenceId).creationTime(42L);
    if (generator != null) {
      builder.segmentNameGenerator(generator);
    }
    return SegmentCreator.create(builder.build(), new InMemoryRecordReader(rows));
  }

  private static Schema schema(String format, DataType type) {
    return Schema.of("t", List.of(FieldSpec.of("v", DataType.INT, FieldType.DIMENSION)), List.of(),
        List.of(FieldSpec.dateTime("ts", type, format, "1:DAYS")));
  }
}
