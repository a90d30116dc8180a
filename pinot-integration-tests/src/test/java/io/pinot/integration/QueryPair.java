// SPDX-License-Identifier: Apache-2.0
package io.pinot.integration;

/// A query for the cluster and the same question for H2 (written separately where the dialects differ:
/// multi-value columns, Pinot's default LIMIT 10, DOUBLE averages of INT columns).
///
/// @param ordered whether row order is part of the answer (ORDER BY with tie-breakers)
record QueryPair(String pinot, String h2, boolean ordered) {
  static QueryPair same(String sql, boolean ordered) {
    return new QueryPair(sql, sql, ordered);
  }
}
