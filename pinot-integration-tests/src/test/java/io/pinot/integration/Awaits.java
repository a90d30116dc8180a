// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/// Waiting for a cluster to reach a state: polls every 100 ms and fails the test if the condition still does not
/// hold at the deadline.
final class Awaits {
  static final Duration DEFAULT = Duration.ofSeconds(60);

  private Awaits() {
  }

  static void await(BooleanSupplier condition) throws InterruptedException {
    await(condition, DEFAULT);
  }

  static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long until = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < until) {
      Thread.sleep(100);
    }
    assertThat(condition.getAsBoolean()).as("condition after %s s", timeout.toSeconds()).isTrue();
  }
}
