// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.preprocess;

import io.pinot.segment.format.SegmentFiles;
import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.index.startree.StarTreeBuilder;
import io.pinot.segment.index.startree.StarTreeBuilderConfig;
import io.pinot.segment.index.startree.StarTreeFormat;
import io.pinot.segment.index.startree.StarTreeIndexingConfig;
import io.pinot.segment.loader.ImmutableSegment;
import io.pinot.segment.loader.SegmentLoader;
import io.pinot.segment.spi.startree.StarTreeV2;
import io.pinot.segment.spi.startree.StarTreeV2Metadata;
import io.pinot.spi.config.table.TableConfig;
import io.pinot.spi.data.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Brings a segment's star-trees in line with the table config on reload, as Pinot does with
/// `enableDynamicStarTreeCreation`: when the trees the config asks for differ from the segment's (added, removed or
/// changed entries of `starTreeIndexConfigs`, `enableDefaultStarTree`), the segment's files are hard-linked into
/// `v3.new` without the star-tree files and `startree.*` metadata lines, the wanted trees are built there from the
/// segment's own columns, and the new directory is switched in like any other preprocessing. `creation.meta` is kept
/// (the pushed CRC identifies the data). Without the flag, a segment keeps its trees and the difference is logged.
///
/// Thread-safety: stateless; calls for one segment directory must not overlap.
final class StarTreeReconciler {
  private static final Logger LOGGER = LoggerFactory.getLogger(StarTreeReconciler.class);
  private static final Set<String> TREE_FILES = Set.of(StarTreeFormat.INDEX_FILE, StarTreeFormat.INDEX_MAP_FILE);
  private static final String TREE_METADATA_PREFIX = "startree.";

  private StarTreeReconciler() {
  }

  /// What would change (`rebuild star-trees [...]`, `remove star-trees`), empty when the trees are current or
  /// dynamic creation is off.
  static List<String> plan(ImmutableSegment segment, TableConfig tableConfig, Schema schema) {
    List<StarTreeBuilderConfig> wanted = StarTreeBuilder.plannedConfigs(segment, tableConfig, schema);
    List<StarTreeBuilderConfig> present = new ArrayList<>();
    for (StarTreeV2 tree : segment.starTrees()) {
      StarTreeV2Metadata metadata = tree.metadata();
      present.add(new StarTreeBuilderConfig(metadata.dimensionsSplitOrder(),
          metadata.skipStarNodeCreationForDimensions(), metadata.functionColumnPairs(), metadata.maxLeafRecords()));
    }
    if (wanted.equals(present)) {
      return List.of();
    }
    if (!StarTreeIndexingConfig.of(tableConfig).dynamicStarTreeCreation()) {
      LOGGER.info("Segment[{}] keeps its {} star-tree(s): the table config asks for {} but "
          + "enableDynamicStarTreeCreation is off", segment.segmentName(), present.size(), wanted.size());
      return List.of();
    }
    if (wanted.isEmpty()) {
      return List.of("remove star-trees");
    }
    List<List<String>> orders = new ArrayList<>();
    for (StarTreeBuilderConfig config : wanted) {
      orders.add(config.dimensionsSplitOrder());
    }
    return List.of("rebuild star-trees " + orders);
  }

  /// Applies [#plan] to the segment in `segmentDir` (its files already current for the columns).
  ///
  /// @return what was done, empty when nothing changed
  static List<String> reconcile(Path segmentDir, TableConfig tableConfig, Schema schema) throws IOException {
    List<String> actions;
    try (ImmutableSegment segment = SegmentLoader.load(segmentDir)) {
      actions = plan(segment, tableConfig, schema);
    }
    if (actions.isEmpty()) {
      return actions;
    }
    Path filesDir = SegmentFiles.filesDir(segmentDir);
    Path newDir = segmentDir.resolve(SegmentPreprocessor.NEW_DIR);
    SegmentFiles.deleteRecursively(newDir);
    try {
      linkWithoutTrees(filesDir, newDir);
      StarTreeBuilder.build(newDir, tableConfig, schema, false);
    } catch (IOException | RuntimeException e) {
      SegmentFiles.deleteRecursively(newDir);
      throw e;
    }
    SegmentPreprocessor.switchTo(segmentDir, filesDir, newDir);
    return actions;
  }

  /// Hard-links every file of `filesDir` into `newDir` except the star-tree files and the metadata, which is
  /// copied without its `startree.*` lines. Nested directories (Lucene text indexes) are linked file by file.
  private static void linkWithoutTrees(Path filesDir, Path newDir) throws IOException {
    Files.createDirectories(newDir);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(filesDir)) {
      files = walk.filter(path -> !path.equals(filesDir)).toList();
    }
    for (Path source : files) {
      Path relative = filesDir.relativize(source);
      Path target = newDir.resolve(relative);
      String name = relative.toString();
      if (Files.isDirectory(source)) {
        Files.createDirectories(target);
      } else if (name.equals(SegmentFormat.METADATA_FILE)) {
        Files.writeString(target, withoutTreeLines(Files.readString(source, StandardCharsets.UTF_8)),
            StandardCharsets.UTF_8);
      } else if (!TREE_FILES.contains(name)) {
        Files.createLink(target, source);
      }
    }
  }

  private static String withoutTreeLines(String properties) {
    StringBuilder kept = new StringBuilder(properties.length());
    for (String line : properties.split("\n")) {
      if (!line.startsWith(TREE_METADATA_PREFIX)) {
        kept.append(line).append('\n');
      }
    }
    return kept.toString();
  }
}
