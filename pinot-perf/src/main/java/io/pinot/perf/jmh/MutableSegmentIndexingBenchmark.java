// SPDX-License-Identifier: Apache-2.0
package io.pinot.perf.jmh;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pinot.common.utils.JsonUtils;
import io.pinot.segment.mutable.MutableSegment;
import io.pinot.segment.mutable.MutableSegmentConfig;
import io.pinot.segment.mutable.StoredValues;
import io.pinot.segment.readers.CsvReaderConfig;
import io.pinot.segment.readers.CsvRecordReader;
import io.pinot.segment.readers.RecordReaders;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.GenericRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/// Real-time indexing throughput: rows per second indexed into a new [MutableSegment] of the bench `events`
/// table (`/work/shared/bench/pinot/events_schema.json` and the table's indexes, as a REALTIME table: inverted
/// indexes on 7 columns, raw `session_id`, `price`, `revenue`), one invocation indexing [#ROWS] rows into an
/// empty segment (so chunk allocation and dictionary growth are included).
///
/// Rows are the first [#ROWS] of `/tmp/bench/data-10000000/part-00000.csv` when present (else generated rows
/// of the same shape). `input=text` indexes them as a CSV or JSON decoder delivers them (strings, converted by
/// the segment); `input=typed` indexes values already converted to the stored types (the indexing structures
/// alone). Scores are rows per second.
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g", "--enable-native-access=ALL-UNNAMED",
    "--sun-misc-unsafe-memory-access=allow"})
public class MutableSegmentIndexingBenchmark {
  static final int ROWS = 500_000;
  private static final Path SCHEMA_FILE = Path.of("/work/shared/bench/pinot/events_schema.json");
  private static final Path TABLE_FILE = Path.of("/work/shared/bench/pinot/events_offline_table.json");
  private static final Path DATA_FILE = Path.of("/tmp/bench/data-10000000/part-00000.csv");

  @Param({"text", "typed"})
  String input;

  private Schema schema;
  private TableConfig table;
  private List<GenericRow> rows;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    schema = JsonUtils.fromJson(Files.readString(SCHEMA_FILE), Schema.class);
    ObjectNode tableJson = (ObjectNode) JsonUtils.parse(Files.readString(TABLE_FILE));
    tableJson.put("tableType", "REALTIME");
    table = JsonUtils.fromJsonNode(tableJson, TableConfig.class);
    rows = Files.exists(DATA_FILE) ? readCsv() : generate();
    if (input.equals("typed")) {
      for (GenericRow row : rows) {
        for (FieldSpec spec : schema.allFieldSpecs()) {
          Object raw = row.getValue(spec.name());
          row.putValue(spec.name(), spec.singleValue() ? StoredValues.toStored(spec, raw)
              : StoredValues.toStoredMulti(spec, raw));
        }
      }
    }
  }

  private List<GenericRow> readCsv() throws IOException {
    List<GenericRow> result = new ArrayList<>(ROWS);
    try (CsvRecordReader reader = new CsvRecordReader(DATA_FILE, CsvReaderConfig.fromMap(Map.of("delimiter", ",",
        "multiValueDelimiter", ";")), RecordReaders.multiValueColumns(schema))) {
      while (reader.hasNext() && result.size() < ROWS) {
        result.add(reader.next(new GenericRow()));
      }
    }
    return result;
  }

  private List<GenericRow> generate() {
    SplittableRandom random = new SplittableRandom(7);
    List<GenericRow> result = new ArrayList<>(ROWS);
    for (int i = 0; i < ROWS; i++) {
      GenericRow row = new GenericRow();
      for (FieldSpec spec : schema.allFieldSpecs()) {
        String value = switch (spec.dataType()) {
          case INT -> Integer.toString(random.nextInt(1000));
          case LONG -> Long.toString(1_704_067_200_000L + i * 100L + random.nextInt(100));
          case DOUBLE -> Double.toString(random.nextInt(100_000) / 100.0);
          default -> spec.name() + "-" + random.nextInt(spec.name().contains("id") ? 1_000_000 : 50);
        };
        row.putValue(spec.name(), spec.singleValue() ? value : new Object[] {value, "x"});
      }
      result.add(row);
    }
    return result;
  }

  /// Indexes [#ROWS] rows into a new segment; the score is rows per second.
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public int index() {
    MutableSegment segment = new MutableSegment(MutableSegmentConfig.builder().tableConfig(table).schema(schema)
        .segmentName("events__0__0__20240101T0000Z").capacity(ROWS).build());
    for (GenericRow row : rows) {
      segment.index(row);
    }
    return segment.numDocs();
  }
}
