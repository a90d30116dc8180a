// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

import static io.pinot.integration.Awaits.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.pinot.spi.annotations.SuppressForbidden;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/// Apache Pinot's file ingestion on the controller: `/ingestFromFile` (multipart) and `/ingestFromURI` (http).
class FileIngestionIT extends ClusterTestBase {
  private static final String SCHEMA = """
      {"schemaName": "ingest", "dimensionFieldSpecs": [{"name": "id", "dataType": "INT"}]}""";
  private static final String TABLE = """
      {"tableName": "ingest", "tableType": "OFFLINE", "segmentsConfig": {"replication": "1"}}""";

  private String controller;

  @Override
  protected void setUp() throws Exception {
    controller = cluster.controllerUrl();
    addTable(SCHEMA, TABLE);
  }

  /// `/ingestFromFile` and `/ingestFromURI` turn a file into a segment; a row that does not parse fails the whole
  /// file and adds nothing.
  @Test
  void filesAreIngestedIntoSegments() throws Exception {
    String csv = ingestUrl("ingest_OFFLINE", "{\"inputFormat\":\"csv\"}");
    Http.Reply ok = SegmentUploads.postFile(csv, "file", "id\n100\n101\n102\n".getBytes(StandardCharsets.UTF_8), "");
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.json().path("status").asText()).startsWith("Successfully ingested file into table: ingest_OFFLINE "
        + "as segment: ingest_");
    JsonNode job = http.get(controller + "/ingestionStatus/" + ok.json().path("jobId").asText()).json();
    assertThat(job.path("phase").asText()).isEqualTo("DONE");
    assertThat(job.path("numDocs").asText()).isEqualTo("3");
    assertThat(job.path("tableName").asText()).isEqualTo("ingest_OFFLINE");
    assertThat(ok.json().path("status").asText()).endsWith(job.path("segmentName").asText());
    Http.Reply json = SegmentUploads.postFile(ingestUrl("ingest_OFFLINE", "{\"inputFormat\":\"json\"}"), "file",
        "{\"id\": 200}\n{\"id\": 201}\n".getBytes(StandardCharsets.UTF_8), "");
    assertThat(json.status()).as(json.body()).isEqualTo(200);
    long expectedSum = 100 + 101 + 102 + 200 + 201;
    await(() -> sumOfIds() == expectedSum);

    Http.Reply badRow = SegmentUploads.postFile(csv, "file", "id\n7\nnot-a-number\n".getBytes(StandardCharsets.UTF_8),
        "");
    assertThat(badRow.status()).isEqualTo(400);
    assertThat(badRow.json().path("error").asText()).contains("ingest_OFFLINE").contains("id")
        .doesNotContain(".input");
    Http.Reply named = SegmentUploads.postFile(csv + "&jobId=bad-file-1", "file",
        "id\nnope\n".getBytes(StandardCharsets.UTF_8), "");
    assertThat(named.status()).isEqualTo(400);
    JsonNode failed = http.get(controller + "/ingestionStatus/bad-file-1").json();
    assertThat(failed.path("phase").asText()).isEqualTo("FAILED");
    assertThat(failed.path("error").asText()).contains("id");
    assertThat(http.get(controller + "/ingestionStatus/no-such-job").status()).isEqualTo(404);
    assertBadRequest(csv + "&jobId=" + encode("../x"), 400, "jobId");
    assertBadRequest(ingestUrl("ingest", "{\"inputFormat\":\"csv\"}"), 400, "type suffix");
    assertBadRequest(ingestUrl("ops_REALTIME", "{\"inputFormat\":\"csv\"}"), 400, "REALTIME");
    assertBadRequest(ingestUrl("nope_OFFLINE", "{\"inputFormat\":\"csv\"}"), 404, "not found");
    assertBadRequest(ingestUrl("ingest_OFFLINE", "{}"), 400, "inputFormat");
    assertBadRequest(ingestUrl("ingest_OFFLINE", "{not json"), 400, "batchConfigMapStr");
    assertBadRequest(ingestUrl("ingest_OFFLINE", "{\"inputFormat\":\"orc\"}"), 400, "ORC");

    Http.Reply local = http.post(controller + "/ingestFromURI?tableNameWithType=ingest_OFFLINE&batchConfigMapStr="
        + encode("{\"inputFormat\":\"csv\"}") + "&sourceURIStr=" + encode("file:///etc/hostname"), "");
    assertThat(local.status()).isEqualTo(400);
    assertThat(local.json().path("error").asText()).contains("http or https");
    try (CsvSource source = new CsvSource("id\n300\n")) {
      Http.Reply fromUri = http.post(controller + "/ingestFromURI?tableNameWithType=ingest_OFFLINE&batchConfigMapStr="
          + encode("{\"inputFormat\":\"csv\"}") + "&sourceURIStr=" + encode(source.url()), "");
      assertThat(fromUri.status()).as(fromUri.body()).isEqualTo(200);
    }
    await(() -> sumOfIds() == expectedSum + 300);
    assertThat(sumOfIds()).as("the failed file added nothing").isEqualTo(expectedSum + 300);
  }

  private String ingestUrl(String table, String batchConfig) {
    return controller + "/ingestFromFile?tableNameWithType=" + table + "&batchConfigMapStr=" + encode(batchConfig);
  }

  private void assertBadRequest(String url, int status, String message) throws Exception {
    Http.Reply reply = SegmentUploads.postFile(url, "file", "id\n1\n".getBytes(StandardCharsets.UTF_8), "");
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.json().path("code").asInt()).isEqualTo(status);
    assertThat(reply.json().path("error").asText()).contains(message);
  }

  private long sumOfIds() {
    try {
      return http.query(cluster.brokerUrl(), "SELECT SUM(id) FROM ingest").at("/resultTable/rows/0/0").asLong();
    } catch (Exception e) {
      return -1;
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /// A one-file HTTP server on loopback, the source of `/ingestFromURI`.
  @SuppressForbidden(reason = "a minimal HTTP server in a test")
  private static final class CsvSource implements AutoCloseable {
    private final HttpServer server;

    CsvSource(String body) throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      server.createContext("/data.csv", exchange -> {
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/data.csv";
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
