// SPDX-License-Identifier: Apache-2.0
package io.pinot.perf.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/// Throughput of the query mix with K client threads: thread i starts at query i and loops over the mix
/// until the duration ends (as run_bench.py does). Reports queries per second and errors.
final class Throughput {
  private Throughput() {
  }

  static String measure(QueryRunner runner, List<BenchQuery> mix, int threads, Duration duration)
      throws InterruptedException {
    if (mix.isEmpty()) {
      return "throughput: no query to run";
    }
    long deadline = System.nanoTime() + duration.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<long[]>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t;
      results.add(pool.submit(() -> {
        long done = 0;
        long errors = 0;
        for (int i = offset; System.nanoTime() < deadline; i++) {
          if (runner.run(mix.get(i % mix.size()).sql()).errorCode() != 0) {
            errors++;
          }
          done++;
        }
        return new long[] {done, errors};
      }));
    }
    long done = 0;
    long errors = 0;
    for (Future<long[]> result : results) {
      try {
        long[] counts = result.get();
        done += counts[0];
        errors += counts[1];
      } catch (ExecutionException e) {
        errors++;
      }
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.MINUTES);
    return String.format(Locale.ROOT, "throughput with %d client thread(s) over the %d-query mix: %.2f queries/s"
        + " (%d queries, %d errors, %d s)", threads, mix.size(), done / (double) duration.toSeconds(), done, errors,
        duration.toSeconds());
  }
}
