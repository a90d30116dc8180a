// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

import io.pinot.tools.EmbeddedPinotCluster;
import io.pinot.tools.kafka.EmbeddedKafka;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/// The base of the real-time integration tests: one [StreamingTestCluster] per test class, started by the
/// subclass's `@BeforeAll` through [#startStreaming] and closed after the subclass's own `@AfterAll` methods.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StreamingIT {
  StreamingTestCluster streaming;
  EmbeddedKafka kafka;
  EmbeddedPinotCluster cluster;
  Http http;

  /// Starts Kafka and a default cluster under `dir`.
  final void startStreaming(Path dir) throws Exception {
    startStreaming(dir, UnaryOperator.identity());
  }

  /// Starts Kafka and a cluster shaped by `builder` (e.g. more servers) under `dir`.
  final void startStreaming(Path dir, UnaryOperator<EmbeddedPinotCluster.Builder> builder) throws Exception {
    streaming = StreamingTestCluster.start(dir, builder);
    kafka = streaming.kafka;
    cluster = streaming.cluster;
    http = streaming.http;
  }

  @AfterAll
  final void stopStreaming() {
    if (streaming != null) {
      streaming.close();
    }
  }
}
