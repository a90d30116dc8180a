// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.spi.startree;

/// The nodes of one star-tree, addressed by node id (no node objects, so traversals allocate nothing).
///
/// Node 0 is the root (dimension id and value [#ALL]). A node at depth `k` splits on dimension `k - 1` of the split
/// order and stands for the star-tree documents `[startDocId, endDocId)` whose first `k` dimensions equal the path's
/// values (a *star* node, value [#ALL], stands for documents pre-aggregated over its dimension). The children of a
/// node are the contiguous ids `[firstChild, lastChild]`, sorted by dimension value with the star child first; a leaf
/// has no children. Every node has an *aggregated document*: one star-tree document aggregating all of the node's
/// documents, whose dimensions after the node's own are stars.
///
/// Thread-safe: implementations are immutable views.
public interface StarTree {
  /// Dimension id and value of the root, and the dimension value of star nodes.
  int ALL = -1;
  /// The first and last child of a leaf.
  int NO_CHILD = -1;
  /// The id of the root node.
  int ROOT = 0;

  int numNodes();

  /// Index in the split order of the dimension this node splits on ([#ALL] for the root).
  int dimensionId(int node);

  /// The dictionary id of the node's dimension value, or [#ALL] for star nodes and the root.
  int dimensionValue(int node);

  int startDocId(int node);

  /// Exclusive end of the node's documents.
  int endDocId(int node);

  int aggregatedDocId(int node);

  /// The first child, or [#NO_CHILD] for a leaf.
  int firstChild(int node);

  /// The last child (inclusive), or [#NO_CHILD] for a leaf.
  int lastChild(int node);

  default boolean isLeaf(int node) {
    return firstChild(node) == NO_CHILD;
  }

  /// The dimension the node's children split on, or [#ALL] for a leaf.
  default int childDimensionId(int node) {
    int first = firstChild(node);
    return first == NO_CHILD ? ALL : dimensionId(first);
  }

  /// The star child of the node, or [#NO_CHILD] when it has none.
  default int starChild(int node) {
    int first = firstChild(node);
    return first != NO_CHILD && dimensionValue(first) == ALL ? first : NO_CHILD;
  }

  /// The child with the given (non-star) dimension value, found by binary search, or [#NO_CHILD].
  default int child(int node, int dictId) {
    int low = firstChild(node);
    if (low == NO_CHILD) {
      return NO_CHILD;
    }
    int high = lastChild(node);
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int value = dimensionValue(mid);
      if (value == dictId) {
        return mid;
      }
      if (value < dictId) {
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return NO_CHILD;
  }
}
