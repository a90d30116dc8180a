// SPDX-License-Identifier: Apache-2.0
package io.pinot.perf.cluster;

import java.util.Arrays;

/// Percentiles of a set of latencies in milliseconds (nearest-rank, as run_bench.py computes them).
record LatencyStats(double p50, double p95, double mean, int count) {
  static LatencyStats of(double[] millis) {
    if (millis.length == 0) {
      return new LatencyStats(Double.NaN, Double.NaN, Double.NaN, 0);
    }
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (double value : sorted) {
      sum += value;
    }
    return new LatencyStats(percentile(sorted, 50), percentile(sorted, 95), sum / sorted.length, sorted.length);
  }

  private static double percentile(double[] sorted, double percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
