// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

/// Waiting for a cluster to reach a state: polls every 100 ms and fails the test if the condition still does not
/// hold at the deadline. A condition may throw (a query failing while the cluster settles is an exception, not a
/// wait), which fails the test at once.
final class Awaits {
  static final Duration DEFAULT = Duration.ofSeconds(60);

  private Awaits() {
  }

  /// A state of the cluster, checked by querying it.
  interface Condition {
    boolean holds() throws Exception;
  }

  static void await(Condition condition) throws Exception {
    await(condition, DEFAULT);
  }

  static void await(Condition condition, Duration timeout) throws Exception {
    long until = System.nanoTime() + timeout.toNanos();
    while (!condition.holds() && System.nanoTime() < until) {
      Thread.sleep(100);
    }
    assertThat(condition.holds()).as("condition after %s s", timeout.toSeconds()).isTrue();
  }
}
