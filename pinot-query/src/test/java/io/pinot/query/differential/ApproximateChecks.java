// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.differential;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/// Approximate aggregations checked against the exact answer over the same rows, within their documented error
/// bounds (three standard errors, so a correct sketch fails about once in 370 checks at worst; the data and sketch
/// seeds are fixed, so the outcome is stable):
///
/// - DISTINCTCOUNTHLL with log2m m: relative error at most 3 * 1.04 / sqrt(2^m) (19.5% at Pinot's default 8).
/// - DISTINCTCOUNTHLLPLUS (p = 14): 3 * 1.04 / sqrt(2^14) = 2.4%.
/// - DISTINCTCOUNTTHETASKETCH (nominal entries 4096 or more): 3 / sqrt(4096) = 4.7%; exact below that.
/// - PERCENTILEEST / PERCENTILETDIGEST / PERCENTILEKLL: the answer's rank among the values is within the
///   estimator's rank error of p — 0.05 for PERCENTILEEST (Pinot's quantile-digest bound), 0.02 for the
///   t-digest (compression 100) and KLL (k = 200: 1.33% at 99% confidence). PERCENTILEEST works on the values
///   truncated to longs.
///
/// Immutable.
final class ApproximateChecks {
  /// One case: the engine's SQL (first column a group key or nothing, last column the estimate) and a check of one
  /// result row that returns a description of the problem, or null.
  record ApproximateCase(String sql, BiFunction<JavaOracleChecks.Rows, Object[], String> verify) {
    @Override
    public String toString() {
      return sql;
    }
  }

  private ApproximateChecks() {
  }

  static List<ApproximateCase> cases() {
    List<ApproximateCase> cases = new ArrayList<>();
    for (String column : List.of("user_id", "city", "session", "price", "age")) {
      cases.add(distinct("DISTINCTCOUNTHLL(" + column + ")", column, null, 3 * 1.04 / Math.sqrt(256)));
      cases.add(distinct("DISTINCTCOUNTHLL(" + column + ", 12)", column, null, 3 * 1.04 / Math.sqrt(4096)));
      cases.add(distinct("DISTINCTCOUNTHLLPLUS(" + column + ")", column, null, 3 * 1.04 / Math.sqrt(16384)));
      cases.add(distinct("DISTINCTCOUNTTHETASKETCH(" + column + ")", column, null, 3 / Math.sqrt(4096)));
    }
    cases.add(distinct("DISTINCTCOUNTHLL(user_id)", "user_id", "country", 3 * 1.04 / Math.sqrt(256)));
    cases.add(distinct("DISTINCTCOUNTTHETASKETCH(session)", "session", "device", 3 / Math.sqrt(4096)));
    for (double p : new double[]{1, 10, 25, 50, 75, 90, 99}) {
      cases.add(percentile("PERCENTILEEST(price, " + p + ")", "price", p, 0.05, true));
      cases.add(percentile("PERCENTILETDIGEST(price, " + p + ")", "price", p, 0.02, false));
      cases.add(percentile("PERCENTILEKLL(price, " + p + ")", "price", p, 0.02, false));
    }
    cases.add(percentile("PERCENTILETDIGEST(big, 50)", "big", 50, 0.02, false));
    cases.add(percentile("PERCENTILEKLL(revenue, 90)", "revenue", 90, 0.02, false));
    cases.add(percentile("PERCENTILEEST(ts, 50)", "ts", 50, 0.05, true));
    return cases;
  }

  private static ApproximateCase distinct(String function, String column, String groupBy, double relativeError) {
    String sql = groupBy == null ? "SELECT " + function + " FROM events"
        : "SELECT " + groupBy + ", " + function + " FROM events GROUP BY " + groupBy + " ORDER BY 1 LIMIT 100";
    return new ApproximateCase(sql, (rows, row) -> {
      Set<Object> values = new HashSet<>();
      for (Map<String, Object> r : rows.byTs()) {
        if (groupBy == null || r.get(groupBy).equals(row[0])) {
          values.add(r.get(column));
        }
      }
      double estimate = ((Number) row[row.length - 1]).doubleValue();
      double error = Math.abs(estimate - values.size()) / values.size();
      return error <= relativeError ? null : "estimate " + estimate + " vs exact " + values.size() + ": relative error "
          + error + " > " + relativeError;
    });
  }

  private static ApproximateCase percentile(String function, String column, double p, double rankError,
      boolean longs) {
    return new ApproximateCase("SELECT " + function + " FROM events", (rows, row) -> {
      double estimate = ((Number) row[0]).doubleValue();
      long below = 0;
      long atOrBelow = 0;
      for (Map<String, Object> r : rows.byTs()) {
        Number number = (Number) r.get(column);
        double value = longs ? number.longValue() : number.doubleValue();
        below += value < estimate ? 1 : 0;
        atOrBelow += value <= estimate ? 1 : 0;
      }
      double n = rows.byTs().size();
      double q = p / 100;
      boolean ok = below / n <= q + rankError && atOrBelow / n >= q - rankError;
      return ok ? null : "estimate " + estimate + " has rank [" + below / n + ", " + atOrBelow / n + "], wanted "
          + q + " +- " + rankError;
    });
  }
}
