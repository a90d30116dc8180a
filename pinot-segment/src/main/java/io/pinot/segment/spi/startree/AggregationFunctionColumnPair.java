// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.spi.startree;

import static java.util.Objects.requireNonNull;

/// One pre-aggregated metric of a star-tree: a function and the column it aggregates, written as Apache Pinot writes
/// it (`SUM__revenue` in table configs, `sum__revenue` as the column name in the segment; COUNT always has the
/// column `*`, so `COUNT__anything` is `count__*`). Immutable.
///
/// @param function the aggregation
/// @param column the aggregated column, `*` for COUNT
public record AggregationFunctionColumnPair(StarTreeFunctionType function, String column) {
  /// Separator between the function and the column.
  public static final String DELIMITER = "__";
  /// The column of COUNT.
  public static final String STAR = "*";
  /// `count__*`, which every star-tree stores.
  public static final AggregationFunctionColumnPair COUNT_STAR =
      new AggregationFunctionColumnPair(StarTreeFunctionType.COUNT, STAR);

  public AggregationFunctionColumnPair {
    requireNonNull(function, "function is null");
    requireNonNull(column, "column is null");
    if (function == StarTreeFunctionType.COUNT) {
      column = STAR;
    } else if (column.isEmpty() || column.equals(STAR)) {
      throw new IllegalArgumentException("Aggregation function[" + function.pinotName() + "] needs a column");
    }
  }

  /// Parses `FUNCTION__column` (function name in any case).
  ///
  /// @throws IllegalArgumentException when there is no `__`, or the function is not supported
  public static AggregationFunctionColumnPair fromColumnName(String pair) {
    int delimiter = pair.indexOf(DELIMITER);
    if (delimiter <= 0) {
      throw new IllegalArgumentException("Invalid star-tree function-column pair[" + pair
          + "]: expected FUNCTION__column, e.g. SUM__revenue or COUNT__*");
    }
    return of(pair.substring(0, delimiter), pair.substring(delimiter + DELIMITER.length()));
  }

  /// The pair of a function name (any case) and a column (ignored for COUNT).
  public static AggregationFunctionColumnPair of(String functionName, String column) {
    return new AggregationFunctionColumnPair(StarTreeFunctionType.fromName(functionName), column);
  }

  /// The name of the pre-aggregated column in the star-tree (`sum__revenue`, `count__*`).
  public String toColumnName() {
    return function.pinotName() + DELIMITER + column;
  }

  @Override
  public String toString() {
    return toColumnName();
  }
}
