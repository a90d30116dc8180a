// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.segment.format.SegmentFiles;
import io.pinot.tools.EmbeddedPinotCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/// The base of the integration tests that share one in-JVM cluster per test class: before the class's tests it
/// creates a work directory, starts an [EmbeddedPinotCluster] of [#numServers] servers under `workDir/cluster` and
/// runs the subclass's [#setUp]; after them it closes the cluster and deletes the directory. Not thread-safe: JUnit
/// runs one class's tests one at a time.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClusterTestBase {
  final Http http = new Http();
  /// Created here rather than by `@TempDir`: an instance `@TempDir` field is not injected before `@BeforeAll`.
  Path workDir;
  EmbeddedPinotCluster cluster;

  /// The number of servers the cluster starts with.
  protected int numServers() {
    return 1;
  }

  /// Runs once the cluster is up, before the class's tests: creates the tables and loads what they need.
  protected abstract void setUp() throws Exception;

  @BeforeAll
  final void startCluster() throws Exception {
    workDir = Files.createTempDirectory(getClass().getSimpleName());
    cluster = EmbeddedPinotCluster.builder(workDir.resolve("cluster")).numServers(numServers()).build().start();
    setUp();
  }

  @AfterAll
  final void stopCluster() throws IOException {
    http.close();
    if (cluster != null) {
      cluster.close();
    }
    SegmentFiles.deleteRecursively(workDir);
  }

  /// Posts a schema and a table config to the controller, asserting both are accepted.
  final void addTable(String schemaJson, String tableJson) throws Exception {
    Http.Reply schema = http.post(cluster.controllerUrl() + "/schemas", schemaJson);
    assertThat(schema.status()).as(schema.body()).isEqualTo(200);
    Http.Reply table = http.post(cluster.controllerUrl() + "/tables", tableJson);
    assertThat(table.status()).as(table.body()).isEqualTo(200);
  }
}
