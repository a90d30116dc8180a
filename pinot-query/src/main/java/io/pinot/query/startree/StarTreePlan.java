// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.startree;

import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.segment.spi.startree.StarTreeV2;
import org.jspecify.annotations.Nullable;

/// How one query runs on one star-tree of one segment, decided by [StarTreePlanner]. Immutable once built (arrays
/// are not copied and must not be modified).
///
/// @param starTree the chosen tree
/// @param predicateLookups per split-order dimension, the dictionary ids its filter accepts (indexed by id), or null
///     when the dimension has no (restrictive) predicate
/// @param predicateIds per dimension, the accepted ids in increasing order (null without predicate)
/// @param groupByDimensions for each group-by expression, its index in the split order
/// @param groupByDictionaries the segment dictionaries of the group-by columns
/// @param metricColumns the star-tree column each aggregation reads (`sum__x`...), null for COUNT
/// @param count the `count__*` column
/// @param empty whether some predicate accepts no value, so nothing matches
record StarTreePlan(StarTreeV2 starTree, boolean[][] predicateLookups, int[][] predicateIds,
    int[] groupByDimensions, Dictionary[] groupByDictionaries, @Nullable String[] metricColumns,
    ForwardIndexReader count, boolean empty) {

  /// Bit `d` set when dimension `d` has a predicate.
  long predicateMask() {
    long mask = 0;
    for (int d = 0; d < predicateLookups.length; d++) {
      if (predicateLookups[d] != null) {
        mask |= 1L << d;
      }
    }
    return mask;
  }

  /// Bit `d` set when dimension `d` is grouped on and has no predicate (a predicate's dimension is traversed
  /// value by value anyway).
  long groupByMask() {
    long mask = 0;
    for (int dimension : groupByDimensions) {
      mask |= 1L << dimension;
    }
    return mask & ~predicateMask();
  }
}
