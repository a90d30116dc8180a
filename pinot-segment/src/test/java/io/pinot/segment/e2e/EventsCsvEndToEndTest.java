// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.e2e;

import static io.pinot.segment.testing.SegmentValues.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pinot.common.utils.JsonUtils;
import io.pinot.segment.creator.SegmentCreationResult;
import io.pinot.segment.creator.SegmentCreator;
import io.pinot.segment.creator.SegmentGeneratorConfig;
import io.pinot.segment.creator.name.SegmentNameGenerators;
import io.pinot.segment.loader.ImmutableSegment;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.readers.RecordReaders;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.tar.TarGzUtils;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.RecordReadException;
import io.pinot.spi.data.readers.RecordReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Builds a segment from a CSV in the format of `shared/bench/gen_data.py` (23 columns, `tags` multi-valued with
/// ';') with the bench schema and table config, and checks values, indexes and metadata against the rows.
class EventsCsvEndToEndTest {
  private static final String HEADER = "event_time,event_date,user_id,session_id,country,city,device_type,os,"
      + "browser,event_type,url,referrer,search_phrase,campaign_id,age,is_new_user,duration_ms,page_load_ms,price,"
      + "quantity,revenue,screen_width,tags";
  private static final String[] COUNTRIES = {"US", "IN", "CN", "BR", "DE"};
  private static final String[] TAGS = {"sale", "new", "popular", "eco", "premium", "gift"};
  private static final long START = 1704067200000L;
  private static final int ROWS = 500;

  @TempDir
  Path dir;

  @Test
  void benchTableSegmentMatchesTheRows() throws IOException {
    List<String[]> rows = generate(ROWS);
    Path csv = writeCsv(rows, null);
    Schema schema = resource("events_schema.json", Schema.class);
    TableConfig table = resource("events_offline_table.json", TableConfig.class);
    SegmentCreationResult result = build(csv, schema, table, false);
    assertThat(result.segmentName()).isEqualTo("events_" + START + "_" + rows.get(ROWS - 1)[0] + "_0");
    assertThat(result.numDocs()).isEqualTo(ROWS);

    try (ImmutableSegment segment = SegmentLoader.load(result.segmentDir())) {
      assertThat(segment.columnNames()).hasSize(23);
      checkColumns(segment, rows);
      checkIndexes(segment, rows);
      assertThat(segment.metadata().startTime()).isEqualTo(START);
      assertThat(segment.metadata().endTime()).isEqualTo(Long.parseLong(rows.get(ROWS - 1)[0]));
      assertThat(segment.metadata().timeUnit()).isEqualTo(TimeUnit.MILLISECONDS);
    }
    Path tarGz = dir.resolve(result.segmentName() + ".tar.gz");
    TarGzUtils.createTarGz(result.segmentDir(), tarGz);
    assertThat(TarGzUtils.readMetadataFromTarGz(tarGz).totalDocs()).isEqualTo(ROWS);
  }

  @Test
  void badNumberNamesTheFileAndLineOrIsSkipped() throws IOException {
    List<String[]> rows = generate(20);
    Path csv = writeCsv(rows, 7);
    Schema schema = resource("events_schema.json", Schema.class);
    TableConfig table = resource("events_offline_table.json", TableConfig.class);
    assertThatThrownBy(() -> build(csv, schema, table, false)).isInstanceOf(RecordReadException.class)
        .hasMessageStartingWith("file part-00000.csv line 9: Column[age]: ");
    SegmentCreationResult result = build(csv, schema, table, true);
    assertThat(result.numDocs()).isEqualTo(19);
    assertThat(result.numSkippedRecords()).isEqualTo(1);
    assertThat(result.skippedSamples().get(0)).startsWith("file part-00000.csv line 9: Column[age]");
  }

  @Test
  void sharedBenchConfigsBuildWhenPresent() throws IOException {
    String root = System.getProperty("pinot.root");
    assumeTrue(root != null, "pinot.root not set");
    Path bench = Path.of(root, "..", "shared", "bench", "pinot");
    assumeTrue(Files.isRegularFile(bench.resolve("events_schema.json")), "shared bench configs absent");
    Schema schema = JsonUtils.fromJson(Files.readString(bench.resolve("events_schema.json")), Schema.class);
    TableConfig table = JsonUtils.fromJson(Files.readString(bench.resolve("events_offline_table.json")),
        TableConfig.class);
    SegmentCreationResult result = build(writeCsv(generate(50), null), schema, table, false);
    assertThat(result.numDocs()).isEqualTo(50);
  }

  private void checkColumns(ImmutableSegment segment, List<String[]> rows) {
    List<Object> eventTimes = column(segment, "event_time");
    List<Object> countries = column(segment, "country");
    List<Object> prices = column(segment, "price");
    List<Object> sessions = column(segment, "session_id");
    List<Object> ages = column(segment, "age");
    List<Object> tags = column(segment, "tags");
    for (int i = 0; i < rows.size(); i++) {
      String[] row = rows.get(i);
      assertThat(eventTimes.get(i)).isEqualTo(Long.parseLong(row[0]));
      assertThat(countries.get(i)).isEqualTo(row[4]);
      assertThat(sessions.get(i)).isEqualTo(row[3]);
      assertThat(ages.get(i)).isEqualTo(Integer.parseInt(row[14]));
      assertThat(prices.get(i)).isEqualTo(Double.parseDouble(row[18]));
      assertThat(tags.get(i)).isEqualTo(List.of(row[22].split(";")));
    }
  }

  private void checkIndexes(ImmutableSegment segment, List<String[]> rows) {
    DataSource eventTime = segment.dataSource("event_time");
    assertThat(eventTime.metadata().sorted()).isTrue();
    assertThat(eventTime.sortedIndex()).isNotNull();
    assertThat(eventTime.metadata().cardinality()).isEqualTo(ROWS);
    DataSource country = segment.dataSource("country");
    Map<String, Integer> counts = new HashMap<>();
    rows.forEach(row -> counts.merge(row[4], 1, Integer::sum));
    for (Map.Entry<String, Integer> entry : counts.entrySet()) {
      int dictId = country.dictionary().indexOf(entry.getKey());
      assertThat(country.invertedIndex().docIds(dictId).getCardinality()).isEqualTo(entry.getValue());
    }
    DataSource tags = segment.dataSource("tags");
    assertThat(tags.metadata().singleValue()).isFalse();
    int saleDocs = (int) rows.stream().filter(row -> List.of(row[22].split(";")).contains("sale")).count();
    assertThat(tags.invertedIndex().docIds(tags.dictionary().indexOf("sale")).getCardinality()).isEqualTo(saleDocs);
    for (String raw : List.of("session_id", "price", "revenue")) {
      assertThat(segment.dataSource(raw).dictionary()).as(raw).isNull();
    }
    assertThat(segment.dataSource("duration_ms").invertedIndex()).isNull();
    assertThat(segment.dataSource("user_id").metadata().hasDictionary()).isTrue();
    TreeSet<String> days = new TreeSet<>();
    rows.forEach(row -> days.add(row[1]));
    assertThat(segment.dataSource("event_date").dictionary().length()).isEqualTo(days.size());
    assertThat(segment.dataSource("event_date").metadata().sorted()).isTrue();
  }

  private SegmentCreationResult build(Path csv, Schema schema, TableConfig table, boolean continueOnError)
      throws IOException {
    SegmentGeneratorConfig config = SegmentGeneratorConfig.builder().schema(schema).tableConfig(table)
        .outputDir(dir.resolve("out")).sequenceId(0).continueOnError(continueOnError)
        .segmentNameGenerator(SegmentNameGenerators.create("simple", Map.of(), table.rawTableName(), table, schema))
        .inputDescription(csv.toString()).build();
    try (RecordReader reader = RecordReaders.create("org.apache.pinot.plugin.inputformat.csv.CSVRecordReader", csv,
        Map.of("delimiter", ",", "multiValueDelimiter", ";"), schema)) {
      return SegmentCreator.create(config, reader);
    }
  }

  /// Rows shaped like gen_data.py's: increasing event_time, skewed categories, 1-3 tags joined by ';'.
  private static List<String[]> generate(int count) {
    Random random = new Random(20240101);
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long time = START + i * 786L;
      int day = (int) ((time - START) / 86_400_000L) + 1;
      TreeSet<String> tags = new TreeSet<>();
      for (int t = 0; t <= random.nextInt(3); t++) {
        tags.add(TAGS[random.nextInt(TAGS.length)]);
      }
      double price = Math.round((1 + 999 * Math.pow(random.nextDouble(), 3)) * 100) / 100.0;
      String country = COUNTRIES[Math.min(random.nextInt(8), COUNTRIES.length - 1)];
      rows.add(new String[] {Long.toString(time), String.format("2024-01-%02d", day),
          Long.toString(1_000_000_000L + random.nextInt(200)), String.format("%016x", random.nextLong()), country,
          country + "-city-0" + random.nextInt(4), random.nextBoolean() ? "mobile" : "desktop", "Android", "Chrome",
          random.nextInt(10) == 0 ? "purchase" : "view", "https://shop.example.com/c01/p" + random.nextInt(50),
          "direct", "none", Integer.toString(random.nextInt(5)), Integer.toString(16 + random.nextInt(64)),
          Integer.toString(random.nextInt(2)), Integer.toString(400 + random.nextInt(100_000)),
          Integer.toString(50 + random.nextInt(3000)), String.format("%.2f", price),
          Integer.toString(1 + random.nextInt(4)), "0.00", "1920", String.join(";", tags)});
    }
    return rows;
  }

  private Path writeCsv(List<String[]> rows, Integer badRow) throws IOException {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < rows.size(); i++) {
      String[] row = rows.get(i).clone();
      if (badRow != null && i == badRow) {
        row[14] = "twenty";
      }
      text.append(String.join(",", row)).append('\n');
    }
    Path dataDir = Files.createDirectories(dir.resolve("data"));
    return Files.writeString(dataDir.resolve("part-00000.csv"), text, StandardCharsets.UTF_8);
  }

  private static <T> T resource(String name, Class<T> type) throws IOException {
    try (InputStream in = EventsCsvEndToEndTest.class.getResourceAsStream("/bench/" + name)) {
      return JsonUtils.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), type);
    }
  }
}
