// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.differential;

/// The size of the differential suites: reduced in CI, full with `-Dpinot.test.scale=full` (set by the
/// `-Pacceptance` Maven profile). Immutable.
///
/// @param rowsPerSegment the rows of each of the table's segments (served by two in-JVM servers)
/// @param numQueries how many generated queries [GeneratedDifferentialTest] compares with H2
record DifferentialScale(int[] rowsPerSegment, int numQueries) {
  static DifferentialScale current() {
    if ("full".equals(System.getProperty("pinot.test.scale"))) {
      return new DifferentialScale(new int[]{50_000, 50_000, 50_000, 50_000}, 2000);
    }
    return new DifferentialScale(new int[]{3000, 2500, 2000, 500}, 300);
  }

  int numRows() {
    int total = 0;
    for (int rows : rowsPerSegment) {
      total += rows;
    }
    return total;
  }
}
