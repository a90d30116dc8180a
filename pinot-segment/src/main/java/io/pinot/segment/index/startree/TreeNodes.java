// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.startree;

import io.pinot.segment.spi.startree.StarTree;
import java.util.Arrays;

/// The nodes of a star-tree under construction: seven growable int columns indexed by node id, node 0 the root.
/// The children of a node are allocated together, so they are contiguous. Also the [StarTree] view the writer and
/// tests read. Not thread-safe.
final class TreeNodes implements StarTree {
  private int[] dimensionIds = new int[64];
  private int[] dimensionValues = new int[64];
  private int[] startDocIds = new int[64];
  private int[] endDocIds = new int[64];
  private int[] aggregatedDocIds = new int[64];
  private int[] firstChildren = new int[64];
  private int[] lastChildren = new int[64];
  private int size;

  /// Creates the tree with its root covering documents `[0, numDocs)`.
  TreeNodes(int numDocs) {
    int root = allocate(1);
    set(root, ALL, ALL, 0, numDocs);
  }

  /// Allocates `count` contiguous leaf nodes; returns the first id.
  int allocate(int count) {
    int first = size;
    int needed = size + count;
    if (needed > dimensionIds.length) {
      int capacity = Math.max(needed, dimensionIds.length * 2);
      dimensionIds = Arrays.copyOf(dimensionIds, capacity);
      dimensionValues = Arrays.copyOf(dimensionValues, capacity);
      startDocIds = Arrays.copyOf(startDocIds, capacity);
      endDocIds = Arrays.copyOf(endDocIds, capacity);
      aggregatedDocIds = Arrays.copyOf(aggregatedDocIds, capacity);
      firstChildren = Arrays.copyOf(firstChildren, capacity);
      lastChildren = Arrays.copyOf(lastChildren, capacity);
    }
    for (int node = first; node < needed; node++) {
      aggregatedDocIds[node] = -1;
      firstChildren[node] = NO_CHILD;
      lastChildren[node] = NO_CHILD;
    }
    size = needed;
    return first;
  }

  void set(int node, int dimensionId, int dimensionValue, int startDocId, int endDocId) {
    dimensionIds[node] = dimensionId;
    dimensionValues[node] = dimensionValue;
    startDocIds[node] = startDocId;
    endDocIds[node] = endDocId;
  }

  void setChildren(int node, int firstChild, int lastChild) {
    firstChildren[node] = firstChild;
    lastChildren[node] = lastChild;
  }

  void setAggregatedDocId(int node, int docId) {
    aggregatedDocIds[node] = docId;
  }

  @Override
  public int numNodes() {
    return size;
  }

  @Override
  public int dimensionId(int node) {
    return dimensionIds[node];
  }

  @Override
  public int dimensionValue(int node) {
    return dimensionValues[node];
  }

  @Override
  public int startDocId(int node) {
    return startDocIds[node];
  }

  @Override
  public int endDocId(int node) {
    return endDocIds[node];
  }

  @Override
  public int aggregatedDocId(int node) {
    return aggregatedDocIds[node];
  }

  @Override
  public int firstChild(int node) {
    return firstChildren[node];
  }

  @Override
  public int lastChild(int node) {
    return lastChildren[node];
  }
}
