// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.spi.startree;

import io.pinot.segment.spi.ForwardIndexReader;
import org.jspecify.annotations.Nullable;

/// One star-tree index of a segment: its metadata, its nodes and the forward indexes of its documents.
///
/// Star-tree documents are pre-aggregated records. Their dimension columns (named like the segment's columns) hold
/// dictionary ids of the segment's dictionary of that column, with stars stored as the dictionary's cardinality
/// (never read by a correct traversal); their metric columns are named after the function-column pair
/// (`count__*` LONG, `sum__x`/`avg__x`/`min__x`/`max__x` DOUBLE, `distinctCountBitmap__x` a multi-value dictionary
/// column). Thread-safe; valid while the segment is open.
public interface StarTreeV2 {
  StarTreeV2Metadata metadata();

  StarTree tree();

  /// The forward index of a dimension of the split order or of a pre-aggregated column (`sum__revenue`), or null
  /// when the tree has no such column.
  @Nullable ForwardIndexReader forwardIndex(String column);
}
