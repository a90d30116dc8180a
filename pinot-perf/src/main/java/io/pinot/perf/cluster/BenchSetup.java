// SPDX-License-Identifier: Apache-2.0
package io.pinot.perf.cluster;

import io.pinot.tools.process.LocalProcessCluster;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/// Creates the bench `events` schema and table (unchanged from ../shared/bench/pinot) and ingests the CSVs
/// with the bench job spec template, timing until every row is queryable.
final class BenchSetup {
  private BenchSetup() {
  }

  /// Returns the ingestion time in seconds.
  static double createAndIngest(LocalProcessCluster cluster, Path benchDir, Path data, Path work, long rows,
      QueryRunner runner) throws IOException, InterruptedException {
    Path pinot = benchDir.resolve("pinot");
    post(cluster.controllerUrl() + "/schemas", Files.readString(pinot.resolve("events_schema.json")));
    postWhenServerJoined(cluster.controllerUrl() + "/tables",
        Files.readString(pinot.resolve("events_offline_table.json")));
    String spec = Files.readString(pinot.resolve("ingestion_job.yaml.tmpl"))
        .replace("@INPUT_DIR@", data.toAbsolutePath().toString())
        .replace("@OUTPUT_DIR@", work.resolve("segments").toAbsolutePath().toString())
        .replace("@PARALLELISM@", "2").replace("@TABLE@", "events")
        .replace("@CONTROLLER@", cluster.controllerUrl());
    Path specFile = Files.writeString(work.resolve("ingestion_job.yaml"), spec);
    long start = System.nanoTime();
    int exit = cluster.runAdmin(work.resolve("ingestion.log"), 3600, "LaunchDataIngestionJob", "-jobSpecFile",
        specFile.toString());
    if (exit != 0) {
      throw new IllegalStateException("Ingestion failed (exit " + exit + "), see " + work.resolve("ingestion.log"));
    }
    while (true) {
      QueryRunner.Timed count = runner.run("SELECT COUNT(*) FROM events");
      long counted = count.response().path("resultTable").path("rows").path(0).path(0).asLong();
      if (count.errorCode() == 0 && counted == rows) {
        break;
      }
      Thread.sleep(200);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /// Creates the table, retrying for up to a minute while the server has not joined the cluster yet (a loaded
  /// machine starts the server JVM after the controller answers).
  private static void postWhenServerJoined(String url, String json) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      try {
        post(url, json);
        return;
      } catch (IllegalStateException e) {
        if (System.nanoTime() > deadline || !e.getMessage().contains("Failed to find servers")) {
          throw e;
        }
        Thread.sleep(500);
      }
    }
  }

  private static void post(String url, String json) throws IOException, InterruptedException {
    try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
      }
    }
  }
}
