// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.startree;

import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.segment.spi.startree.AggregationFunctionColumnPair;
import io.pinot.segment.spi.startree.StarTree;
import io.pinot.segment.spi.startree.StarTreeFunctionType;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;

/// Builds one star-tree from a loaded segment, with the semantics of Pinot's `BaseSingleTreeBuilder`:
/// 1. the segment's rows are sorted by the dictionary ids of the split-order dimensions (a radix sort of doc ids)
///    and rows with equal dimensions are aggregated into the first star-tree documents;
/// 2. from the root (covering those documents) each node whose range has more than `maxLeafRecords` documents is
///    split on the next dimension into one child per value; when it has more than one child and the dimension is
///    not in `skipStarNodeCreationForDimensions`, a star child is added whose documents are the node's documents
///    with that dimension replaced by a star, re-sorted and re-aggregated (appended at the end);
/// 3. every node gets an aggregated document: a single-document leaf's own document, the star child's aggregated
///    document, or a new document merging the node's documents (leaves) or its children's aggregated documents,
///    with stars for the dimensions after the node's.
///
/// Memory: the dimension dictionary ids and metric inputs of the segment (4 bytes per row and dimension, 8 per row
/// and SUM/MIN/MAX/AVG metric) plus the star-tree documents, all in primitive columns. Not thread-safe.
final class SingleTreeBuilder {
  private final int numDimensions;
  private final int[] cardinalities;
  private final int[] bounds;
  private final boolean[] skipStar;
  private final StarTreeRecords records;
  private final int maxLeafRecords;
  private TreeNodes nodes;

  /// A built tree: its configuration, documents and nodes, the cardinality of each dimension (a star is stored as
  /// the cardinality) and of each pair's column (0 for pairs without a dictionary column).
  record Result(StarTreeBuilderConfig config, StarTreeRecords records, TreeNodes nodes, int[] cardinalities,
      int[] pairCardinalities) {
  }

  private SingleTreeBuilder(StarTreeBuilderConfig config, int[] cardinalities, int initialCapacity) {
    this.numDimensions = config.dimensionsSplitOrder().size();
    this.cardinalities = cardinalities;
    this.bounds = new int[numDimensions];
    this.skipStar = new boolean[numDimensions];
    for (int d = 0; d < numDimensions; d++) {
      bounds[d] = cardinalities[d] + 1;
      skipStar[d] = config.skipStarNodeCreationForDimensions().contains(config.dimensionsSplitOrder().get(d));
    }
    this.records = new StarTreeRecords(numDimensions, config.functionColumnPairs(), initialCapacity);
    this.maxLeafRecords = config.maxLeafRecords();
  }

  /// Builds the tree of `config` over all rows of `segment` (which must have at least one row).
  ///
  /// @throws IllegalArgumentException when a column is missing, multi-value, lacks a needed dictionary or is not
  ///     numeric for SUM/MIN/MAX/AVG
  static Result build(IndexSegment segment, StarTreeBuilderConfig config) {
    int numDocs = segment.numDocs();
    if (numDocs == 0) {
      throw new IllegalArgumentException("Cannot build a star-tree over an empty segment");
    }
    List<String> dimensions = config.dimensionsSplitOrder();
    int[][] dictIds = new int[dimensions.size()][];
    int[] cardinalities = new int[dimensions.size()];
    for (int d = 0; d < dictIds.length; d++) {
      DataSource dataSource = SegmentColumns.dataSource(segment, dimensions.get(d), true);
      cardinalities[d] = dataSource.dictionary().length();
      dictIds[d] = SegmentColumns.dictIds(dataSource, numDocs);
    }
    List<AggregationFunctionColumnPair> pairs = config.functionColumnPairs();
    double[][] values = new double[pairs.size()][];
    int[][] ids = new int[pairs.size()][];
    int[] pairCardinalities = new int[pairs.size()];
    for (int p = 0; p < pairs.size(); p++) {
      // Pairs on the same column (sum__x, max__x) share one array of its values.
      for (int q = 0; q < p && values[p] == null; q++) {
        if (values[q] != null && pairs.get(q).column().equals(pairs.get(p).column())
            && pairs.get(p).function() != StarTreeFunctionType.DISTINCTCOUNTBITMAP) {
          values[p] = values[q];
        }
      }
      if (values[p] == null) {
        readPairInput(segment, pairs.get(p), numDocs, values, ids, pairCardinalities, p);
      }
    }
    SingleTreeBuilder builder = new SingleTreeBuilder(config, cardinalities, Math.min(numDocs, 1 << 16));
    builder.aggregateSegmentRows(dictIds, values, ids, numDocs);
    builder.nodes = new TreeNodes(builder.records.size());
    builder.split(StarTree.ROOT);
    builder.aggregate(StarTree.ROOT);
    return new Result(config, builder.records, builder.nodes, cardinalities, pairCardinalities);
  }

  private static void readPairInput(IndexSegment segment, AggregationFunctionColumnPair pair, int numDocs,
      double[][] values, int[][] ids, int[] pairCardinalities, int p) {
    switch (pair.function()) {
      case COUNT -> {
      }
      case SUM, AVG, MIN, MAX -> {
        DataSource dataSource = SegmentColumns.dataSource(segment, pair.column(), false);
        if (!StarTreeValidation.aggregatable(dataSource.metadata().dataType())) {
          throw new IllegalArgumentException("Column[" + pair.column() + "] of pair[" + pair.toColumnName()
              + "] has type " + dataSource.metadata().dataType() + "; it must be INT, LONG, FLOAT or DOUBLE");
        }
        values[p] = SegmentColumns.doubles(dataSource, numDocs);
      }
      case DISTINCTCOUNTBITMAP -> {
        DataSource dataSource = SegmentColumns.dataSource(segment, pair.column(), true);
        pairCardinalities[p] = dataSource.dictionary().length();
        ids[p] = SegmentColumns.dictIds(dataSource, numDocs);
      }
    }
  }

  /// Sorts the segment's rows by their dimensions and appends one record per distinct dimension tuple.
  private void aggregateSegmentRows(int[][] dictIds, double[][] values, int[][] ids, int numDocs) {
    int[] order = new int[numDocs];
    for (int i = 0; i < numDocs; i++) {
      order[i] = i;
    }
    RecordSorter.sort(order, numDocs, dictIds, 0, bounds);
    int runStart = 0;
    for (int i = 1; i <= numDocs; i++) {
      if (i == numDocs || !sameRow(dictIds, order[runStart], order[i])) {
        appendRun(dictIds, values, ids, order, runStart, i);
        runStart = i;
      }
    }
  }

  private static boolean sameRow(int[][] dictIds, int first, int second) {
    for (int[] column : dictIds) {
      if (column[first] != column[second]) {
        return false;
      }
    }
    return true;
  }

  /// Appends the record aggregating the rows `order[from, to)` (which have equal dimensions).
  private void appendRun(int[][] dictIds, double[][] values, int[][] ids, int[] order, int from, int to) {
    int record = records.append();
    int first = order[from];
    for (int d = 0; d < numDimensions; d++) {
      records.setDimension(record, d, dictIds[d][first]);
    }
    records.setCount(record, to - from);
    for (int p = 0; p < values.length; p++) {
      StarTreeRecords.Kind kind = records.kind(p);
      if (kind == StarTreeRecords.Kind.SET) {
        RoaringBitmap set = new RoaringBitmap();
        for (int i = from; i < to; i++) {
          set.add(ids[p][order[i]]);
        }
        records.setSet(records.slot(p), record, set);
      } else if (kind != StarTreeRecords.Kind.COUNT) {
        records.setDouble(records.slot(p), record, fold(kind, values[p], order, from, to));
      }
    }
  }

  private static double fold(StarTreeRecords.Kind kind, double[] values, int[] order, int from, int to) {
    double result = values[order[from]];
    switch (kind) {
      case MIN -> {
        for (int i = from + 1; i < to; i++) {
          result = Math.min(result, values[order[i]]);
        }
      }
      case MAX -> {
        for (int i = from + 1; i < to; i++) {
          result = Math.max(result, values[order[i]]);
        }
      }
      default -> {
        for (int i = from + 1; i < to; i++) {
          result += values[order[i]];
        }
      }
    }
    return result;
  }

  /// Creates the children of a node (and their subtrees, for children above the leaf size).
  private void split(int node) {
    int childDimension = nodes.dimensionId(node) + 1;
    if (childDimension == numDimensions) {
      return;
    }
    int start = nodes.startDocId(node);
    int end = nodes.endDocId(node);
    int[] column = records.dimensionColumn(childDimension);
    int numValues = 1;
    for (int doc = start + 1; doc < end; doc++) {
      if (column[doc] != column[doc - 1]) {
        numValues++;
      }
    }
    boolean star = numValues > 1 && !skipStar[childDimension];
    int first = nodes.allocate(numValues + (star ? 1 : 0));
    int next = star ? first + 1 : first;
    int runStart = start;
    for (int doc = start + 1; doc <= end; doc++) {
      if (doc == end || column[doc] != column[runStart]) {
        nodes.set(next++, childDimension, column[runStart], runStart, doc);
        runStart = doc;
      }
    }
    if (star) {
      int starStart = records.size();
      appendStarRecords(start, end, childDimension);
      nodes.set(first, childDimension, StarTree.ALL, starStart, records.size());
    }
    nodes.setChildren(node, first, next - 1);
    for (int child = first; child < next; child++) {
      if (nodes.endDocId(child) - nodes.startDocId(child) > maxLeafRecords) {
        split(child);
      }
    }
  }

  /// Appends the documents of a star node: records `[start, end)` with `dimension` replaced by a star, sorted by
  /// the following dimensions and aggregated.
  private void appendStarRecords(int start, int end, int dimension) {
    int length = end - start;
    int[] items = new int[length];
    for (int i = 0; i < length; i++) {
      items[i] = start + i;
    }
    int[][] keys = new int[numDimensions][];
    for (int d = 0; d < numDimensions; d++) {
      keys[d] = records.dimensionColumn(d);
    }
    RecordSorter.sort(items, length, keys, dimension + 1, bounds);
    int current = -1;
    int previous = -1;
    for (int i = 0; i < length; i++) {
      int item = items[i];
      if (current >= 0 && records.sameDimensions(previous, item, dimension + 1)) {
        records.merge(current, item);
      } else {
        current = records.appendCopy(item);
        records.setDimension(current, dimension, cardinalities[dimension]);
      }
      previous = item;
    }
  }

  /// Sets (and returns) the aggregated document of a node and of all nodes below it.
  private int aggregate(int node) {
    int aggregated;
    int first = nodes.firstChild(node);
    if (first == StarTree.NO_CHILD) {
      int start = nodes.startDocId(node);
      int end = nodes.endDocId(node);
      aggregated = start;
      if (end - start > 1) {
        aggregated = records.appendCopy(start);
        for (int doc = start + 1; doc < end; doc++) {
          records.merge(aggregated, doc);
        }
        starDimensionsAfter(aggregated, nodes.dimensionId(node));
      }
    } else {
      int star = nodes.starChild(node);
      aggregated = -1;
      for (int child = first; child <= nodes.lastChild(node); child++) {
        int childDoc = aggregate(child);
        if (child == star) {
          aggregated = childDoc;
        } else if (star == StarTree.NO_CHILD) {
          if (aggregated < 0) {
            aggregated = records.appendCopy(childDoc);
          } else {
            records.merge(aggregated, childDoc);
          }
        }
      }
      if (star == StarTree.NO_CHILD) {
        starDimensionsAfter(aggregated, nodes.dimensionId(node));
      }
    }
    nodes.setAggregatedDocId(node, aggregated);
    return aggregated;
  }

  private void starDimensionsAfter(int record, int dimensionId) {
    for (int d = dimensionId + 1; d < numDimensions; d++) {
      records.setDimension(record, d, cardinalities[d]);
    }
  }
}
