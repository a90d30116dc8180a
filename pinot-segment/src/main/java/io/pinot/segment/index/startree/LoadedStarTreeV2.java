// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.startree;

import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.segment.spi.startree.StarTree;
import io.pinot.segment.spi.startree.StarTreeV2;
import io.pinot.segment.spi.startree.StarTreeV2Metadata;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// A star-tree of a loaded segment: metadata, mapped nodes and the forward indexes of its columns (dimensions by
/// column name, metrics by pair name). Immutable and thread-safe; valid while the segment's memory is mapped.
record LoadedStarTreeV2(StarTreeV2Metadata metadata, StarTree tree, Map<String, ForwardIndexReader> columns)
    implements StarTreeV2 {
  LoadedStarTreeV2 {
    columns = Map.copyOf(columns);
  }

  @Override
  public @Nullable ForwardIndexReader forwardIndex(String column) {
    return columns.get(column);
  }
}
