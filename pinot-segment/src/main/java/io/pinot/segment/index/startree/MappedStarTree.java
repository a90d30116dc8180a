// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.startree;

import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.memory.DataBuffer;
import io.pinot.segment.spi.startree.StarTree;

/// The nodes of a star-tree read in place from its `STRE` buffer (header, then seven little-endian int32 per node;
/// see [StarTreeFormat]). Immutable and thread-safe.
final class MappedStarTree implements StarTree {
  private final DataBuffer buffer;
  private final int numNodes;
  private final int numDimensions;
  private final int numDocs;

  /// Opens a node buffer, checking its tag, version and size.
  MappedStarTree(DataBuffer buffer) {
    if (buffer.size() < StarTreeFormat.TREE_HEADER_SIZE
        || buffer.getInt(0) != SegmentFormat.tagValue(StarTreeFormat.TAG_TREE)) {
      throw new IllegalStateException("Not a star-tree node buffer");
    }
    if (buffer.getInt(4) != StarTreeFormat.TREE_VERSION) {
      throw new IllegalStateException("Unsupported star-tree version " + buffer.getInt(4));
    }
    this.numDimensions = buffer.getInt(8);
    this.numNodes = buffer.getInt(12);
    this.numDocs = buffer.getInt(16);
    if (numNodes < 1 || buffer.size() != StarTreeFormat.TREE_HEADER_SIZE + (long) numNodes * StarTreeFormat.NODE_SIZE) {
      throw new IllegalStateException("Star-tree node buffer of " + buffer.size() + " bytes does not hold "
          + numNodes + " nodes");
    }
    this.buffer = buffer;
  }

  int numDimensions() {
    return numDimensions;
  }

  int numDocs() {
    return numDocs;
  }

  private int field(int node, int index) {
    return buffer.getInt(StarTreeFormat.TREE_HEADER_SIZE + (long) node * StarTreeFormat.NODE_SIZE + 4L * index);
  }

  @Override
  public int numNodes() {
    return numNodes;
  }

  @Override
  public int dimensionId(int node) {
    return field(node, 0);
  }

  @Override
  public int dimensionValue(int node) {
    return field(node, 1);
  }

  @Override
  public int startDocId(int node) {
    return field(node, 2);
  }

  @Override
  public int endDocId(int node) {
    return field(node, 3);
  }

  @Override
  public int aggregatedDocId(int node) {
    return field(node, 4);
  }

  @Override
  public int firstChild(int node) {
    return field(node, 5);
  }

  @Override
  public int lastChild(int node) {
    return field(node, 6);
  }
}
