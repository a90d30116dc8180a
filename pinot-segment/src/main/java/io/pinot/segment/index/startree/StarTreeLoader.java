// SPDX-License-Identifier: Apache-2.0
package io.pinot.segment.index.startree;

import io.pinot.segment.format.PropertiesFile;
import io.pinot.segment.format.SegmentFormat;
import io.pinot.segment.index.forward.ForwardIndexes;
import io.pinot.segment.memory.DataBuffer;
import io.pinot.segment.spi.DataSource;
import io.pinot.segment.spi.ForwardIndexReader;
import io.pinot.segment.spi.startree.AggregationFunctionColumnPair;
import io.pinot.segment.spi.startree.StarTreeV2;
import io.pinot.segment.spi.startree.StarTreeV2Metadata;
import io.pinot.spi.data.DataType;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// Opens the star-trees of a segment being loaded: reads their metadata from `metadata.properties`, maps
/// `star_tree_index` into the segment's arena and opens each tree's nodes and forward indexes at the places
/// `star_tree_index_map` gives. Stateless utilities.
public final class StarTreeLoader {
  private StarTreeLoader() {
  }

  /// The star-trees of the segment in `filesDir` (its `v3` directory), in build order; none when the segment has
  /// no `startree.v2.count` key.
  ///
  /// @param dataSources the segment's columns (dimension forward indexes use their dictionaries)
  /// @param arena the segment's arena, which owns the mapping
  /// @throws IllegalStateException when the star-tree files do not match the metadata
  public static List<StarTreeV2> load(Path filesDir, Map<String, DataSource> dataSources, Arena arena)
      throws IOException {
    String properties = Files.readString(filesDir.resolve(SegmentFormat.METADATA_FILE), StandardCharsets.UTF_8);
    List<StarTreeV2Metadata> trees = StarTreeMetadataProperties.read(PropertiesFile.read(properties));
    if (trees.isEmpty()) {
      return List.of();
    }
    DataBuffer data = DataBuffer.mapReadOnly(filesDir.resolve(StarTreeFormat.INDEX_FILE), arena);
    if (data.size() < SegmentFormat.FILE_HEADER_SIZE
        || !Arrays.equals(data.getBytes(0, SegmentFormat.FILE_MAGIC.length), SegmentFormat.FILE_MAGIC)
        || data.getInt(SegmentFormat.FILE_MAGIC.length) != SegmentFormat.FILE_VERSION) {
      throw new IllegalStateException(StarTreeFormat.INDEX_FILE + " does not start with the segment file header");
    }
    Map<String, DataBuffer> buffers = readIndexMap(Files.readString(filesDir.resolve(StarTreeFormat.INDEX_MAP_FILE),
        StandardCharsets.UTF_8), data);
    List<StarTreeV2> loaded = new ArrayList<>(trees.size());
    for (int i = 0; i < trees.size(); i++) {
      loaded.add(open(i, trees.get(i), buffers, dataSources));
    }
    return List.copyOf(loaded);
  }

  private static StarTreeV2 open(int treeId, StarTreeV2Metadata metadata, Map<String, DataBuffer> buffers,
      Map<String, DataSource> dataSources) {
    MappedStarTree tree = new MappedStarTree(buffer(buffers, treeId, StarTreeFormat.NO_COLUMN,
        StarTreeFormat.STAR_TREE_TYPE));
    if (tree.numDimensions() != metadata.dimensionsSplitOrder().size() || tree.numDocs() != metadata.numDocs()
        || metadata.dimensionsSplitOrder().isEmpty()) {
      throw new IllegalStateException("Star-tree " + treeId + " does not match its metadata");
    }
    Map<String, ForwardIndexReader> columns = new LinkedHashMap<>();
    for (String dimension : metadata.dimensionsSplitOrder()) {
      DataSource dataSource = dataSources.get(dimension);
      if (dataSource == null || dataSource.dictionary() == null) {
        throw new IllegalStateException("Star-tree " + treeId + " dimension[" + dimension
            + "] is not a dictionary column of the segment");
      }
      columns.put(dimension, forwardIndex(buffers, treeId, dimension, dataSource.metadata().dataType().storedType(),
          metadata.numDocs()));
    }
    for (AggregationFunctionColumnPair pair : metadata.functionColumnPairs()) {
      DataType type = switch (pair.function()) {
        case COUNT -> DataType.LONG;
        case SUM, AVG, MIN, MAX -> DataType.DOUBLE;
        case DISTINCTCOUNTBITMAP -> {
          DataSource dataSource = dataSources.get(pair.column());
          if (dataSource == null || dataSource.dictionary() == null) {
            throw new IllegalStateException("Star-tree " + treeId + " pair[" + pair + "] has no dictionary column");
          }
          yield dataSource.metadata().dataType().storedType();
        }
      };
      columns.put(pair.toColumnName(), forwardIndex(buffers, treeId, pair.toColumnName(), type, metadata.numDocs()));
    }
    return new LoadedStarTreeV2(metadata, tree, columns);
  }

  private static ForwardIndexReader forwardIndex(Map<String, DataBuffer> buffers, int treeId, String column,
      DataType storedType, int numDocs) {
    ForwardIndexReader reader = ForwardIndexes.open(buffer(buffers, treeId, column, StarTreeFormat.FORWARD_INDEX_TYPE),
        storedType, null);
    if (ForwardIndexes.numDocs(reader) != numDocs) {
      throw new IllegalStateException("Star-tree " + treeId + " column[" + column + "] has "
          + ForwardIndexes.numDocs(reader) + " documents, metadata says " + numDocs);
    }
    return reader;
  }

  private static DataBuffer buffer(Map<String, DataBuffer> buffers, int treeId, String column, String type) {
    DataBuffer buffer = buffers.get(treeId + "." + column + "." + type);
    if (buffer == null) {
      throw new IllegalStateException(StarTreeFormat.INDEX_MAP_FILE + " has no entry " + treeId + "." + column + "."
          + type);
    }
    return buffer;
  }

  /// Parses `<tree>.<column>.<type>.OFFSET|SIZE` lines into views of the index file keyed by `<tree>.<column>.<type>`.
  static Map<String, DataBuffer> readIndexMap(String text, DataBuffer data) {
    Map<String, long[]> entries = new HashMap<>();
    for (Map.Entry<String, String> property : PropertiesFile.read(text).entrySet()) {
      String key = property.getKey();
      int dot = key.lastIndexOf('.');
      String suffix = dot < 0 ? "" : key.substring(dot + 1);
      boolean offset = suffix.equals(StarTreeFormat.OFFSET_SUFFIX);
      if (!offset && !suffix.equals(StarTreeFormat.SIZE_SUFFIX)) {
        throw new IllegalStateException("Unexpected " + StarTreeFormat.INDEX_MAP_FILE + " key " + key);
      }
      long[] entry = entries.computeIfAbsent(key.substring(0, dot), k -> new long[] {-1, -1});
      entry[offset ? 0 : 1] = Long.parseLong(property.getValue().trim());
    }
    Map<String, DataBuffer> buffers = new HashMap<>();
    for (Map.Entry<String, long[]> entry : entries.entrySet()) {
      long start = entry.getValue()[0];
      long size = entry.getValue()[1];
      if (start < 0 || size < 0 || start + size > data.size()) {
        throw new IllegalStateException(StarTreeFormat.INDEX_MAP_FILE + " entry " + entry.getKey()
            + " is incomplete or outside " + StarTreeFormat.INDEX_FILE);
      }
      buffers.put(entry.getKey(), data.view(start, size));
    }
    return buffers;
  }
}
