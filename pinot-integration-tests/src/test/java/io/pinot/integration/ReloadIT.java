// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.utils.JsonUtils;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.GenericRow;
import io.pinot.tools.EmbeddedPinotCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/// Reload and schema evolution on a live cluster: an inverted index added to a loaded table's config is
/// built on the servers by `POST /segments/{t}/reload` without re-ingesting, queries use it afterwards, and
/// queries running during the reload all succeed with complete results; a column added to the schema
/// appears in the old segments with its default value after `PUT /schemas/{name}?reload=true`.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReloadIT {
  private static final int ROWS_PER_SEGMENT = 20_000;
  private static final int SEGMENTS = 4;
  private static final String SCHEMA = """
      {"schemaName": "visits",
       "dimensionFieldSpecs": [{"name": "country", "dataType": "STRING"}, {"name": "device", "dataType": "STRING"}],
       "metricFieldSpecs": [{"name": "clicks", "dataType": "LONG"}]}""";
  private static final String TABLE = """
      {"tableName": "visits", "tableType": "OFFLINE", "segmentsConfig": {"replication": "1"},
       "tableIndexConfig": {"invertedIndexColumns": []}}""";

  @TempDir
  static Path workDir;
  private EmbeddedPinotCluster cluster;
  private final Http http = new Http();

  @BeforeAll
  void start() throws Exception {
    cluster = EmbeddedPinotCluster.builder(workDir.resolve("cluster")).numServers(2).build().start();
    assertThat(http.post(cluster.controllerUrl() + "/schemas", SCHEMA).status()).isEqualTo(200);
    assertThat(http.post(cluster.controllerUrl() + "/tables", TABLE).status()).isEqualTo(200);
    Schema schema = JsonUtils.fromJson(SCHEMA, Schema.class);
    TableConfig config = JsonUtils.fromJson(TABLE, TableConfig.class);
    for (int s = 0; s < SEGMENTS; s++) {
      List<GenericRow> rows = new ArrayList<>();
      for (int i = 0; i < ROWS_PER_SEGMENT; i++) {
        GenericRow row = new GenericRow();
        row.putValue("country", "c" + (i % 40));
        row.putValue("device", i % 3 == 0 ? "mobile" : "desktop");
        row.putValue("clicks", (long) (i % 10));
        rows.add(row);
      }
      Path tar = SegmentUploads.buildTarGz(config, schema, "visits_" + s, rows, workDir.resolve("b" + s));
      assertThat(SegmentUploads.upload(cluster.controllerUrl(), "visits", tar).status()).isEqualTo(200);
    }
    awaitCount(SEGMENTS * ROWS_PER_SEGMENT);
  }

  @AfterAll
  void stop() {
    http.close();
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void addedInvertedIndexIsBuiltByReloadWithoutAGap() throws Exception {
    String filter = "SELECT COUNT(*) FROM visits WHERE country = 'c7'";
    JsonNode before = http.query(cluster.brokerUrl(), filter);
    long expected = before.get("resultTable").get("rows").get(0).get(0).asLong();
    assertThat(before.get("numEntriesScannedInFilter").asLong()).isEqualTo(SEGMENTS * ROWS_PER_SEGMENT);

    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService queries = Executors.newFixedThreadPool(2);
    List<Future<List<String>>> results = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      results.add(queries.submit(() -> {
        List<String> problems = new ArrayList<>();
        int done = 0;
        while (running.get() || done < 5) {
          JsonNode response = http.query(cluster.brokerUrl(), filter);
          long count = response.path("resultTable").path("rows").path(0).path(0).asLong(-1);
          if (!response.get("exceptions").isEmpty() || count != expected) {
            problems.add(response.toString());
          }
          done++;
        }
        return problems;
      }));
    }
    Http.Reply updated = http.put(cluster.controllerUrl() + "/tables/visits",
        TABLE.replace("\"invertedIndexColumns\": []", "\"invertedIndexColumns\": [\"country\"]"));
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    Http.Reply reload = http.post(cluster.controllerUrl() + "/segments/visits/reload", "");
    assertThat(reload.status()).as(reload.body()).isEqualTo(200);
    assertThat(reload.json().get("servers").size()).isEqualTo(2);
    awaitTrue(() -> http.query(cluster.brokerUrl(), filter).get("numEntriesScannedInFilter").asLong() == 0);
    running.set(false);
    for (Future<List<String>> result : results) {
      assertThat(result.get(2, TimeUnit.MINUTES)).as("queries during the reload").isEmpty();
    }
    queries.shutdown();
    JsonNode after = http.query(cluster.brokerUrl(), filter);
    assertThat(after.get("resultTable").get("rows").get(0).get(0).asLong()).isEqualTo(expected);
  }

  @Test
  @Order(2)
  void columnAddedToTheSchemaAppearsWithItsDefaultAfterReload() throws Exception {
    String evolved = SCHEMA.replace("{\"name\": \"clicks\", \"dataType\": \"LONG\"}",
        "{\"name\": \"clicks\", \"dataType\": \"LONG\"}, {\"name\": \"score\", \"dataType\": \"INT\", "
            + "\"defaultNullValue\": 7}");
    Http.Reply put = http.put(cluster.controllerUrl() + "/schemas/visits?reload=true", evolved);
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    awaitTrue(() -> {
      JsonNode response = http.query(cluster.brokerUrl(), "SELECT SUM(score), COUNT(*) FROM visits");
      return response.get("exceptions").isEmpty()
          && response.get("resultTable").get("rows").get(0).get(0).asDouble() == 7.0 * SEGMENTS * ROWS_PER_SEGMENT;
    });
  }

  private void awaitCount(long expected) throws Exception {
    awaitTrue(() -> http.query(cluster.brokerUrl(), "SELECT COUNT(*) FROM visits").path("resultTable").path("rows")
        .path(0).path(0).asLong() == expected);
  }

  private interface Condition {
    boolean holds() throws Exception;
  }

  private static void awaitTrue(Condition condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.holds()) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("condition not met within 90 s");
  }
}
