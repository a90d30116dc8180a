// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.startree;

import io.pinot.segment.spi.ColumnMetadata;
import io.pinot.segment.spi.SegmentMetadata;
import io.pinot.segment.spi.startree.AggregationFunctionColumnPair;
import io.pinot.spi.data.FieldSpec;
import io.pinot.spi.data.FieldType;
import io.pinot.spi.data.Schema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/// The resolved configuration of one star-tree, as Pinot's `StarTreeV2BuilderConfig`: the split order, the dimensions
/// without star nodes, the pre-aggregated metrics (deduplicated, `count__*` always first) and the leaf size.
/// Immutable.
///
/// @param maxLeafRecords a node with more documents than this is split further (Pinot's default 10,000)
public record StarTreeBuilderConfig(List<String> dimensionsSplitOrder, List<String> skipStarNodeCreationForDimensions,
    List<AggregationFunctionColumnPair> functionColumnPairs, int maxLeafRecords) {
  public static final int DEFAULT_MAX_LEAF_RECORDS = 10_000;
  /// Dimensions of at most this cardinality go into the default star-tree, as in Pinot.
  public static final int DEFAULT_DIMENSION_CARDINALITY_THRESHOLD = 10_000;

  public StarTreeBuilderConfig {
    dimensionsSplitOrder = List.copyOf(dimensionsSplitOrder);
    skipStarNodeCreationForDimensions = List.copyOf(skipStarNodeCreationForDimensions);
    if (dimensionsSplitOrder.isEmpty()) {
      throw new IllegalArgumentException("Star-tree 'dimensionsSplitOrder' must list at least one dimension");
    }
    if (new HashSet<>(dimensionsSplitOrder).size() != dimensionsSplitOrder.size()) {
      throw new IllegalArgumentException("Star-tree 'dimensionsSplitOrder' " + dimensionsSplitOrder
          + " lists a dimension twice");
    }
    if (!dimensionsSplitOrder.containsAll(skipStarNodeCreationForDimensions)) {
      throw new IllegalArgumentException("Star-tree 'skipStarNodeCreationForDimensions' "
          + skipStarNodeCreationForDimensions + " names dimensions not in 'dimensionsSplitOrder' "
          + dimensionsSplitOrder);
    }
    Set<AggregationFunctionColumnPair> pairs = new LinkedHashSet<>();
    pairs.add(AggregationFunctionColumnPair.COUNT_STAR);
    pairs.addAll(functionColumnPairs);
    functionColumnPairs = List.copyOf(pairs);
    if (maxLeafRecords <= 0) {
      throw new IllegalArgumentException("Star-tree 'maxLeafRecords' must be positive");
    }
  }

  /// The configuration of one `starTreeIndexConfigs` entry: `functionColumnPairs` and `aggregationConfigs` together,
  /// a missing or non-positive `maxLeafRecords` as 10,000.
  ///
  /// @throws IllegalArgumentException when the entry is incomplete or names an unsupported function
  public static StarTreeBuilderConfig fromIndexConfig(StarTreeIndexConfig config) {
    List<String> dimensions = config.dimensionsSplitOrder();
    if (dimensions == null || dimensions.isEmpty()) {
      throw new IllegalArgumentException("Star-tree index config must set 'dimensionsSplitOrder'");
    }
    List<AggregationFunctionColumnPair> pairs = new ArrayList<>();
    if (config.functionColumnPairs() != null) {
      for (String pair : config.functionColumnPairs()) {
        pairs.add(AggregationFunctionColumnPair.fromColumnName(pair));
      }
    }
    if (config.aggregationConfigs() != null) {
      for (StarTreeAggregationConfig aggregation : config.aggregationConfigs()) {
        if (aggregation.aggregationFunction() == null || aggregation.columnName() == null) {
          throw new IllegalArgumentException("Star-tree 'aggregationConfigs' entries need 'columnName' and "
              + "'aggregationFunction'");
        }
        pairs.add(AggregationFunctionColumnPair.of(aggregation.aggregationFunction(), aggregation.columnName()));
      }
    }
    if (pairs.isEmpty()) {
      throw new IllegalArgumentException("Star-tree index config must set 'functionColumnPairs' or "
          + "'aggregationConfigs'");
    }
    List<String> skip = config.skipStarNodeCreationForDimensions();
    Integer maxLeafRecords = config.maxLeafRecords();
    return new StarTreeBuilderConfig(dimensions, skip == null ? List.of() : skip, pairs,
        maxLeafRecords == null || maxLeafRecords <= 0 ? DEFAULT_MAX_LEAF_RECORDS : maxLeafRecords);
  }

  /// Pinot's default star-tree for a segment: dictionary-encoded single-value dimensions of cardinality at most
  /// 10,000, by decreasing cardinality, then dictionary-encoded single-value time columns by decreasing cardinality;
  /// `count__*` and `sum__m` for every numeric single-value metric; 10,000 leaf records. Null when no column
  /// qualifies as a dimension.
  public static @Nullable StarTreeBuilderConfig defaultConfig(SegmentMetadata metadata, Schema schema) {
    List<ColumnMetadata> dimensions = new ArrayList<>();
    List<ColumnMetadata> times = new ArrayList<>();
    List<AggregationFunctionColumnPair> pairs = new ArrayList<>();
    for (FieldSpec spec : schema.allFieldSpecs()) {
      ColumnMetadata column = metadata.columns().get(spec.name());
      if (column == null || !column.singleValue()) {
        continue;
      }
      FieldType type = spec.category();
      if (type == FieldType.DIMENSION && column.hasDictionary()
          && column.cardinality() <= DEFAULT_DIMENSION_CARDINALITY_THRESHOLD) {
        dimensions.add(column);
      } else if ((type == FieldType.TIME || type == FieldType.DATE_TIME) && column.hasDictionary()) {
        times.add(column);
      } else if (type == FieldType.METRIC && StarTreeValidation.aggregatable(spec.dataType())) {
        pairs.add(AggregationFunctionColumnPair.of("SUM", spec.name()));
      }
    }
    Comparator<ColumnMetadata> byCardinality = Comparator.comparingInt(ColumnMetadata::cardinality).reversed();
    dimensions.sort(byCardinality);
    times.sort(byCardinality);
    List<String> splitOrder = new ArrayList<>();
    dimensions.forEach(column -> splitOrder.add(column.name()));
    times.forEach(column -> splitOrder.add(column.name()));
    if (splitOrder.isEmpty()) {
      return null;
    }
    return new StarTreeBuilderConfig(splitOrder, List.of(), pairs, DEFAULT_MAX_LEAF_RECORDS);
  }
}
