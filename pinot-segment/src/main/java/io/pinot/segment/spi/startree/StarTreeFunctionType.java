// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.spi.startree;

import java.util.Locale;

/// The aggregation functions a star-tree can pre-aggregate, with Apache Pinot's function names (the part before
/// `__` in a function-column pair such as `sum__revenue`). Names are parsed as Pinot parses them: case-insensitive,
/// underscores ignored (`DISTINCT_COUNT_BITMAP` is `distinctCountBitmap`).
///
/// What each pre-aggregated column holds for the rows a star-tree document stands for:
/// - COUNT: the number of rows (LONG); every star-tree stores `count__*`, configured or not;
/// - SUM and AVG: the sum of the values as a DOUBLE (AVG divides by the document's `count__*` at query time);
/// - MIN, MAX: the smallest or largest value as a DOUBLE;
/// - DISTINCTCOUNTBITMAP: the distinct dictionary ids of the column, as a multi-value dictionary column (exact, so
///   it also answers `DISTINCTCOUNT`).
public enum StarTreeFunctionType {
  COUNT("count"),
  SUM("sum"),
  MIN("min"),
  MAX("max"),
  AVG("avg"),
  DISTINCTCOUNTBITMAP("distinctCountBitmap");

  private final String pinotName;

  StarTreeFunctionType(String pinotName) {
    this.pinotName = pinotName;
  }

  /// Pinot's name (`count`, `sum`, `distinctCountBitmap`), used in pre-aggregated column names.
  public String pinotName() {
    return pinotName;
  }

  /// Whether the function reads a column (every function but COUNT).
  public boolean readsColumn() {
    return this != COUNT;
  }

  /// The type of a function name in any case, with or without underscores.
  ///
  /// @throws IllegalArgumentException when the name is not a function a star-tree supports
  public static StarTreeFunctionType fromName(String name) {
    String normalized = name.replace("_", "").toUpperCase(Locale.ROOT);
    for (StarTreeFunctionType type : values()) {
      if (type.name().equals(normalized)) {
        return type;
      }
    }
    throw new IllegalArgumentException("Aggregation function[" + name + "] is not supported by the star-tree index;"
        + " supported: COUNT, SUM, MIN, MAX, AVG, DISTINCTCOUNTBITMAP");
  }
}
