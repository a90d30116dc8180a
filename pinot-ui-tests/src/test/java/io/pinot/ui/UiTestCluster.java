// SPDX-License-Identifier: Apache-2.0
package io.pinot.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.pinot.common.utils.JsonUtils;
import io.pinot.segment.creator.SegmentCreationResult;
import io.pinot.segment.creator.SegmentCreator;
import io.pinot.segment.creator.SegmentGeneratorConfig;
import io.pinot.segment.creator.name.FixedSegmentNameGenerator;
import io.pinot.segment.readers.InMemoryRecordReader;
import io.pinot.segment.tar.TarGzUtils;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import io.pinot.spi.data.readers.GenericRow;
import io.pinot.tools.EmbeddedPinotCluster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// One small cluster for a test class: ZooKeeper, a controller, one broker and two servers, with the OFFLINE table
/// `uiStats` (teams, leagues, years, runs and hits) in three segments. Also a minimal HTTP client for the REST checks.
final class UiTestCluster implements AutoCloseable {
  static final String TABLE = "uiStats";
  static final String[] TEAMS = {"BOS", "NYA", "CHN", "LAN", "SFN"};
  static final int ROWS_PER_SEGMENT = 40;
  static final int SEGMENTS = 3;
  private static final String SCHEMA = """
      {"schemaName": "uiStats",
       "dimensionFieldSpecs": [{"name": "teamID", "dataType": "STRING"}, {"name": "league", "dataType": "STRING"},
                               {"name": "yearID", "dataType": "INT"}],
       "metricFieldSpecs": [{"name": "runs", "dataType": "INT"}, {"name": "hits", "dataType": "LONG"}]}""";
  private static final String TABLE_CONFIG = """
      {"tableName": "uiStats", "tableType": "OFFLINE", "segmentsConfig": {"replication": "1"},
       "tableIndexConfig": {"invertedIndexColumns": ["teamID"]}}""";

  private final EmbeddedPinotCluster cluster;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private UiTestCluster(EmbeddedPinotCluster cluster) {
    this.cluster = cluster;
  }

  /// Starts the cluster and loads the table; returns when every segment is queryable.
  static UiTestCluster start(Path workDir) throws Exception {
    UiTestCluster result = new UiTestCluster(
        EmbeddedPinotCluster.builder(workDir.resolve("cluster")).numServers(2).build().start());
    try {
      result.load(workDir);
    } catch (Exception | AssertionError e) {
      result.close();
      throw e;
    }
    return result;
  }

  private void load(Path workDir) throws Exception {
    expectOk(post(controllerUrl() + "/schemas", SCHEMA));
    expectOk(post(controllerUrl() + "/tables", TABLE_CONFIG));
    TableConfig config = JsonUtils.fromJson(TABLE_CONFIG, TableConfig.class);
    Schema schema = JsonUtils.fromJson(SCHEMA, Schema.class);
    for (int s = 0; s < SEGMENTS; s++) {
      List<GenericRow> rows = new ArrayList<>();
      for (int i = 0; i < ROWS_PER_SEGMENT; i++) {
        int n = s * ROWS_PER_SEGMENT + i;
        GenericRow row = new GenericRow();
        row.putValue("teamID", TEAMS[n % TEAMS.length]);
        row.putValue("league", n % 2 == 0 ? "AL" : "NL");
        row.putValue("yearID", 2000 + n % 7);
        row.putValue("runs", (n * 37) % 101);
        row.putValue("hits", (long) (n * 13) % 211);
        rows.add(row);
      }
      String name = TABLE + "_" + s;
      SegmentCreationResult created = SegmentCreator.create(SegmentGeneratorConfig.builder().tableConfig(config)
          .schema(schema).outputDir(workDir.resolve("segments")).segmentNameGenerator(
              new FixedSegmentNameGenerator(name)).build(), new InMemoryRecordReader(rows));
      Path tar = workDir.resolve(name + ".tar.gz");
      TarGzUtils.createTarGz(created.segmentDir(), tar);
      expectOk(upload(tar));
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode answer = query("select count(*) from " + TABLE);
      if (answer.path("exceptions").isEmpty()
          && answer.path("resultTable").path("rows").path(0).path(0).asLong() == (long) SEGMENTS * ROWS_PER_SEGMENT) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("The table's segments did not come online in 60 s");
  }

  String controllerUrl() {
    return cluster.controllerUrl();
  }

  String brokerUrl() {
    return cluster.brokerUrl();
  }

  EmbeddedPinotCluster cluster() {
    return cluster;
  }

  /// The broker's answer to `sql`, for comparing with what the UI shows.
  JsonNode query(String sql) throws IOException, InterruptedException {
    Reply reply = post(brokerUrl() + "/query/sql", JsonUtils.toJson(Map.of("sql", sql)));
    expectOk(reply);
    return reply.json();
  }

  record Reply(int status, String body, HttpResponse<String> response) {
    JsonNode json() {
      return JsonUtils.parse(body);
    }

    Optional<String> header(String name) {
      return response.headers().firstValue(name);
    }
  }

  Reply get(String url) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build());
  }

  Reply get(String url, String header, String value) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header(header, value)
        .GET().build());
  }

  Reply post(String url, String body) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  Reply put(String url, String body) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private Reply send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response.body(), response);
  }

  private Reply upload(Path tarGz) throws IOException, InterruptedException {
    String boundary = "----pinot" + System.nanoTime();
    String fileName = tarGz.getFileName().toString();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileName + "\"; filename=\""
        + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(Files.readAllBytes(tarGz));
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(URI.create(controllerUrl() + "/v2/segments?tableName=" + TABLE))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
  }

  private static void expectOk(Reply reply) {
    if (reply.status() != 200) {
      throw new IllegalStateException("HTTP " + reply.status() + ": " + reply.body());
    }
  }

  @Override
  public void close() {
    client.close();
    cluster.close();
  }
}
