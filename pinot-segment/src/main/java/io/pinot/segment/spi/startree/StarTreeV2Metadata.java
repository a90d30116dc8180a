// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.spi.startree;

import java.util.List;

/// What one star-tree of a segment was built with, as recorded in the segment's `metadata.properties` under
/// `startree.v2.<i>.*` (Pinot's keys: `total.docs`, `split.order`, `function.column.pairs`, `max.leaf.records`,
/// `skip.star.node.creation`). Immutable.
///
/// @param numDocs number of star-tree documents (pre-aggregated records, not segment rows)
/// @param dimensionsSplitOrder the dimensions, in the order the tree splits on them
/// @param functionColumnPairs the pre-aggregated metrics, `count__*` first
/// @param maxLeafRecords nodes with more documents than this were split further
/// @param skipStarNodeCreationForDimensions dimensions that have no star nodes
public record StarTreeV2Metadata(int numDocs, List<String> dimensionsSplitOrder,
    List<AggregationFunctionColumnPair> functionColumnPairs, int maxLeafRecords,
    List<String> skipStarNodeCreationForDimensions) {

  public StarTreeV2Metadata {
    dimensionsSplitOrder = List.copyOf(dimensionsSplitOrder);
    functionColumnPairs = List.copyOf(functionColumnPairs);
    skipStarNodeCreationForDimensions = List.copyOf(skipStarNodeCreationForDimensions);
  }

  /// Whether the tree pre-aggregates this metric.
  public boolean contains(AggregationFunctionColumnPair pair) {
    return functionColumnPairs.contains(pair);
  }
}
