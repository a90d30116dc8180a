// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.startree;

import io.pinot.query.context.QueryDeadline;
import io.pinot.segment.spi.startree.StarTree;
import java.util.Arrays;
import org.roaringbitmap.buffer.MutableRoaringBitmap;

/// Walks a star-tree breadth first and collects the star-tree documents a query must aggregate, as Pinot's
/// `StarTreeFilterOperator` does. Each visited node carries the predicate and group-by dimensions not yet resolved
/// on its path:
/// - none left: the node's aggregated document answers for the whole subtree;
/// - a leaf: its document range is taken, and the predicates still open are applied to those documents later;
/// - the children split on a predicate dimension: only the children of accepted values are visited;
/// - on a group-by dimension: every non-star child;
/// - on any other dimension: the star child when there is one (documents pre-aggregated over that dimension), else
///   every child.
///
/// Not thread-safe: one per segment execution.
final class StarTreeTraversal {
  /// Below this many matching values per child, children are found by binary search instead of a scan.
  private static final int SCAN_THRESHOLD = 10;

  private final StarTree tree;
  private final boolean[][] lookups;
  private final int[][] ids;
  private final QueryDeadline deadline;
  private int[] nodes = new int[64];
  private long[] predicateMasks = new long[64];
  private long[] groupByMasks = new long[64];
  private int head;
  private int tail;
  private long remainingPredicateMask;

  StarTreeTraversal(StarTree tree, boolean[][] lookups, int[][] ids, QueryDeadline deadline) {
    this.tree = tree;
    this.lookups = lookups;
    this.ids = ids;
    this.deadline = deadline;
  }

  /// The documents to aggregate.
  MutableRoaringBitmap traverse(long predicateMask, long groupByMask) {
    MutableRoaringBitmap docs = new MutableRoaringBitmap();
    push(StarTree.ROOT, predicateMask, groupByMask);
    while (head < tail) {
      int node = nodes[head];
      long predicates = predicateMasks[head];
      long groupBy = groupByMasks[head];
      head++;
      if ((head & 1023) == 0) {
        deadline.check();
      }
      if (predicates == 0 && groupBy == 0) {
        docs.add(tree.aggregatedDocId(node));
      } else if (tree.isLeaf(node)) {
        docs.add((long) tree.startDocId(node), tree.endDocId(node));
        remainingPredicateMask |= predicates;
      } else {
        visitChildren(node, predicates, groupBy);
      }
    }
    return docs;
  }

  /// The predicate dimensions that must still be checked on the collected documents (those left open at leaves).
  long remainingPredicateMask() {
    return remainingPredicateMask;
  }

  private void visitChildren(int node, long predicates, long groupBy) {
    int dimension = tree.childDimensionId(node);
    long bit = 1L << dimension;
    int first = tree.firstChild(node);
    int last = tree.lastChild(node);
    if ((predicates & bit) != 0) {
      long rest = predicates & ~bit;
      int[] accepted = ids[dimension];
      if ((long) accepted.length * SCAN_THRESHOLD > last - first + 1) {
        boolean[] lookup = lookups[dimension];
        for (int child = first; child <= last; child++) {
          int value = tree.dimensionValue(child);
          if (value != StarTree.ALL && value < lookup.length && lookup[value]) {
            push(child, rest, groupBy);
          }
        }
      } else {
        for (int id : accepted) {
          int child = tree.child(node, id);
          if (child != StarTree.NO_CHILD) {
            push(child, rest, groupBy);
          }
        }
      }
      return;
    }
    if ((groupBy & bit) == 0) {
      int star = tree.starChild(node);
      if (star != StarTree.NO_CHILD) {
        push(star, predicates, groupBy);
        return;
      }
    }
    long rest = groupBy & ~bit;
    for (int child = first; child <= last; child++) {
      if (tree.dimensionValue(child) != StarTree.ALL) {
        push(child, predicates, rest);
      }
    }
  }

  private void push(int node, long predicates, long groupBy) {
    if (tail == nodes.length) {
      if (head >= nodes.length / 2) {
        int kept = tail - head;
        System.arraycopy(nodes, head, nodes, 0, kept);
        System.arraycopy(predicateMasks, head, predicateMasks, 0, kept);
        System.arraycopy(groupByMasks, head, groupByMasks, 0, kept);
        head = 0;
        tail = kept;
      } else {
        nodes = Arrays.copyOf(nodes, nodes.length * 2);
        predicateMasks = Arrays.copyOf(predicateMasks, nodes.length);
        groupByMasks = Arrays.copyOf(groupByMasks, nodes.length);
      }
    }
    nodes[tail] = node;
    predicateMasks[tail] = predicates;
    groupByMasks[tail] = groupBy;
    tail++;
  }
}
