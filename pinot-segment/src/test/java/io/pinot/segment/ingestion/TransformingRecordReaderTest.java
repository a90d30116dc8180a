// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.common.utils.JsonUtils;
import io.pinot.segment.creator.SegmentCreationResult;
import io.pinot.segment.creator.SegmentCreator;
import io.pinot.segment.creator.SegmentGeneratorConfig;
import io.pinot.segment.readers.InMemoryRecordReader;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.GenericRow;
import io.pinot.spi.data.readers.RecordReadException;
import io.pinot.spi.data.readers.RecordReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransformingRecordReaderTest {
  private static final Schema SCHEMA = JsonUtils.fromJson("""
      {"schemaName": "events",
       "dimensionFieldSpecs": [{"name": "name", "dataType": "STRING"}, {"name": "fullName", "dataType": "STRING"},
         {"name": "shout", "dataType": "STRING"}, {"name": "tags", "dataType": "STRING", "singleValueField": false}],
       "metricFieldSpecs": [{"name": "clicks", "dataType": "INT"}],
       "dateTimeFieldSpecs": [{"name": "hoursSinceEpoch", "dataType": "LONG", "format": "1:HOURS:EPOCH",
         "granularity": "1:HOURS"}]}
      """, Schema.class);

  @TempDir
  Path dir;

  private static TableConfig table(String ingestionConfig) {
    return JsonUtils.fromJson("""
        {"tableName": "events", "tableType": "OFFLINE",
         "segmentsConfig": {"timeColumnName": "hoursSinceEpoch"}, "ingestionConfig": %s}
        """.formatted(ingestionConfig), TableConfig.class);
  }

  private static final String TRANSFORMS = """
      {"transformConfigs": [
         {"columnName": "shout", "transformFunction": "upper(fullName)"},
         {"columnName": "fullName", "transformFunction": "concat(first, last, ' ')"},
         {"columnName": "hoursSinceEpoch", "transformFunction": "toEpochHours(timestampMillis)"}],
       "filterConfig": {"filterFunction": "clicks < 0"}}
      """;

  private static Map<String, Object> record(String first, Object clicks, long millis) {
    Map<String, Object> record = new java.util.LinkedHashMap<>();
    record.put("first", first);
    record.put("last", "Doe");
    record.put("clicks", clicks);
    record.put("timestampMillis", millis);
    record.put("tags", List.of("a", "b"));
    return record;
  }

  private static List<GenericRow> readAll(RecordReader reader) throws IOException {
    List<GenericRow> rows = new ArrayList<>();
    while (reader.hasNext()) {
      GenericRow row = new GenericRow();
      rows.add(reader.next(row));
    }
    return rows;
  }

  @Test
  void transformsChainFiltersCountAndRowsConformToTheSchema() throws IOException {
    IngestionPipeline pipeline = IngestionPipeline.create(table(TRANSFORMS), SCHEMA);
    try (TransformingRecordReader reader = pipeline.wrap(new InMemoryRecordReader(List.of(
        record("Ann", 3, 7_200_000L), record("Bob", -1, 0L), record("Cy", "5", 3_600_000L))))) {
      List<GenericRow> rows = readAll(reader);
      assertThat(rows).hasSize(2);
      GenericRow first = rows.getFirst();
      assertThat(first.fields().keySet()).containsExactly("name", "fullName", "shout", "tags", "clicks",
          "hoursSinceEpoch");
      assertThat(first.getValue("fullName")).isEqualTo("Ann Doe");
      assertThat(first.getValue("shout")).isEqualTo("ANN DOE");
      assertThat(first.getValue("hoursSinceEpoch")).isEqualTo(2L);
      assertThat((Object[]) first.getValue("tags")).containsExactly("a", "b");
      assertThat(rows.get(1).getValue("clicks")).isEqualTo(5);
      IngestionStats stats = reader.stats();
      assertThat(stats.numInputRecords()).isEqualTo(3);
      assertThat(stats.numOutputRows()).isEqualTo(2);
      assertThat(stats.numFilteredRows()).isEqualTo(1);
      assertThat(stats.numErrorRows()).isZero();
      assertThat(stats.minTimeMillis()).isEqualTo(3_600_000L);
      assertThat(stats.maxTimeMillis()).isEqualTo(7_200_000L);
      reader.rewind();
      assertThat(reader.stats().numInputRecords()).isZero();
      assertThat(readAll(reader)).hasSize(2);
    }
  }

  @Test
  void transformsOnlyFillMissingValues() throws IOException {
    Map<String, Object> given = record("Ann", 1, 0L);
    given.put("fullName", "Given Name");
    try (TransformingRecordReader reader = IngestionPipeline.create(table(TRANSFORMS), SCHEMA)
        .wrap(new InMemoryRecordReader(List.of(given)))) {
      assertThat(reader.next(new GenericRow()).getValue("fullName")).isEqualTo("Given Name");
    }
  }

  @Test
  void badRowsFailWithTheirPositionOrAreSkippedAndCountedByTheCreator() throws IOException {
    List<Map<String, Object>> records = List.of(record("Ann", 1, 0L), record("Bob", "many", 0L),
        record("Cy", 2, 0L), record("Dee", -4, 0L));
    IngestionPipeline pipeline = IngestionPipeline.create(table(TRANSFORMS), SCHEMA);
    try (TransformingRecordReader reader = pipeline.wrap(new InMemoryRecordReader(records))) {
      GenericRow row = new GenericRow();
      reader.next(row);
      assertThatThrownBy(() -> reader.next(row)).isInstanceOf(RecordReadException.class)
          .hasMessageStartingWith("record 2: Column[clicks]").hasMessageContaining("'many'");
      assertThat(reader.next(row).getValue("fullName")).isEqualTo("Cy Doe");
      assertThat(reader.hasNext()).isFalse();
      assertThat(reader.stats().numErrorRows()).isEqualTo(1);
      assertThat(reader.stats().numFilteredRows()).isEqualTo(1);
    }
    SegmentGeneratorConfig config = SegmentGeneratorConfig.builder().tableConfig(table(TRANSFORMS)).schema(SCHEMA)
        .outputDir(dir).continueOnError(true).build();
    try (TransformingRecordReader reader = pipeline.wrap(new InMemoryRecordReader(records))) {
      SegmentCreationResult result = SegmentCreator.create(config, reader);
      assertThat(result.numDocs()).isEqualTo(2);
      assertThat(result.numSkippedRecords()).isEqualTo(1);
      assertThat(result.skippedSamples()).singleElement().asString().contains("record 2");
      assertThat(reader.stats().numFilteredRows()).isEqualTo(1);
    }
  }

  @Test
  void streamReadersKeepRowsWithUnconvertibleValuesAsIncompleteUnderContinueOnError() throws IOException {
    List<Map<String, Object>> records = List.of(record("Ann", 3, 7_200_000L), record("Bob", "abc", 0L),
        record("Cy", 5, 3_600_000L));
    for (String config : List.of("{\"continueOnError\": true}",
        TRANSFORMS.replace("\"filterConfig\"", "\"continueOnError\": true, \"filterConfig\""))) {
      IngestionPipeline pipeline = IngestionPipeline.create(table(config), SCHEMA);
      try (TransformingRecordReader reader = pipeline.wrapKeepingIncompleteRows(new InMemoryRecordReader(records))) {
        List<GenericRow> rows = readAll(reader);
        assertThat(rows).as(config).extracting(row -> row.getValue("clicks")).containsExactly(3, null, 5);
        assertThat(rows.get(1).getValue("tags")).as("the other columns are converted").isEqualTo(
            new Object[] {"a", "b"});
        assertThat(reader.stats().numIncompleteRows()).isEqualTo(1);
        assertThat(reader.stats().numErrorRows()).isZero();
        assertThat(reader.lastIncompleteRow()).contains("record 2").contains("Column[clicks]").contains("abc");
      }
      try (TransformingRecordReader reader = pipeline.wrap(new InMemoryRecordReader(records))) {
        assertThat(reader.next(new GenericRow()).getValue("clicks")).isEqualTo(3);
        assertThatThrownBy(() -> reader.next(new GenericRow())).as("batch readers skip the row")
            .isInstanceOf(RecordReadException.class).hasMessageContaining("Column[clicks]");
        assertThat(reader.stats().numIncompleteRows()).isZero();
      }
    }
    IngestionPipeline strict = IngestionPipeline.create(table("{}"), SCHEMA);
    try (TransformingRecordReader reader = strict.wrapKeepingIncompleteRows(new InMemoryRecordReader(records))) {
      reader.next(new GenericRow());
      assertThatThrownBy(() -> reader.next(new GenericRow())).as("without continueOnError the row fails")
          .isInstanceOf(RecordReadException.class).hasMessageContaining("record 2").hasMessageContaining("abc");
    }
  }

  @Test
  void transformAndFilterFailuresNameTheFunction() throws IOException {
    TableConfig table = table("""
        {"transformConfigs": [{"columnName": "shout", "transformFunction": "fromDateTime(first, 'yyyy')"}],
         "filterConfig": {"filterFunction": "toEpochDays(last) > 0"}}
        """);
    try (TransformingRecordReader reader = IngestionPipeline.create(table, SCHEMA)
        .wrap(new InMemoryRecordReader(List.of(record("x", 1, 0L))))) {
      assertThatThrownBy(() -> reader.next(new GenericRow())).isInstanceOf(RecordReadException.class)
          .hasMessageContaining("record 1").hasMessageContaining("fromDateTime(first, 'yyyy')")
          .hasMessageContaining("column[shout]");
    }
    Map<String, Object> dated = record("2024", 1, 0L);
    try (TransformingRecordReader reader = IngestionPipeline.create(table, SCHEMA)
        .wrap(new InMemoryRecordReader(List.of(dated)))) {
      assertThatThrownBy(() -> reader.next(new GenericRow())).hasMessageContaining("filterFunction 'toEpochDays");
    }
  }

  @Test
  void readErrorsOfTheWrappedReaderArePassedOn() throws IOException {
    try (TransformingRecordReader reader = IngestionPipeline.create(table("{}"), SCHEMA).wrap(new FailingReader())) {
      assertThatThrownBy(() -> reader.next(new GenericRow())).isInstanceOf(RecordReadException.class)
          .hasMessage("line 1: broken");
      assertThat(reader.next(new GenericRow()).getValue("name")).isEqualTo("ok");
      assertThat(reader.stats().numErrorRows()).isEqualTo(1);
    }
  }

  @Test
  void rowTimeValueCheckRejectsOrNullsOutOfRangeTimes() throws IOException {
    List<Map<String, Object>> records = List.of(record("old", 1, 0L), record("ok", 1, 1_700_000_000_000L));
    try (TransformingRecordReader reader = IngestionPipeline.create(table(TRANSFORMS.replace("\"filterConfig\"",
        "\"rowTimeValueCheck\": true, \"filterConfig\"")), SCHEMA).wrap(new InMemoryRecordReader(records))) {
      assertThatThrownBy(() -> reader.next(new GenericRow())).isInstanceOf(RecordReadException.class)
          .hasMessageContaining("rowTimeValueCheck").hasMessageContaining("1970-01-01T00:00:00Z")
          .hasMessageContaining("column[hoursSinceEpoch]");
      assertThat(reader.next(new GenericRow()).getValue("hoursSinceEpoch")).isEqualTo(472_222L);
    }
    try (TransformingRecordReader reader = IngestionPipeline.create(table(TRANSFORMS.replace("\"filterConfig\"",
        "\"rowTimeValueCheck\": true, \"continueOnError\": true, \"filterConfig\"")), SCHEMA)
        .wrap(new InMemoryRecordReader(records))) {
      List<GenericRow> rows = readAll(reader);
      assertThat(rows).hasSize(2);
      assertThat(rows.getFirst().getValue("hoursSinceEpoch")).isNull();
      assertThat(reader.stats().numInvalidTimeValues()).isEqualTo(1);
      assertThat(reader.stats().minTimeMillis()).isEqualTo(1_699_999_200_000L);
    }
  }

  @Test
  void unnestedRowsAreHandedOutOneByOne() throws IOException {
    TableConfig table = table("{\"complexTypeConfig\": {\"fieldsToUnnest\": [\"people\"]}, \"transformConfigs\": "
        + "[{\"columnName\": \"name\", \"transformFunction\": \"\\\"people.name\\\"\"}]}");
    Map<String, Object> record = Map.of("people", new Object[] {Map.of("name", "a"), Map.of("name", "b")},
        "clicks", 9);
    try (TransformingRecordReader reader = IngestionPipeline.create(table, SCHEMA)
        .wrap(new InMemoryRecordReader(List.of(record, record)))) {
      List<GenericRow> rows = readAll(reader);
      assertThat(rows).extracting(row -> row.getValue("name")).containsExactly("a", "b", "a", "b");
      assertThat(rows).extracting(row -> row.getValue("clicks")).containsOnly(9);
      assertThat(reader.stats().numInputRecords()).isEqualTo(2);
      assertThat(reader.stats().numOutputRows()).isEqualTo(4);
    }
  }

  /// A reader whose first record is unreadable.
  private static final class FailingReader implements RecordReader {
    private int next;

    @Override
    public boolean hasNext() {
      return next < 2;
    }

    @Override
    public GenericRow next(GenericRow reuse) {
      next++;
      if (next == 1) {
        throw new RecordReadException("line 1", "broken");
      }
      reuse.clear();
      reuse.putValue("name", "ok");
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
