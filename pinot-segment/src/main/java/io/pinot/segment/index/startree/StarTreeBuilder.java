// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.startree;

import io.pinot.segment.format.CreationMeta;
import io.pinot.segment.format.SegmentFiles;
import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.loader.ImmutableSegment;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.spi.startree.StarTreeV2Metadata;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Adds the star-trees of a table config to a segment that was just written, as Pinot does after writing the
/// columns: the segment is loaded, each tree is built from its columns ([SingleTreeBuilder]) and written to
/// `star_tree_index` / `star_tree_index_map` ([StarTreeWriter]), the trees' metadata is appended to
/// `metadata.properties` (`startree.v2.*`) and the CRC in `creation.meta` becomes
/// `CRC32C(big-endian int64 previous CRC, big-endian int64 CRC32C(star_tree_index + star_tree_index_map))`, so the
/// CRC still changes whenever any data byte changes. Trees are built one at a time; empty segments get none.
///
/// Thread-safety: stateless; concurrent calls must use different segment directories.
public final class StarTreeBuilder {
  private static final Logger LOGGER = LoggerFactory.getLogger(StarTreeBuilder.class);

  private StarTreeBuilder() {
  }

  /// Builds the star-trees `tableConfig` asks for (explicit `starTreeIndexConfigs`, plus the default tree with
  /// `enableDefaultStarTree` when it differs from all of them) into the segment directory. Does nothing when the
  /// table has no star-tree or the segment has no rows.
  ///
  /// @return the number of trees built
  /// @throws IllegalArgumentException when a star-tree config is invalid for this segment
  /// @throws IllegalStateException when the segment already has star-trees
  /// @throws IOException when reading or writing the segment fails
  public static int build(Path segmentDir, TableConfig tableConfig, Schema schema) throws IOException {
    return build(segmentDir, tableConfig, schema, true);
  }

  /// As [#build(Path, TableConfig, Schema)]; with `chainCrc` false the CRC in `creation.meta` is left as it is (a
  /// server rebuilding the trees of a pushed segment on reload keeps the pushed CRC, which identifies the data).
  public static int build(Path segmentDir, TableConfig tableConfig, Schema schema, boolean chainCrc)
      throws IOException {
    StarTreeIndexingConfig indexing = StarTreeIndexingConfig.of(tableConfig);
    if (!indexing.hasStarTrees()) {
      return 0;
    }
    Path filesDir = SegmentFiles.filesDir(segmentDir);
    if (Files.exists(filesDir.resolve(StarTreeFormat.INDEX_FILE))) {
      throw new IllegalStateException("Segment in " + segmentDir + " already has star-trees");
    }
    List<StarTreeV2Metadata> built = new ArrayList<>();
    long starTreeCrc;
    try (ImmutableSegment segment = SegmentLoader.load(segmentDir)) {
      if (segment.numDocs() == 0) {
        LOGGER.info("Segment[{}] has no rows: no star-tree built", segment.segmentName());
        return 0;
      }
      List<StarTreeBuilderConfig> configs = configs(indexing, segment, schema);
      if (configs.isEmpty()) {
        return 0;
      }
      try (StarTreeWriter writer = new StarTreeWriter(filesDir)) {
        for (int i = 0; i < configs.size(); i++) {
          built.add(buildOne(segment, configs.get(i), i, writer));
        }
        starTreeCrc = writer.finish();
      }
    }
    Files.writeString(filesDir.resolve(SegmentFormat.METADATA_FILE), StarTreeMetadataProperties.write(built),
        StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    if (!chainCrc) {
      return built.size();
    }
    Path creationMetaFile = filesDir.resolve(SegmentFormat.CREATION_META_FILE);
    CreationMeta previous = CreationMeta.fromBytes(Files.readAllBytes(creationMetaFile));
    Files.write(creationMetaFile, new CreationMeta(chainCrc(previous.crc(), starTreeCrc), previous.creationTime())
        .toBytes());
    return built.size();
  }

  private static StarTreeV2Metadata buildOne(ImmutableSegment segment, StarTreeBuilderConfig config, int treeId,
      StarTreeWriter writer) throws IOException {
    long start = System.nanoTime();
    SingleTreeBuilder.Result tree = SingleTreeBuilder.build(segment, config);
    writer.write(treeId, tree);
    int numDocs = tree.records().size();
    LOGGER.info("Built star-tree {} of segment[{}] on {} in {} ms: {} documents from {} rows, {} nodes", treeId,
        segment.segmentName(), config.dimensionsSplitOrder(), (System.nanoTime() - start) / 1_000_000, numDocs,
        segment.numDocs(), tree.nodes().numNodes());
    return new StarTreeV2Metadata(numDocs, config.dimensionsSplitOrder(), config.functionColumnPairs(),
        config.maxLeafRecords(), config.skipStarNodeCreationForDimensions());
  }

  /// The trees `tableConfig` asks for on this segment, in build order (empty for a segment without rows).
  public static List<StarTreeBuilderConfig> plannedConfigs(ImmutableSegment segment, TableConfig tableConfig,
      Schema schema) {
    StarTreeIndexingConfig indexing = StarTreeIndexingConfig.of(tableConfig);
    if (!indexing.hasStarTrees() || segment.numDocs() == 0) {
      return List.of();
    }
    return configs(indexing, segment, schema);
  }

  /// The trees to build: the explicit configs in order, then the default tree unless equal to one of them.
  static List<StarTreeBuilderConfig> configs(StarTreeIndexingConfig indexing, ImmutableSegment segment,
      Schema schema) {
    List<StarTreeBuilderConfig> configs = new ArrayList<>();
    for (StarTreeIndexConfig entry : indexing.starTreeIndexConfigs()) {
      configs.add(StarTreeBuilderConfig.fromIndexConfig(entry));
    }
    if (indexing.defaultStarTree()) {
      StarTreeBuilderConfig defaultConfig = StarTreeBuilderConfig.defaultConfig(segment.metadata(), schema);
      if (defaultConfig == null) {
        LOGGER.info("Segment[{}] has no column for the default star-tree", segment.segmentName());
      } else if (!configs.contains(defaultConfig)) {
        configs.add(defaultConfig);
      }
    }
    return configs;
  }

  /// The segment CRC with the star-tree files: CRC32C of both CRCs as big-endian int64s.
  static long chainCrc(long segmentCrc, long starTreeCrc) {
    CRC32C crc = new CRC32C();
    crc.update(ByteBuffer.allocate(16).putLong(segmentCrc).putLong(starTreeCrc).flip());
    return crc.getValue();
  }
}
