// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.creator;

import static io.pinot.segment.testing.SegmentValues.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.segment.loader.ImmutableSegment;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.readers.InMemoryRecordReader;
import io.pinot.segment.testing.TestSchemas;
import io.pinot.spi.data.DataType;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.FieldType;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.GenericRow;
import io.pinot.spi.data.readers.RecordReadException;
import io.pinot.spi.data.readers.RecordReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentCreatorErrorTest {
  private static final Schema SCHEMA = Schema.of("t", List.of(FieldSpec.of("name", DataType.STRING,
      FieldType.DIMENSION), FieldSpec.multiValue("tags", DataType.STRING)),
      List.of(FieldSpec.of("age", DataType.INT, FieldType.METRIC)), List.of());
  private static final List<Map<String, Object>> ROWS = List.of(
      Map.of("name", "a", "tags", List.of("x", "y"), "age", 1),
      Map.of("name", "zzz", "tags", List.of("only-in-bad-row"), "age", "old"),
      Map.of("name", "c", "tags", List.of("y"), "age", "3"));

  @TempDir
  Path dir;

  @Test
  void badValueFailsNamingThePositionAndColumnAndLeavesNothingBehind() throws IOException {
    assertThatThrownBy(() -> create(ROWS, false)).isInstanceOf(RecordReadException.class)
        .hasMessageStartingWith("record 2: Column[age]: ")
        .hasMessageContaining("old")
        .satisfies(e -> assertThat(((RecordReadException) e).position()).isEqualTo("record 2"));
    assertThat(listOutput()).isEmpty();
  }

  @Test
  void continueOnErrorSkipsCountsAndRollsBackEveryColumn() throws IOException {
    SegmentCreationResult result = create(ROWS, true);
    assertThat(result.numDocs()).isEqualTo(2);
    assertThat(result.numSkippedRecords()).isEqualTo(1);
    assertThat(result.skippedSamples()).hasSize(1);
    assertThat(result.skippedSamples().get(0)).startsWith("record 2: Column[age]: ");
    try (ImmutableSegment segment = SegmentLoader.load(result.segmentDir())) {
      assertThat(column(segment, "name")).containsExactly("a", "c");
      assertThat(column(segment, "tags")).containsExactly(List.of("x", "y"), List.of("y"));
      assertThat(column(segment, "age")).containsExactly(1, 3);
      // Values of the rejected record are not in any dictionary or statistic.
      assertThat(segment.dataSource("name").dictionary().length()).isEqualTo(2);
      assertThat(segment.metadata().columns().get("name").maxValue()).isEqualTo("c");
      assertThat(segment.dataSource("tags").dictionary().indexOf("only-in-bad-row")).isEqualTo(-1);
      assertThat(segment.metadata().columns().get("tags").totalNumberOfEntries()).isEqualTo(3);
    }
  }

  @Test
  void onlyTheFirstTenSkippedRecordsAreSampled() throws IOException {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      rows.add(Map.of("name", "n" + i, "age", i % 2 == 0 ? "bad" + i : i));
    }
    SegmentCreationResult result = create(rows, true);
    assertThat(result.numDocs()).isEqualTo(12);
    assertThat(result.numSkippedRecords()).isEqualTo(13);
    assertThat(result.skippedSamples()).hasSize(SegmentCreator.MAX_SAMPLES);
    assertThat(result.skippedSamples().get(0)).startsWith("record 1: ");
    assertThat(result.skippedSamples().get(9)).startsWith("record 19: ");
  }

  @Test
  void readerErrorsAreSkippedOrPropagated() throws IOException {
    RecordReader failing = new FailingReader();
    SegmentGeneratorConfig lenient = config(true);
    SegmentCreationResult result = SegmentCreator.create(lenient, failing);
    assertThat(result.numDocs()).isEqualTo(2);
    assertThat(result.skippedSamples()).containsExactly("line 2: broken line");
    assertThatThrownBy(() -> SegmentCreator.create(config(false), new FailingReader()))
        .isInstanceOf(RecordReadException.class).hasMessage("line 2: broken line");
  }

  @Test
  void failureWhileWritingRemovesTheTemporaryDirectory() throws IOException {
    SegmentGeneratorConfig config = SegmentGeneratorConfig.builder().schema(SCHEMA)
        .tableConfig(TestSchemas.table("t", null, null, null, null)).outputDir(dir.resolve("out"))
        .segmentNameGenerator((sequenceId, min, max) -> {
          throw new IllegalArgumentException("no name for you");
        }).build();
    assertThatThrownBy(() -> SegmentCreator.create(config, new InMemoryRecordReader(ROWS.subList(0, 1))))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("no name for you");
    assertThat(listOutput()).isEmpty();
  }

  @Test
  void rebuildingReplacesAnExistingSegment() throws IOException {
    SegmentCreationResult first = create(ROWS.subList(0, 1), false);
    SegmentCreationResult second = create(List.of(ROWS.get(2), ROWS.get(0)), false);
    assertThat(second.segmentDir()).isEqualTo(first.segmentDir());
    assertThat(listOutput()).containsExactly(first.segmentDir().getFileName().toString());
    try (ImmutableSegment segment = SegmentLoader.load(second.segmentDir())) {
      assertThat(column(segment, "name")).containsExactly("c", "a");
    }
  }

  private SegmentCreationResult create(List<Map<String, Object>> rows, boolean continueOnError) throws IOException {
    return SegmentCreator.create(config(continueOnError), new InMemoryRecordReader(rows));
  }

  private SegmentGeneratorConfig config(boolean continueOnError) {
    return SegmentGeneratorConfig.builder().schema(SCHEMA).tableConfig(TestSchemas.table("t", null, null, null, null))
        .outputDir(dir.resolve("out")).continueOnError(continueOnError).build();
  }

  private List<String> listOutput() throws IOException {
    Path out = dir.resolve("out");
    if (!Files.exists(out)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(out)) {
      return files.map(path -> path.getFileName().toString()).toList();
    }
  }

  /// Three records; the second cannot be read.
  private static final class FailingReader implements RecordReader {
    private int next;

    @Override
    public boolean hasNext() {
      return next < 3;
    }

    @Override
    public GenericRow next(GenericRow reuse) {
      next++;
      if (next == 2) {
        throw new RecordReadException("line 2", "broken line");
      }
      reuse.clear();
      reuse.putValue("name", "n" + next);
      return reuse;
    }

    @Override
    public void rewind() {
      next = 0;
    }

    @Override
    public String position() {
      return "line " + next;
    }

    @Override
    public void close() {
    }
  }
}
