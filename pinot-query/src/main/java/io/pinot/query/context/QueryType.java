// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.context;

/// The execution shape of a single-stage query.
public enum QueryType {
  /// Rows of columns, optionally ordered: `SELECT a, b FROM t WHERE ... ORDER BY a LIMIT 10`.
  SELECTION,
  /// Aggregations without GROUP BY: one row.
  AGGREGATION,
  /// GROUP BY with aggregations, or without them (`SELECT DISTINCT` and GROUP BY without aggregations,
  /// which Pinot runs as DISTINCT).
  GROUP_BY
}
