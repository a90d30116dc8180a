// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.pinot.tools.EmbeddedPinotCluster;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pinot.common.datatable.DataTable;
import org.apache.pinot.common.proto.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/// The server gRPC query API against Apache Pinot 1.3's published stub and DataTable reader (what Trino's connector
/// links): segment queries found through the broker's routing table and the controller's `grpcPort`, streamed from
/// each server, decode to exactly the rows the broker returns for the same SQL; non-streaming answers, a large scan
/// in several blocks, and errors as the client sees them.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerGrpcCompatibilityIT {
  /// One large segment for the streaming scan: 1,000,000 rows with -Pacceptance.
  private static final int LARGE_ROWS = TestData.rows(120_000, 1_000_000);
  private static final int SMALL_SEGMENTS = TripsTable.SMALL_SEGMENTS;
  private static final int SMALL_ROWS = TripsTable.SMALL_ROWS;
  private static final String COLUMNS = TripsTable.COLUMNS;

  @TempDir
  static Path workDir;
  private EmbeddedPinotCluster cluster;
  private final Http http = new Http();
  private final PublishedGrpcClient grpc = new PublishedGrpcClient();
  private int totalRows;

  @BeforeAll
  void start() throws Exception {
    cluster = EmbeddedPinotCluster.builder(workDir.resolve("cluster")).numServers(2).build().start();
    totalRows = TripsTable.load(cluster, http, workDir, LARGE_ROWS);
  }

  @AfterAll
  void stop() throws Exception {
    grpc.close();
    http.close();
    if (cluster != null) {
      cluster.close();
    }
  }

  private Map<String, List<String>> routing() throws Exception {
    return TripsTable.routing(http, cluster.brokerUrl());
  }

  /// The gRPC port the controller reports for a server (what Presto reads), with the host from the id.
  private int grpcPort(String instanceId) throws Exception {
    Http.Reply reply = http.get(cluster.controllerUrl() + "/instances/" + instanceId);
    assertThat(reply.status()).isEqualTo(200);
    int port = reply.json().path("grpcPort").asInt();
    assertThat(port).isPositive();
    return port;
  }

  private static String host(String instanceId) {
    return TripsTable.host(instanceId);
  }

  @Test
  void theRoutingEndpointsNameEverySegmentOnceOnALiveServer() throws Exception {
    Map<String, List<String>> routing = routing();
    List<String> all = new ArrayList<>();
    routing.values().forEach(all::addAll);
    assertThat(all).containsExactlyInAnyOrder("trips_0", "trips_1", "trips_2", "trips_3", "trips_large");
    for (String server : routing.keySet()) {
      int expected = cluster.servers().stream().filter(s -> s.instanceId().equals(server)).findFirst().orElseThrow()
          .grpcPort();
      assertThat(grpcPort(server)).isEqualTo(expected);
    }
    String query = URLEncoder.encode("SELECT id FROM trips_OFFLINE WHERE city = 'city-1'",
        StandardCharsets.UTF_8);
    Http.Reply forQuery = http.get(cluster.brokerUrl() + "/debug/routingTable/sql?query=" + query);
    assertThat(forQuery.status()).isEqualTo(200);
    Map<String, List<String>> sqlRouting = new HashMap<>();
    forQuery.json().properties().forEach(entry -> {
      List<String> segments = new ArrayList<>();
      entry.getValue().forEach(segment -> segments.add(segment.asText()));
      sqlRouting.put(entry.getKey(), segments);
    });
    assertThat(sqlRouting).isEqualTo(routing);
    assertThat(http.get(cluster.brokerUrl() + "/debug/routingTable/sql?query=SELEC").status()).isEqualTo(400);
    assertThat(http.get(cluster.brokerUrl() + "/debug/routingTable/sql").status()).isEqualTo(400);
    Http.Reply unknown = http.get(cluster.brokerUrl() + "/debug/routingTable/sql?query="
        + URLEncoder.encode("SELECT * FROM nosuch", StandardCharsets.UTF_8));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().path("error").asText()).isEqualTo("Cannot find routing for table: nosuch");
    assertThat(http.get(cluster.brokerUrl() + "/debug/routingTable/nosuch").status()).isEqualTo(404);
    assertThat(http.get(cluster.brokerUrl() + "/debug/timeBoundary/trips").status()).isEqualTo(404);
  }

  @Test
  void segmentQueriesFromEveryServerReturnTheBrokersRows() throws Exception {
    Map<String, List<String>> routing = routing();
    assertThat(routing).hasSize(2);
    List<String> viaGrpc = new ArrayList<>();
    int segments = 0;
    for (Map.Entry<String, List<String>> server : routing.entrySet()) {
      // Trino's default: one segment per split, one request per segment
      for (String segment : server.getValue()) {
        segments++;
        PublishedGrpcClient.Answer answer = grpc.submit(host(server.getKey()), grpcPort(server.getKey()),
            PublishedGrpcClient.request("SELECT " + COLUMNS + " FROM trips_OFFLINE WHERE id % 10 = 3 LIMIT 2147483647",
                List.of(segment), true, Map.of()));
        assertThat(answer.responseTypes()).last().isEqualTo("metadata");
        for (DataTable block : answer.dataBlocks()) {
          assertThat(block.getExceptions()).isEmpty();
          viaGrpc.addAll(PublishedRows.of(block));
        }
      }
    }
    assertThat(segments).isEqualTo(SMALL_SEGMENTS + 1);
    JsonNode broker = http.query(cluster.brokerUrl(), "SELECT " + COLUMNS + " FROM trips WHERE id % 10 = 3 LIMIT "
        + totalRows);
    List<String> viaBroker = PublishedRows.of(broker.path("resultTable"));
    assertThat(viaBroker).hasSize(totalRows / 10);
    assertThat(viaGrpc).containsExactlyInAnyOrderElementsOf(viaBroker);
  }

  @Test
  void aLargeScanStreamsInSeveralBlocksAndNonStreamingInOne() throws Exception {
    Map<String, List<String>> routing = routing();
    String server = routing.entrySet().stream().filter(e -> e.getValue().contains("trips_large")).findFirst()
        .orElseThrow().getKey();
    String sql = "SELECT id, city, score FROM trips_OFFLINE LIMIT 2147483647";
    PublishedGrpcClient.Answer streamed = grpc.submit(host(server), grpcPort(server),
        PublishedGrpcClient.request(sql, List.of("trips_large"), true, Map.of()));
    assertThat(streamed.dataBlocks().size()).isGreaterThan(1);
    assertThat(streamed.numRows()).isEqualTo(LARGE_ROWS);
    assertThat(streamed.lastBlock().getMetadata()).containsEntry("numDocsScanned", Integer.toString(LARGE_ROWS));
    long idSum = 0;
    for (DataTable block : streamed.dataBlocks()) {
      for (int r = 0; r < block.getNumberOfRows(); r++) {
        idSum += block.getInt(r, 0);
      }
    }
    long firstId = (long) SMALL_SEGMENTS * SMALL_ROWS;
    assertThat(idSum).isEqualTo(LARGE_ROWS * firstId + (long) LARGE_ROWS * (LARGE_ROWS - 1) / 2);

    PublishedGrpcClient.Answer whole = grpc.submit(host(server), grpcPort(server),
        PublishedGrpcClient.request("SELECT id FROM trips_OFFLINE WHERE city = 'city-4' LIMIT 100000",
            List.of("trips_large"), false, Map.of()));
    assertThat(whole.responseTypes()).containsExactly("nonStreaming");
    long expected = http.query(cluster.brokerUrl(), "SELECT COUNT(*) FROM trips WHERE city = 'city-4' AND id >= "
        + firstId).path("resultTable").path("rows").get(0).get(0).asLong();
    assertThat(whole.lastBlock().getNumberOfRows()).isEqualTo((int) expected);
    assertThat(whole.lastBlock().getMetadata()).containsKey("numDocsScanned");
  }

  @Test
  void pinot011sReaderDecodesEveryPayloadAsPinot13sDoes() throws Exception {
    Map<String, List<String>> routing = routing();
    Map.Entry<String, List<String>> server = routing.entrySet().iterator().next();
    String sql = "SELECT " + COLUMNS + " FROM trips_OFFLINE WHERE id % 50 = 1 LIMIT 2147483647";
    List<Server.ServerRequest> requests = List.of(
        PublishedGrpcClient.request(sql, server.getValue(), true, Map.of()),
        PublishedGrpcClient.request(sql, server.getValue(), false, Map.of()),
        PublishedGrpcClient.request("SELECT id FROM nosuch_OFFLINE LIMIT 1", List.of("x"), true, Map.of()));
    try (Pinot011Reader presto = new Pinot011Reader(Path.of(System.getProperty("pinot011.jars")))) {
      int payloads = 0;
      for (Server.ServerRequest request : requests) {
        for (Server.ServerResponse response : grpc.rawResponses(host(server.getKey()), grpcPort(server.getKey()),
            request)) {
          payloads++;
          byte[] payload = response.getPayload().toByteArray();
          DataTable pinot13 = PublishedGrpcClient.decode(payload);
          Pinot011Reader.Decoded pinot011 = presto.decode(payload);
          assertThat(pinot011.numRows()).isEqualTo(pinot13.getNumberOfRows());
          assertThat(pinot011.metadata()).isEqualTo(pinot13.getMetadata());
          assertThat(pinot011.exceptions()).isEqualTo(pinot13.getExceptions());
          if (pinot13.getDataSchema() != null) {
            assertThat(pinot011.rows()).isEqualTo(PublishedRows.of(pinot13));
          }
        }
      }
      assertThat(payloads).isGreaterThanOrEqualTo(5);
    }
  }

  @Test
  void errorsReachThePublishedClient() throws Exception {
    String server = routing().keySet().iterator().next();
    // a table the server does not hold: an exceptions block Trino fails on, then the NOT_FOUND status
    PublishedGrpcClient.Answer trinoView = grpc.submit(host(server), grpcPort(server),
        PublishedGrpcClient.request("SELECT id FROM nosuch_OFFLINE LIMIT 10", List.of("x"), true, Map.of()));
    assertThat(trinoView.dataBlocks()).hasSize(1);
    assertThat(trinoView.dataBlocks().get(0).getExceptions()).containsKey(230);
    assertThatThrownBy(() -> grpc.submit(host(server), grpcPort(server), PublishedGrpcClient.request(
        "SELECT id FROM nosuch_OFFLINE LIMIT 10", List.of("x"), true, Map.of()), false))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    // SQL that does not parse
    assertThatThrownBy(() -> grpc.submit(host(server), grpcPort(server), PublishedGrpcClient.request(
        "SELECT FROM WHERE", List.of(), true, Map.of())))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    // the server keeps answering
    assertThat(grpc.submit(host(server), grpcPort(server), PublishedGrpcClient.request(
        "SELECT id FROM trips_OFFLINE LIMIT 5", routing().get(server), true, Map.of())).numRows()).isEqualTo(5);
  }
}
