// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

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
import io.pinot.spi.utils.TableNameBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/// Builds segment tarballs in tests and uploads them the way Pinot clients do (multipart tar push).
final class SegmentUploads {
  private SegmentUploads() {
  }

  static Path buildTarGz(TableConfig config, Schema schema, String segmentName, List<GenericRow> rows, Path dir)
      throws IOException {
    SegmentCreationResult result = SegmentCreator.create(SegmentGeneratorConfig.builder().tableConfig(config)
        .schema(schema).outputDir(dir.resolve("segments")).segmentNameGenerator(
            new FixedSegmentNameGenerator(segmentName)).build(), new InMemoryRecordReader(rows));
    Path tar = dir.resolve(segmentName + ".tar.gz");
    TarGzUtils.createTarGz(result.segmentDir(), tar);
    return tar;
  }

  static Http.Reply upload(String controllerUrl, String tableName, Path tarGz)
      throws IOException, InterruptedException {
    return upload(controllerUrl, tableName, tarGz, "");
  }

  /// Builds a segment of `rows` for the table and schema given as Pinot JSON, in `dir`, and uploads it.
  static Http.Reply push(String controllerUrl, String tableJson, String schemaJson, String segmentName,
      List<GenericRow> rows, Path dir) throws IOException, InterruptedException {
    TableConfig config = JsonUtils.fromJson(tableJson, TableConfig.class);
    Path tar = buildTarGz(config, JsonUtils.fromJson(schemaJson, Schema.class), segmentName, rows, dir);
    return upload(controllerUrl, TableNameBuilder.rawTableName(config.tableName()), tar);
  }

  /// `count` rows of a single INT column `id`, numbered from `first`.
  static List<GenericRow> idRows(int first, int count) {
    List<GenericRow> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      GenericRow row = new GenericRow();
      row.putValue("id", first + i);
      rows.add(row);
    }
    return rows;
  }

  /// As [#upload(String, String, Path)], sending `authorization` (when not empty) as the `Authorization` header.
  static Http.Reply upload(String controllerUrl, String tableName, Path tarGz, String authorization)
      throws IOException, InterruptedException {
    String fileName = tarGz.getFileName().toString();
    return postFile(controllerUrl + "/v2/segments?tableName=" + tableName, fileName, Files.readAllBytes(tarGz),
        authorization);
  }

  /// Posts `content` as the multipart form field `field` (also its file name), as `curl -F field=@file` does.
  static Http.Reply postFile(String url, String field, byte[] content, String authorization)
      throws IOException, InterruptedException {
    String boundary = "----pinot" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
        + field + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
      if (!authorization.isEmpty()) {
        request.header("Authorization", authorization);
      }
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Http.Reply(response.statusCode(), response.body());
    }
  }

  static Http.Reply uploadUri(String controllerUrl, String tableName, URI downloadUri)
      throws IOException, InterruptedException {
    try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(controllerUrl
          + "/v2/segments?tableName=" + tableName)).header("UPLOAD_TYPE", "URI")
          .header("DOWNLOAD_URI", downloadUri.toString()).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      return new Http.Reply(response.statusCode(), response.body());
    }
  }
}
