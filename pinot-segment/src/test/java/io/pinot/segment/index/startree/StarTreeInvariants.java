// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.startree;

import static org.assertj.core.api.Assertions.assertThat;

import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.segment.spi.startree.AggregationFunctionColumnPair;
import io.pinot.segment.spi.startree.StarTree;
import io.pinot.segment.spi.startree.StarTreeFunctionType;
import io.pinot.segment.spi.startree.StarTreeV2;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/// Checks a loaded star-tree against its segment's rows by brute force:
/// - the structure: children contiguous, on the next dimension, sorted with the star child first; non-star
///   children partition their parent's documents; a star child exactly when there are several values and the
///   dimension is not skipped; nodes above `maxLeafRecords` documents split (unless on the last dimension);
/// - every document of a node matches the node's path and has real values after the node's dimension; every
///   node's aggregated document has the path's values and stars after it (a single-document leaf's is that
///   document);
/// - every star-tree document's metrics equal the aggregation of all segment rows matching its dimensions (a star
///   matching anything).
final class StarTreeInvariants {
  private final IndexSegment segment;
  private final StarTreeV2 starTree;
  private final StarTree tree;
  private final int numDimensions;
  private final int[] cardinalities;
  private final int[][] treeDims;
  private final int[][] rowDims;

  private StarTreeInvariants(IndexSegment segment, StarTreeV2 starTree) {
    this.segment = segment;
    this.starTree = starTree;
    this.tree = starTree.tree();
    List<String> dimensions = starTree.metadata().dimensionsSplitOrder();
    this.numDimensions = dimensions.size();
    this.cardinalities = new int[numDimensions];
    this.treeDims = new int[numDimensions][];
    this.rowDims = new int[numDimensions][];
    for (int d = 0; d < numDimensions; d++) {
      String dimension = dimensions.get(d);
      cardinalities[d] = segment.dataSource(dimension).dictionary().length();
      treeDims[d] = readAll(starTree.forwardIndex(dimension), starTree.metadata().numDocs());
      rowDims[d] = SegmentColumns.dictIds(segment.dataSource(dimension), segment.numDocs());
    }
  }

  static void check(IndexSegment segment, StarTreeV2 starTree) {
    StarTreeInvariants invariants = new StarTreeInvariants(segment, starTree);
    int[] path = new int[invariants.numDimensions];
    Arrays.fill(path, -2);
    invariants.checkNode(StarTree.ROOT, path);
    invariants.checkMetrics();
  }

  private static int[] readAll(ForwardIndexReader reader, int numDocs) {
    int[] docIds = new int[numDocs];
    for (int i = 0; i < numDocs; i++) {
      docIds[i] = i;
    }
    int[] ids = new int[numDocs];
    reader.readDictIds(docIds, numDocs, ids);
    return ids;
  }

  /// `path[d]`: the dictionary id, the star (cardinality) or -2 for dimensions below the node.
  private void checkNode(int node, int[] path) {
    int dimension = tree.dimensionId(node);
    for (int doc = tree.startDocId(node); doc < tree.endDocId(node); doc++) {
      for (int d = 0; d < numDimensions; d++) {
        if (d <= dimension) {
          assertThat(treeDims[d][doc]).as("doc %s dimension %s of node %s", doc, d, node).isEqualTo(path[d]);
        } else {
          assertThat(treeDims[d][doc]).as("doc %s dimension %s", doc, d).isLessThan(cardinalities[d]);
        }
      }
    }
    int aggregated = tree.aggregatedDocId(node);
    if (tree.isLeaf(node) && tree.endDocId(node) - tree.startDocId(node) == 1) {
      // A single-document leaf is its own aggregated document, with real values after the node's dimension.
      assertThat(aggregated).isEqualTo(tree.startDocId(node));
    } else {
      for (int d = 0; d < numDimensions; d++) {
        assertThat(treeDims[d][aggregated]).isEqualTo(d <= dimension ? path[d] : cardinalities[d]);
      }
    }
    if (tree.isLeaf(node)) {
      int size = tree.endDocId(node) - tree.startDocId(node);
      assertThat(size <= starTree.metadata().maxLeafRecords() || dimension == numDimensions - 1)
          .as("leaf %s of %s documents at dimension %s", node, size, dimension).isTrue();
      assertThat(node != StarTree.ROOT).as("the root is always split").isTrue();
      return;
    }
    checkChildren(node, dimension + 1, path);
  }

  private void checkChildren(int node, int childDimension, int[] path) {
    int first = tree.firstChild(node);
    int last = tree.lastChild(node);
    boolean star = tree.dimensionValue(first) == StarTree.ALL;
    int nextStart = tree.startDocId(node);
    int previous = -1;
    for (int child = star ? first + 1 : first; child <= last; child++) {
      assertThat(tree.dimensionId(child)).isEqualTo(childDimension);
      assertThat(tree.dimensionValue(child)).isGreaterThan(previous);
      previous = tree.dimensionValue(child);
      assertThat(tree.startDocId(child)).isEqualTo(nextStart);
      nextStart = tree.endDocId(child);
    }
    assertThat(nextStart).isEqualTo(tree.endDocId(node));
    int numValues = last - first + 1 - (star ? 1 : 0);
    String dimensionName = starTree.metadata().dimensionsSplitOrder().get(childDimension);
    boolean skipped = starTree.metadata().skipStarNodeCreationForDimensions().contains(dimensionName);
    assertThat(star).as("star child of node %s", node).isEqualTo(numValues > 1 && !skipped);
    for (int child = first; child <= last; child++) {
      int[] childPath = path.clone();
      int value = tree.dimensionValue(child);
      childPath[childDimension] = value == StarTree.ALL ? cardinalities[childDimension] : value;
      checkNode(child, childPath);
    }
  }

  private void checkMetrics() {
    int numDocs = starTree.metadata().numDocs();
    int[] docIds = new int[numDocs];
    for (int i = 0; i < numDocs; i++) {
      docIds[i] = i;
    }
    long[] counts = new long[numDocs];
    starTree.forwardIndex("count__*").readLongValues(docIds, numDocs, counts);
    for (AggregationFunctionColumnPair pair : starTree.metadata().functionColumnPairs()) {
      ForwardIndexReader reader = starTree.forwardIndex(pair.toColumnName());
      assertThat(reader).as(pair.toColumnName()).isNotNull();
      double[] values = new double[numDocs];
      if (pair.function() != StarTreeFunctionType.DISTINCTCOUNTBITMAP
          && pair.function() != StarTreeFunctionType.COUNT) {
        reader.readDoubleValues(docIds, numDocs, values);
      }
      double[] rowValues = pair.function().readsColumn()
          && pair.function() != StarTreeFunctionType.DISTINCTCOUNTBITMAP
          ? SegmentColumns.doubles(segment.dataSource(pair.column()), segment.numDocs()) : null;
      int[] rowIds = pair.function() == StarTreeFunctionType.DISTINCTCOUNTBITMAP
          ? SegmentColumns.dictIds(segment.dataSource(pair.column()), segment.numDocs()) : null;
      int[] buffer = new int[rowIds == null ? 1 : segment.dataSource(pair.column()).dictionary().length()];
      PairData data = new PairData(pair, reader, rowValues, rowIds, buffer);
      for (int doc = 0; doc < numDocs; doc++) {
        checkDocument(data, doc, counts[doc], values[doc]);
      }
    }
  }

  /// A pair's star-tree column and the segment rows' inputs of its function.
  private record PairData(AggregationFunctionColumnPair pair, ForwardIndexReader reader, double[] rowValues,
      int[] rowIds, int[] buffer) {
  }

  private void checkDocument(PairData data, int doc, long count, double value) {
    AggregationFunctionColumnPair pair = data.pair();
    double[] rowValues = data.rowValues();
    int[] rowIds = data.rowIds();
    long expectedCount = 0;
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    TreeSet<Integer> distinct = new TreeSet<>();
    for (int row = 0; row < segment.numDocs(); row++) {
      if (!matches(doc, row)) {
        continue;
      }
      expectedCount++;
      if (rowValues != null) {
        sum += rowValues[row];
        min = Math.min(min, rowValues[row]);
        max = Math.max(max, rowValues[row]);
      }
      if (rowIds != null) {
        distinct.add(rowIds[row]);
      }
    }
    assertThat(count).as("count of doc %s", doc).isEqualTo(expectedCount).isPositive();
    switch (pair.function()) {
      case COUNT -> assertThat(value).isZero();
      case SUM, AVG -> assertThat(value).as("%s of doc %s", pair, doc).isEqualTo(sum);
      case MIN -> assertThat(value).as("%s of doc %s", pair, doc).isEqualTo(min);
      case MAX -> assertThat(value).as("%s of doc %s", pair, doc).isEqualTo(max);
      case DISTINCTCOUNTBITMAP -> {
        int n = data.reader().getDictIdsMV(doc, data.buffer());
        assertThat(Arrays.copyOf(data.buffer(), n)).as("%s of doc %s", pair, doc)
            .containsExactly(distinct.stream().mapToInt(Integer::intValue).toArray());
      }
    }
  }

  private boolean matches(int doc, int row) {
    for (int d = 0; d < numDimensions; d++) {
      int value = treeDims[d][doc];
      if (value != cardinalities[d] && value != rowDims[d][row]) {
        return false;
      }
    }
    return true;
  }
}
