// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.startree;

import io.pinot.segment.format.PropertiesFile;
import io.pinot.segment.spi.startree.AggregationFunctionColumnPair;
import io.pinot.segment.spi.startree.StarTreeV2Metadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/// The star-tree lines of `metadata.properties`, with Pinot's keys:
/// ```
/// startree.v2.count = 1
/// startree.v2.0.total.docs = 1042
/// startree.v2.0.split.order = country,device
/// startree.v2.0.function.column.pairs = count__*,sum__revenue
/// startree.v2.0.max.leaf.records = 10000
/// startree.v2.0.skip.star.node.creation =
/// ```
/// Lists are comma-separated, so star-tree column names must not contain commas. Stateless utilities.
final class StarTreeMetadataProperties {
  private StarTreeMetadataProperties() {
  }

  /// The lines describing the trees, in tree order (appended to `metadata.properties`).
  static String write(List<StarTreeV2Metadata> trees) {
    StringBuilder out = new StringBuilder();
    PropertiesFile.appendLine(out, StarTreeFormat.COUNT_KEY, Integer.toString(trees.size()));
    for (int i = 0; i < trees.size(); i++) {
      StarTreeV2Metadata tree = trees.get(i);
      PropertiesFile.appendLine(out, StarTreeFormat.treeKey(i, StarTreeFormat.TOTAL_DOCS),
          Integer.toString(tree.numDocs()));
      PropertiesFile.appendListLine(out, StarTreeFormat.treeKey(i, StarTreeFormat.SPLIT_ORDER),
          tree.dimensionsSplitOrder());
      List<String> pairs = new ArrayList<>();
      for (AggregationFunctionColumnPair pair : tree.functionColumnPairs()) {
        pairs.add(pair.toColumnName());
      }
      PropertiesFile.appendListLine(out, StarTreeFormat.treeKey(i, StarTreeFormat.FUNCTION_COLUMN_PAIRS), pairs);
      PropertiesFile.appendLine(out, StarTreeFormat.treeKey(i, StarTreeFormat.MAX_LEAF_RECORDS),
          Integer.toString(tree.maxLeafRecords()));
      PropertiesFile.appendListLine(out, StarTreeFormat.treeKey(i, StarTreeFormat.SKIP_STAR_NODE_CREATION),
          tree.skipStarNodeCreationForDimensions());
    }
    return out.toString();
  }

  /// The trees described by the parsed properties (none when `startree.v2.count` is absent).
  ///
  /// @throws IllegalStateException when a tree's keys are missing or malformed
  static List<StarTreeV2Metadata> read(Map<String, String> properties) {
    String count = properties.get(StarTreeFormat.COUNT_KEY);
    if (count == null) {
      return List.of();
    }
    List<StarTreeV2Metadata> trees = new ArrayList<>();
    try {
      for (int i = 0; i < Integer.parseInt(count.trim()); i++) {
        List<AggregationFunctionColumnPair> pairs = new ArrayList<>();
        for (String pair : list(properties, i, StarTreeFormat.FUNCTION_COLUMN_PAIRS)) {
          pairs.add(AggregationFunctionColumnPair.fromColumnName(pair));
        }
        trees.add(new StarTreeV2Metadata(Integer.parseInt(require(properties, i, StarTreeFormat.TOTAL_DOCS)),
            list(properties, i, StarTreeFormat.SPLIT_ORDER), pairs,
            Integer.parseInt(require(properties, i, StarTreeFormat.MAX_LEAF_RECORDS)),
            list(properties, i, StarTreeFormat.SKIP_STAR_NODE_CREATION)));
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Invalid star-tree metadata: " + e.getMessage(), e);
    }
    return trees;
  }

  private static String require(Map<String, String> properties, int tree, String key) {
    String value = properties.get(StarTreeFormat.treeKey(tree, key));
    if (value == null) {
      throw new IllegalArgumentException("missing " + StarTreeFormat.treeKey(tree, key));
    }
    return value.trim();
  }

  private static List<String> list(Map<String, String> properties, int tree, String key) {
    String value = properties.getOrDefault(StarTreeFormat.treeKey(tree, key), "").trim();
    List<String> items = new ArrayList<>();
    if (!value.isEmpty()) {
      for (String item : value.split(",")) {
        items.add(item.trim());
      }
    }
    return items;
  }
}
