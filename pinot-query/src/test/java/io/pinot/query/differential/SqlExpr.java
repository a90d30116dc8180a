// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.differential;

/// One generated expression in two dialects: the text the engine parses (Pinot SQL) and the equivalent H2 text, with
/// what the generator needs to use it well — its kind, the interval its numeric values fall in (to pick literals
/// that split the rows rather than select all or none) and an estimate of its number of distinct values (to keep
/// GROUP BY key spaces below the servers' trim threshold, where Pinot's answers become approximate by design).
///
/// @param cardinality estimated distinct values; 0 when unbounded (not usable as a group key)
/// @param exact whether the value is computed without rounding in both engines (usable as an ORDER BY key)
record SqlExpr(String pinot, String h2, Kind kind, double low, double high, int cardinality, boolean exact) {
  /// The value kinds the grammar combines.
  enum Kind { NUMBER, STRING, BOOLEAN }

  static SqlExpr number(String pinot, String h2, double low, double high, int cardinality, boolean exact) {
    return new SqlExpr(pinot, h2, Kind.NUMBER, low, high, cardinality, exact);
  }

  static SqlExpr string(String pinot, String h2, int cardinality) {
    return new SqlExpr(pinot, h2, Kind.STRING, 0, 0, cardinality, true);
  }

  static SqlExpr bool(String pinot, String h2) {
    return new SqlExpr(pinot, h2, Kind.BOOLEAN, 0, 1, 2, true);
  }

  boolean isNumber() {
    return kind == Kind.NUMBER;
  }
}
