// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.startree;

/// Constants of the star-tree files (full description in `docs/segment-format.md`, section "Star-tree index").
///
/// A segment with star-trees has two more files in `v3/`, named as in Pinot: `star_tree_index` (the 16-byte
/// `columns.psf` header, then per tree its node buffer `STRE`, one `FSVB` forward index per split-order dimension and
/// one forward index per pre-aggregated metric) and `star_tree_index_map` (where each buffer lives, Pinot's key
/// syntax). The trees' metadata is appended to `metadata.properties` under Pinot's `startree.v2.*` keys, and the
/// CRC in `creation.meta` is chained over the star-tree files. All numbers little-endian.
public final class StarTreeFormat {
  public static final String INDEX_FILE = "star_tree_index";
  public static final String INDEX_MAP_FILE = "star_tree_index_map";

  /// Tag of a tree's node buffer.
  public static final String TAG_TREE = "STRE";
  public static final int TREE_VERSION = 1;
  /// Node buffer header: tag, int32 version, int32 numDimensions, int32 numNodes, int32 numDocs, int32 reserved.
  public static final int TREE_HEADER_SIZE = 24;
  /// Seven int32 per node: dimensionId, dimensionValue, startDocId, endDocId, aggregatedDocId, firstChild,
  /// lastChild.
  public static final int NODE_SIZE = 28;

  /// Index types in `star_tree_index_map` keys (Pinot's names).
  public static final String STAR_TREE_TYPE = "STAR_TREE";
  public static final String FORWARD_INDEX_TYPE = "FORWARD_INDEX";
  /// The column part of the key of a node buffer.
  public static final String NO_COLUMN = "null";
  public static final String OFFSET_SUFFIX = "OFFSET";
  public static final String SIZE_SUFFIX = "SIZE";

  /// `metadata.properties` keys (Pinot's `StarTreeV2Constants.MetadataKey`).
  public static final String METADATA_PREFIX = "startree.v2.";
  public static final String COUNT_KEY = METADATA_PREFIX + "count";
  public static final String TOTAL_DOCS = "total.docs";
  public static final String SPLIT_ORDER = "split.order";
  public static final String FUNCTION_COLUMN_PAIRS = "function.column.pairs";
  public static final String MAX_LEAF_RECORDS = "max.leaf.records";
  public static final String SKIP_STAR_NODE_CREATION = "skip.star.node.creation";

  private StarTreeFormat() {
  }

  /// The `startree.v2.<treeId>.<key>` metadata key.
  public static String treeKey(int treeId, String key) {
    return METADATA_PREFIX + treeId + "." + key;
  }
}
