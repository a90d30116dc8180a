// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.segment.creator.SegmentCreationResult;
import io.pinot.segment.creator.SegmentCreator;
import io.pinot.segment.creator.SegmentGeneratorConfig;
import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.readers.InMemoryRecordReader;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.SegmentMetadata;
import io.pinot.segment.testing.TestSchemas;
import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.FieldType;
import io.pinot.spi.data.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentLoaderTest {
  @TempDir
  Path dir;

  private Path segmentDir;

  @BeforeEach
  void build() throws IOException {
    Schema schema = Schema.of("t", List.of(FieldSpec.of("s", DataType.STRING, FieldType.DIMENSION)),
        List.of(FieldSpec.of("m", DataType.LONG, FieldType.METRIC)), List.of());
    SegmentCreationResult result = SegmentCreator.create(SegmentGeneratorConfig.builder().schema(schema)
        .tableConfig(TestSchemas.table("t", null, List.of("s"), null, null)).outputDir(dir).sequenceId(1)
        .creationTime(1000L).build(), new InMemoryRecordReader(List.of(Map.of("s", "b", "m", 2L),
            Map.of("s", "a", "m", 1L))));
    segmentDir = result.segmentDir();
  }

  @Test
  void loadsColumnsInSchemaOrderAndClosesIdempotently() throws IOException {
    ImmutableSegment segment = SegmentLoader.load(segmentDir);
    assertThat(segment.segmentName()).isEqualTo("t_1");
    assertThat(segment.numDocs()).isEqualTo(2);
    assertThat(segment.columnNames()).containsExactly("s", "m");
    assertThat(segment.dataSource("nope")).isNull();
    DataSource source = segment.dataSource("s");
    assertThat(source.dictionary().getStringValue(0)).isEqualTo("a");
    assertThat(source.invertedIndex().docIds(0).toArray()).containsExactly(1);
    segment.close();
    segment.close();
    assertThat(segment.isClosed()).isTrue();
    assertThatThrownBy(() -> source.dictionary().getStringValue(0)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void readsMetadataWithoutMappingAndFromTheV3Directory() throws IOException {
    SegmentMetadata metadata = SegmentLoader.readMetadata(segmentDir);
    assertThat(metadata.segmentName()).isEqualTo("t_1");
    assertThat(metadata.formatVersion()).isEqualTo(SegmentFormat.FORMAT_VERSION);
    assertThat(metadata.creationTime()).isEqualTo(1000L);
    assertThat(metadata.crc()).isNotZero();
    assertThat(metadata.columns().get("m").maxValue()).isEqualTo(2L);
    try (ImmutableSegment segment = SegmentLoader.load(segmentDir.resolve("v3"))) {
      assertThat(segment.metadata()).isEqualTo(metadata);
    }
  }

  @Test
  void rejectsUnknownVersionsAndCorruptFiles() throws IOException {
    Path v3 = segmentDir.resolve("v3");
    Path metadataFile = v3.resolve(SegmentFormat.METADATA_FILE);
    String original = Files.readString(metadataFile, StandardCharsets.UTF_8);
    Files.writeString(metadataFile, original.replace("segment.index.version = psf2", "segment.index.version = v3"));
    assertThatThrownBy(() -> SegmentLoader.load(segmentDir)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("format version v3");
    Files.writeString(metadataFile, original);

    byte[] data = Files.readAllBytes(v3.resolve(SegmentFormat.DATA_FILE));
    byte[] corrupt = data.clone();
    corrupt[0] = 'X';
    Files.write(v3.resolve(SegmentFormat.DATA_FILE), corrupt);
    assertThatThrownBy(() -> SegmentLoader.load(segmentDir)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("magic");
    Files.write(v3.resolve(SegmentFormat.DATA_FILE), java.util.Arrays.copyOf(data, data.length - 8));
    assertThatThrownBy(() -> SegmentLoader.load(segmentDir)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("runs past");
    assertThatThrownBy(() -> SegmentLoader.load(dir.resolve("missing"))).isInstanceOf(NoSuchFileException.class);
  }
}
