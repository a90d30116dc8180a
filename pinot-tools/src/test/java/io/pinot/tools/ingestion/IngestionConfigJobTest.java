// SPDX-License-Identifier: Apache-2.0
package io.pinot.tools.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.segment.tar.TarGzUtils;
import io.pinot.tools.client.FakeController;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `LaunchDataIngestionJob` applies the table config's `ingestionConfig` (complex types, transforms, filter, time
/// checks) to every input file, reads Avro through pinot-input-formats, and reports filtered and skipped rows per
/// file.
class IngestionConfigJobTest {
  private static final String SCHEMA = """
      {"schemaName": "orders",
       "dimensionFieldSpecs": [{"name": "customer", "dataType": "STRING"},
         {"name": "items.sku", "dataType": "STRING"}, {"name": "country", "dataType": "STRING"}],
       "metricFieldSpecs": [{"name": "items.qty", "dataType": "INT"}],
       "dateTimeFieldSpecs": [{"name": "day", "dataType": "LONG", "format": "1:DAYS:EPOCH",
         "granularity": "1:DAYS"}]}
      """;
  private static final String TABLE = """
      {"tableName": "orders", "tableType": "OFFLINE",
       "segmentsConfig": {"replication": "1", "timeColumnName": "day"},
       "ingestionConfig": {
         "complexTypeConfig": {"fieldsToUnnest": ["items"]},
         "transformConfigs": [
           {"columnName": "customer", "transformFunction": "upper(\\"buyer.name\\")"},
           {"columnName": "day", "transformFunction": "toEpochDays(ts)"}],
         "filterConfig": {"filterFunction": "\\"items.qty\\" = 0"}%s}}
      """;

  @TempDir
  Path dir;

  private FakeController controller;
  private final StringWriter output = new StringWriter();

  @BeforeEach
  void start() throws IOException {
    controller = new FakeController().get("/tables/orders/schema", SCHEMA);
    table("");
    Files.createDirectories(dir.resolve("in"));
  }

  @AfterEach
  void stop() {
    controller.close();
  }

  private void table(String extra) {
    controller.get("/tables/orders", "{\"OFFLINE\": " + TABLE.formatted(extra) + "}");
  }

  private IngestionJobResult run(String format, String pattern, String extra) throws IOException {
    String yaml = """
        executionFrameworkSpec:
          name: standalone
        jobType: SegmentCreation
        inputDirURI: '%s'
        includeFileNamePattern: '%s'
        outputDirURI: '%s'
        overwriteOutput: true
        recordReaderSpec:
          dataFormat: %s
        tableSpec:
          tableName: orders
        pinotClusterSpecs:
          - controllerURI: '%s'
        %s
        """.formatted(dir.resolve("in"), pattern, dir.resolve("out"), format, controller.url(), extra);
    return new StandaloneIngestionJob(JobSpecLoader.parse(yaml), new PrintWriter(output, true)).run();
  }

  private static String order(String buyer, long ts, String items) {
    return "{\"buyer\": {\"name\": \"%s\"}, \"ts\": %d, \"items\": [%s]}".formatted(buyer, ts, items);
  }

  @Test
  void unnestsTransformsFiltersAndReportsPerFile() throws IOException {
    Files.writeString(dir.resolve("in/a.json"), order("ann", 1_700_000_000_000L,
        "{\"sku\": \"x\", \"qty\": 1}, {\"sku\": \"y\", \"qty\": 0}, {\"sku\": \"z\", \"qty\": 3}") + "\n"
        + order("bob", 1_700_086_400_000L, "{\"sku\": \"x\", \"qty\": 2}") + "\n");
    Files.writeString(dir.resolve("in/b.json"), order("cy", 1_700_000_000_000L, "{\"sku\": \"w\", \"qty\": 5}")
        + "\n");

    IngestionJobResult result = run("json", "glob:**/*.json", "");

    assertThat(result.segments()).extracting(SegmentReport::numDocs).containsExactly(3L, 1L);
    assertThat(result.segments()).extracting(SegmentReport::numFilteredRows).containsExactly(1L, 0L);
    assertThat(result.totalFilteredRows()).isEqualTo(1);
    assertThat(result.segments().getFirst().segmentName()).isEqualTo("orders_OFFLINE_19675_19676_0");
    assertThat(output.toString())
        .contains("Created segment orders_OFFLINE_19675_19676_0 from a.json: 3 rows (1 row filtered)")
        .contains("Filtered out 1 row by the table's filterConfig:").contains("a.json: 1 row filtered");
    Path untarred = Files.createDirectories(dir.resolve("untar"));
    TarGzUtils.untar(result.segments().getFirst().tarFile(), untarred);
    try (IndexSegment segment = SegmentLoader.load(untarred.resolve("orders_OFFLINE_19675_19676_0"))) {
      assertThat(segment.metadata().startTime()).isEqualTo(19_675L);
      assertThat(segment.dataSource("customer").metadata().minValue()).isEqualTo("ANN");
      assertThat(segment.dataSource("items.sku").metadata().cardinality()).isEqualTo(2);
    }
  }

  @Test
  void avroInputIsReadThroughTheInputFormatsModule() throws IOException {
    Schema item = SchemaBuilder.record("item").fields().requiredString("sku").requiredInt("qty").endRecord();
    Schema buyer = SchemaBuilder.record("buyer").fields().requiredString("name").endRecord();
    Schema schema = SchemaBuilder.record("order").fields().name("buyer").type(buyer).noDefault().requiredLong("ts")
        .name("items").type().array().items(item).noDefault().endRecord();
    try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(schema))) {
      writer.create(schema, dir.resolve("in/orders.avro").toFile());
      GenericRecord record = new GenericData.Record(schema);
      GenericRecord who = new GenericData.Record(buyer);
      who.put("name", "dee");
      record.put("buyer", who);
      record.put("ts", 1_700_000_000_000L);
      GenericRecord first = new GenericData.Record(item);
      first.put("sku", "s1");
      first.put("qty", 4);
      GenericRecord second = new GenericData.Record(item);
      second.put("sku", "s2");
      second.put("qty", 0);
      record.put("items", List.of(first, second));
      writer.append(record);
    }

    IngestionJobResult result = run("avro", "glob:**/*.avro", "");

    assertThat(result.segments()).singleElement().satisfies(report -> {
      assertThat(report.numDocs()).isEqualTo(1);
      assertThat(report.numFilteredRows()).isEqualTo(1);
    });
  }

  @Test
  void badRowsAreSkippedAndCountedBesideFilteredOnes() throws IOException {
    Files.writeString(dir.resolve("in/a.json"), order("ann", 1_700_000_000_000L,
        "{\"sku\": \"x\", \"qty\": \"lots\"}, {\"sku\": \"y\", \"qty\": 0}, {\"sku\": \"z\", \"qty\": 3}") + "\n");

    assertThatThrownBy(() -> run("json", "glob:**/*.json", "")).isInstanceOf(IngestionJobException.class)
        .hasMessageContaining("a.json line 1").hasMessageContaining("Column[items.qty]")
        .hasMessageContaining("'lots'");

    IngestionJobResult result = run("json", "glob:**/*.json", "continueOnError: true");
    SegmentReport report = result.segments().getFirst();
    assertThat(report.numDocs()).isEqualTo(1);
    assertThat(report.numSkippedRows()).isEqualTo(1);
    assertThat(report.numFilteredRows()).isEqualTo(1);
    assertThat(output.toString()).contains("(1 bad row skipped) (1 row filtered)");
  }

  @Test
  void invalidIngestionConfigsAndTimeRangesFailTheJob() throws IOException {
    Files.writeString(dir.resolve("in/a.json"), order("ann", 0L, "{\"sku\": \"x\", \"qty\": 1}") + "\n");
    table(", \"continueOnError\": false, \"transformConfigs\": [{\"columnName\": \"country\", "
        + "\"transformFunction\": \"Groovy({x}, x)\"}]");
    assertThatThrownBy(() -> run("json", "glob:**/*.json", "")).isInstanceOf(IngestionJobException.class)
        .hasMessageContaining("invalid ingestionConfig").hasMessageContaining("Groovy functions are disabled");

    table("");
    assertThatThrownBy(() -> run("json", "glob:**/*.json", "")).isInstanceOf(IngestionJobException.class)
        .hasMessageContaining("segment time range check failed").hasMessageContaining("column[day]");
    table(", \"segmentTimeValueCheck\": false");
    assertThat(run("json", "glob:**/*.json", "").totalDocs()).isEqualTo(1);
  }
}
