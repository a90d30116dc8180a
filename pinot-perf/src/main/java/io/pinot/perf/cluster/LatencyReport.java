// SPDX-License-Identifier: Apache-2.0
package io.pinot.perf.cluster;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/// Runs each bench query `warmup` times untimed and `runs` times timed, and formats one line per query:
/// p50/p95 client latency, the broker's timeUsedMs p50, rows returned and documents scanned. A query the
/// engine rejects as not supported yet (errorCode 700/720) is reported as such and left out of the mix.
final class LatencyReport {
  private LatencyReport() {
  }

  /// Appends the report lines and returns the queries that ran without error.
  static List<BenchQuery> run(QueryRunner runner, List<BenchQuery> queries, int runs, int warmup, List<String> report)
      throws IOException, InterruptedException {
    List<BenchQuery> supported = new ArrayList<>();
    List<String> unsupported = new ArrayList<>();
    report.add(String.format(Locale.ROOT, "%-4s %-3s %10s %10s %8s %5s %12s  %s", "id", "ok", "p50 ms", "p95 ms",
        "srv p50", "rows", "docsScanned", "tags"));
    List<Double> p50s = new ArrayList<>();
    for (BenchQuery query : queries) {
      QueryRunner.Timed first = runner.run(query.sql());
      if (first.errorCode() != 0) {
        String reason = first.errorCode() == 700 || first.errorCode() == 720 ? "not yet supported"
            : "error " + first.errorCode();
        unsupported.add(query.id() + " (" + reason + "): " + first.errorMessage());
        continue;
      }
      for (int i = 1; i < warmup; i++) {
        runner.run(query.sql());
      }
      double[] client = new double[runs];
      double[] server = new double[runs];
      QueryRunner.Timed last = first;
      for (int i = 0; i < runs; i++) {
        last = runner.run(query.sql());
        client[i] = last.millis();
        server[i] = last.response().path("timeUsedMs").asDouble();
      }
      LatencyStats stats = LatencyStats.of(client);
      p50s.add(stats.p50());
      report.add(String.format(Locale.ROOT, "%-4s %-3s %10.2f %10.2f %8.0f %5d %12d  %s", query.id(),
          last.errorCode() == 0 ? "y" : "n", stats.p50(), stats.p95(), LatencyStats.of(server).p50(),
          last.response().path("resultTable").path("rows").size(), last.response().path("numDocsScanned").asLong(),
          query.tags()));
      supported.add(query);
    }
    double logSum = 0;
    for (double p50 : p50s) {
      logSum += Math.log(p50);
    }
    report.add(String.format(Locale.ROOT, "geomean(p50) over %d supported queries = %.2f ms", p50s.size(),
        Math.exp(logSum / Math.max(1, p50s.size()))));
    for (String line : unsupported) {
      report.add("not run: " + line);
    }
    return supported;
  }
}
