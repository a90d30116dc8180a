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
    // The last observation decides: a state seen once may be gone by a second look (a query answered in full, then
    // partially while routing changes), and a wait that saw it has done its job.
    boolean held = condition.holds();
    while (!held && System.nanoTime() < until) {
      Thread.sleep(100);
      held = condition.holds();
    }
    assertThat(held).as("condition after %s s", timeout.toSeconds()).isTrue();
  }
}
