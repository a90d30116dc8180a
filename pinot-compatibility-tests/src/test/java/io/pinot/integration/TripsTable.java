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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/// The `trips` table of the compatibility tests: four small segments and one large one (`trips_large`) of every
/// column type the connectors read, loaded into a cluster and queryable when [#load] returns.
final class TripsTable {
  static final int SMALL_SEGMENTS = 4;
  static final int SMALL_ROWS = 2_500;
  static final String COLUMNS = "id, userId, score, city, flag, payload, tags, nums";
  static final String SCHEMA = """
      {"schemaName": "trips",
       "dimensionFieldSpecs": [{"name": "id", "dataType": "INT"}, {"name": "userId", "dataType": "LONG"},
         {"name": "city", "dataType": "STRING"}, {"name": "flag", "dataType": "BOOLEAN"},
         {"name": "payload", "dataType": "BYTES"},
         {"name": "tags", "dataType": "STRING", "singleValueField": false},
         {"name": "nums", "dataType": "INT", "singleValueField": false}],
       "metricFieldSpecs": [{"name": "score", "dataType": "DOUBLE"}]}""";
  static final String TABLE = """
      {"tableName": "trips", "tableType": "OFFLINE", "segmentsConfig": {"replication": "1"},
       "tableIndexConfig": {"invertedIndexColumns": ["city"]}}""";

  private TripsTable() {
  }

  /// Creates the table and uploads its segments; returns the total row count.
  static int load(EmbeddedPinotCluster cluster, Http http, Path workDir, int largeRows) throws Exception {
    assertThat(http.post(cluster.controllerUrl() + "/schemas", SCHEMA).status()).isEqualTo(200);
    assertThat(http.post(cluster.controllerUrl() + "/tables", TABLE).status()).isEqualTo(200);
    Schema schema = JsonUtils.fromJson(SCHEMA, Schema.class);
    TableConfig config = JsonUtils.fromJson(TABLE, TableConfig.class);
    int id = 0;
    for (int s = 0; s <= SMALL_SEGMENTS; s++) {
      int rows = s == SMALL_SEGMENTS ? largeRows : SMALL_ROWS;
      List<GenericRow> batch = new ArrayList<>(rows);
      for (int i = 0; i < rows; i++, id++) {
        batch.add(row(id));
      }
      String name = s == SMALL_SEGMENTS ? "trips_large" : "trips_" + s;
      Path tar = SegmentUploads.buildTarGz(config, schema, name, batch, workDir.resolve("b" + s));
      assertThat(SegmentUploads.upload(cluster.controllerUrl(), "trips", tar, http.authorization()).status())
          .isEqualTo(200);
    }
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (count(cluster, http) != id && System.nanoTime() < until) {
      Thread.sleep(200);
    }
    assertThat(count(cluster, http)).isEqualTo(id);
    return id;
  }

  private static GenericRow row(int id) {
    GenericRow row = new GenericRow();
    row.putValue("id", id);
    row.putValue("userId", 1_000_000_000_000L + id % 977);
    row.putValue("score", (id % 400) / 8.0);
    row.putValue("city", "city-" + id % 37);
    row.putValue("flag", id % 3 == 0 ? 1 : 0);
    row.putValue("payload", new byte[]{(byte) id, (byte) (id >> 8), 0x5a});
    row.putValue("tags", new Object[]{"t" + id % 5, "u" + id % 11});
    row.putValue("nums", new Object[]{id % 13, -(id % 7), 42});
    return row;
  }

  private static long count(EmbeddedPinotCluster cluster, Http http) throws Exception {
    JsonNode rows = http.query(cluster.brokerUrl(), "SELECT COUNT(*) FROM trips").path("resultTable").path("rows");
    return rows.isMissingNode() || rows.isEmpty() ? -1 : rows.get(0).get(0).asLong();
  }

  /// Server instance id → its segments, from `GET /debug/routingTable/trips` at `baseUrl` (a broker or a proxy).
  static Map<String, List<String>> routing(Http http, String baseUrl) throws Exception {
    Http.Reply reply = http.get(baseUrl + "/debug/routingTable/trips");
    assertThat(reply.status()).isEqualTo(200);
    Map<String, List<String>> servers = new HashMap<>();
    reply.json().path("trips_OFFLINE").properties().forEach(entry -> {
      List<String> segments = new ArrayList<>();
      entry.getValue().forEach(segment -> segments.add(segment.asText()));
      servers.put(entry.getKey(), segments);
    });
    return servers;
  }

  /// The host part of `Server_<host>_<port>`.
  static String host(String instanceId) {
    return instanceId.substring("Server_".length(), instanceId.lastIndexOf('_'));
  }
}
