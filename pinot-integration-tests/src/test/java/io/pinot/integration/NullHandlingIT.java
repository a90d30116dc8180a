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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/// Advanced null handling end to end: a table whose schema has `enableColumnBasedNullHandling`, two segments on two
/// servers (so null cells travel in DataTable null bitmaps and the broker merges them), queried through the broker's
/// `POST /query/sql`. With `SET enableNullHandling=true;` (or the request's `queryOptions`) selections return JSON
/// `null`s, aggregations skip nulls, GROUP BY has a null group and ORDER BY places nulls; without it `IS NULL` still
/// reads the null vectors and every other expression sees the default null values.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NullHandlingIT {
  private static final int SEGMENTS = 2;
  private static final int ROWS_PER_SEGMENT = 300;
  private static final int ROWS = SEGMENTS * ROWS_PER_SEGMENT;
  private static final String ENABLE = "SET enableNullHandling=true; ";
  private static final String SCHEMA = """
      {"schemaName": "people", "enableColumnBasedNullHandling": true,
       "dimensionFieldSpecs": [{"name": "id", "dataType": "INT", "notNull": true},
                               {"name": "city", "dataType": "STRING"}, {"name": "rating", "dataType": "INT"}],
       "metricFieldSpecs": [{"name": "score", "dataType": "LONG"}]}""";
  private static final String TABLE = """
      {"tableName": "people", "tableType": "OFFLINE", "segmentsConfig": {"replication": "1"},
       "tableIndexConfig": {"invertedIndexColumns": ["city"]}}""";

  @TempDir
  static Path workDir;
  private EmbeddedPinotCluster cluster;
  private final Http http = new Http();

  /// Every fifth row has no city, every fourth no score, every seventh no rating (row 0 has none of them).
  private static @Nullable String city(int id) {
    return id % 5 == 0 ? null : "c" + id % 3;
  }

  private static @Nullable Long score(int id) {
    return id % 4 == 0 ? null : (long) id;
  }

  private static @Nullable Integer rating(int id) {
    return id % 7 == 0 ? null : id % 10;
  }

  @BeforeAll
  void start() throws Exception {
    cluster = EmbeddedPinotCluster.builder(workDir.resolve("cluster")).numServers(2).build().start();
    assertThat(http.post(cluster.controllerUrl() + "/schemas", SCHEMA).status()).isEqualTo(200);
    assertThat(http.post(cluster.controllerUrl() + "/tables", TABLE).status()).isEqualTo(200);
    Schema schema = JsonUtils.fromJson(SCHEMA, Schema.class);
    TableConfig config = JsonUtils.fromJson(TABLE, TableConfig.class);
    for (int segment = 0; segment < SEGMENTS; segment++) {
      List<GenericRow> rows = new ArrayList<>();
      for (int i = 0; i < ROWS_PER_SEGMENT; i++) {
        int id = segment * ROWS_PER_SEGMENT + i;
        GenericRow row = new GenericRow();
        row.putValue("id", id);
        row.putValue("city", city(id));
        row.putValue("score", score(id));
        row.putValue("rating", rating(id));
        rows.add(row);
      }
      Path tar = SegmentUploads.buildTarGz(config, schema, "people_" + segment, rows, workDir.resolve("b" + segment));
      assertThat(SegmentUploads.upload(cluster.controllerUrl(), "people", tar).status()).isEqualTo(200);
    }
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (http.query(cluster.brokerUrl(), "SELECT COUNT(*) FROM people").path("resultTable").path("rows").path(0)
        .path(0).asLong(-1) != ROWS) {
      assertThat(System.nanoTime()).as("all segments online within 60 s").isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  @AfterAll
  void stop() {
    http.close();
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void selectionsReturnJsonNulls() throws Exception {
    JsonNode rows = rows(ENABLE + "SELECT id, city, score, rating FROM people WHERE id IN (0, 1, 302) ORDER BY id");

    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).get(0).asInt()).isZero();
    for (int column = 1; column < 4; column++) {
      assertThat(rows.get(0).get(column).isNull()).as("column %d of row 0", column).isTrue();
    }
    assertThat(rows.get(1).toString()).isEqualTo("[1,\"c1\",1,1]");
    assertThat(rows.get(2).toString()).as("a row of the second segment").isEqualTo("[302,\"c2\",302,2]");

    JsonNode top = http.query(cluster.brokerUrl(), ENABLE + "SELECT id, score FROM people ORDER BY score DESC, id "
        + "LIMIT 3");
    assertThat(top.path("numServersResponded").asInt()).isEqualTo(2);
    assertThat(top.path("resultTable").path("rows").toString()).as("nulls first for DESC, merged from both servers")
        .isEqualTo("[[0,null],[4,null],[8,null]]");
    JsonNode coalesced = rows(ENABLE + "SELECT COALESCE(city, 'none'), score + 1 FROM people WHERE id = 0");
    assertThat(coalesced.toString()).isEqualTo("[[\"none\",null]]");
  }

  @Test
  void aggregationsSkipNulls() throws Exception {
    long nonNullScores = 0;
    long scoreSum = 0;
    for (int id = 0; id < ROWS; id++) {
      Long score = score(id);
      nonNullScores += score == null ? 0 : 1;
      scoreSum += score == null ? 0 : score;
    }
    JsonNode counts = rows(ENABLE + "SELECT COUNT(*), COUNT(score), COUNT(city), SUM(score), MIN(rating) "
        + "FROM people").get(0);

    assertThat(counts.get(0).asLong()).isEqualTo(ROWS);
    assertThat(counts.get(1).asLong()).isEqualTo(nonNullScores).isLessThan(ROWS);
    assertThat(counts.get(2).asLong()).isEqualTo(ROWS - ROWS / 5);
    assertThat(counts.get(3).asDouble()).isEqualTo(scoreSum);
    assertThat(counts.get(4).asInt()).as("MIN skips the nulls").isZero();

    JsonNode allNull = rows(ENABLE + "SELECT SUM(score), MAX(score), AVG(score), COUNT(score), COUNT(*) "
        + "FROM people WHERE score IS NULL").get(0);
    assertThat(allNull.get(0).isNull()).as("SUM of only nulls").isTrue();
    assertThat(allNull.get(1).isNull()).as("MAX of only nulls").isTrue();
    assertThat(allNull.get(2).isNull()).as("AVG of only nulls").isTrue();
    assertThat(allNull.get(3).asLong()).isZero();
    assertThat(allNull.get(4).asLong()).isEqualTo(ROWS / 4);

    long notC1 = 0;
    for (int id = 0; id < ROWS; id++) {
      notC1 += city(id) != null && !"c1".equals(city(id)) ? 1 : 0;
    }
    assertThat(rows(ENABLE + "SELECT COUNT(*) FROM people WHERE city <> 'c1'").get(0).get(0).asLong())
        .as("a comparison with a null is unknown").isEqualTo(notC1);
  }

  @Test
  void groupByHasANullGroup() throws Exception {
    long nullCityScores = 0;
    for (int id = 0; id < ROWS; id += 5) {
      Long score = score(id);
      nullCityScores += score == null ? 0 : score;
    }
    JsonNode groups = rows(ENABLE + "SELECT city, COUNT(*), SUM(score) FROM people GROUP BY city ORDER BY city");

    assertThat(groups).hasSize(4);
    assertThat(groups.get(0).get(0).asText()).isEqualTo("c0");
    JsonNode nullGroup = groups.get(3);
    assertThat(nullGroup.get(0).isNull()).as("the null group sorts last for ASC").isTrue();
    assertThat(nullGroup.get(1).asLong()).isEqualTo(ROWS / 5);
    assertThat(nullGroup.get(2).asDouble()).isEqualTo(nullCityScores);
  }

  @Test
  void withoutTheOptionIsNullWorksAndValuesAreDefaults() throws Exception {
    assertThat(rows("SELECT COUNT(*) FROM people WHERE city IS NULL").get(0).get(0).asLong()).isEqualTo(ROWS / 5);
    assertThat(rows("SELECT COUNT(*) FROM people WHERE score IS NOT NULL").get(0).get(0).asLong())
        .isEqualTo(ROWS - ROWS / 4);
    assertThat(rows("SELECT id, city, score, rating FROM people WHERE id = 0").toString())
        .as("defaults: 'null' for STRING, 0 for a metric, Integer.MIN_VALUE for an INT dimension")
        .isEqualTo("[[0,\"null\",0,-2147483648]]");
    assertThat(rows("SELECT COUNT(score) FROM people").get(0).get(0).asLong()).isEqualTo(ROWS);
    assertThat(rows("SELECT city, COUNT(*) FROM people GROUP BY city ORDER BY city").toString())
        .contains("[\"null\"," + ROWS / 5 + "]");
  }

  @Test
  void theRequestsQueryOptionsEnableItToo() throws Exception {
    Http.Reply reply = http.post(cluster.brokerUrl() + "/query/sql", JsonUtils.toJson(Map.of(
        "sql", "SELECT COUNT(score), MAX(rating) FROM people WHERE id = 0", "queryOptions",
        "enableNullHandling=true")));

    assertThat(reply.status()).isEqualTo(200);
    JsonNode row = reply.json().path("resultTable").path("rows").path(0);
    assertThat(row.get(0).asLong()).isZero();
    assertThat(row.get(1).isNull()).isTrue();
  }

  private JsonNode rows(String sql) throws Exception {
    JsonNode response = http.query(cluster.brokerUrl(), sql);
    assertThat(response.path("exceptions")).as(sql).isEmpty();
    return response.path("resultTable").path("rows");
  }
}
