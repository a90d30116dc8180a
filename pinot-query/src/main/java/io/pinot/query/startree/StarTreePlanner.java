// SPDX-License-Identifier: Apache-2.0
package io.pinot.query.startree;

import io.pinot.query.context.FilterNode;
import io.pinot.query.context.Identifier;
import io.pinot.query.context.Predicate;
import io.pinot.query.context.QueryContext;
import io.pinot.query.context.QueryDeadline;
import io.pinot.query.filter.DocIdIterator;
import io.pinot.query.filter.DocIdSet;
import io.pinot.query.filter.FilterPlanner;
import io.pinot.query.function.AggregationFunction;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.Dictionary;
import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.segment.spi.IndexSegment;
import io.pinot.segment.spi.startree.AggregationFunctionColumnPair;
import io.pinot.segment.spi.startree.StarTreeFunctionType;
import io.pinot.segment.spi.startree.StarTreeV2;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// Decides whether a star-tree of a segment can answer an aggregation or group-by query, as Pinot's
/// `StarTreeUtils.isFitForStarTree` does, and prepares the plan:
/// - every aggregation is covered: COUNT by `count__*`, SUM and AVG by `sum__x` or `avg__x` (both hold sums),
///   MIN by `min__x`, MAX by `max__x`, DISTINCTCOUNT by `distinctCountBitmap__x`;
/// - every group-by expression is a split-order dimension;
/// - the filter is an AND of parts that each read one split-order dimension (a part may itself be an OR or NOT of
///   predicates on that dimension, which covers Pinot's single-dimension OR); an OR across dimensions, or a predicate
///   on another column, does not fit and the query runs without the star-tree.
///
/// A dimension's filter part is evaluated once on its dictionary by the regular filter planner (see
/// [DictionaryDomainSegment]), so literal conversions match the normal plan exactly. The first fitting tree is used.
/// Stateless utilities.
final class StarTreePlanner {
  private StarTreePlanner() {
  }

  /// The plan on the first star-tree of the segment that fits the query, or null.
  static @Nullable StarTreePlan plan(QueryContext query, IndexSegment segment, QueryDeadline deadline) {
    List<StarTreeV2> trees = segment.starTrees();
    if (trees.isEmpty() || query.aggregations().isEmpty()) {
      return null;
    }
    List<String> groupBy = new ArrayList<>();
    for (var expression : query.groupByExpressions()) {
      if (!(expression instanceof Identifier identifier) || identifier.isStar()) {
        return null;
      }
      groupBy.add(identifier.name());
    }
    Map<String, List<FilterNode>> filters = new LinkedHashMap<>();
    if (query.filter() != null && !splitByColumn(query.filter(), filters)) {
      return null;
    }
    for (StarTreeV2 tree : trees) {
      String[] metrics = metricColumns(tree, query.aggregations());
      int[] groupByDimensions = dimensionIndexes(tree, groupBy);
      if (metrics != null && groupByDimensions != null && dimensionIndexes(tree, filters.keySet()) != null
          && tree.metadata().dimensionsSplitOrder().size() < Long.SIZE) {
        return plan(tree, segment, deadline, filters, metrics, groupByDimensions, groupBy);
      }
    }
    return null;
  }

  private static @Nullable StarTreePlan plan(StarTreeV2 tree, IndexSegment segment, QueryDeadline deadline,
      Map<String, List<FilterNode>> filters, String[] metrics, int[] groupByDimensions, List<String> groupBy) {
    List<String> dimensions = tree.metadata().dimensionsSplitOrder();
    Dictionary[] dictionaries = new Dictionary[groupBy.size()];
    long product = 1;
    for (int i = 0; i < dictionaries.length; i++) {
      dictionaries[i] = segment.dataSource(groupBy.get(i)).dictionary();
      long cardinality = Math.max(1, dictionaries[i].length());
      if (Math.multiplyHigh(product, cardinality) != 0 || product * cardinality < 0) {
        return null;
      }
      product *= cardinality;
    }
    boolean[][] lookups = new boolean[dimensions.size()][];
    int[][] ids = new int[dimensions.size()][];
    boolean empty = false;
    for (Map.Entry<String, List<FilterNode>> entry : filters.entrySet()) {
      int dimension = dimensions.indexOf(entry.getKey());
      DataSource dataSource = segment.dataSource(entry.getKey());
      Dictionary dictionary = dataSource.dictionary();
      FilterNode filter = entry.getValue().size() == 1 ? entry.getValue().get(0) : new FilterNode.And(entry.getValue());
      int[] matching = matchingDictIds(segment, entry.getKey(), dataSource, filter, deadline);
      if (matching.length == 0) {
        empty = true;
      } else if (matching.length < dictionary.length()) {
        ids[dimension] = matching;
        lookups[dimension] = new boolean[dictionary.length()];
        for (int id : matching) {
          lookups[dimension][id] = true;
        }
      }
    }
    ForwardIndexReader count = tree.forwardIndex(AggregationFunctionColumnPair.COUNT_STAR.toColumnName());
    if (count == null) {
      return null;
    }
    return new StarTreePlan(tree, lookups, ids, groupByDimensions, dictionaries, metrics, count, empty);
  }

  /// The dictionary ids of a column that pass a filter on that column alone, in increasing order.
  private static int[] matchingDictIds(IndexSegment segment, String column, DataSource dataSource, FilterNode filter,
      QueryDeadline deadline) {
    DictionaryDomainSegment domain = new DictionaryDomainSegment(segment, column, dataSource.metadata(),
        dataSource.dictionary());
    DocIdSet set = new FilterPlanner(domain, deadline).plan(filter);
    DocIdIterator iterator = DocIdIterator.of(set, deadline);
    int[] ids = new int[Math.max(1, Math.min(domain.numDocs(), DocIdIterator.BLOCK_SIZE))];
    int count = 0;
    int[] block = new int[DocIdIterator.BLOCK_SIZE];
    int n;
    while ((n = iterator.next(block, block.length)) > 0) {
      if (count + n > ids.length) {
        ids = Arrays.copyOf(ids, Math.max(count + n, ids.length * 2));
      }
      System.arraycopy(block, 0, ids, count, n);
      count += n;
    }
    return Arrays.copyOf(ids, count);
  }

  /// Adds the AND-ed parts of a filter to `out` by the one column each reads; false when a part reads no or
  /// several columns, or uses a predicate the star-tree cannot evaluate on a dictionary.
  static boolean splitByColumn(FilterNode filter, Map<String, List<FilterNode>> out) {
    if (filter instanceof FilterNode.And and) {
      for (FilterNode child : and.children()) {
        if (!splitByColumn(child, out)) {
          return false;
        }
      }
      return true;
    }
    String column = singleColumn(filter);
    if (column == null) {
      return false;
    }
    out.computeIfAbsent(column, c -> new ArrayList<>()).add(filter);
    return true;
  }

  private static @Nullable String singleColumn(FilterNode filter) {
    List<FilterNode> children = switch (filter) {
      case FilterNode.And and -> and.children();
      case FilterNode.Or or -> or.children();
      case FilterNode.Not not -> List.of(not.child());
      case Predicate predicate -> null;
    };
    if (children == null) {
      Predicate predicate = (Predicate) filter;
      boolean valueOnly = predicate instanceof Predicate.Eq || predicate instanceof Predicate.NotEq
          || predicate instanceof Predicate.In || predicate instanceof Predicate.NotIn
          || predicate instanceof Predicate.Range || predicate instanceof Predicate.Like;
      return valueOnly && predicate.lhs() instanceof Identifier identifier && !identifier.isStar()
          ? identifier.name() : null;
    }
    String column = null;
    for (FilterNode child : children) {
      String childColumn = singleColumn(child);
      if (childColumn == null || (column != null && !column.equals(childColumn))) {
        return null;
      }
      column = childColumn;
    }
    return column;
  }

  /// The split-order index of each column, or null when one is not a dimension of the tree.
  private static int @Nullable [] dimensionIndexes(StarTreeV2 tree, Iterable<String> columns) {
    List<String> dimensions = tree.metadata().dimensionsSplitOrder();
    List<Integer> indexes = new ArrayList<>();
    for (String column : columns) {
      int index = dimensions.indexOf(column);
      if (index < 0) {
        return null;
      }
      indexes.add(index);
    }
    int[] result = new int[indexes.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = indexes.get(i);
    }
    return result;
  }

  /// The star-tree column each aggregation reads (null entries for COUNT), or null when one is not covered.
  private static @Nullable String @Nullable [] metricColumns(StarTreeV2 tree, List<AggregationFunction> functions) {
    String[] columns = new String[functions.size()];
    for (int i = 0; i < columns.length; i++) {
      AggregationFunction function = functions.get(i);
      if (function.name().equals("count")) {
        continue;
      }
      if (!(function.argument() instanceof Identifier identifier) || identifier.isStar()) {
        return null;
      }
      List<StarTreeFunctionType> stored = switch (function.name()) {
        case "sum" -> List.of(StarTreeFunctionType.SUM, StarTreeFunctionType.AVG);
        case "avg" -> List.of(StarTreeFunctionType.AVG, StarTreeFunctionType.SUM);
        case "min" -> List.of(StarTreeFunctionType.MIN);
        case "max" -> List.of(StarTreeFunctionType.MAX);
        case "distinctcount" -> List.of(StarTreeFunctionType.DISTINCTCOUNTBITMAP);
        default -> List.of();
      };
      for (StarTreeFunctionType type : stored) {
        String column = new AggregationFunctionColumnPair(type, identifier.name()).toColumnName();
        if (tree.forwardIndex(column) != null) {
          columns[i] = column;
          break;
        }
      }
      if (columns[i] == null) {
        return null;
      }
    }
    return columns;
  }
}
